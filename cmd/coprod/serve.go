package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"os/signal"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/notify/smtpmail"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/web"
)

type serveOptions struct {
	addr, dsn string
	noMigrate bool
	behindTLS bool
	demo      bool
	proxies   []netip.Prefix
	mail      *mailFlags // nil for the demo: no email
	auditKey  string     // audit key file; "" reads COPROD_AUDIT_KEY
	// access is the accessibility statement's contact (serve_accessibility.go); nil for the demo.
	access *web.AccessibilityContact
}

func cmdServe(ctx context.Context, e env, args []string) int {
	fs := newFlags(e, "serve")
	o := serveOptions{}
	fs.StringVar(&o.addr, "addr", envOr(e, "COPROD_ADDR", "127.0.0.1:8080"), "address to listen on (env COPROD_ADDR)")
	db := dbFlag(e, fs, "./coprod.db")
	fs.BoolVar(&o.noMigrate, "no-migrate", false, "do not apply migrations on start")
	fs.BoolVar(&o.behindTLS, "behind-tls", false, "the service is behind a TLS proxy: mark cookies Secure")
	proxies := fs.String("trusted-proxies", e.getenv("COPROD_TRUSTED_PROXIES"),
		"comma-separated addresses or networks of the proxies in front of the service, whose X-Forwarded-For names the client (env COPROD_TRUSTED_PROXIES)")
	o.mail = addMailFlags(e, fs)
	o.access = addAccessibilityFlags(e, fs)
	keyFile := auditKeyFlag(e, fs, "audit-key-file")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	var err error
	if o.proxies, err = web.ParseTrustedProxies(*proxies); err != nil {
		fmt.Fprintf(e.stderr, "coprod serve: --trusted-proxies: %v\n", err)
		return 2
	}
	o.dsn, o.auditKey = *db, *keyFile
	return serve(ctx, e, o)
}

func cmdDemo(ctx context.Context, e env, args []string) int {
	fs := newFlags(e, "demo")
	o := serveOptions{demo: true}
	fs.StringVar(&o.addr, "addr", envOr(e, "COPROD_ADDR", "127.0.0.1:8080"), "address to listen on (env COPROD_ADDR)")
	db := dbFlag(e, fs, "")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	o.dsn = *db
	if o.dsn == "" {
		dir, err := os.MkdirTemp("", "coprod-demo-")
		if err != nil {
			return fail(e, "making a folder for the demo database: %v", err)
		}
		o.dsn = filepath.Join(dir, "coprod-demo.db")
		// The demo seals its record with a key of its own, beside its
		// database, so the board shows signed checkpoints as it would live.
		o.auditKey = filepath.Join(dir, "audit.key")
		k, err := audit.NewKey("demo", time.Now())
		if err == nil {
			err = appendKey(o.auditKey, k)
		}
		if err != nil {
			return fail(e, "making the demo's audit key: %v", err)
		}
	}
	return serve(ctx, e, o)
}

func envOr(e env, key, fallback string) string {
	if v := e.getenv(key); v != "" {
		return v
	}
	return fallback
}

// serve runs the service until SIGINT or SIGTERM, then drains requests.
func serve(ctx context.Context, e env, o serveOptions) int {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(e.stderr, nil))

	keys, err := loadAuditKeys(e, o.auditKey)
	if err != nil {
		return fail(e, "%v", err)
	}
	db, err := store.Open(ctx, o.dsn)
	if err != nil {
		return fail(e, "%v", err)
	}
	defer db.Close()
	db.SetAuditKeys(keys)
	if keys == nil {
		log.Warn("no audit key: the audit log is hash-chained but not keyed, and the board publishes no signed checkpoints; see `coprod audit` for how to make one")
	}
	if o.noMigrate {
		_, err = db.CheckSchema(ctx)
	} else {
		var v int
		v, err = db.Migrate(ctx)
		log.Info("database ready", "engine", db.Engine, "schema_version", v)
	}
	if err != nil {
		return fail(e, "%v", err)
	}
	if o.demo {
		if err := demo.Seed(ctx, db); err != nil {
			return fail(e, "loading the demo data: %v", err)
		}
	}

	var sender *smtpmail.Sender
	publicURL := ""
	if o.mail != nil {
		if sender, err = o.mail.sender(e); err != nil {
			return fail(e, "%v", err)
		}
		publicURL = o.mail.publicURL
	}
	workerCtx, stopWorker := context.WithCancel(ctx)
	defer stopWorker()
	waitWorker := startNotifications(workerCtx, db, log, sender, publicURL)
	defer waitWorker() // before the database closes
	defer stopWorker()

	var draining atomic.Bool
	access := web.AccessibilityContact{}
	if o.access != nil {
		access = *o.access
	}
	h, err := web.New(web.Config{Store: db, Log: log, Secure: o.behindTLS, Demo: o.demo, TrustedProxies: o.proxies, EmailEnabled: sender != nil,
		Draining: &draining, MetricsToken: e.getenv("COPROD_METRICS_TOKEN"), Accessibility: access})
	if err != nil {
		return fail(e, "%v", err)
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fail(e, "cannot listen on %s: %v", o.addr, err)
	}
	url := "http://" + ln.Addr().String()
	fmt.Fprintf(e.stdout, "Coprod is running at %s\n", url)
	if o.demo {
		if o.auditKey != "" {
			fmt.Fprintf(e.stdout, "Demo audit key: %s\n", o.auditKey)
		}
		fmt.Fprintf(e.stdout, "Demo database: %s\nDemo logins (password %q for each):\n", o.dsn, demo.Password)
		for _, l := range demo.Logins() {
			fmt.Fprintf(e.stdout, "  %-13s %-24s %s\n", l.Role, l.Email, l.Name)
		}
	}
	fmt.Fprintln(e.stdout, "Press Ctrl+C to stop.")

	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, WriteTimeout: 2 * time.Minute,
		IdleTimeout: 2 * time.Minute, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fail(e, "server stopped: %v", err)
	case <-ctx.Done():
	}
	draining.Store(true) // /readyz now says no, so a load balancer moves on
	log.Info("shutting down: finishing requests in progress")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fail(e, "shutting down: %v", err)
	}
	log.Info("stopped")
	return 0
}
