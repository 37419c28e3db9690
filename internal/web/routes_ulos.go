package web

// uloRoutes let a provider set up a user-led organisation for the people
// who use its services, and a ULO's facilitators invite its members,
// facilitators and quality checkers (issue 19).
func (s *Server) uloRoutes() []route {
	return []route{
		{"GET /ulos", s.uloList},
		{"GET /ulos/new", s.uloNew},
		{"POST /ulos", s.uloCreate},
		{"GET /ulos/{org}/invite", s.uloInviteForm},
		{"POST /ulos/{org}/invite", s.uloInvite},
	}
}

// uloPages are the area's typed pages, for the template test (page_test.go).
var uloPages = []pageType{uloListPage, uloNewPage, uloInvitePage, uloLinkPage}
