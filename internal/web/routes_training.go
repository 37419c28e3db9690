package web

// trainingRoutes are training delivered by people with lived experience
// (internal/training): courses, sessions, who attended, the confidence
// questions before and after, certificates and reach per provider.
func (s *Server) trainingRoutes() []route {
	return []route{
		{"GET /training", s.trainingList},
		{"POST /training/courses", s.trainingCreateCourse},
		{"GET /training/courses/{id}", s.trainingCourse},
		{"POST /training/courses/{id}/sessions", s.trainingAddSession},
		{"POST /training/courses/{id}/materials", s.heavy(s.trainingAddMaterial)},
		{"GET /training/courses/{id}/materials/{mid}/file", s.trainingMaterial},
		{"GET /training/sessions/{id}", s.trainingSession},
		{"POST /training/sessions/{id}/attendees", s.trainingAddAttendee},
		{"POST /training/sessions/{id}/feedback", s.trainingFeedback},
		{"POST /training/sessions/{id}/delivered", s.trainingDelivered},
		{"GET /training/attendees/{id}/answers/{phase}", s.trainingAnswersForm},
		{"POST /training/attendees/{id}/answers/{phase}", s.trainingAnswers},
		{"GET /training/attendees/{id}/certificate", s.trainingCertificate},
		{"GET /training/reach", s.trainingReach},
		{"POST /training/reach", s.trainingDeclare},
	}
}

// trainingPages are this area's pages.
var trainingPages = []pageType{trainingListPage, trainingCoursePage, trainingSessionPage, trainingAnswersPage, trainingCertificatePage, trainingReachPage}

// trainingFlash are this area's confirmations.
var trainingFlash = map[string]string{
	"training-course-added":   "Course added.",
	"training-session-added":  "Session added.",
	"training-attendee-added": "Attendee added.",
	"training-answers-saved":  "Answers saved.",
	"training-staff-saved":    "Staff numbers saved.",
	"training-feedback-saved": "Thank you. Your feedback has gone to the trainers, without your name.",
	"training-material-added": "File added to the course's materials.",
	"training-delivered":      "Recorded as delivered. The trainers' involvement payment claims are below.",
}
