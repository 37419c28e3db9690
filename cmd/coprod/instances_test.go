package main

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// proxy is an nginx of the test's own, round robin over the instances,
// logging which instance answered each request.
type proxy struct {
	URL string
	log string
}

func startProxy(t *testing.T, upstreams ...string) *proxy {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		if _, e := os.Stat("/usr/sbin/nginx"); e != nil {
			storetest.SkipOrFail(t, "nginx is not installed", "apt-get install nginx (.ci/run does)")
		}
		bin = "/usr/sbin/nginx"
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	dir := t.TempDir()
	var servers strings.Builder
	for _, u := range upstreams {
		fmt.Fprintf(&servers, "server %s max_fails=0;\n", strings.TrimPrefix(u, "http://"))
	}
	p := &proxy{URL: fmt.Sprintf("http://127.0.0.1:%d", port), log: filepath.Join(dir, "access.log")}
	conf := fmt.Sprintf(`pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
daemon off;
events {}
http {
	log_format upstream "$request_method $uri $status $upstream_addr";
	access_log %[2]s upstream;
	client_body_temp_path %[1]s;
	proxy_temp_path %[1]s;
	upstream coprod { %[3]s }
	server {
		listen 127.0.0.1:%[4]d;
		location / {
			proxy_pass http://coprod;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
			proxy_set_header Host $host;
		}
	}
}
`, dir, p.log, servers.String(), port)
	confFile := filepath.Join(dir, "nginx.conf")
	os.WriteFile(confFile, []byte(conf), 0o644)
	cmd := exec.Command(bin, "-c", confFile, "-p", dir)
	if out, err := exec.Command(bin, "-t", "-c", confFile, "-p", dir).CombinedOutput(); err != nil {
		t.Fatalf("nginx -t: %v %s", err, out)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for range 100 {
		if c, err := net.Dial("tcp", strings.TrimPrefix(p.URL, "http://")); err == nil {
			c.Close()
			return p
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("nginx did not start")
	return nil
}

// answeredBy counts, per instance address, the requests for path the log shows.
func (p *proxy) answeredBy(t *testing.T, method, path string) map[string]int {
	t.Helper()
	data, err := os.ReadFile(p.log)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 4 && f[0] == method && f[1] == path {
			out[f[3]]++
		}
	}
	return out
}

// TestTwoInstancesBehindAProxy is issue 16's deployment of more than one
// instance: two `coprod serve` against one PostgreSQL database, started at
// once on an empty database, behind nginx round robin.
func TestTwoInstancesBehindAProxy(t *testing.T) {
	t.Parallel()
	dsn := storetest.DSN(t, store.Postgres)
	var a, b *server
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); a = startServer(t, dsn, "--trusted-proxies", "127.0.0.1") }()
	go func() { defer wg.Done(); b = startServer(t, dsn, "--trusted-proxies", "127.0.0.1") }()
	wg.Wait()
	if a == nil || b == nil {
		t.Fatal("an instance did not start")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var versions, rows int
	if err := db.QueryRow("SELECT COUNT(DISTINCT version), COUNT(*) FROM schema_migrations").Scan(&versions, &rows); err != nil || versions != rows || versions < 10 {
		t.Fatalf("migrations: %d versions in %d rows (%v): each must be applied once", versions, rows, err)
	}
	addAdmin(t, dsn)
	p := startProxy(t, a.URL, b.URL)

	// Signed in on one instance, carrying on on the other.
	client := signedInClient(t, p.URL)
	for range 6 {
		res, err := client.Get(p.URL + "/admin")
		if err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("the administration page through the proxy: %v %v", err, res)
		}
		res.Body.Close()
	}
	if by := p.answeredBy(t, "GET", "/admin"); len(by) != 2 {
		t.Fatalf("the signed-in pages were answered by %v, want both instances", by)
	}

	// Sign-in throttling is shared: wrong passwords alternate between the
	// instances, and both count them.
	jar, _ := cookiejar.New(nil)
	stranger := &http.Client{Jar: jar, Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	throttled := false
	for i := range 12 {
		res, err := stranger.PostForm(p.URL+"/login", url.Values{"email": {"ops@example.org"}, "password": {fmt.Sprintf("wrong guess %d", i)}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode == http.StatusTooManyRequests {
			throttled = true
			break
		}
	}
	if !throttled {
		t.Error("twelve wrong passwords, half to each instance, were never slowed down")
	}
	if by := p.answeredBy(t, "POST", "/login"); len(by) != 2 {
		t.Errorf("the sign-ins were answered by %v, want both instances", by)
	}

	// Concurrent writes through both instances; one is killed mid-flight.
	writers := startOrgWriters(client, p.URL, "Two instances", 8)
	writers.waitFor(40, time.Minute)
	if err := a.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	killedAt := writers.n.Load()
	time.Sleep(time.Second)
	acked := writers.finish()
	if int64(len(acked)) <= killedAt {
		t.Error("no write was acknowledged after one instance died: the other should carry on")
	}
	for _, name := range acked {
		var found int
		if err := db.QueryRow("SELECT COUNT(*) FROM organisations WHERE name = $1", name).Scan(&found); err != nil || found != 1 {
			t.Errorf("acknowledged write %q: found %d (%v)", name, found, err)
		}
	}
	// One audit chain, in one order, whichever instance wrote.
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	events, err := st.VerifyAudit(context.Background())
	if err != nil {
		t.Fatalf("audit chain after writes from both instances: %v", err)
	}
	t.Logf("%d writes acknowledged (%d before the kill), all stored; audit chain of %d events verifies", len(acked), killedAt, events)
}
