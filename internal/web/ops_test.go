package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/web"
)

// A line of the Prometheus text format: a comment, or a sample.
var exposition = regexp.MustCompile(`^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? [0-9.e+-]+)$`)

func TestReadinessIsNotLiveness(t *testing.T) {
	t.Parallel()
	var draining atomic.Bool
	s := newConfiguredServer(t, store.SQLite, func(c *web.Config) { c.Draining = &draining })
	c := s.client(t)
	for _, p := range []string{"/livez", "/readyz", "/healthz"} {
		if r := c.get(p); r.StatusCode != http.StatusOK || r.Body != "ok\n" {
			t.Errorf("%s: %d %q", p, r.StatusCode, r.Body)
		}
	}
	draining.Store(true)
	if r := c.get("/readyz"); r.StatusCode != http.StatusServiceUnavailable || r.Body != "shutting down\n" {
		t.Errorf("readyz while shutting down: %d %q", r.StatusCode, r.Body)
	}
	draining.Store(false)
	s.DB.Close()
	if r := c.get("/readyz"); r.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz with the database closed: %d %q", r.StatusCode, r.Body)
	}
	if r := c.get("/livez"); r.StatusCode != http.StatusOK {
		t.Errorf("livez with the database closed: %d: the process itself is fine", r.StatusCode)
	}
}

func TestMetrics(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	c := s.client(t)
	for range 3 {
		c.get("/livez")
	}
	c.get("/no/such/page")
	c.get("/board/items/nonexistent")
	r := c.get("/metrics")
	if r.StatusCode != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("metrics: %d %s", r.StatusCode, r.Header.Get("Content-Type"))
	}
	for _, want := range []string{
		`coprod_http_requests_total{route="GET /livez",status="200"} 3`,
		`coprod_http_requests_total{route="unmatched",status="404"} 1`,
		`coprod_http_requests_total{route="GET /board/items/{id}",status="404"} 1`,
		`coprod_http_request_duration_seconds_count{route="GET /livez"} 3`,
		`coprod_http_request_duration_seconds_bucket{route="GET /livez",le="+Inf"} 3`,
		`coprod_db_connections_open{pool="write"} `,
		`coprod_db_connections_max{pool="write"} 1`,
		"coprod_audit_head ",
		"go_goroutines ",
	} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	for i, line := range strings.Split(strings.TrimSuffix(r.Body, "\n"), "\n") {
		if !exposition.MatchString(line) {
			t.Errorf("line %d is not in the text format: %q", i+1, line)
		}
	}
	// Through a proxy the page is not there: metrics are never public by accident.
	req, _ := http.NewRequest("GET", s.URL+"/metrics", nil)
	req.Header.Set("X-Forwarded-For", "198.51.100.7")
	if r := c.do(req); r.StatusCode != http.StatusNotFound {
		t.Errorf("metrics through a proxy: %d", r.StatusCode)
	}
}

func TestMetricsToken(t *testing.T) {
	t.Parallel()
	s := newConfiguredServer(t, store.SQLite, func(c *web.Config) { c.MetricsToken = "s3cret-token" })
	c := s.client(t)
	if r := c.get("/metrics"); r.StatusCode != http.StatusNotFound {
		t.Errorf("metrics without the token: %d", r.StatusCode)
	}
	req, _ := http.NewRequest("GET", s.URL+"/metrics", nil)
	req.Header.Set("Authorization", "Bearer s3cret-token")
	req.Header.Set("X-Forwarded-For", "198.51.100.7") // the token is enough, from anywhere
	if r := c.do(req); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "coprod_http_requests_total") {
		t.Errorf("metrics with the token: %d", r.StatusCode)
	}
}
