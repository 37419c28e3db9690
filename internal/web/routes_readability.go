package web

// readabilityRoutes are the accessible-information checker's pages.
func (s *Server) readabilityRoutes() []route {
	return []route{
		{"GET /readability", legacy(s.readabilityForm)},
		{"POST /readability", legacy(s.readabilityCheck)},
		{"POST /readability/checks", legacy(s.readabilitySave)},
		{"GET /readability/checks/{id}", legacy(s.readabilitySaved)},
		{"GET /readability/library", legacy(s.readabilityLibraries)},
		{"GET /readability/library/{org}", legacy(s.readabilityLibrary)},
		{"GET /readability/compare", legacy(s.readabilityCompareForm)},
		{"POST /readability/compare", legacy(s.readabilityComparePasted)},
		{"GET /readability/compare/saved", legacy(s.readabilityCompareSaved)},
	}
}

// readabilityPages are the area's typed pages, for the template test (page_test.go).
var readabilityPages = []pageType{}
