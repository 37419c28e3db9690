package web

// spcRoutes are the statistical process control charts (issue 19): a
// contract indicator's values over time, and the series behind the chart
// for checking offline with "coprod spc". Who may see them is who may see
// the contract.
func (s *Server) spcRoutes() []route {
	return []route{
		{"GET /contracts/{cid}/indicators/{code}/chart", s.indicatorSPC},
		{"GET /contracts/{cid}/indicators/{code}/values.csv", s.indicatorValuesCSV},
	}
}

// spcPages are the area's typed pages, for the template test (page_test.go).
var spcPages = []pageType{indicatorSPCPage}
