package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
	"github.com/coprod/coprod/internal/web"
)

// TestBrowserFollowLinksFromHome: every demo account starts at its home
// page and follows links only, one page of each shape (crawlByLinks). The
// crawl reads each page's links over plain HTTP with the person's session
// (the pages work without JavaScript, and it keeps the test fast); the
// browser then opens, with JavaScript off, each page shape the crawls met
// as the first person to meet it, and axe checks it. Then, over HTTP as
// each person:
//   - no link on any page they visited answers 403, 404, 409 or 5xx;
//   - every route that answers them 200 — tried on every address any
//     crawl met and on each route filled in with the demo's rounds,
//     tenders and contracts — is among the routes their crawl reached.
func TestBrowserFollowLinksFromHome(t *testing.T) {
	t.Parallel()
	start := time.Now()
	s := newTestServer(t, store.SQLite)
	var crawls []navCrawl
	axeFirst := map[string][]string{} // account → pages whose shape it met first
	shapes := map[string]bool{}
	for _, l := range demo.Logins() {
		h := s.client(t)
		if r := h.login(l.Email, demo.Password); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: signing in: %d", l.Email, r.StatusCode)
		}
		var body string
		visit := func(p string) { body = h.get(p).Body }
		links := func() []string { return navHrefs(s.URL, body) }
		check := func(p string) {
			if !shapes[navShape(p)] {
				shapes[navShape(p)] = true
				axeFirst[l.Email] = append(axeFirst[l.Email], p)
			}
		}
		c := crawlByLinks(t, visit, links, check, s.URL)
		c.who = l.Email
		crawls = append(crawls, c)
	}
	t.Logf("HTTP crawls of %d accounts: %d pages in %s", len(crawls), navVisited(crawls), time.Since(start).Round(time.Millisecond))
	checkCrawls(t, s, crawls)
	t.Logf("link and route checks done at %s", time.Since(start).Round(time.Millisecond))

	b := browser.Start(t, s.URL, browser.Options{NoJS: true})
	for _, l := range demo.Logins() {
		if len(axeFirst[l.Email]) == 0 {
			continue
		}
		signIn(b, l.Email, demo.Password)
		b.As("follow-links") // each shape once in this test, whoever met it first
		for _, p := range axeFirst[l.Email] {
			b.Visit(p)
			b.AxeOnce(p)
		}
		b.Submit("Sign out")
	}
	t.Logf("axe on %d page shapes; in all %s", len(shapes), time.Since(start).Round(time.Millisecond))
}

var navHrefRE = regexp.MustCompile(`<a [^>]*href="([^"]*)"`)

// navHrefs are the links of a page, as absolute addresses.
func navHrefs(base, body string) []string {
	var out []string
	for _, m := range navHrefRE.FindAllStringSubmatch(body, -1) {
		u := html.UnescapeString(m[1])
		if strings.HasPrefix(u, "/") {
			u = base + u
		}
		out = append(out, u)
	}
	return out
}

func navVisited(cs []navCrawl) int {
	n := 0
	for _, c := range cs {
		n += len(c.visited)
	}
	return n
}

// navCrawl is what one person's crawl met: the pages it visited and every
// same-site link on them.
type navCrawl struct {
	who     string
	visited []string
	links   map[string]string // link → the page it was on
}

// perShape is how many pages of one shape a crawl visits: one keeps the
// test fast; the records of a kind show the same links, but for those
// listed in unlinked.
const perShape = 1

// crawlByLinks visits start and, breadth first, up to perShape pages of
// each shape reachable from it by same-site links (the same template for
// other records is not visited again), calling check on each. Downloads, files and
// invitation links are recorded as links but not visited.
func crawlByLinks(t *testing.T, visit func(string), links func() []string, check func(string), base string) navCrawl {
	t.Helper()
	c := navCrawl{links: map[string]string{}}
	host, _ := url.Parse(base)
	shapes := map[string]int{navShape("/"): 1}
	queue := []string{"/"}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		visit(p)
		check(p)
		c.visited = append(c.visited, p)
		for _, href := range links() {
			u, err := url.Parse(href)
			if err != nil || u.Host != host.Host {
				continue
			}
			u.Fragment = ""
			next := u.RequestURI()
			if _, ok := c.links[next]; !ok {
				c.links[next] = p
			}
			if notVisited(u.Path) || shapes[navShape(next)] >= perShape {
				continue
			}
			shapes[navShape(next)]++
			queue = append(queue, next)
		}
	}
	return c
}

// notVisited: files, downloads and one-time links are checked, not visited.
func notVisited(path string) bool {
	return strings.HasPrefix(path, "/static/") || strings.HasPrefix(path, "/invite/") || strings.HasPrefix(path, "/pictures/") ||
		strings.HasSuffix(path, ".csv") || strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".atom") ||
		strings.HasSuffix(path, "/markdown") || strings.HasSuffix(path, "/word") || strings.HasSuffix(path, "/file") || strings.HasSuffix(path, ".docx") || strings.HasSuffix(path, ".qdpx") || strings.HasSuffix(path, ".qdc") ||
		strings.Contains(path, "/attachments/")
}

var navVarying = regexp.MustCompile(`^([0-9]+|[a-z0-9]{16,})$`)

// navShape is an address with what varies between records taken out: ids
// and numbers in the path, and the values of the query.
func navShape(p string) string {
	u, err := url.Parse(p)
	if err != nil {
		return p
	}
	segs := strings.Split(u.Path, "/")
	for i, s := range segs {
		if navVarying.MatchString(s) && strings.ContainsAny(s, "0123456789") {
			segs[i] = "{id}"
		}
	}
	var keys []string
	for k := range u.Query() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(segs, "/") + "?" + strings.Join(keys, "&")
}

// unlinked are routes that answer 200 but that no page is meant to link
// to, each with the reason.
var unlinked = map[string]string{
	"GET /healthz":           "the operator's health check, not a page",
	"GET /livez":             "the operator's liveness check, not a page",
	"GET /readyz":            "the operator's readiness check, not a page",
	"GET /metrics":           "the operator's metrics, not a page",
	"GET /rounds/{id}/close": "kept so old links to the retired close form explain that a round closes by the group's decision on its impact",
	// Pages met through one record of a kind but not another, which a crawl
	// of one record per shape may miss:
	"GET /ledger/items/{id}":       "reached from the board page of an item that concerns the reader's organisation (\"Manage this item\"), which the one board item crawled need not be",
	"GET /readability/checks/{id}": "reached from the library of the organisation that saved it; an administrator sees every library, and the one crawled may have none",
	// A group member's adjustments page links the entries and the
	// member's passport and FHIR download only when there are some; the
	// one member a facilitator's crawl opens need not have any.
	"GET /adjustments/{aid}":                                   "reached from the adjustments page of a member who has recorded some",
	"GET /adjustments/{aid}/edit":                              "reached from an adjustment's own page",
	"GET /rounds/{id}/members/{mid}/adjustments/passport":      "linked from a member's adjustments page when there are some",
	"GET /rounds/{id}/members/{mid}/adjustments/passport.docx": "linked from the member's passport page",
	"GET /rounds/{id}/members/{mid}/adjustments/fhir.json":     "linked from a member's adjustments page when there are some",
	// Easy Read pages leave the data downloads out; the Easy Read switch
	// in the header (a form, which a crawl does not press) brings them back.
	"GET /rounds/{id}/evidence.csv":  "left out of the Easy Read round page; the header's switch brings back the full page",
	"GET /rounds/{id}/evidence.json": "left out of the Easy Read round page; the header's switch brings back the full page",
	// A draft's edit page links its delete page; the demo's round is
	// published, where the delete page only explains why it cannot be
	// deleted, and nothing needs to lead there.
	"GET /rounds/{id}/delete": "linked from a draft round's edit page; the demo round is published",
	// Where a form's last step leads, which a crawl that sends no forms
	// does not meet.
	"GET /peer/refer/sent": "the thank-you page a self-referral's last answer leads to",
}

// checkCrawls asks, over plain HTTP as each person, that no link they met
// refuses them and that every route they may open was reached.
func checkCrawls(t *testing.T, s *testServer, crawls []navCrawl) {
	t.Helper()
	candidates := map[string][]string{} // pattern → addresses to try
	add := func(u string) {
		if p := web.PatternFor(u); p != "" && p != "/" && !strings.HasPrefix(p, "GET /static/") {
			if !slices.Contains(candidates[p], u) {
				candidates[p] = append(candidates[p], u)
			}
		}
	}
	for _, c := range crawls {
		for _, v := range c.visited {
			add(v)
		}
		for l := range c.links {
			add(l)
		}
	}
	for _, u := range demoAddresses(t, s) {
		add(u)
	}
	var wg sync.WaitGroup
	for _, c := range crawls {
		wg.Go(func() { checkCrawl(t, s, c, candidates) })
	}
	wg.Wait()
}

// checkCrawl checks one person's crawl over HTTP with their own session.
func checkCrawl(t *testing.T, s *testServer, c navCrawl, candidates map[string][]string) {
	{
		h := s.client(t)
		if r := h.login(c.who, demo.Password); r.StatusCode != http.StatusSeeOther {
			t.Errorf("%s: signing in over HTTP: %d", c.who, r.StatusCode)
			return
		}
		reached := map[string]bool{}
		for _, v := range c.visited {
			reached[web.PatternFor(v)] = true
		}
		var links []string
		for l := range c.links {
			links = append(links, l)
		}
		sort.Strings(links)
		checked := map[string]bool{}
		for _, l := range links {
			// One link of each shape from each shape of page: whether a
			// link refuses depends on the page it is on and where it goes.
			key := navShape(c.links[l]) + " " + navShape(l)
			if strings.HasPrefix(l, "/static/") || strings.HasPrefix(l, "/pictures/") || checked[key] {
				continue
			}
			checked[key] = true
			r := h.get(l)
			switch {
			case r.StatusCode == http.StatusForbidden, r.StatusCode == http.StatusNotFound, r.StatusCode == http.StatusConflict,
				r.StatusCode >= 500:
				t.Errorf("%s: the link %s on %s answers %d", c.who, l, c.links[l], r.StatusCode)
			}
			if r.StatusCode == http.StatusOK {
				reached[web.PatternFor(l)] = true // downloads are reached by their link
			}
		}
		var patterns []string
		for p := range candidates {
			patterns = append(patterns, p)
		}
		sort.Strings(patterns)
		for _, p := range patterns {
			if reached[p] || unlinked[p] != "" {
				continue
			}
			for _, u := range candidates[p] {
				if r := h.get(u); r.StatusCode == http.StatusOK {
					t.Errorf("%s may open %s (%s answers 200) but no link leads there from their home", c.who, p, u)
					break
				}
			}
		}
	}
}

// demoAddresses fills the routes with the demo's rounds, tenders and
// contracts, so a page no crawl met is still tried.
func demoAddresses(t *testing.T, s *testServer) []string {
	t.Helper()
	ctx := context.Background()
	rounds, _, err := s.DB.ListRounds(ctx, round.Query{All: true, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string][]string{}
	for _, rd := range rounds {
		ids["{id}"] = append(ids["{id}"], rd.ID)
		ts, _, err := s.DB.ListTenders(ctx, rd.ID, "", 50)
		if err != nil {
			t.Fatal(err)
		}
		for _, tn := range ts {
			ids["{tid}"] = append(ids["{tid}"], tn.ID)
		}
		cs, err := s.DB.Contracts(ctx, rd.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			ids["{cid}"] = append(ids["{cid}"], c.ID)
		}
	}
	var out []string
	for _, p := range web.RoutePatternsForNav() {
		path, ok := strings.CutPrefix(p, "GET ")
		if !ok {
			continue
		}
		path = strings.TrimSuffix(path, "{$}")
		filled := []string{path}
		for w, vs := range ids {
			var next []string
			for _, f := range filled {
				if !strings.Contains(f, w) {
					next = append(next, f)
					continue
				}
				for _, v := range vs {
					next = append(next, strings.ReplaceAll(f, w, v))
				}
			}
			filled = next
		}
		for _, f := range filled {
			if !strings.Contains(f, "{") {
				out = append(out, f)
			}
		}
	}
	return out
}
