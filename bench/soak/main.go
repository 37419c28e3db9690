// Command soak puts a running Coprod under sustained mixed load: many
// connections, each signed in as one of the demo roles (or a visitor),
// reading the pages that role reaches from its home and writing (signing in
// again, creating organisations as the administrator). It prints errors,
// p50 and p99 latency per route, and the server's resident memory after
// warm-up and at the end. bench/soak.sh runs it against both engines.
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var roles = []string{"", "member", "member2", "facilitator", "commissioner", "provider", "evaluator", "researcher", "admin"}

var (
	hrefs    = regexp.MustCompile(`href="(/[^"#]*)"`)
	idLike   = regexp.MustCompile(`^[a-z0-9]{16,}$`)
	password = flag.String("password", "coprod-demo", "the demo accounts' password (internal/demo.Password)")
)

func main() {
	base := flag.String("url", "http://127.0.0.1:18090", "the server")
	conns := flag.Int("conns", 200, "connections (one person each)")
	duration := flag.Duration("duration", 10*time.Minute, "how long to run")
	warmup := flag.Duration("warmup", time.Minute, "when to take the first memory reading")
	pid := flag.Int("pid", 0, "the server's process id, for its memory")
	flag.Parse()

	// One sign-in per role, shared by that role's connections: a burst of
	// 200 sign-ins at the start would measure password hashing (about a
	// tenth of a second of a core each, one per core at a time), not use.
	pages, jars := map[string][]string{}, map[string]http.CookieJar{}
	for _, role := range roles {
		c := client(*base, role, nil)
		jars[role] = c.Jar
		pages[role] = discover(c, *base, 80)
		fmt.Printf("%-13s %d pages\n", nameOf(role), len(pages[role]))
	}

	var rec recorder
	rec.lat = map[string][]time.Duration{}
	rec.errs = map[string]int{}
	deadline := time.Now().Add(*duration)
	var wg sync.WaitGroup
	for i := range *conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			role := roles[i%len(roles)]
			c := client(*base, role, jars[role])
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			for n := 0; time.Now().Before(deadline); n++ {
				switch x := rng.Float64(); {
				case role == "admin" && x < 0.3:
					name := fmt.Sprintf("Soak organisation %d-%d", i, n)
					rec.do(c, "POST /admin/organisations", func() (*http.Response, error) {
						return c.PostForm(*base+"/admin/organisations", url.Values{"name": {name}, "kind": {"provider"}})
					})
				case role != "" && x < 0.005:
					rec.do(c, "POST /login", func() (*http.Response, error) { return login(c, *base, role) })
				default:
					p := pages[role][rng.IntN(len(pages[role]))]
					rec.do(c, "GET "+label(p), func() (*http.Response, error) { return c.Get(*base + p) })
				}
			}
		}()
	}
	var warm int64
	if *pid > 0 {
		time.Sleep(*warmup)
		warm = rss(*pid)
	}
	wg.Wait()
	rec.print(*duration)
	if *pid > 0 {
		end := rss(*pid)
		fmt.Printf("resident memory: %d MB after warm-up (%s), %d MB at the end: %+.1f%%\n", warm>>20, *warmup, end>>20, 100*float64(end-warm)/float64(warm))
	}
	if rec.errors.Load() > 0 {
		os.Exit(1)
	}
}

func nameOf(role string) string {
	if role == "" {
		return "visitor"
	}
	return role
}

// client is one connection for role; with a jar it shares that jar's
// sign-in, without one it signs in.
func client(base, role string, jar http.CookieJar) *http.Client {
	signIn := jar == nil
	if signIn {
		jar, _ = cookiejar.New(nil)
	}
	c := &http.Client{Jar: jar, Timeout: 2 * time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: 1},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if role != "" && signIn {
		res, err := login(c, base, role)
		if err != nil || res.StatusCode != http.StatusSeeOther {
			fmt.Fprintf(os.Stderr, "signing in as %s: %v %v\n", role, err, res)
			os.Exit(2)
		}
		res.Body.Close()
	}
	return c
}

func login(c *http.Client, base, role string) (*http.Response, error) {
	return c.PostForm(base+"/login", url.Values{"email": {role + "@demo.test"}, "password": {*password}})
}

// discover follows links from the person's home, breadth first, and returns
// up to limit pages that answer 200 with HTML.
func discover(c *http.Client, base string, limit int) []string {
	seen, queue, out := map[string]bool{"/": true}, []string{"/"}, []string{}
	for len(queue) > 0 && len(out) < limit {
		p := queue[0]
		queue = queue[1:]
		res, err := c.Get(base + p)
		if err != nil {
			continue
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			continue
		}
		out = append(out, p)
		for _, m := range hrefs.FindAllStringSubmatch(string(body), -1) {
			link := strings.ReplaceAll(m[1], "&amp;", "&")
			if !seen[link] && !strings.HasPrefix(link, "/static/") && !strings.Contains(link, "logout") {
				seen[link] = true
				queue = append(queue, link)
			}
		}
	}
	return out
}

// label names a path by its shape, ids replaced, so latencies group by route.
func label(p string) string {
	p, _, _ = strings.Cut(p, "?")
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if idLike.MatchString(s) {
			parts[i] = "{id}"
		}
	}
	return strings.Join(parts, "/")
}

type recorder struct {
	mu     sync.Mutex
	lat    map[string][]time.Duration
	errs   map[string]int
	total  atomic.Int64
	errors atomic.Int64
}

// do makes one request; anything but a 2xx or 3xx answer is an error.
func (r *recorder) do(c *http.Client, route string, send func() (*http.Response, error)) {
	start := time.Now()
	res, err := send()
	ok := err == nil && res.StatusCode < 400
	if err == nil {
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	d := time.Since(start)
	r.total.Add(1)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.lat[route] = append(r.lat[route], d)
	if !ok {
		r.errors.Add(1)
		why := "transport"
		if err == nil {
			why = strconv.Itoa(res.StatusCode)
		}
		r.errs[route+" "+why]++
	}
}

func (r *recorder) print(d time.Duration) {
	fmt.Printf("%d requests in %s (%.0f a second), %d errors\n", r.total.Load(), d, float64(r.total.Load())/d.Seconds(), r.errors.Load())
	for k, n := range r.errs {
		fmt.Printf("  error %s: %d\n", k, n)
	}
	routes := make([]string, 0, len(r.lat))
	for k := range r.lat {
		routes = append(routes, k)
	}
	sort.Slice(routes, func(i, j int) bool { return len(r.lat[routes[i]]) > len(r.lat[routes[j]]) })
	fmt.Printf("%-52s %8s %9s %9s\n", "route", "requests", "p50 ms", "p99 ms")
	for _, k := range routes {
		ls := r.lat[k]
		slices.Sort(ls)
		q := func(f float64) float64 { return float64(ls[int(f*float64(len(ls)-1))].Microseconds()) / 1000 }
		fmt.Printf("%-52s %8d %9.1f %9.1f\n", k, len(ls), q(0.5), q(0.99))
	}
}

func rss(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
