package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/testkit/browser"
	"github.com/coprod/coprod/internal/web"
)

// TestMain removes the seeded templates the tests copied their databases from.
func TestMain(m *testing.M) {
	code := storetest.Run(m)
	browser.Close() // Chromium, shared by the browser tests, and its profile folder
	os.Exit(code)
}

// testServer is the real handler on 127.0.0.1:0 over a migrated store with
// the demo data.
type testServer struct {
	*httptest.Server
	DB     *store.DB
	offset atomic.Int64 // how far the tests moved the clock, in nanoseconds
}

// now is the clock both the handler and the store use.
func (s *testServer) now() time.Time { return time.Now().Add(time.Duration(s.offset.Load())) }

// advance moves the shared clock forward.
func (s *testServer) advance(d time.Duration) { s.offset.Add(int64(d)) }

func newTestServer(t *testing.T, engine store.Engine) *testServer {
	t.Helper()
	return newConfiguredServer(t, engine, func(*web.Config) {})
}

// newConfiguredServer is newTestServer with changes to the configuration.
func newConfiguredServer(t *testing.T, engine store.Engine, configure func(*web.Config)) *testServer {
	t.Helper()
	db := storetest.OpenSeeded(t, engine, "demo", seedDemo)
	s := &testServer{DB: db}
	db.Now = s.now
	cfg := web.Config{Store: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Demo: true, Now: s.now}
	configure(&cfg)
	h, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.Server = httptest.NewServer(h)
	t.Cleanup(s.Server.Close)
	return s
}

// seedDemo seeds the demo, whose accounts then carry the demo password
// hashed at argon2id's lowest cost. The tests sign in hundreds of times, and
// at the full cost each sign-in's check took a fifth of a second of CPU:
// about 60% of the CPU of all the HTTP tests. A hash carries its cost, and
// a sign-in checks it the same way at any cost (internal/auth tests both).
func seedDemo(ctx context.Context, db *store.DB) error {
	if err := demo.Seed(ctx, db); err != nil {
		return err
	}
	hash, err := auth.HashPasswordAtCost(demo.Password, 64, 1)
	if err != nil {
		return err
	}
	return storetest.Exec(db, "UPDATE users SET password_hash = '"+hash+"'")
}

// client is a cookie-keeping HTTP client that does not follow redirects,
// so tests see each response.
type client struct {
	t    *testing.T
	base string
	c    *http.Client
}

func (s *testServer) client(t *testing.T) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: s.URL, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

type response struct {
	*http.Response
	Body string
}

func (c *client) do(req *http.Request) response {
	c.t.Helper()
	res, err := c.c.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{res, string(b)}
}

func (c *client) get(path string) response {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.base+path, nil)
	return c.do(req)
}

// post sends a form as a same-origin browser would.
func (c *client) post(path string, form url.Values) response {
	c.t.Helper()
	req, _ := http.NewRequest("POST", c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", c.base)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return c.do(req)
}

func (c *client) login(email, password string) response {
	c.t.Helper()
	return c.post("/login", url.Values{"email": {email}, "password": {password}})
}

func (c *client) loginAs(role string) {
	c.t.Helper()
	if r := c.login(role+"@demo.test", demo.Password); r.StatusCode != http.StatusSeeOther {
		c.t.Fatalf("signing in as %s: %d %s", role, r.StatusCode, r.Body)
	}
}
