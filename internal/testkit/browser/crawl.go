package browser

import (
	"net/url"
	"slices"
	"strings"
	"sync"
)

// Crawl visits start and every page reachable from it by same-site links,
// breadth first, up to limit pages, calling check on each (typically
// b.Axe). Downloads, static files and links that act (sign out is a form,
// so it is never followed) are left out. It returns the paths visited.
func (b *Browser) Crawl(start string, limit int, check func(path string)) []string {
	b.t.Helper()
	base, _ := url.Parse(b.BaseURL)
	seen := map[string]bool{start: true}
	queue := []string{start}
	var visited []string
	for len(queue) > 0 && len(visited) < limit {
		p := queue[0]
		queue = queue[1:]
		b.Visit(p)
		visited = append(visited, p)
		check(p)
		for _, href := range b.Links() {
			u, err := url.Parse(href)
			if err != nil || u.Host != base.Host || skipCrawl(u.Path) {
				continue
			}
			u.Fragment = ""
			next := u.RequestURI()
			if !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	return visited
}

func skipCrawl(path string) bool {
	return strings.HasPrefix(path, "/static/") || strings.HasPrefix(path, "/invite/") ||
		strings.HasSuffix(path, ".csv") || strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".atom")
}

// checkedShapes are the page shapes axe has checked in this test process,
// per person (see As): crawls in different tests meet the same pages.
var checkedShapes sync.Map

// As names who the browser is signed in as, so that AxeOnce checks each
// page shape once per person rather than once per browser.
func (b *Browser) As(who string) { b.who = who }

// AxeOnce runs axe on the page unless a page of the same shape has been
// checked for the same person, with page scripts on or off as this browser
// has them, in this test process: the same path with its
// ids and numbers replaced, and the same query parameter names. Crawls
// meet many pages drawn by one template for one person (each story, each
// filter of the board, each page of a list, the same pages from another
// test's crawl); checking one of each is what the check needs, and axe is
// the slowest step of a browser test. Tests that check a particular state
// of a page call Axe.
func (b *Browser) AxeOnce(path string) {
	b.t.Helper()
	mode := "scripts on"
	if b.noJS {
		mode = "scripts off"
	}
	if _, done := checkedShapes.LoadOrStore(b.who+" "+mode+" "+pageShape(path), true); done {
		return
	}
	b.Axe()
}

// pageShape is a page's address with what varies between pages of one
// template taken out: opaque ids and numbers in the path become {id}, and
// the query keeps only its parameter names.
func pageShape(p string) string {
	u, err := url.Parse(p)
	if err != nil {
		return p
	}
	segs := strings.Split(u.Path, "/")
	for i, s := range segs {
		if isVarying(s) {
			segs[i] = "{id}"
		}
	}
	keys := make([]string, 0, len(u.Query()))
	for k := range u.Query() {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return strings.Join(segs, "/") + "?" + strings.Join(keys, "&")
}

// isVarying reports whether a path segment is an id (the store's are 26
// lowercase base-32 characters) or a number, rather than a fixed word.
func isVarying(s string) bool {
	if s == "" {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r < 'a' || r > 'z':
			return false
		}
	}
	return digits == len(s) || (len(s) >= 16 && digits > 0)
}
