package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
)

// An observer is offered no link inside the round that would refuse them:
// the group's own spaces are left out of the pages they can open.
func TestObserverIsOfferedOnlyWhatTheyMayOpen(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	base := "/rounds/" + ids.round
	c := s.client(t)
	c.loginAs("evaluator") // an observer of the demo round
	href := regexp.MustCompile(`href="(` + regexp.QuoteMeta(base) + `[^"#?]*)`)
	seen := map[string]bool{}
	for _, page := range []string{base, base + "/services", base + "/themes"} {
		r := c.get(page)
		if r.StatusCode != http.StatusOK {
			t.Fatalf("%s = %d", page, r.StatusCode)
		}
		for _, m := range href.FindAllStringSubmatch(r.Body, -1) {
			if seen[m[1]] || strings.HasSuffix(m[1], "/new") {
				continue
			}
			seen[m[1]] = true
			if got := c.get(m[1]); got.StatusCode != http.StatusOK {
				t.Errorf("%s links to %s, which answers %d", page, m[1], got.StatusCode)
			}
		}
	}
	if len(seen) < 3 {
		t.Fatalf("the observer's pages offered only %v", seen)
	}
	if seen[base+"/members"] || seen[base+"/evidence.csv"] {
		t.Errorf("the group's own spaces are offered to an observer: %v", seen)
	}
}
