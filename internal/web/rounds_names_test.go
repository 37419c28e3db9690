package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
)

// hrefs finds the links of a page; the crawl reads them with a pattern, as
// the pages are ours and plain.
var hrefs = regexp.MustCompile(`href="([^"#]*)`)

// TestChosenNamesEverywhere signs in as every demo role except the
// facilitators and the administrator, and as a visitor, follows every
// same-site link from the home page (and opens the known exports and feeds),
// and fails if any demo group member's account name appears: outside the
// facilitators' views a member is seen only by the name they chose for the
// group.
func TestChosenNamesEverywhere(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	var accountNames []string
	for _, l := range demo.Logins() {
		if l.Role == auth.RoleMember {
			accountNames = append(accountNames, l.Name)
		}
	}
	if len(accountNames) < 2 {
		t.Fatalf("demo group members with accounts = %v", accountNames)
	}
	b := "/rounds/" + ids.round
	known := []string{b + "/evidence.json", b + "/evidence.csv", b + "/mine", b + "/mine.json", "/board", "/board/feed.atom",
		"/board.json", "/board.csv"}
	readers := []demo.Login{{}} // the visitor
	for _, l := range demo.Logins() {
		if l.Role != auth.RoleFacilitator && l.Role != auth.RoleAdmin {
			readers = append(readers, l)
		}
	}
	for _, reader := range readers {
		email, own := reader.Email, reader.Name
		t.Run(strings.TrimSuffix(email, "@demo.test"), func(t *testing.T) {
			c := s.client(t)
			if email != "" {
				if r := c.login(email, demo.Password); r.StatusCode != http.StatusSeeOther {
					t.Fatalf("signing in as %s: %d", email, r.StatusCode)
				}
			}
			seen := map[string]bool{}
			queue := append([]string{"/"}, known...)
			for len(queue) > 0 && len(seen) < 1500 {
				path := queue[0]
				queue = queue[1:]
				if seen[path] {
					continue
				}
				seen[path] = true
				r := c.get(path)
				// A reasonable adjustment a member chose to share with a
				// service names her to that service: the service must know
				// whose adjustment it is to make it (that nobody else
				// opens these pages is TestAdjustmentRegisterOverHTTP's).
				sharedWithReader := path == "/adjustments/shared" || strings.HasPrefix(path, "/adjustments/") && !strings.HasPrefix(path, "/adjustments/passport") && !strings.HasPrefix(path, "/adjustments/fhir")
				// A trainer and a quality checker are named where they act in
				// that role, as they are met in person: the people trained
				// and their certificates name the trainers, the provider
				// visited met the checkers. These pages hold nothing of a
				// round's group.
				namedInRole := strings.HasPrefix(path, "/training/courses/") || strings.HasPrefix(path, "/training/sessions/") ||
					strings.HasPrefix(path, "/training/attendees/") && strings.HasSuffix(path, "/certificate") ||
					strings.HasPrefix(path, "/quality-checks/")
				for _, name := range accountNames {
					// A member's own account name heads her own pages: it
					// is hers, and beside nothing of the group's.
					if name != own && !sharedWithReader && !namedInRole && strings.Contains(r.Body, name) {
						t.Errorf("%s shows %s the account name %q", path, email, name)
					}
				}
				if !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
					continue
				}
				for _, m := range hrefs.FindAllStringSubmatch(r.Body, -1) {
					if next, ok := sameSite(path, m[1]); ok && !seen[next] {
						queue = append(queue, next)
					}
				}
			}
			t.Logf("%d pages read", len(seen))
		})
	}
}

// sameSite resolves a link against the page it is on, keeping links to this
// site's pages (not static files, not signing out).
func sameSite(from, href string) (string, bool) {
	href = strings.ReplaceAll(href, "&amp;", "&")
	base, _ := url.Parse(from)
	u, err := base.Parse(href)
	if err != nil || u.Host != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "/static/") || u.Path == "/logout" {
		return "", false
	}
	return u.RequestURI(), true
}
