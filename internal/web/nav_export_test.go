package web

import (
	"net/http"
	"net/http/httptest"
	"sync"
)

var patternMux = sync.OnceValue(func() *http.ServeMux {
	mux := http.NewServeMux()
	noop := func(http.ResponseWriter, *http.Request) {}
	mux.HandleFunc("GET /static/", noop)
	for _, rt := range (&Server{}).routeTable() {
		mux.HandleFunc(rt.pattern, noop)
	}
	return mux
})

// PatternFor names the route pattern that serves a GET of path (such as
// "GET /rounds/{id}"), as the service's ServeMux chooses it; "" when no
// route does. The follow-links test (browser_navigation_test.go) collects
// the routes a crawl reaches with it.
func PatternFor(path string) string {
	_, p := patternMux().Handler(httptest.NewRequest(http.MethodGet, path, nil))
	return p
}

// RoutePatternsForNav lists every route's pattern ("GET /rounds/{id}").
func RoutePatternsForNav() []string {
	var out []string
	for _, rt := range (&Server{}).routeTable() {
		out = append(out, rt.pattern)
	}
	return out
}
