package web

// qcRoutes are quality checks led by a user-led organisation (issue 19):
// the ULO's quality checkers plan a visit and answer the Easy Read
// checklist one question a page; the provider visited reads the finished
// report and answers each point. The store refuses anyone else with "no
// such quality check".
func (s *Server) qcRoutes() []route {
	return []route{
		{"GET /quality-checks", s.qcList},
		{"GET /quality-checks/new", s.qcNew},
		{"POST /quality-checks", s.qcCreate},
		{"GET /quality-checks/{qid}", s.qcShow},
		{"GET /quality-checks/{qid}/questions/{q}", s.qcQuestion},
		{"POST /quality-checks/{qid}/questions/{q}", s.qcAnswer},
		{"POST /quality-checks/{qid}/finish", s.qcFinish},
		{"GET /quality-checks/{qid}/points/{q}", s.qcReplyForm},
		{"POST /quality-checks/{qid}/points/{q}", s.qcReply},
		{"POST /quality-checks/{qid}/payments", s.qcPay},
	}
}

// qcPages are the area's typed pages, for the template test (page_test.go).
var qcPages = []pageType{qcListPage, qcNewPage, qcShowPage, qcQuestionPage, qcReplyPage}
