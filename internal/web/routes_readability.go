package web

import "net/http"

// readabilityRoutes are the accessible-information checker's pages.
func (s *Server) readabilityRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /readability", s.readabilityForm)
	mux.HandleFunc("POST /readability", s.readabilityCheck)
	mux.HandleFunc("POST /readability/checks", s.readabilitySave)
	mux.HandleFunc("GET /readability/checks/{id}", s.readabilitySaved)
	mux.HandleFunc("GET /readability/library", s.readabilityLibraries)
	mux.HandleFunc("GET /readability/library/{org}", s.readabilityLibrary)
	mux.HandleFunc("GET /readability/compare", s.readabilityCompareForm)
	mux.HandleFunc("POST /readability/compare", s.readabilityComparePasted)
	mux.HandleFunc("GET /readability/compare/saved", s.readabilityCompareSaved)
}
