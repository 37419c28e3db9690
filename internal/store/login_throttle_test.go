package store_test

import (
	"os"
	"sync"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// The delays below are worked by hand from the rule: 5 failures free per
// account and 30 per address, then 1 s, doubling with each failure.
func TestSignInThrottleGrowsAndForgets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		a := auth.SignInAttempt{Email: "A@example.org", Address: "10.0.0.1"}
		try := func(a auth.SignInAttempt) time.Duration {
			t.Helper()
			wait, err := db.StartSignIn(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			return wait
		}
		for i := range 6 { // the sixth is still free: five failures cost nothing
			if w := try(a); w != 0 {
				t.Fatalf("attempt %d waits %v", i+1, w)
			}
		}
		if w := try(a); w != time.Second {
			t.Fatalf("after 6 failures: wait %v, want 1 s", w)
		}
		if w := try(a); w != time.Second {
			t.Fatalf("a refused attempt is not a failure: wait %v, want still 1 s", w)
		}
		now = now.Add(400 * time.Millisecond)
		if w := try(a); w != 600*time.Millisecond {
			t.Fatalf("0.4 s later: wait %v, want 0.6 s", w)
		}
		now = now.Add(600 * time.Millisecond)
		if w := try(a); w != 0 {
			t.Fatalf("after the delay: wait %v", w)
		}
		if w := try(a); w != 2*time.Second {
			t.Fatalf("after 7 failures: wait %v, want 2 s", w)
		}
		// Another account from the same address is not delayed (7 < 30).
		if w := try(auth.SignInAttempt{Email: "b@example.org", Address: "10.0.0.1"}); w != 0 {
			t.Fatalf("another account: wait %v", w)
		}
		// A day later the failures are forgotten.
		now = now.Add(auth.FailureMemory + time.Second)
		for i := range 6 {
			if w := try(a); w != 0 {
				t.Fatalf("next day, attempt %d waits %v", i+1, w)
			}
		}
	})
}

func TestKnownDeviceMeetsOnlyItsOwnFailures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		ann, err := db.CreateUser(ctx, "ann@example.org", "Ann", "h")
		if err != nil {
			t.Fatal(err)
		}
		bob, _ := db.CreateUser(ctx, "bob@example.org", "Bob", "h")
		// Ann signs in once from her phone: it becomes known.
		phone := auth.SignInAttempt{Email: ann.Email, Address: "10.0.0.1"}
		if w, err := db.StartSignIn(ctx, phone); w != 0 || err != nil {
			t.Fatalf("first sign-in: %v %v", w, err)
		}
		token, err := db.FinishSignIn(ctx, phone, ann.ID)
		if err != nil || token == "" {
			t.Fatalf("FinishSignIn = %q, %v", token, err)
		}
		id, err := db.KnownDevice(ctx, ann.ID, []string{"not-a-token", token})
		if err != nil || id == "" {
			t.Fatalf("KnownDevice = %q, %v", id, err)
		}
		if other, _ := db.KnownDevice(ctx, bob.ID, []string{token}); other != "" {
			t.Fatalf("Ann's phone is known for Bob: %q", other)
		}
		// An attacker elsewhere tries 20 wrong passwords for Ann, as fast as allowed,
		// and 31 more for others from the address Ann's phone shares.
		attacker := auth.SignInAttempt{Email: ann.Email, Address: "203.0.113.9"}
		for range 20 {
			w, _ := db.StartSignIn(ctx, attacker)
			now = now.Add(w)
			if w == 0 {
				now = now.Add(time.Millisecond)
			}
		}
		for i := range 31 {
			_, _ = db.StartSignIn(ctx, auth.SignInAttempt{Email: "x" + string(rune('a'+i%26)) + "@example.org", Address: "10.0.0.1"})
		}
		if w, _ := db.StartSignIn(ctx, attacker); w == 0 {
			t.Fatal("the attacker is not delayed")
		}
		if w, _ := db.StartSignIn(ctx, auth.SignInAttempt{Email: "new@example.org", Address: "10.0.0.1"}); w != time.Second {
			t.Fatalf("an unknown device behind the busy address waits %v, want 1 s", w)
		}
		phone.DeviceID = id
		if w, err := db.StartSignIn(ctx, phone); w != 0 || err != nil {
			t.Fatalf("Ann's known phone waits %v, %v", w, err)
		}
		if again, err := db.FinishSignIn(ctx, phone, ann.ID); again != "" || err != nil {
			t.Fatalf("a known device gets a new token %q, %v", again, err)
		}
		// Its own failures still count: five free, then 1 s. Its attempts are
		// counted once they fail, so its own parallel sign-ins do not delay each other.
		for range 6 {
			if w, _ := db.StartSignIn(ctx, phone); w != 0 {
				t.Fatalf("the phone waits %v before its own failures", w)
			}
		}
		for range 6 {
			if err := db.SignInFailed(ctx, phone); err != nil {
				t.Fatal(err)
			}
		}
		if w, _ := db.StartSignIn(ctx, phone); w != time.Second {
			t.Fatalf("the phone's own 6 failures: wait %v, want 1 s", w)
		}
		// Not signing in for longer than KnownDeviceFor makes it unknown.
		now = now.Add(auth.KnownDeviceFor + time.Hour)
		if id, _ := db.KnownDevice(ctx, ann.ID, []string{token}); id != "" {
			t.Fatalf("a device unused for over a year is still known: %q", id)
		}
	})
}

// Parallel attempts are counted one after another: of 20 at the same
// instant for one account, exactly the 6 free ones are let through.
func TestParallelSignInAttemptsShareTheCount(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		var wg sync.WaitGroup
		var mu sync.Mutex
		through := 0
		for range 20 {
			wg.Go(func() {
				w, err := db.StartSignIn(ctx, auth.SignInAttempt{Email: "c@example.org", Address: "10.0.0.2"})
				if err != nil {
					t.Error(err)
					return
				}
				if w == 0 {
					mu.Lock()
					through++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if through != 6 {
			t.Fatalf("%d of 20 parallel attempts had their password checked, want 6", through)
		}
	})
}

// BenchmarkSignInThrottle is the database's part of a right sign-in from an
// unknown device (count, record, forget, remember), beside the password
// check's tenth of a second.
func BenchmarkSignInThrottle(b *testing.B) {
	for _, engine := range []store.Engine{store.SQLite, store.Postgres} {
		b.Run(string(engine), func(b *testing.B) {
			if engine == store.Postgres && os.Getenv("COPROD_TEST_POSTGRES_URL") == "" {
				b.Skip("set COPROD_TEST_POSTGRES_URL to benchmark PostgreSQL")
			}
			db := storetest.Open(b, engine)
			u, err := db.CreateUser(ctx, "bench@example.org", "Bench", "h")
			if err != nil {
				b.Fatal(err)
			}
			a := auth.SignInAttempt{Email: u.Email, Address: "10.0.0.3"}
			for b.Loop() {
				if w, err := db.StartSignIn(ctx, a); w != 0 || err != nil {
					b.Fatal(w, err)
				}
				if _, err := db.FinishSignIn(ctx, a, u.ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
