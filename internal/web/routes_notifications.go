package web

// notificationRoutes are a person's notifications, their choices about
// them, and the operator's list of emails that could not be delivered.
func (s *Server) notificationRoutes() []route {
	return []route{
		{"GET /notifications", s.notificationList},
		{"POST /notifications/read", s.notificationReadAll},
		{"POST /notifications/{id}/read", s.notificationRead},
		{"GET /account/notifications", s.notifyPrefsForm},
		{"POST /account/notifications", s.notifyPrefsSave},
		{"GET /admin/emails", s.emailProblems},
	}
}

// notificationPages are the area's typed pages, for the template test (page_test.go).
var notificationPages = []pageType{notificationsPage, notifyPrefsPage, emailProblemsPage}

// notificationFlash are the area's confirmations.
var notificationFlash = map[string]string{
	"notification-read":  "Marked as read.",
	"notifications-read": "All your notifications are marked as read.",
	"notify-prefs-saved": "Your notification choices are saved.",
}
