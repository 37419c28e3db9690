package web

// studyRoutes are the research study pages: studies, transcripts of
// support interactions, their reports and the before-and-after comparison.
func (s *Server) studyRoutes() []route {
	return []route{
		{"GET /studies", s.studyList},
		{"GET /studies/new", s.studyNewForm},
		{"POST /studies", s.studyCreate},
		{"GET /studies/{study}", s.studyShow},
		{"GET /studies/{study}/upload", s.transcriptUploadForm},
		{"POST /studies/{study}/transcripts", s.heavy(s.transcriptUpload)},
		{"GET /studies/{study}/transcripts/{id}", s.transcriptReport},
		{"GET /studies/{study}/transcripts/{id}/roles", s.transcriptRolesForm},
		{"POST /studies/{study}/transcripts/{id}/roles", s.transcriptRolesSave},
		{"GET /studies/{study}/compare", s.studyCompare},
		{"GET /studies/{study}/measures.csv", s.studyCSV},
	}
}

// studyFlash are this area's confirmations, shown after post/redirect/get.
var studyFlash = map[string]string{
	"study-created":       "Study created.",
	"transcript-uploaded": "Transcript uploaded and consent recorded.",
	"roles-saved":         "Roles saved. The measures below use them.",
}

// studyPages are the area's typed pages, for the template test (page_test.go).
var studyPages = []pageType{studyListPage, studyNewPage, studyShowPage, studyUploadPage, studyReportPage, studyRolesPage,
	studyComparePage}
