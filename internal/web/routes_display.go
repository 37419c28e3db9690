package web

// displayRoutes are one's own display settings and the header's Easy Read switch.
func (s *Server) displayRoutes() []route {
	return []route{
		{"GET /account/display", s.displayForm},
		{"POST /account/display", s.displaySave},
		{"POST /account/easy-read", s.easyReadSwitch},
	}
}

// displayPages are this area's pages.
var displayPages = []pageType{displaySettingsPage}

// displayFlash are this area's confirmations.
var displayFlash = map[string]string{
	"display-saved": "Your display settings are saved.",
}
