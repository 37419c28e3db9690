package web

// raAuditRoutes are the audits of reasonable adjustments (issue 19), for
// the audit team only (the store refuses everyone else), and their public
// aggregates on the board.
func (s *Server) raAuditRoutes() []route {
	return []route{
		{"GET /adjustment-audits", s.raAuditList},
		{"GET /adjustment-audits/new", s.raAuditNew},
		{"POST /adjustment-audits", s.raAuditCreate},
		{"GET /adjustment-audits/{aid}", s.raAuditShow},
		{"GET /adjustment-audits/{aid}/cases/new", s.raCaseNew},
		{"GET /adjustment-audits/{aid}/compare", s.raCompare},
		{"POST /adjustment-audits/{aid}/cases", s.raCaseCreate},
		{"POST /adjustment-audits/{aid}/actions", s.raActionCreate},
		{"GET /board/adjustment-audits", s.raPublic},
	}
}

// raAuditPages are the area's typed pages, for the template test (page_test.go).
var raAuditPages = []pageType{raAuditListPage, raAuditNewPage, raAuditShowPage, raCaseNewPage, raPublicPage, raComparePage}
