package web_test

import (
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
)

// Issue 14: the account page listed "Lived experience group member"
// three times without saying for which round. Every role a demo person
// holds is named with its round, organisation or tender, and each link
// from the list opens for them.
func TestAccountRolesNameWhereTheyApply(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	rd, err := s.DB.RoundByID(t.Context(), ids.round)
	if err != nil {
		t.Fatal(err)
	}
	item := regexp.MustCompile(`(?s)<li>(.*?)</li>`)
	link := regexp.MustCompile(`href="([^"]+)"`)
	for _, role := range append(demoRoles, "member2") {
		c := s.client(t)
		c.loginAs(role)
		if role == "member" {
			// Robin reads Easy Read, whose account page names her groups
			// simply; the roles, said in full, are in the standard view.
			c.post("/account/easy-read", url.Values{"easy_read": {"off"}, "back": {"/account"}})
		}
		r := c.get("/account")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("%s: account %d", role, r.StatusCode)
		}
		_, roles, ok := strings.Cut(r.Body, "<h2>Your roles</h2>")
		roles, _, _ = strings.Cut(roles, "</ul>")
		lines := item.FindAllStringSubmatch(roles, -1)
		if !ok || len(lines) == 0 {
			t.Fatalf("%s: no roles listed", role)
		}
		for _, l := range lines {
			text := l[1]
			if !strings.Contains(text, "for the whole service") && !strings.Contains(text, " at ") &&
				!strings.Contains(text, " in the round ") && !strings.Contains(text, " for the tender ") {
				t.Errorf("%s: the role %q does not say where it applies", role, text)
			}
			for _, h := range link.FindAllStringSubmatch(text, -1) {
				if got := c.get(h[1]); got.StatusCode != http.StatusOK {
					t.Errorf("%s: the role %q links to %s, which answers %d", role, text, h[1], got.StatusCode)
				}
			}
		}
		if role == "member" {
			want := `Lived experience group member in the round <a href="/rounds/` + ids.round + `">` + template.HTMLEscapeString(rd.Title) + `</a>, run by ` + template.HTMLEscapeString(rd.OrgName)
			if !strings.Contains(roles, want) {
				t.Errorf("member: the round role should read %q:\n%s", want, roles)
			}
		}
	}
}
