package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
)

var buildOnce = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "coprod-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "coprod")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// coprodBinary builds the real binary once per test run.
func coprodBinary(t *testing.T) string {
	t.Helper()
	bin, err := buildOnce()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// server is a coprod serve process.
type server struct {
	cmd *exec.Cmd
	URL string
}

// startServer runs `coprod serve` on a free port, with any extra flags, and
// waits until it answers.
func startServer(t *testing.T, dsn string, flags ...string) *server {
	t.Helper()
	cmd := exec.Command(coprodBinary(t), append([]string{"serve", "--addr", "127.0.0.1:0", "--db", dsn}, flags...)...)
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		if u, ok := strings.CutPrefix(lines.Text(), "Coprod is running at "); ok {
			go io.Copy(io.Discard, stdout)
			return &server{cmd: cmd, URL: u}
		}
	}
	t.Fatal("coprod serve exited before announcing its address")
	return nil
}

func addAdmin(t *testing.T, dsn string) {
	t.Helper()
	cmd := exec.Command(coprodBinary(t), "user", "add", "--db", dsn, "--email", "ops@example.org", "--name", "Ops", "--admin")
	cmd.Stdin = strings.NewReader("a long passphrase\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("user add: %v %s", err, out)
	}
}

func signedInClient(t *testing.T, base string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.PostForm(base+"/login", url.Values{"email": {"ops@example.org"}, "password": {"a long passphrase"}})
	if err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %v %v", err, res)
	}
	res.Body.Close()
	return c
}

// orgWriters create organisations through a server from several clients
// at once until finished, keeping the names whose creation was
// acknowledged (a redirect): those must be stored whatever happens next.
type orgWriters struct {
	mu    sync.Mutex
	acked []string
	n     atomic.Int64
	stop  chan struct{}
	wg    sync.WaitGroup
}

func startOrgWriters(client *http.Client, base, prefix string, workers int) *orgWriters {
	w := &orgWriters{stop: make(chan struct{})}
	for id := range workers {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			for i := 0; ; i++ {
				select {
				case <-w.stop:
					return
				default:
				}
				name := fmt.Sprintf("%s %02d-%04d", prefix, id, i)
				res, err := client.PostForm(base+"/admin/organisations", url.Values{"name": {name}, "kind": {"provider"}})
				if err != nil {
					time.Sleep(10 * time.Millisecond) // the server died: not acknowledged
					continue
				}
				res.Body.Close()
				if res.StatusCode == http.StatusSeeOther {
					w.mu.Lock()
					w.acked = append(w.acked, name)
					w.mu.Unlock()
					w.n.Add(1)
				}
			}
		}()
	}
	return w
}

// waitFor waits until n writes are acknowledged, or the timeout passes.
func (w *orgWriters) waitFor(n int64, timeout time.Duration) {
	deadline := time.Now().Add(timeout)
	for w.n.Load() < n && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
}

// finish stops the writers and returns the acknowledged names.
func (w *orgWriters) finish() []string {
	close(w.stop)
	w.wg.Wait()
	return w.acked
}

// TestKillDuringWritesLosesNothingAcknowledged starts the real binary, has
// many clients create organisations at once, kills the process with SIGKILL
// mid-flight, restarts it and checks that every acknowledged write is there.
func TestKillDuringWritesLosesNothingAcknowledged(t *testing.T) {
	t.Parallel()
	dsn := filepath.Join(t.TempDir(), "crash.db")
	runCmd(t, "", "migrate", "--db", dsn)
	addAdmin(t, dsn)
	srv := startServer(t, dsn)
	client := signedInClient(t, srv.URL)

	writers := startOrgWriters(client, srv.URL, "Crash test organisation", 12)
	writers.waitFor(150, 60*time.Second)
	if err := srv.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	srv.cmd.Wait()
	acked := writers.finish()
	if len(acked) < 150 {
		t.Fatalf("only %d writes acknowledged before the deadline", len(acked))
	}

	restarted := startServer(t, dsn)
	res, err := http.Get(restarted.URL + "/healthz")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("healthz after restart: %v %v", err, res)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	found := map[string]bool{}
	after := ""
	for {
		orgs, next, err := db.ListOrganisations(context.Background(), auth.ListQuery{After: after, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range orgs {
			found[o.Name] = true
		}
		if next == "" {
			break
		}
		after = next
	}
	for _, name := range acked {
		if !found[name] {
			t.Errorf("acknowledged write lost: %s", name)
		}
	}
	if n, err := db.VerifyAudit(context.Background()); err != nil {
		t.Fatalf("audit chain after the crash: %v", err)
	} else {
		t.Logf("%d writes acknowledged before SIGKILL, all present; %d organisations stored; audit chain of %d events verifies", len(acked), len(found), n)
	}
}

// TestBackupOpensWithServe backs up a live database and serves the copy.
func TestBackupOpensWithServe(t *testing.T) {
	t.Parallel()
	dsn := filepath.Join(t.TempDir(), "live.db")
	runCmd(t, "", "migrate", "--db", dsn)
	addAdmin(t, dsn)
	startServer(t, dsn) // the backup is taken while the service runs
	out := filepath.Join(t.TempDir(), "copy.db")
	code, stdout, errOut := runCmd(t, "", "backup", "--db", dsn, "--out", out)
	if code != 0 || !strings.Contains(stdout, "passed PRAGMA integrity_check") {
		t.Fatalf("backup: %d %q %q", code, stdout, errOut)
	}
	if err := store.CheckIntegrity(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	copySrv := startServer(t, out)
	signedInClient(t, copySrv.URL) // the admin account came across
	if code, _, errOut := runCmd(t, "", "backup", "--db", dsn, "--out", out); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("backup over an existing file: %d %q", code, errOut)
	}
	if code, stdout, _ := runCmd(t, "", "backup", "--db", "postgres://u@h/db", "--out", out); code != 0 || !strings.Contains(stdout, "pg_dump") {
		t.Fatalf("backup on PostgreSQL: %d %q", code, stdout)
	}
}

// TestGracefulShutdown sends SIGTERM and expects a clean exit.
func TestGracefulShutdown(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "g.db")
	srv := startServer(t, dsn)
	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v", err)
		}
	case <-time.After(25 * time.Second):
		t.Fatal("coprod serve did not stop within 25 s of SIGTERM")
	}
}
