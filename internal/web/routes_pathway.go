package web

// pathwayRoutes are a round's public "how to get support" page: written by
// the group from its vision, published with a short address and a poster.
func (s *Server) pathwayRoutes() []route {
	return []route{
		{"GET /rounds/{id}/pathway", s.pathwayForm},
		{"POST /rounds/{id}/pathway", s.pathwaySave},
		{"POST /rounds/{id}/pathway/publish", s.pathwayPublish},
		{"GET /p/{slug}", s.pathwayPublic},
		{"GET /p/{slug}/poster", s.pathwayPoster},
	}
}

// pathwayPages are this area's pages.
var pathwayPages = []pageType{pathwayEditPage, pathwayPublicPage}

// pathwayFlash are this area's confirmations.
var pathwayFlash = map[string]string{
	"pathway-saved":       "The page is saved.",
	"pathway-published":   "The page is public now. Share its short address.",
	"pathway-unpublished": "The page is no longer public.",
}
