package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/web"
)

func TestHealthz(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	c := s.client(t)
	if r := c.get("/healthz"); r.StatusCode != 200 || r.Body != "ok\n" {
		t.Fatalf("healthz = %d %q", r.StatusCode, r.Body)
	}
	s.DB.Close()
	if r := c.get("/healthz"); r.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("healthz with the database closed = %d %q", r.StatusCode, r.Body)
	}
}

func TestPageShellLandmarksAndSecurityHeaders(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	r := s.client(t).get("/")
	if r.StatusCode != 200 {
		t.Fatalf("GET / = %d", r.StatusCode)
	}
	for _, want := range []string{`<html lang="en">`, `<main id="main"`, `<header`, `<footer`, `href="/accessibility"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("/ lacks %s", want)
		}
	}
	// The skip link must be the first focusable element in the body.
	body := r.Body[strings.Index(r.Body, "<body>"):]
	first := regexp.MustCompile(`<(a|button|input|select|textarea)\b[^>]*>`).FindString(body)
	if first != `<a class="skip-link" href="#main">` {
		t.Errorf("first focusable element is %s", first)
	}
	h := r.Header
	csp := h.Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP = %q", csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
		t.Errorf("headers = %v", h)
	}
}

func TestStaticAssetsAreHashedAndCachedLong(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	c := s.client(t)
	css := regexp.MustCompile(`href="(/static/app\.[0-9a-f]{8}\.css)"`).FindStringSubmatch(c.get("/").Body)
	if css == nil {
		t.Fatal("no hashed stylesheet link on /")
	}
	r := c.get(css[1])
	if r.StatusCode != 200 || !strings.Contains(r.Header.Get("Cache-Control"), "max-age=31536000") || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/css") {
		t.Fatalf("stylesheet: %d %v", r.StatusCode, r.Header)
	}
	if r := c.get("/static/app.00000000.css"); r.StatusCode != 404 {
		t.Fatalf("unknown asset = %d", r.StatusCode)
	}
}

func TestCrossSitePostIsRefused(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	form := url.Values{"email": {"admin@demo.test"}, "password": {"coprod-demo"}}
	req, _ := http.NewRequest("POST", s.URL+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://attacker.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	r := s.client(t).do(req)
	if r.StatusCode != http.StatusForbidden || r.Header.Get("Set-Cookie") != "" {
		t.Fatalf("cross-site POST /login = %d, cookie %q", r.StatusCode, r.Header.Get("Set-Cookie"))
	}
}

func TestLoginLogout(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		c := s.client(t)
		r := c.login("ADMIN@demo.test", "coprod-demo")
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/" {
			t.Fatalf("login = %d %s", r.StatusCode, r.Header.Get("Location"))
		}
		cookie := r.Header.Get("Set-Cookie")
		for _, want := range []string{"coprod_session=", "HttpOnly", "SameSite=Lax", "Path=/"} {
			if !strings.Contains(cookie, want) {
				t.Errorf("session cookie %q lacks %s", cookie, want)
			}
		}
		if strings.Contains(cookie, "Secure") {
			t.Errorf("cookie marked Secure without --behind-tls: %q", cookie)
		}
		if r := c.get("/admin"); r.StatusCode != 200 || !strings.Contains(r.Body, "Signed in as") {
			t.Fatalf("admin after login = %d", r.StatusCode)
		}
		if r := c.post("/logout", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("logout = %d", r.StatusCode)
		}
		if r := c.get("/admin"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login?next=") {
			t.Fatalf("admin after logout = %d %s", r.StatusCode, r.Header.Get("Location"))
		}
	})
}

// TestLoginErrorsAndThrottling: wrong passwords bring growing delays (five
// free for an account, then 1 s, doubling), never a lock-out; during a delay
// even the right password is not checked, and the page says how long to wait.
func TestLoginErrorsAndThrottling(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s, clock := newStoppedServer(t, engine, func(*web.Config) {})
		c := s.client(t)
		r := c.login("", "")
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#email"`) || !strings.Contains(r.Body, `href="#password"`) {
			t.Fatalf("empty login: %d", r.StatusCode)
		}
		for i := range 6 { // five failures cost nothing; the sixth is still checked
			r = c.login("member@demo.test", "wrong password")
			if r.StatusCode != http.StatusUnauthorized || !strings.Contains(r.Body, "not right") {
				t.Fatalf("attempt %d: %d", i+1, r.StatusCode)
			}
			if strings.Contains(r.Body, "wrong password") {
				t.Fatal("the password was echoed back into the page")
			}
		}
		// The seventh must wait a second: refused even with the right
		// password (which is not checked), saying how long to wait.
		r = c.login("member@demo.test", demo.Password)
		if r.StatusCode != http.StatusTooManyRequests || !strings.Contains(r.Body, "Wait 1 second, then try again") ||
			r.Header.Get("Retry-After") != "1" || strings.Contains(r.Header.Get("Set-Cookie"), "coprod_session=") {
			t.Fatalf("throttled login: %d, Retry-After %q, cookie %q", r.StatusCode, r.Header.Get("Retry-After"), r.Header.Get("Set-Cookie"))
		}
		if strings.Contains(r.Body, demo.Password) {
			t.Fatal("the password was echoed back into the throttled page")
		}
		// Another account from the same address still works (and this
		// browser's known device for it does not count for the member).
		if r := c.login("researcher@demo.test", demo.Password); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("other account: %d", r.StatusCode)
		}
		// After the delay the member may try again; the next failure doubles it.
		clock.advance(time.Second)
		if r := c.login("member@demo.test", "wrong again"); r.StatusCode != http.StatusUnauthorized {
			t.Fatalf("after the first delay: %d", r.StatusCode)
		}
		r = c.login("member@demo.test", demo.Password)
		if r.StatusCode != http.StatusTooManyRequests || !strings.Contains(r.Body, "Wait 2 seconds") || r.Header.Get("Retry-After") != "2" {
			t.Fatalf("doubled delay: %d, Retry-After %q", r.StatusCode, r.Header.Get("Retry-After"))
		}
		// No permanent lock-out: after the delay the right password works.
		clock.advance(2 * time.Second)
		if r := c.login("member@demo.test", demo.Password); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("login after the delay: %d", r.StatusCode)
		}
	})
}

// TestThrottleBehindTrustedProxy runs the service behind a trusted proxy
// (the test client's own address). Thirty-one failed sign-ins from one
// client, as X-Forwarded-For names it, delay that address's next attempt
// from an unknown device; another client behind the same proxy signs in,
// and so does a person at the busy address whose browser has signed in to
// their account before.
func TestThrottleBehindTrustedProxy(t *testing.T) {
	t.Parallel()
	proxies, err := web.ParseTrustedProxies("127.0.0.1, ::1")
	if err != nil {
		t.Fatal(err)
	}
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s, _ := newStoppedServer(t, engine, func(c *web.Config) { c.TrustedProxies = proxies })
		from := func(c *client, addr, email, password string) response {
			req, _ := http.NewRequest("POST", s.URL+"/login", strings.NewReader(url.Values{"email": {email}, "password": {password}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("X-Forwarded-For", "192.0.2.99, "+addr) // the left entry is the client's own claim, ignored
			return c.do(req)
		}
		// Sam signed in from this office's shared address last week.
		sam := s.client(t)
		if r := from(sam, "198.51.100.1", "member@demo.test", demo.Password); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("Sam's first sign-in: %d", r.StatusCode)
		}
		attacker := s.client(t)
		for i := range 31 { // 7 accounts, at most 5 failures each: no account's own delay starts
			if r := from(attacker, "198.51.100.1", fmt.Sprintf("nobody%d@demo.test", i/5), "wrong"); r.StatusCode != http.StatusUnauthorized {
				t.Fatalf("attempt %d: %d", i+1, r.StatusCode)
			}
		}
		if r := from(attacker, "198.51.100.1", "member@demo.test", demo.Password); r.StatusCode != http.StatusTooManyRequests || r.Header.Get("Retry-After") != "1" {
			t.Fatalf("the 32nd attempt from one address: %d", r.StatusCode)
		}
		if r := from(s.client(t), "198.51.100.2", "member@demo.test", demo.Password); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("another client behind the same proxy: %d", r.StatusCode)
		}
		if r := from(sam, "198.51.100.1", "member@demo.test", demo.Password); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("Sam's known device at the busy address: %d %s", r.StatusCode, r.Body)
		}
	})
}

func TestAdminPagesNeedTheAdminRole(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	anon := s.client(t)
	for _, p := range []string{"/admin", "/admin/users", "/admin/organisations", "/admin/audit", "/admin/invitations/new", "/admin/audit.csv"} {
		if r := anon.get(p); r.StatusCode != http.StatusSeeOther {
			t.Errorf("anonymous %s = %d", p, r.StatusCode)
		}
	}
	member := s.client(t)
	member.loginAs("member")
	for _, p := range []string{"/admin", "/admin/users", "/admin/audit"} {
		if r := member.get(p); r.StatusCode != http.StatusForbidden {
			t.Errorf("member %s = %d", p, r.StatusCode)
		}
	}
	if r := member.post("/admin/organisations", url.Values{"name": {"Sneaky"}, "kind": {"provider"}}); r.StatusCode != http.StatusForbidden {
		t.Errorf("member creating an organisation = %d", r.StatusCode)
	}
}

func TestInvitationFlow(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	admin := s.client(t)
	admin.loginAs("admin")
	orgs, _, _ := s.DB.ListOrganisations(context.Background(), auth.ListQuery{Search: "Voices"})
	r := admin.post("/admin/invitations", url.Values{"email": {"new.member@example.org"}, "display_name": {"Kit"}, "org_id": {orgs[0].ID}, "role": {"member"}})
	if r.StatusCode != http.StatusCreated {
		t.Fatalf("create invitation = %d %s", r.StatusCode, r.Body)
	}
	link := regexp.MustCompile(`value="(http://[^"]+/invite/[a-z0-9]+)"`).FindStringSubmatch(r.Body)
	if link == nil {
		t.Fatal("no invitation link shown")
	}
	path := strings.TrimPrefix(link[1], s.URL)
	guest := s.client(t)
	if r := guest.get(path); r.StatusCode != 200 || !strings.Contains(r.Body, "new.member@example.org") {
		t.Fatalf("invitation page = %d", r.StatusCode)
	}
	r = guest.post(path, url.Values{"display_name": {"Kit"}, "password": {"a long passphrase"}, "password_confirm": {"a different one"}})
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#password_confirm"`) {
		t.Fatalf("mismatched passwords: %d", r.StatusCode)
	}
	r = guest.post(path, url.Values{"display_name": {"Kit"}, "password": {"a long passphrase"}, "password_confirm": {"a long passphrase"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("accept = %d %s", r.StatusCode, r.Body)
	}
	if r := guest.get("/account"); !strings.Contains(r.Body, "Voices Together") || !strings.Contains(r.Body, "Lived experience group member") {
		t.Fatalf("account after accepting: %s", r.Body)
	}
	if r := s.client(t).get(path); r.StatusCode != http.StatusNotFound || !strings.Contains(r.Body, "already been used") {
		t.Fatalf("second use = %d", r.StatusCode)
	}
	if r := admin.post("/admin/invitations", url.Values{"email": {"not an email"}, "display_name": {""}, "role": {"facilitator"}}); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, `href="#email"`) || !strings.Contains(r.Body, `href="#display_name"`) || !strings.Contains(r.Body, `href="#org_id"`) {
		t.Fatalf("invalid invitation = %d", r.StatusCode)
	}
}

func TestOrganisationsAndMembers(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	admin := s.client(t)
	admin.loginAs("admin")
	if r := admin.post("/admin/organisations", url.Values{"name": {""}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#kind"`) {
		t.Fatalf("invalid organisation = %d", r.StatusCode)
	}
	r := admin.post("/admin/organisations", url.Values{"name": {"Open Minds Collective"}, "kind": {"user_led"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("create = %d", r.StatusCode)
	}
	orgPath := strings.Split(r.Header.Get("Location"), "?")[0]
	if r := admin.post("/admin/organisations", url.Values{"name": {"Open Minds Collective"}, "kind": {"user_led"}}); r.StatusCode != http.StatusConflict {
		t.Fatalf("duplicate = %d", r.StatusCode)
	}
	if r := admin.post(orgPath+"/members", url.Values{"email": {"nobody@example.org"}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Invite them first") {
		t.Fatalf("unknown member = %d", r.StatusCode)
	}
	if r := admin.post(orgPath+"/members", url.Values{"email": {"member@demo.test"}, "role": {"member"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("add member = %d %s", r.StatusCode, r.Body)
	}
	if r := admin.get(orgPath); !strings.Contains(r.Body, "Robin (group member)") {
		t.Fatal("member not listed")
	}
	// Every change above is in the audit log, attributed to the admin.
	evs, _ := s.DB.AuditEvents(context.Background(), audit.Filter{Action: "organisation."})
	adminUser, _ := s.DB.UserByEmail(context.Background(), "admin@demo.test")
	if len(evs) < 2 || evs[0].ActorID != adminUser.ID {
		t.Fatalf("audit after admin changes: %+v", evs)
	}
}

func TestAuditLogFiltersAndCSV(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	admin := s.client(t)
	admin.loginAs("admin")
	r := admin.get("/admin/audit?action=organisation.create")
	if r.StatusCode != 200 || strings.Count(r.Body, "<td>organisation.create</td>") != 8 || strings.Contains(r.Body, "<td>user.create</td>") {
		t.Fatalf("filtered log: %d, %d rows", r.StatusCode, strings.Count(r.Body, "<td>organisation.create</td>"))
	}
	if r := admin.get("/admin/audit?since=25/11/2026"); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#since"`) {
		t.Fatalf("bad date = %d", r.StatusCode)
	}
	r = admin.get("/admin/audit.csv?action=user.create")
	lines := strings.Split(strings.TrimSpace(r.Body), "\n")
	if r.StatusCode != 200 || len(lines) != 14 /* header + 8 demo accounts + 4 tender accounts + the coding project's second coder */ || !strings.HasPrefix(lines[0], "seq,time,actor_id,action") {
		t.Fatalf("csv: %d, %d lines", r.StatusCode, len(lines))
	}
}

func TestNotFoundPage(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	r := s.client(t).get("/no/such/page")
	if r.StatusCode != 404 || !strings.Contains(r.Body, "Page not found") || !strings.Contains(r.Body, `<main id="main"`) {
		t.Fatalf("404 page: %d", r.StatusCode)
	}
}
