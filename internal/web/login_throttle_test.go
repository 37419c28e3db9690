package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/web"
)

// stoppedClock is a clock that moves only when told, for the sign-in
// delays: a busy machine can take longer than a second to check a
// password, so the delays must not run on the wall clock in these tests.
type stoppedClock struct{ offset atomic.Int64 }

var stoppedAt = time.Now()

func (c *stoppedClock) now() time.Time          { return stoppedAt.Add(time.Duration(c.offset.Load())) }
func (c *stoppedClock) advance(d time.Duration) { c.offset.Add(int64(d)) }

// newStoppedServer is newConfiguredServer with the handler's and the store's clocks stopped.
func newStoppedServer(t *testing.T, engine store.Engine, configure func(*web.Config)) (*testServer, *stoppedClock) {
	t.Helper()
	clock := &stoppedClock{}
	s := newConfiguredServer(t, engine, func(c *web.Config) {
		configure(c)
		c.Now = clock.now
		c.Store.(*store.DB).Now = clock.now
	})
	return s, clock
}

// The attack from issue 16: someone who knows a member's email address
// types wrong passwords for it, as fast as the throttle allows, to keep
// the member out. The member's own browser, which has signed in before,
// still signs in at once; a browser that never has meets the delay.
func TestAttackerCannotKeepAMemberFromTheirKnownDevice(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s, clock := newStoppedServer(t, engine, func(*web.Config) {})
		phone := s.client(t)
		r := phone.login("member@demo.test", demo.Password)
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("first sign-in: %d", r.StatusCode)
		}
		var device string
		for _, c := range r.Header.Values("Set-Cookie") {
			if strings.HasPrefix(c, "coprod_device=") {
				device = c
			}
		}
		for _, want := range []string{"Path=/login", "HttpOnly", "SameSite=Lax", "Max-Age=31536000"} {
			if !strings.Contains(device, want) {
				t.Errorf("known-device cookie %q lacks %s", device, want)
			}
		}
		if r := phone.post("/logout", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("logout: %d", r.StatusCode)
		}

		attacker := s.client(t)
		failures := 0
		for failures < 9 { // 9 wrong passwords, waiting out each delay: 1, 2 then 4 s
			r := attacker.login("member@demo.test", "guess"+strconv.Itoa(failures))
			switch r.StatusCode {
			case http.StatusUnauthorized:
				failures++
			case http.StatusTooManyRequests:
				secs, err := strconv.Atoi(r.Header.Get("Retry-After"))
				if err != nil || secs < 1 {
					t.Fatalf("Retry-After %q", r.Header.Get("Retry-After"))
				}
				clock.advance(time.Duration(secs) * time.Second)
			default:
				t.Fatalf("attacker's attempt: %d", r.StatusCode)
			}
		}
		r = attacker.login("member@demo.test", "one more guess")
		if r.StatusCode != http.StatusTooManyRequests || r.Header.Get("Retry-After") != "8" || !strings.Contains(r.Body, "Wait 8 seconds") {
			t.Fatalf("after 9 failures the attacker should wait 8 s: %d, Retry-After %q", r.StatusCode, r.Header.Get("Retry-After"))
		}
		// A browser that has never signed in meets the same delay, even with the right password.
		if r := s.client(t).login("member@demo.test", demo.Password); r.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("an unknown device during the delay: %d", r.StatusCode)
		}
		// The member's phone is not delayed by the attacker's failures; its
		// cookie is kept another year.
		r = phone.login("member@demo.test", demo.Password)
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("the member's known device: %d %s", r.StatusCode, r.Body)
		}
		if again := r.Header.Values("Set-Cookie"); len(again) != 2 || again[1] != device {
			t.Errorf("the known device's cookie after signing in again: %q, want %q", again, device)
		}
		if r := phone.get("/account"); r.StatusCode != http.StatusOK {
			t.Fatalf("account after signing in: %d", r.StatusCode)
		}
		// The known device still meets its own failures: five free, then a second.
		for i := range 6 {
			if r := phone.login("member@demo.test", "typo"); r.StatusCode != http.StatusUnauthorized {
				t.Fatalf("the phone's own failure %d: %d", i+1, r.StatusCode)
			}
		}
		if r := phone.login("member@demo.test", demo.Password); r.StatusCode != http.StatusTooManyRequests || r.Header.Get("Retry-After") != "1" {
			t.Fatalf("the phone after its own 6 failures: %d, Retry-After %q", r.StatusCode, r.Header.Get("Retry-After"))
		}
		// And the attacker is still delayed: the member's sign-ins did not forget the attacker's failures.
		if r := attacker.login("member@demo.test", "yet another guess"); r.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("the attacker after the member signed in: %d", r.StatusCode)
		}
	})
}
