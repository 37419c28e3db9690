package web_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

var emailLike = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)

// privateWords are what must never reach the public board: every demo
// member's real name and contact, every account's name and email, and
// the words of the item whose consent was withdrawn.
func privateWords(t *testing.T, s *testServer) []string {
	t.Helper()
	ctx := context.Background()
	// Nothing of the demo contract either: the public sees the names of
	// linked indicators only, never the contract, its address or value.
	words := []string{demo.WithdrawnVoice, html.EscapeString(demo.DemoContract), "/contracts/", "1,200,000", "£"}
	rounds, _, err := s.DB.ListRounds(ctx, round.Query{All: true, Limit: 10})
	if err != nil || len(rounds) == 0 {
		t.Fatalf("demo rounds: %v", err)
	}
	ms, err := s.DB.RoundMembers(ctx, rounds[0].ID, round.Facilitators)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		words = append(words, m.RealName, m.ContactEmail)
	}
	for _, l := range demo.Logins() {
		words = append(words, l.Email)
		if !strings.Contains(l.Name, "(") { // "Robin (group member)" is a group name, not a real one
			words = append(words, l.Name)
		}
	}
	return words
}

func checkPublic(t *testing.T, what, body string, private []string) {
	t.Helper()
	if m := emailLike.FindString(body); m != "" {
		t.Errorf("%s shows an email address: %s", what, m)
	}
	for _, w := range private {
		if w != "" && strings.Contains(body, w) {
			t.Errorf("%s shows private words %q", what, w)
		}
	}
}

// TestBoardShowsNothingPersonal crawls the public board anonymously —
// every page, filter and item page it links to — and reads the JSON, CSV
// and Atom exports, on both engines.
func TestBoardShowsNothingPersonal(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		private := privateWords(t, s)
		c := s.client(t)
		links := regexp.MustCompile(`href="(/board[^"#]*)`)
		seen, queue := map[string]bool{"/board": true}, []string{"/board"}
		items := 0
		for len(queue) > 0 && len(seen) < 400 {
			p := queue[0]
			queue = queue[1:]
			r := c.get(p)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d", p, r.StatusCode)
			}
			checkPublic(t, p, r.Body, private)
			if strings.HasPrefix(p, "/board/items/") && !strings.HasSuffix(p, "easy-read") {
				items++
			}
			for _, m := range links.FindAllStringSubmatch(r.Body, -1) {
				u := strings.ReplaceAll(m[1], "&amp;", "&")
				if !seen[u] && !strings.HasSuffix(strings.SplitN(u, "?", 2)[0], ".csv") && !strings.HasSuffix(strings.SplitN(u, "?", 2)[0], ".json") && !strings.HasSuffix(u, ".atom") {
					seen[u] = true
					queue = append(queue, u)
				}
			}
		}
		// 34 demo items (two from a quality check), one withdrawn: 33
		// item pages reached.
		if items != 33 {
			t.Errorf("crawl reached %d item pages, want 33", items)
		}

		r := c.get("/board.json?limit=200")
		checkPublic(t, "/board.json", r.Body, private)
		var js struct {
			Items []struct {
				ID      string   `json:"id"`
				Said    string   `json:"said"`
				Status  string   `json:"status"`
				Flags   []string `json:"flags"`
				Verdict *string  `json:"verdict"`
			} `json:"items"`
			Next  *string `json:"next"`
			Stats struct {
				Items int `json:"items"`
			} `json:"stats"`
		}
		if err := json.Unmarshal([]byte(r.Body), &js); err != nil || r.Header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Fatalf("board.json: %v %s", err, r.Body[:min(200, len(r.Body))])
		}
		if len(js.Items) != 33 || js.Stats.Items != 33 || js.Next != nil || js.Items[0].ID == "" || js.Items[0].Status == "" || js.Items[0].Flags == nil {
			t.Fatalf("board.json: %d items, stats %d, next %v", len(js.Items), js.Stats.Items, js.Next)
		}
		r = c.get("/board.json?limit=10")
		if err := json.Unmarshal([]byte(r.Body), &js); err != nil || len(js.Items) != 10 || js.Next == nil || !strings.Contains(*js.Next, "after=") {
			t.Fatalf("board.json first page of 10: %v %v", err, js.Next)
		}

		r = c.get("/board.csv")
		checkPublic(t, "/board.csv", r.Body, private)
		if lines := strings.Count(r.Body, "\n"); lines < 31 || !strings.HasPrefix(r.Body, "id,url,said,") {
			t.Fatalf("board.csv: %d lines", lines)
		}

		r = c.get("/board/feed.atom")
		checkPublic(t, "/board/feed.atom", r.Body, private)
		var feed struct {
			XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
			ID      string   `xml:"id"`
			Updated string   `xml:"updated"`
			Entries []struct {
				ID      string `xml:"id"`
				Title   string `xml:"title"`
				Updated string `xml:"updated"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal([]byte(r.Body), &feed); err != nil || len(feed.Entries) != 33 || feed.Updated == "" || feed.Entries[0].Title == "" {
			t.Fatalf("feed: %v, %d entries", err, len(feed.Entries))
		}
	})
}

// demoItem finds a demo item's id by what it said, as staff see it.
func demoItem(t *testing.T, s *testServer, q ledger.Query, said string) string {
	t.Helper()
	q.Limit = 200
	p, err := s.DB.BoardItems(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range p.Items {
		if it.Said == said {
			return it.ID
		}
	}
	t.Fatalf("no demo item %q", said)
	return ""
}

// TestOnlyTheGroupGivesVerdicts tries to record a verdict as every demo
// role, and anonymously, on an item in the demo round and on one with no
// round (where members of the user-led organisation judge).
func TestOnlyTheGroupGivesVerdicts(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	inRound := demoItem(t, s, ledger.Query{Status: ledger.StatusInProgress}, "Appointments are only in school hours")
	noRound := demoItem(t, s, ledger.Query{}, "Personal health budgets take too long to agree")
	form := url.Values{"verdict": {"partly"}, "comment": {"Some evenings, not all"}}
	for _, role := range append(demoRoles, "member2") {
		for _, id := range []string{inRound, noRound} {
			c := s.client(t)
			c.loginAs(role)
			want := http.StatusForbidden
			if role == "member" || role == "member2" {
				want = http.StatusSeeOther
			}
			if r := c.post("/ledger/items/"+id+"/verdict", form); r.StatusCode != want {
				t.Errorf("%s verdict on %s: %d, want %d", role, id, r.StatusCode, want)
			}
			if r := c.get("/ledger/items/" + id + "/verdict"); (r.StatusCode == http.StatusOK) != (want == http.StatusSeeOther) {
				t.Errorf("%s verdict form: %d", role, r.StatusCode)
			}
		}
	}
	anon := s.client(t)
	if r := anon.post("/ledger/items/"+inRound+"/verdict", form); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
		t.Errorf("anonymous verdict: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	// Robin and Sky both judged "partly": shown together, by group name.
	r := anon.get("/board/items/" + inRound)
	if !strings.Contains(r.Body, "It partly changed</strong>, said Robin") || !strings.Contains(r.Body, "said Sky") {
		t.Errorf("verdicts not shown together by group name:\n%s", r.Body)
	}
}

// TestLedgerFlowsOverHTTP records voice, commits vaguely, refuses "not
// doing" without a reason, and imports a file with a preview first.
func TestLedgerFlowsOverHTTP(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ctx := context.Background()
	before, _, _, _ := s.DB.BoardStats(ctx)
	fac := s.client(t)
	fac.loginAs("facilitator")
	r := fac.get("/ledger/items/new")
	if r.StatusCode != http.StatusOK {
		t.Fatalf("new item form: %d", r.StatusCode)
	}
	ulo := regexp.MustCompile(`value="([a-z2-7]{26})"[^>]*><label for="[^"]+">Voices Together`).FindStringSubmatch(r.Body)
	if ulo == nil {
		t.Fatalf("no Voices Together choice on the form:\n%s", r.Body)
	}
	r = fac.post("/ledger/items", url.Values{"said": {""}, "source": {"session"}, "said_on": {"yesterday"}})
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#said"`) || !strings.Contains(r.Body, `href="#org_ids"`) {
		t.Fatalf("empty voice item: %d", r.StatusCode)
	}
	r = fac.post("/ledger/items", url.Values{"said": {"The day centre closes at 3pm"}, "source": {"session"}, "said_on": {"1/11/2026"},
		"org_ids": {ulo[1]}, "themes": {"Day services"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("recording voice: %d %s", r.StatusCode, r.Body)
	}
	item := strings.TrimPrefix(strings.Split(r.Header.Get("Location"), "?")[0], "/ledger/items/")

	// The facilitator holds a role in Voices Together but no commissioner
	// may own a commitment there except its members: choose the facilitator.
	r = fac.get("/ledger/items/" + item + "/commitment")
	owner := regexp.MustCompile(`<option value="([a-z2-7]{26} [a-z2-7]{26})">Jordan Ellis`).FindStringSubmatch(r.Body)
	if owner == nil {
		t.Fatalf("no owner choice:\n%s", r.Body)
	}
	r = fac.post("/ledger/items/"+item+"/commitment", url.Values{"owner": {owner[1]}, "what": {"We will consider longer opening hours"}, "due_on": {"31 March 2027"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("commit: %d %s", r.StatusCode, r.Body)
	}
	r = s.client(t).get("/board/items/" + item)
	if !strings.Contains(r.Body, "Flag: Vague commitment") || !strings.Contains(r.Body, ledger.FlagVague.Explanation()[:40]) {
		t.Fatalf("vague flag not shown with its explanation")
	}
	r = fac.post("/ledger/items/"+item+"/status", url.Values{"status": {"not_doing"}})
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#reason"`) {
		t.Fatalf("not doing without a reason: %d", r.StatusCode)
	}
	r = fac.post("/ledger/items/"+item+"/status", url.Values{"status": {"not_doing"}, "reason": {"The lease ends in March"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("not doing: %d", r.StatusCode)
	}
	after, _, _, _ := s.DB.BoardStats(ctx)
	if after.Items != before.Items+1 || after.Committed != before.Committed+1 {
		t.Fatalf("counts: before %+v, after %+v", before, after)
	}

	// Import: a preview first, nothing saved; then the valid rows.
	csv := "said,said_on,themes\nThe ramp is too steep,2026-10-01,Access\n,2026-10-02,\nThe lift is broken,2026-13-01,\n"
	form := url.Values{"org_ids": {ulo[1]}, "csv": {csv}}
	r = fac.post("/ledger/import", form)
	if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "<td>3</td><td>said</td>") || !strings.Contains(r.Body, "<td>4</td><td>said_on</td>") || !strings.Contains(r.Body, "Import 1 items") {
		t.Fatalf("preview: %d\n%s", r.StatusCode, r.Body)
	}
	if now, _, _, _ := s.DB.BoardStats(ctx); now.Items != after.Items {
		t.Fatal("the preview saved something")
	}
	r = fac.post("/ledger/import/confirm", form)
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: %d %s", r.StatusCode, r.Body)
	}
	if now, _, _, _ := s.DB.BoardStats(ctx); now.Items != after.Items+1 {
		t.Fatalf("import saved %d items, want 1", now.Items-after.Items)
	}
	// A provider may not record voice for an organisation they are not in.
	prov := s.client(t)
	prov.loginAs("provider")
	if r := prov.post("/ledger/items", url.Values{"said": {"x"}, "source": {"session"}, "said_on": {"1/11/2026"}, "org_ids": {ulo[1]}}); r.StatusCode != http.StatusForbidden {
		t.Fatalf("provider recording voice: %d", r.StatusCode)
	}
	// The commissioner's dashboard lists what is overdue.
	com := s.client(t)
	com.loginAs("commissioner")
	if r := com.get("/ledger"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "Appointments are only in school hours") {
		t.Fatalf("dashboard: %d", r.StatusCode)
	}
}

// TestDemoLedgerCoversEverything checks the demo shows every status, flag
// and verdict, so the board can be tried out on real-looking data.
func TestDemoLedgerCoversEverything(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ctx := context.Background()
	for _, st := range ledger.Statuses {
		if p, err := s.DB.BoardItems(ctx, ledger.Query{Status: st, Limit: 1}); err != nil || len(p.Items) == 0 {
			t.Errorf("no demo item is %s (%v)", st, err)
		}
	}
	for _, f := range ledger.AllFlags {
		if p, err := s.DB.BoardItems(ctx, ledger.Query{Flag: f, Limit: 1}); err != nil || len(p.Items) == 0 {
			t.Errorf("no demo item is flagged %s (%v)", f, err)
		}
	}
	p, _ := s.DB.BoardItems(ctx, ledger.Query{Limit: 200})
	verdicts := map[ledger.Verdict]bool{}
	for _, it := range p.Items {
		full, err := s.DB.LedgerItem(ctx, it.ID, ledger.Public)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range full.Verdicts {
			verdicts[v.Verdict] = true
		}
	}
	for _, v := range ledger.Verdicts {
		if !verdicts[v] {
			t.Errorf("no demo verdict says %s", v)
		}
	}
}
