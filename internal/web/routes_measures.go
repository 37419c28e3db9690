package web

// measureRoutes are the measures area: a round's measures and their
// sign-off, service specifications and their versions, contracts with
// payment profiles, provider reporting, and the indicator chain.
func (s *Server) measureRoutes() []route {
	return []route{
		{"GET /rounds/{id}/measures", legacy(s.measureList)},
		{"GET /rounds/{id}/measures/new", legacy(s.measureNewForm)},
		{"POST /rounds/{id}/measures", legacy(s.measureCreate)},
		{"GET /rounds/{id}/measures/{mid}", legacy(s.measureShow)},
		{"POST /rounds/{id}/measures/{mid}/sign-off", legacy(s.measureSignOff)},
		{"GET /rounds/{id}/chain", legacy(s.chainPage)},

		{"GET /rounds/{id}/specs", legacy(s.specList)},
		{"POST /rounds/{id}/specs", legacy(s.specCreate)},
		{"GET /rounds/{id}/specs/{sid}", legacy(s.specShow)},
		{"GET /rounds/{id}/specs/{sid}/versions/new", legacy(s.specVersionForm)},
		{"POST /rounds/{id}/specs/{sid}/versions", legacy(s.specVersionCreate)},
		{"GET /rounds/{id}/specs/{sid}/versions/{n}", legacy(s.specVersionShow)},
		{"GET /rounds/{id}/specs/{sid}/versions/{n}/markdown", legacy(s.specVersionMarkdown)},
		{"POST /rounds/{id}/specs/{sid}/versions/{n}/sign-off", legacy(s.specVersionSignOff)},
		{"GET /rounds/{id}/specs/{sid}/compare", legacy(s.specCompare)},

		{"GET /rounds/{id}/contracts", legacy(s.contractList)},
		{"GET /rounds/{id}/contracts/new", legacy(s.contractNewForm)},
		{"POST /rounds/{id}/contracts", legacy(s.contractCreate)},
		{"GET /contracts", legacy(s.contractsMine)},
		{"GET /contracts/{cid}", legacy(s.contractShow)},
		{"GET /contracts/{cid}/profile", legacy(s.profileForm)},
		{"POST /contracts/{cid}/profile", legacy(s.profileSave)},
		{"GET /contracts/{cid}/report", legacy(s.reportForm)},
		{"POST /contracts/{cid}/report", legacy(s.reportSave)},
		{"POST /contracts/{cid}/report/csv", legacy(s.reportCSV)},
		{"GET /contracts/{cid}/profile.json", legacy(s.profileJSON)},
		{"GET /contracts/{cid}/reports.csv", legacy(s.reportsCSVExport)},
	}
}

// measurePages are the area's typed pages, for the template test (page_test.go).
var measurePages = []pageType{}
