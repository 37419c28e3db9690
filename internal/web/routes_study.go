package web

import "net/http"

// studyRoutes are the research study pages: studies, transcripts of
// support interactions, their reports and the before-and-after comparison.
func (s *Server) studyRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /studies", s.studyList)
	mux.HandleFunc("GET /studies/new", s.studyNewForm)
	mux.HandleFunc("POST /studies", s.studyCreate)
	mux.HandleFunc("GET /studies/{study}", s.studyShow)
	mux.HandleFunc("GET /studies/{study}/upload", s.transcriptUploadForm)
	mux.HandleFunc("POST /studies/{study}/transcripts", s.transcriptUpload)
	mux.HandleFunc("GET /studies/{study}/transcripts/{id}", s.transcriptReport)
	mux.HandleFunc("GET /studies/{study}/transcripts/{id}/roles", s.transcriptRolesForm)
	mux.HandleFunc("POST /studies/{study}/transcripts/{id}/roles", s.transcriptRolesSave)
	mux.HandleFunc("GET /studies/{study}/compare", s.studyCompare)
	mux.HandleFunc("GET /studies/{study}/measures.csv", s.studyCSV)
}

// The study area's confirmations, added to the shared table here so the
// area stays in its own files.
// studyFlash are this area's confirmations, shown after post/redirect/get.
var studyFlash = map[string]string{
	"study-created":       "Study created.",
	"transcript-uploaded": "Transcript uploaded and consent recorded.",
	"roles-saved":         "Roles saved. The measures below use them.",
}
