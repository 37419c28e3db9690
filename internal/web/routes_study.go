package web

// studyRoutes are the research study pages: studies, transcripts of
// support interactions, their reports and the before-and-after comparison.
func (s *Server) studyRoutes() []route {
	return []route{
		{"GET /studies", legacy(s.studyList)},
		{"GET /studies/new", legacy(s.studyNewForm)},
		{"POST /studies", legacy(s.studyCreate)},
		{"GET /studies/{study}", legacy(s.studyShow)},
		{"GET /studies/{study}/upload", legacy(s.transcriptUploadForm)},
		{"POST /studies/{study}/transcripts", legacy(s.transcriptUpload)},
		{"GET /studies/{study}/transcripts/{id}", legacy(s.transcriptReport)},
		{"GET /studies/{study}/transcripts/{id}/roles", legacy(s.transcriptRolesForm)},
		{"POST /studies/{study}/transcripts/{id}/roles", legacy(s.transcriptRolesSave)},
		{"GET /studies/{study}/compare", legacy(s.studyCompare)},
		{"GET /studies/{study}/measures.csv", legacy(s.studyCSV)},
	}
}

// The study area's confirmations, added to the shared table here so the
// area stays in its own files.
// studyFlash are this area's confirmations, shown after post/redirect/get.
var studyFlash = map[string]string{
	"study-created":       "Study created.",
	"transcript-uploaded": "Transcript uploaded and consent recorded.",
	"roles-saved":         "Roles saved. The measures below use them.",
}

// studyPages are the area's typed pages, for the template test (page_test.go).
var studyPages = []pageType{}
