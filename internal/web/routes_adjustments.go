package web

// adjustmentRoutes are the register of reasonable adjustments (issue 19):
// the person's own, a member's for their group's facilitators, what is
// shared with an organisation, one entry with its history, the FHIR
// exports, and the Easy Read "About me: what helps me" passport. The store decides who may see what.
func (s *Server) adjustmentRoutes() []route {
	return []route{
		{"GET /adjustments", s.adjustmentsMine},
		{"GET /adjustments/fhir.json", s.adjustmentsMineFHIR},
		{"GET /adjustments/passport", s.adjustmentsMinePassport},
		{"GET /adjustments/passport.docx", s.adjustmentsMinePassportDocx},
		{"GET /adjustments/shared", s.adjustmentsShared},
		{"GET /adjustments/new", s.adjustmentNew},
		{"POST /adjustments", s.adjustmentCreate},
		{"GET /adjustments/{aid}", s.adjustmentShow},
		{"GET /adjustments/{aid}/edit", s.adjustmentEdit},
		{"POST /adjustments/{aid}", s.adjustmentChange},
		{"POST /adjustments/{aid}/end", s.adjustmentEnd},
		{"GET /rounds/{id}/members/{mid}/adjustments", s.adjustmentsMember},
		{"GET /rounds/{id}/members/{mid}/adjustments/fhir.json", s.adjustmentsMemberFHIR},
		{"GET /rounds/{id}/members/{mid}/adjustments/passport", s.adjustmentsMemberPassport},
		{"GET /rounds/{id}/members/{mid}/adjustments/passport.docx", s.adjustmentsMemberPassportDocx},
	}
}

// adjustmentPages are the area's typed pages, for the template test (page_test.go).
var adjustmentPages = []pageType{adjustmentsMinePage, adjustmentsMemberPage, adjustmentsSharedPage, adjustmentFormPage, adjustmentShowPage,
	adjustmentPassportPage}
