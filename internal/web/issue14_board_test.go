package web_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/store"
)

// Issue 14: board cards were headed by a date, not by what was said, and
// the board was about 15,000 px tall. Each card now leads with what was
// said (its heading links to the item), a page holds 10 short cards, the
// public figures stay, and the pages together still reach every item.
func TestBoardCardsLeadWithWhatWasSaid(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	all, err := s.DB.BoardItems(context.Background(), ledger.Query{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	said := map[string]string{}
	for _, it := range all.Items {
		said[it.ID] = it.Said
	}
	c := s.client(t)
	heading := regexp.MustCompile(`<h3><a href="/board/items/([a-z2-7]+)">([^<]*)</a></h3>`)
	next := regexp.MustCompile(`<a href="(/board\?[^"]*)" rel="next">`)
	seen := 0
	for p := "/board"; p != ""; {
		r := c.get(p)
		if r.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", p, r.StatusCode)
		}
		if strings.Contains(r.Body, "Item said on") {
			t.Errorf("%s: a card is still headed by its date", p)
		}
		for _, want := range []string{"Voice items", "With a commitment", "Judged changed", "Figures by organisation", "Figures by commissioning round"} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("%s: the public figure %q is missing", p, want)
			}
		}
		cards := heading.FindAllStringSubmatch(r.Body, -1)
		if len(cards) == 0 || len(cards) > 10 {
			t.Errorf("%s: %d cards, want 1 to 10", p, len(cards))
		}
		for _, m := range cards {
			text := strings.NewReplacer("&#39;", "'", "&amp;", "&", "&#34;", `"`).Replace(m[2])
			full, ok := said[m[1]]
			lead := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSuffix(text, "”"), "“"), "…")
			if !ok || lead == "" || !strings.HasPrefix(full, lead) {
				t.Errorf("card %s is headed %q, not by what was said (%q)", m[1], text, full)
			}
			seen++
		}
		p = ""
		if m := next.FindStringSubmatch(r.Body); m != nil {
			p = strings.ReplaceAll(m[1], "&amp;", "&")
		}
	}
	if seen != len(all.Items) {
		t.Errorf("the pages show %d cards, want every public item (%d)", seen, len(all.Items))
	}
}
