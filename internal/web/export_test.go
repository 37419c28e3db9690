package web

// RoutePatterns lists the pattern of every route of the service (as
// "METHOD /path"), for tests that must cover them all: the CSV export
// test, the follow-links crawl.
func RoutePatterns() []string {
	var out []string
	for _, rt := range (&Server{}).routeTable() {
		out = append(out, rt.pattern)
	}
	return out
}
