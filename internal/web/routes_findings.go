package web

// findingsRoutes are the findings back to the group: each round's three
// documents (internal/findings), read, printed, downloaded, edited and
// released.
func (s *Server) findingsRoutes() []route {
	return []route{
		{"GET /rounds/{id}/findings", s.findingsList},
		{"GET /rounds/{id}/findings/{kind}", s.findingsShow},
		{"GET /rounds/{id}/findings/{kind}/print", s.findingsPrint},
		{"GET /rounds/{id}/findings/{kind}/word", s.findingsWord},
		{"GET /rounds/{id}/findings/{kind}/edit", s.findingsEditForm},
		{"POST /rounds/{id}/findings/{kind}/edit", s.findingsEdit},
		{"POST /rounds/{id}/findings/{kind}/refresh", s.findingsRefresh},
		{"POST /rounds/{id}/findings/{kind}/release", s.findingsRelease},
	}
}

// findingsPages are the area's pages, for the template test.
var findingsPages = []pageType{findingsListPage, findingsDocPage, findingsEditPage}
