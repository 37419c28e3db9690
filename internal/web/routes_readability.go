package web

// readabilityRoutes are the accessible-information checker's pages.
func (s *Server) readabilityRoutes() []route {
	return []route{
		{"GET /readability", s.readabilityForm},
		{"POST /readability", s.heavy(s.readabilityCheck)},
		{"POST /readability/checks", s.readabilitySave},
		{"GET /readability/checks/{id}", s.readabilitySaved},
		{"GET /readability/library", s.readabilityLibraries},
		{"GET /readability/library/{org}", s.readabilityLibrary},
		{"GET /readability/compare", s.readabilityCompareForm},
		{"POST /readability/compare", s.heavy(s.readabilityComparePasted)},
		{"GET /readability/compare/saved", s.readabilityCompareSaved},
	}
}

// readabilityPages are the area's typed pages, for the template test (page_test.go).
var readabilityPages = []pageType{readabilityPage, readabilityReportPage, readabilitySavedPage, readabilityLibrariesPage,
	readabilityLibraryPage, readabilityComparePage, readabilityComparedPage}
