package web

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the request latency
// histogram: from a cached board page to a large upload's analysis.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics counts requests by route pattern and status and keeps a latency
// histogram per route, for /metrics. Route patterns, not paths, so the
// number of series is bounded by the route table.
type metrics struct {
	mu     sync.Mutex
	counts map[routeStatus]uint64
	hists  map[string]*histogram
}

type routeStatus struct {
	route  string
	status int
}

type histogram struct {
	buckets []uint64 // cumulative counts are computed when written
	count   uint64
	sum     float64
}

func newMetrics() *metrics {
	return &metrics{counts: map[routeStatus]uint64{}, hists: map[string]*histogram{}}
}

// measure wraps the router: it runs after the router has chosen a route,
// so r.Pattern names it.
func (m *metrics) measure(mux http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		mux.ServeHTTP(rec, r)
		route := r.Pattern
		if route == "" || route == "/" {
			route = "unmatched"
		}
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		m.observe(route, status, time.Since(start).Seconds())
	})
}

func (m *metrics) observe(route string, status int, seconds float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.counts[routeStatus{route, status}]++
	h := m.hists[route]
	if h == nil {
		h = &histogram{buckets: make([]uint64, len(latencyBuckets))}
		m.hists[route] = h
	}
	if i, _ := slices.BinarySearch(latencyBuckets, seconds); i < len(latencyBuckets) {
		h.buckets[i]++
	}
	h.count++
	h.sum += seconds
}

// write prints the request series in the Prometheus text format.
func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([]routeStatus, 0, len(m.counts))
	for k := range m.counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].status < keys[j].status
	})
	fmt.Fprint(w, "# HELP coprod_http_requests_total Requests answered, by route and status.\n# TYPE coprod_http_requests_total counter\n")
	for _, k := range keys {
		fmt.Fprintf(w, "coprod_http_requests_total{route=%s,status=\"%d\"} %d\n", quoteLabel(k.route), k.status, m.counts[k])
	}
	routes := make([]string, 0, len(m.hists))
	for r := range m.hists {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	fmt.Fprint(w, "# HELP coprod_http_request_duration_seconds Time to answer a request, by route.\n# TYPE coprod_http_request_duration_seconds histogram\n")
	for _, r := range routes {
		h := m.hists[r]
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.buckets[i]
			fmt.Fprintf(w, "coprod_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n", quoteLabel(r), strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		fmt.Fprintf(w, "coprod_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", quoteLabel(r), h.count)
		fmt.Fprintf(w, "coprod_http_request_duration_seconds_sum{route=%s} %s\n", quoteLabel(r), strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(w, "coprod_http_request_duration_seconds_count{route=%s} %d\n", quoteLabel(r), h.count)
	}
}

// quoteLabel writes a label value as the text format asks: backslash,
// double quote and newline escaped.
func quoteLabel(s string) string {
	b := []byte{'"'}
	for _, c := range []byte(s) {
		switch c {
		case '\\', '"':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		default:
			b = append(b, c)
		}
	}
	return string(append(b, '"'))
}
