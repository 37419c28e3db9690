package web

// measureRoutes are the measures area: a round's measures, service
// specifications and their versions, contracts with payment profiles,
// provider reporting, and the indicator chain. Signing off a measure or a
// version is the group's decision (the round's decisions pages), so there
// is no route here that signs anything off.
func (s *Server) measureRoutes() []route {
	return []route{
		{"GET /rounds/{id}/measures", s.measureList},
		{"GET /rounds/{id}/measures/new", s.measureNewForm},
		{"POST /rounds/{id}/measures", s.measureCreate},
		{"GET /rounds/{id}/measures/{mid}", s.measureShow},
		{"GET /rounds/{id}/chain", s.chainPage},

		{"GET /rounds/{id}/specs", s.specList},
		{"POST /rounds/{id}/specs", s.specCreate},
		{"GET /rounds/{id}/specs/{sid}", s.specShow},
		{"GET /rounds/{id}/specs/{sid}/versions/new", s.specVersionForm},
		{"POST /rounds/{id}/specs/{sid}/versions", s.specVersionCreate},
		{"GET /rounds/{id}/specs/{sid}/versions/{n}", s.specVersionShow},
		{"GET /rounds/{id}/specs/{sid}/versions/{n}/markdown", s.specVersionMarkdown},
		{"GET /rounds/{id}/specs/{sid}/compare", s.specCompare},

		{"GET /rounds/{id}/contracts", s.contractList},
		{"GET /rounds/{id}/contracts/new", s.contractNewForm},
		{"POST /rounds/{id}/contracts", s.contractCreate},
		{"GET /contracts", s.contractsMine},
		{"GET /contracts/{cid}", s.contractShow},
		{"GET /contracts/{cid}/profile", s.profileForm},
		{"POST /contracts/{cid}/profile", s.profileSave},
		{"GET /contracts/{cid}/sources", s.sourcesForm},
		{"POST /contracts/{cid}/sources", s.sourcesSave},
		{"GET /contracts/{cid}/report", s.reportForm},
		{"POST /contracts/{cid}/report", s.reportSave},
		{"POST /contracts/{cid}/report/csv", s.heavy(s.reportCSV)},
		{"GET /contracts/{cid}/profile.json", s.profileJSON},
		{"GET /contracts/{cid}/reports.csv", s.reportsCSVExport},
	}
}

// measurePages are the area's typed pages, for the template test (page_test.go).
var measurePages = []pageType{
	measureListPage, measureNewPage, measureShowPage, measureChainPage,
	specListPage, specShowPage, specVersionNewPage, specVersionPage, specComparePage,
	contractListPage, contractNewPage, contractMinePage, contractShowPage, contractProfilePage, contractReportPage, contractSourcesPage,
}
