package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// syncBuffer is a bytes.Buffer safe to read while a command writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// runCmd runs a coprod command in-process with stdin and returns exit code, stdout, stderr.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut syncBuffer
	e := env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	code := run(context.Background(), e, args)
	return code, out.String(), errOut.String()
}

// demoDB returns the DSN of a migrated database holding the demo data.
func demoDB(t *testing.T, engine store.Engine) string {
	t.Helper()
	dsn := storetest.DSN(t, engine)
	if code, out, errOut := runCmd(t, "", "migrate", "--db", dsn); code != 0 || !strings.HasPrefix(out, "schema version ") {
		t.Fatalf("migrate: %d %q %q", code, out, errOut)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := demo.Seed(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return dsn
}

func TestUsageErrors(t *testing.T) {
	if code, _, errOut := runCmd(t, ""); code != 2 || !strings.Contains(errOut, "Usage:") {
		t.Fatalf("no command: %d %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "frobnicate"); code != 2 || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Fatalf("unknown command: %d %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "serve", "--trusted-proxies", "10.0.0.0/8,proxy.example"); code != 2 ||
		!strings.Contains(errOut, `--trusted-proxies: trusted proxy "proxy.example" is not an address`) {
		t.Errorf("serve with a bad proxy list: %d %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "migrate", "--db", "mysql://x"); code != 1 || !strings.Contains(errOut, "unknown database scheme") {
		t.Fatalf("bad dsn: %d %q", code, errOut)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCmd(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "coprod dev\n") || !strings.Contains(out, "go: go1.") {
		t.Fatalf("version: %d %q", code, out)
	}
}

func TestAuditVerifyAcceptsDemoAndRejectsAlteredEvent(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		dsn := demoDB(t, engine)
		db, _ := store.Open(context.Background(), dsn)
		defer db.Close()
		// The demo grows with every feature: count its events independently,
		// a page of at most 500 at a time.
		count := 0
		for before := int64(0); ; {
			evs, err := db.AuditEvents(context.Background(), audit.Filter{Limit: 500, BeforeSeq: before})
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) == 0 {
				break
			}
			count, before = count+len(evs), evs[len(evs)-1].Seq
		}
		if count < 26 {
			t.Fatalf("demo audit events: %d", count)
		}
		code, out, _ := runCmd(t, "", "audit", "verify", "--db", dsn)
		if want := fmt.Sprintf("ok %d events\n", count); code != 0 || out != want {
			t.Fatalf("verify demo: %d %q, want %q", code, out, want)
		}
		// Someone with raw access to the database removes the guard and edits one event.
		drop := map[store.Engine]string{
			store.SQLite:   "DROP TRIGGER audit_events_no_update",
			store.Postgres: "DROP TRIGGER audit_events_no_change ON audit_events",
		}[engine]
		if err := storetest.Exec(db, drop); err != nil {
			t.Fatal(err)
		}
		if err := storetest.Exec(db, `UPDATE audit_events SET details = '{"email":"someone.else@demo.test"}' WHERE seq = 9`); err != nil {
			t.Fatal(err)
		}
		code, out, _ = runCmd(t, "", "audit", "verify", "--db", dsn)
		if code != 1 || !strings.Contains(out, "event 9 ") || !strings.Contains(out, "altered") || !strings.Contains(out, "after 8 good events") {
			t.Fatalf("verify tampered: %d %q", code, out)
		}
	})
}

func TestUserAddAndResetPassword(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "c.db")
	runCmd(t, "", "migrate", "--db", dsn)
	code, out, errOut := runCmd(t, "a long passphrase\n", "user", "add", "--db", dsn, "--email", "Ops@Example.org", "--name", "Ops", "--admin")
	if code != 0 || !strings.HasPrefix(out, "created user ops@example.org (") {
		t.Fatalf("user add: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := runCmd(t, "a long passphrase\n", "user", "add", "--db", dsn, "--email", "ops@example.org", "--name", "Again"); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("duplicate: %d %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, "short\n", "user", "add", "--db", dsn, "--email", "bad", "--name", ""); code != 1 ||
		!strings.Contains(errOut, "email:") || !strings.Contains(errOut, "display_name:") || !strings.Contains(errOut, "password:") {
		t.Fatalf("invalid: %d %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "user", "add", "--db", dsn, "--email", "x@example.org", "--name", "X"); code != 1 || !strings.Contains(errOut, "no password on standard input") {
		t.Fatalf("no password: %d %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, "pw\n", "user", "add", "--db", dsn, "--email", "x@example.org", "--name", "X", "--role", "member"); code != 2 || !strings.Contains(errOut, "go together") {
		t.Fatalf("role without org: %d %q", code, errOut)
	}
	if code, out, _ := runCmd(t, "another passphrase\n", "user", "reset-password", "--db", dsn, "--email", "ops@example.org"); code != 0 || !strings.Contains(out, "password reset") {
		t.Fatalf("reset: %d %q", code, out)
	}
	db, _ := store.Open(context.Background(), dsn)
	defer db.Close()
	u, _ := db.UserByEmail(context.Background(), "ops@example.org")
	as, _ := db.AssignmentsOf(context.Background(), u.ID)
	if len(as) != 1 || as[0].Role != "admin" {
		t.Fatalf("assignments: %+v", as)
	}
	if code, _, errOut := runCmd(t, "x\n", "user", "reset-password", "--db", dsn, "--email", "nobody@example.org"); code != 1 || !strings.Contains(errOut, "no account") {
		t.Fatalf("reset unknown: %d %q", code, errOut)
	}
}

func TestCommandsRefuseANewerSchema(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "c.db")
	runCmd(t, "", "migrate", "--db", dsn)
	db, _ := store.Open(context.Background(), dsn)
	if err := storetest.Exec(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future.sql', CURRENT_TIMESTAMP)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, args := range [][]string{
		{"serve", "--db", dsn, "--addr", "127.0.0.1:0"},
		{"serve", "--db", dsn, "--addr", "127.0.0.1:0", "--no-migrate"},
		{"audit", "verify", "--db", dsn},
		{"migrate", "--db", dsn},
	} {
		code, _, errOut := runCmd(t, "", args...)
		if code != 1 || !strings.Contains(errOut, "schema is at version 99") || !strings.Contains(errOut, "knows only up to version") {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
	}
}

func TestMigrateOnPostgresIsSerialised(t *testing.T) {
	dsn := storetest.DSN(t, store.Postgres)
	var wg sync.WaitGroup
	codes := make([]int, 4)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _, _ = runCmd(t, "", "migrate", "--db", dsn)
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != 0 {
			t.Fatalf("concurrent migrate %d exited %d", i, c)
		}
	}
	if code, out, _ := runCmd(t, "", "audit", "verify", "--db", dsn); code != 0 || out != "ok 0 events\n" {
		t.Fatalf("after concurrent migrations: %d %q", code, out)
	}
}

func TestReadabilityIsWired(t *testing.T) {
	code, out, _ := runCmd(t, "syllable\nwater\n", "readability", "syllables")
	// Hand counts: syl-la-ble, wa-ter.
	if code != 0 || out != "syllable\t3\nwater\t2\n" {
		t.Fatalf("readability syllables: %d %q", code, out)
	}
}

func TestConversationAnalysisIsWired(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chat.jefferson.txt")
	// Hand counts: PA speaks twice in a row (one turn), then SAM once.
	if err := os.WriteFile(path, []byte("PA: do you want tea?\nPA: or coffee?\nSAM: tea please.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "", "ca", "analyse", "--format", "json", path)
	if code != 0 || !strings.Contains(out, `"utterances": 3`) || !strings.Contains(out, `"turns": 2`) {
		t.Fatalf("ca analyse: %d %s %s", code, out, errOut)
	}
}

func TestPaymentsIsWired(t *testing.T) {
	dir := t.TempDir()
	profile := filepath.Join(dir, "p.json")
	reports := filepath.Join(dir, "r.csv")
	// £10,000 contract, 10% at risk, one period, one threshold indicator:
	// 1,000,000p × 10% ÷ 1 × 100% × 1 = 100,000p when the target is met.
	os.WriteFile(profile, []byte(`{"contract_value_pence": 1000000, "at_risk_percent": "10", "periods": ["2027-Q1"],
		"indicators": [{"id": "X1", "name": "Seen within 2 weeks", "weight_percent": 100, "direction": "higher", "curve": {"type": "threshold", "target": 80}}]}`), 0o644)
	os.WriteFile(reports, []byte("period,indicator,value\n2027-Q1,X1,85\n"), 0o644)
	code, out, errOut := runCmd(t, "", "payments", "calc", "--profile", profile, "--reports", reports, "--format", "json")
	if code != 0 || !strings.Contains(out, `"total_pence": 100000`) {
		t.Fatalf("payments calc: %d %s %s", code, out, errOut)
	}
}

func TestTenderScoreIsWired(t *testing.T) {
	code, out, errOut := runCmd(t, "", "tender", "score", "--itt", "../../internal/cli/tendercli/testdata/itt.json",
		"--scores", "../../internal/cli/tendercli/testdata/scores.csv", "--format", "json")
	// The worked example in tendercli's tests: A and B tie on 76, A wins on the lived experience score.
	if code != 0 || !strings.Contains(out, `"winner": "A"`) || !strings.Contains(out, `"lep_changed_winner": true`) {
		t.Fatalf("tender score: %d %s %s", code, out, errOut)
	}
}
