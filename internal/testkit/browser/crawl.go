package browser

import (
	"net/url"
	"strings"
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
