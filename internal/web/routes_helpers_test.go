package web_test

import (
	"net/http"
	"sync"

	"github.com/coprod/coprod/internal/web"
)

var (
	routerOnce sync.Once
	router     *http.ServeMux
)

// routePattern is the route pattern the service's router picks for a GET of
// path ("" when none does), found by a mux holding the same patterns.
func routePattern(path string) string {
	routerOnce.Do(func() {
		router = http.NewServeMux()
		for _, p := range web.RoutePatterns() {
			router.HandleFunc(p, func(http.ResponseWriter, *http.Request) {})
		}
	})
	req, err := http.NewRequest(http.MethodGet, path, nil)
	if err != nil {
		return ""
	}
	_, pattern := router.Handler(req)
	return pattern
}
