// Package web is the HTTP face of Coprod: server-rendered pages that work
// without JavaScript and without CSS, built on net/http's ServeMux.
package web

import (
	"context"
	"database/sql"
	"log/slog"
	"net/http"
	"net/netip"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coprod/coprod/internal/adjustaudit"
	"github.com/coprod/coprod/internal/adjustment"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/computed"
	"github.com/coprod/coprod/internal/display"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/findings"
	"github.com/coprod/coprod/internal/infocheck"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/notify"
	"github.com/coprod/coprod/internal/pathway"
	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/qualitycheck"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/study"
	"github.com/coprod/coprod/internal/tasks"
	"github.com/coprod/coprod/internal/tender"
	"github.com/coprod/coprod/internal/training"
)

// Store is what the web face needs of storage.
type Store interface {
	auth.Service
	round.Service
	evidence.Service
	infocheck.Service
	ledger.Service
	measure.Service
	study.Service
	qda.Service
	tender.Service
	display.Service
	pictures.Service
	notify.Service
	tasks.Service
	findings.Service
	peer.Service
	training.Service
	pathway.Service
	adjustment.Service
	adjustaudit.Service
	qualitycheck.Service
	auth.ULOService
	adjustaudit.ActionPlans
	computed.Service
	AuditEvents(ctx context.Context, f audit.Filter) ([]audit.Event, error)
	AuditHead(ctx context.Context) (int64, error)
	AuditCheckpoint(ctx context.Context) (audit.Checkpoint, error)
	AuditKeyed() bool
	PublicRounds(ctx context.Context) ([]round.PublicRound, error)
	Ping(ctx context.Context) error
	PoolStats() map[string]sql.DBStats
}

// Config configures a Server.
type Config struct {
	Store  Store
	Log    *slog.Logger
	Now    func() time.Time
	Secure bool // behind a TLS proxy: cookies get the Secure flag

	// SessionTTL is how long a sign-in lasts; InvitationTTL how long an invitation link works.
	SessionTTL    time.Duration
	InvitationTTL time.Duration
	// Draining is set when the service has been asked to stop: readiness
	// then says no, so a load balancer sends its requests elsewhere.
	Draining *atomic.Bool
	// HeavyWork is how many analyses of uploads may run at once (default:
	// one fewer than the cores, at least one); HeavyWait how long another waits for a turn before it
	// is told the service is busy (default 5 s).
	HeavyWork int
	HeavyWait time.Duration
	// MetricsToken, when set, is the bearer token /metrics asks for;
	// without it /metrics answers only on the machine itself.
	MetricsToken string
	// Demo adds a banner saying this is demonstration data.
	Demo bool
	// Accessibility is who the accessibility statement says to contact (accessibility.go).
	Accessibility AccessibilityContact
	// TrustedProxies are the proxies in front of the service, whose
	// X-Forwarded-For names the client (see ParseTrustedProxies).
	TrustedProxies []netip.Prefix
	// BoardCacheBytes bounds the memory of the public board's kept pages (32 MiB when 0).
	BoardCacheBytes int
	// EmailEnabled: the service sends notification emails (SMTP is configured).
	EmailEnabled bool
}

// Server holds what every handler shares.
type Server struct {
	cfg     Config
	store   Store
	log     *slog.Logger
	pages   *pageSet
	static  *staticFiles
	boards  *boardPages
	metrics *metrics
	work    *heavyWork
}

// New returns the service's HTTP handler.
func New(cfg Config) (http.Handler, error) {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.SessionTTL == 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	if cfg.InvitationTTL == 0 {
		cfg.InvitationTTL = 7 * 24 * time.Hour
	}
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, store: cfg.Store, log: cfg.Log, static: a.static, pages: a.pages, boards: newBoardPages(cfg),
		metrics: newMetrics(), work: newHeavyWork(cfg)}
	return s.routes(), nil
}

// assets are the embedded static files and the parsed page templates.
type assets struct {
	static *staticFiles
	pages  *pageSet
}

// loadAssets reads and parses the embedded files once per process: they
// never change after loading and executing a template is safe from many
// goroutines, so every Server shares them. Parsing clones the layout for
// every page (about 74 MB allocated), which a process starting many
// servers (the tests start hundreds) should not pay each time.
var loadAssets = sync.OnceValues(func() (assets, error) {
	st, err := loadStatic()
	if err != nil {
		return assets{}, err
	}
	pages, err := parsePages(st)
	return assets{static: st, pages: pages}, err
})

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", s.static)
	for _, rt := range s.routeTable() {
		mux.HandleFunc(rt.pattern, s.serve(rt.handle))
	}

	mux.HandleFunc("/", s.notFound)

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(s.crossOriginDenied))
	var h http.Handler = s.metrics.measure(mux)
	h = s.cleanInput(h)
	h = s.loadPrincipal(h)
	h = cop.Handler(h)
	h = securityHeaders(h)
	h = s.recoverAndLog(h)
	return h
}

// routeTable is every route of the service, area by area; each area keeps
// its table in routes_<area>.go.
func (s *Server) routeTable() []route {
	return slices.Concat(s.opsRoutes(), s.shellRoutes(), s.adminRoutes(), s.roundRoutes(), s.readabilityRoutes(), s.boardRoutes(), s.ledgerRoutes(),
		s.studyRoutes(), s.codingRoutes(), s.measureRoutes(), s.tenderRoutes(), s.notificationRoutes(), s.displayRoutes(), s.easyReadRoutes(), s.findingsRoutes(), s.peerRoutes(), s.trainingRoutes(), s.pathwayRoutes(), s.spcRoutes(), s.adjustmentRoutes(), s.raAuditRoutes(), s.qcRoutes(), s.uloRoutes())
}

// shellRoutes are the routes of the site's shell, signing in and one's own account.
func (s *Server) shellRoutes() []route {
	return []route{
		{"GET /{$}", s.home},
		{"GET /tenders/mine", s.yourTenders},
		{"GET /accessibility", s.accessibility},
		{"GET /login", s.loginForm},
		{"POST /login", s.login},
		{"POST /logout", s.logout},
		{"GET /invite/{token}", s.inviteForm},
		{"POST /invite/{token}", s.acceptInvite},
		{"GET /account", s.account},
		{"GET /account/password", s.passwordForm},
		{"POST /account/password", s.changePassword},
	}
}
