package web

import (
	"context"
	"crypto/subtle"
	"fmt"
	"net/http"
	"net/netip"
	"runtime"
	"sort"
	"time"
)

// opsRoutes are for the people and machines that run the service:
// liveness, readiness and metrics. /healthz is kept for configurations
// written before readiness and liveness were told apart; it answers as
// readiness does.
func (s *Server) opsRoutes() []route {
	return []route{
		{"GET /healthz", s.readyz},
		{"GET /livez", s.livez},
		{"GET /readyz", s.readyz},
		{"GET /metrics", s.metricsPage},
	}
}

// livez says the process is serving requests; it asks nothing of the
// database, so an orchestrator does not restart a healthy process when the
// database is away.
func (s *Server) livez(w http.ResponseWriter, r *http.Request) error {
	plain(w)
	_, err := w.Write([]byte("ok\n"))
	return err
}

// readyz says whether this instance should be sent requests: the database
// answers, and the instance is not shutting down (it goes unready as soon
// as it is asked to stop, while it finishes the requests it has).
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) error {
	plain(w)
	if s.cfg.Draining != nil && s.cfg.Draining.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, err := w.Write([]byte("shutting down\n"))
		return err
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log.Error("readiness: database does not answer", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		_, err := w.Write([]byte("database unavailable\n"))
		return err
	}
	_, err := w.Write([]byte("ok\n"))
	return err
}

func plain(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
}

// metricsPage is the Prometheus text exposition: requests by route and
// status, latency histograms, the database pools, the audit head and the
// Go runtime. With a metrics token it needs "Authorization: Bearer TOKEN";
// without one it answers only to a client on this machine that did not
// come through a proxy, so it is never public by accident.
func (s *Server) metricsPage(w http.ResponseWriter, r *http.Request) error {
	if !s.mayReadMetrics(r) {
		return errNotFound
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	s.metrics.write(w)

	stats := s.store.PoolStats()
	pools := make([]string, 0, len(stats))
	for p := range stats {
		pools = append(pools, p)
	}
	sort.Strings(pools)
	gauge := func(name, help string) { fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n", name, help, name) }
	counter := func(name, help string) { fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n", name, help, name) }
	gauge("coprod_db_connections_open", "Open database connections, by pool.")
	for _, p := range pools {
		fmt.Fprintf(w, "coprod_db_connections_open{pool=%q} %d\n", p, stats[p].OpenConnections)
	}
	gauge("coprod_db_connections_in_use", "Database connections in use, by pool.")
	for _, p := range pools {
		fmt.Fprintf(w, "coprod_db_connections_in_use{pool=%q} %d\n", p, stats[p].InUse)
	}
	gauge("coprod_db_connections_max", "The most connections a pool may open (0: no limit).")
	for _, p := range pools {
		fmt.Fprintf(w, "coprod_db_connections_max{pool=%q} %d\n", p, stats[p].MaxOpenConnections)
	}
	counter("coprod_db_waits_total", "Times a request waited for a free database connection, by pool.")
	for _, p := range pools {
		fmt.Fprintf(w, "coprod_db_waits_total{pool=%q} %d\n", p, stats[p].WaitCount)
	}
	counter("coprod_db_wait_seconds_total", "Time spent waiting for a free database connection, by pool.")
	for _, p := range pools {
		fmt.Fprintf(w, "coprod_db_wait_seconds_total{pool=%q} %g\n", p, stats[p].WaitDuration.Seconds())
	}
	if head, err := s.store.AuditHead(r.Context()); err == nil {
		gauge("coprod_audit_head", "Sequence number of the newest audit event.")
		fmt.Fprintf(w, "coprod_audit_head %d\n", head)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	gauge("go_goroutines", "Goroutines that exist.")
	fmt.Fprintf(w, "go_goroutines %d\n", runtime.NumGoroutine())
	gauge("go_memstats_heap_inuse_bytes", "Bytes in in-use heap spans.")
	fmt.Fprintf(w, "go_memstats_heap_inuse_bytes %d\n", m.HeapInuse)
	gauge("go_memstats_sys_bytes", "Bytes obtained from the system.")
	fmt.Fprintf(w, "go_memstats_sys_bytes %d\n", m.Sys)
	return nil
}

func (s *Server) mayReadMetrics(r *http.Request) bool {
	if t := s.cfg.MetricsToken; t != "" {
		got := r.Header.Get("Authorization")
		return subtle.ConstantTimeCompare([]byte(got), []byte("Bearer "+t)) == 1
	}
	if r.Header.Get("X-Forwarded-For") != "" || r.Header.Get("Forwarded") != "" {
		return false
	}
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	return err == nil && ap.Addr().IsLoopback()
}
