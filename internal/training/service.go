package training

import "context"

// Service is what storage provides for training. Every change is audited.
type Service interface {
	CreateCourse(ctx context.Context, orgID string, n NewCourse) (string, error)
	Courses(ctx context.Context) ([]Course, error)
	Course(ctx context.Context, id string) (*Course, error)
	AddSession(ctx context.Context, courseID string, n NewSession) (string, error)
	TrainingSessions(ctx context.Context, courseID string) ([]Session, error)
	TrainingSession(ctx context.Context, id string) (*Session, error)
	AddAttendee(ctx context.Context, sessionID string, n NewAttendee, userID string) (string, error)
	Attendees(ctx context.Context, sessionID string) ([]Record, error)
	Attendee(ctx context.Context, id string) (*Record, error)
	// RecordAnswers keeps an attendee's answers at one phase, replacing any
	// given before at that phase.
	RecordAnswers(ctx context.Context, attendeeID string, phase Phase, values map[string]int) error
	CourseAnswers(ctx context.Context, courseID string) ([]Answer, error)
	SetStaffing(ctx context.Context, s Staffing) error
	Staffing(ctx context.Context) ([]Staffing, error)
	// AllAttendees lists every attendee of every session, for reach.
	AllAttendees(ctx context.Context) ([]Attendee, error)
	// AddTrainingFeedback keeps feedback to a session's trainers, without a name.
	AddTrainingFeedback(ctx context.Context, sessionID, words string) error
	TrainingFeedback(ctx context.Context, sessionID string) ([]Feedback, error)
	// RecordDelivered records that a session that has started was
	// delivered, and makes each trainer with an account an involvement
	// payment claim at the course's rate; once only.
	RecordDelivered(ctx context.Context, sessionID string) error
	// SessionPayments are a session's claims; TrainerPayments a trainer's,
	// newest first.
	SessionPayments(ctx context.Context, sessionID string) ([]Payment, error)
	TrainerPayments(ctx context.Context, userID string) ([]Payment, error)
	// AddMaterial keeps a file of a course's materials (CheckMaterial);
	// Materials lists them, plain English first; MaterialData reads one.
	AddMaterial(ctx context.Context, courseID string, v Version, name string, data []byte) (string, error)
	Materials(ctx context.Context, courseID string) ([]Material, error)
	MaterialData(ctx context.Context, courseID, id string) (*Material, []byte, error)
}
