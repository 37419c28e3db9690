package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

func runCmdEnv(t *testing.T, vars map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut syncBuffer
	e := env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, getenv: func(k string) string { return vars[k] }}
	code := run(context.Background(), e, args)
	return code, out.String(), errOut.String()
}

// TestAuditKeysFromTheCommandLine: the operator makes a key, the demo is
// sealed with it, a checkpoint is kept, the key is rotated and a command's
// own change is sealed with the new key; then the tail of the log is
// deleted and only the checkpoint catches it.
func TestAuditKeysFromTheCommandLine(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		dir := t.TempDir()
		keyFile, cpFile := filepath.Join(dir, "audit.key"), filepath.Join(dir, "checkpoint.json")
		code, out, _ := runCmd(t, "", "audit", "key", "new", "--id", "first")
		if code != 0 || !strings.HasPrefix(out, "first ") {
			t.Fatalf("key new: %d %q", code, out)
		}
		if err := os.WriteFile(keyFile, []byte(out), 0o600); err != nil {
			t.Fatal(err)
		}
		keys, err := audit.ParseKeyring([]byte(out))
		if err != nil {
			t.Fatal(err)
		}
		dsn := storetest.DSN(t, engine)
		if code, _, errOut := runCmd(t, "", "migrate", "--db", dsn); code != 0 {
			t.Fatalf("migrate: %s", errOut)
		}
		db, err := store.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.SetAuditKeys(keys)
		if err := demo.Seed(context.Background(), db); err != nil {
			t.Fatal(err)
		}

		code, out, errOut := runCmd(t, "", "audit", "checkpoint", "--db", dsn, "--key-file", keyFile)
		if code != 0 {
			t.Fatalf("checkpoint: %d %q", code, errOut)
		}
		cp, err := audit.ParseCheckpoint([]byte(out))
		if err != nil || cp.KeyID != "first" {
			t.Fatalf("checkpoint printed: %v %+v", err, cp)
		}
		if err := os.WriteFile(cpFile, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}

		code, out, _ = runCmd(t, "", "audit", "key", "rotate", "--key-file", keyFile, "--id", "second")
		if code != 0 || !strings.Contains(out, "added key second") {
			t.Fatalf("rotate: %d %q", code, out)
		}
		vars := map[string]string{"COPROD_AUDIT_KEY_FILE": keyFile}
		if code, _, errOut := runCmdEnv(t, vars, "a long passphrase\n", "user", "add", "--db", dsn, "--email", "ops@example.org", "--name", "Ops"); code != 0 {
			t.Fatalf("user add: %s", errOut)
		}
		evs, err := db.AuditEvents(context.Background(), audit.Filter{Limit: 1})
		if err != nil || len(evs) != 1 || evs[0].KeyID != "second" {
			t.Fatalf("the command's event is not sealed with the rotated key: %v %+v", err, evs)
		}
		total := evs[0].Seq

		code, out, _ = runCmd(t, "", "audit", "verify", "--db", dsn, "--key-file", keyFile, "--checkpoint", cpFile)
		want := fmt.Sprintf("ok %d events\nkeyed links checked on %d events\ncheckpoint: event %d of ", total, total, cp.Seq)
		if code != 0 || !strings.HasPrefix(out, want) {
			t.Fatalf("verify: %d %q, want prefix %q", code, out, want)
		}
		code, out, _ = runCmd(t, "", "audit", "verify", "--db", dsn)
		if code != 0 || !strings.Contains(out, fmt.Sprintf("%d events carry keyed links, not checked", total)) {
			t.Errorf("verify without the key: %d %q", code, out)
		}
		onlyFirst := filepath.Join(dir, "first.key")
		data, _ := os.ReadFile(keyFile)
		os.WriteFile(onlyFirst, []byte(strings.SplitAfter(string(data), "\n")[0]), 0o600)
		code, out, _ = runCmd(t, "", "audit", "verify", "--db", dsn, "--key-file", onlyFirst)
		if code != 1 || !strings.Contains(out, fmt.Sprintf("event %d: sealed with key \"second\", which is not in the key file", total)) {
			t.Errorf("verify with the rotated-out key file: %d %q", code, out)
		}

		// Someone with write access deletes everything after event cp.Seq-3.
		for _, q := range map[store.Engine][]string{
			store.SQLite:   {"DROP TRIGGER audit_events_no_delete"},
			store.Postgres: {"DROP TRIGGER audit_events_no_change ON audit_events"},
		}[engine] {
			if err := storetest.Exec(db, q); err != nil {
				t.Fatal(err)
			}
		}
		if err := storetest.Exec(db, fmt.Sprintf("DELETE FROM audit_events WHERE seq > %d", cp.Seq-3)); err != nil {
			t.Fatal(err)
		}
		if code, out, _ := runCmd(t, "", "audit", "verify", "--db", dsn, "--key-file", keyFile); code != 0 {
			t.Fatalf("without the checkpoint a cut log still verifies (why checkpoints exist): %d %q", code, out)
		}
		code, out, _ = runCmd(t, "", "audit", "verify", "--db", dsn, "--key-file", keyFile, "--checkpoint", cpFile)
		if want := fmt.Sprintf("FAILED after %d good events: event %d: missing", cp.Seq-3, cp.Seq-2); code != 1 || !strings.HasPrefix(out, want) {
			t.Errorf("cut log against the checkpoint: %d %q, want prefix %q", code, out, want)
		}

		// A checkpoint file altered by hand is refused before the log is read.
		forged := strings.Replace(string(must(os.ReadFile(cpFile))), fmt.Sprintf(`"seq": %d`, cp.Seq), fmt.Sprintf(`"seq": %d`, cp.Seq-3), 1)
		os.WriteFile(cpFile, []byte(forged), 0o644)
		code, out, _ = runCmd(t, "", "audit", "verify", "--db", dsn, "--checkpoint", cpFile)
		if code != 1 || !strings.Contains(out, "signature does not verify") {
			t.Errorf("forged checkpoint: %d %q", code, out)
		}
	})
}

func TestAuditUsageAndBadKeys(t *testing.T) {
	if code, _, errOut := runCmd(t, "", "audit"); code != 2 || !strings.Contains(errOut, "coprod audit key new > /etc/coprod/audit.key") {
		t.Errorf("usage: %d %q", code, errOut)
	}
	bad := filepath.Join(t.TempDir(), "bad.key")
	os.WriteFile(bad, []byte("k c2VjcmV0\n"), 0o600)
	if code, _, errOut := runCmd(t, "", "audit", "checkpoint", "--db", filepath.Join(t.TempDir(), "x.db"), "--key-file", bad); code != 1 || !strings.Contains(errOut, "bad.key: key file line 1: the secret is 6 bytes") {
		t.Errorf("bad key file: %d %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "audit", "key", "rotate"); code != 2 || !strings.Contains(errOut, "--key-file FILE is required") {
		t.Errorf("rotate without a file: %d %q", code, errOut)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
