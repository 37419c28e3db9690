package web_test

import (
	"context"
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
)

// demoContractID is the id of the demo contract.
func demoContractID(t *testing.T, s *testServer) string {
	t.Helper()
	ctx := context.Background()
	rounds, _, err := s.DB.ListRounds(ctx, round.Query{All: true, Limit: 10})
	if err != nil || len(rounds) == 0 {
		t.Fatalf("demo rounds: %v", err)
	}
	cs, err := s.DB.Contracts(ctx, rounds[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Title == demo.DemoContract {
			return c.ID
		}
	}
	t.Fatal("no demo contract")
	return ""
}

// TestLedgerIndicatorLinksOverHTTP links a commitment to a contract
// indicator with the form's list, adds its reported values as evidence,
// and reads both on the item page and on the public board, where the
// contract itself never shows.
func TestLedgerIndicatorLinksOverHTTP(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	cid := demoContractID(t, s)
	com := s.client(t)
	com.loginAs("commissioner")
	anon := s.client(t)

	// The demo's linked item: the indicator's name, its contract for
	// staff, and the values as reported when the evidence was added.
	linked := demoItem(t, s, ledger.Query{}, "The crisis line promised a call back that never came")
	r := com.get("/ledger/items/" + linked)
	wantStatus(t, r, http.StatusOK, "linked item page")
	wantContains(t, r, "linked item page", "Help the same day in a crisis", `href="/contracts/`+cid+`"`, html.EscapeString(demo.DemoContract),
		"<li>2027-Q1: 64</li>", "<li>2027-Q2: 72</li>", "<li>2027-Q3: 81</li>")
	r = com.get("/board/items/" + linked)
	wantContains(t, r, "board item for staff", "Help the same day in a crisis", `href="/contracts/`+cid+`"`)
	r = anon.get("/board/items/" + linked)
	wantStatus(t, r, http.StatusOK, "public board item")
	wantContains(t, r, "public board item", "Help the same day in a crisis", "<li>2027-Q3: 81</li>")
	for _, never := range []string{"/contracts/", cid, html.EscapeString(demo.DemoContract), "mental health support, 2027", "£", "1,200,000"} {
		if strings.Contains(r.Body, never) {
			t.Errorf("the public board item shows %q", never)
		}
	}

	// The form offers the demo contract's indicators as a list.
	open := demoItem(t, s, ledger.Query{}, "Night buses do not go near the crisis café")
	r = com.get("/ledger/items/" + open + "/commitment")
	wantStatus(t, r, http.StatusOK, "commitment form")
	wantContains(t, r, "commitment form", `<select class="select" id="indicator" name="indicator"`, `<option value="">No contract indicator</option>`,
		`<option value="`+cid+` I2">The same worker each time (I2, `)
	owner := regexp.MustCompile(`<option value="([a-z2-7]{26} [a-z2-7]{26})">`).FindStringSubmatch(r.Body)
	if owner == nil {
		t.Fatalf("no owner choice:\n%s", r.Body)
	}
	form := url.Values{"owner": {owner[1]}, "what": {"Run a night bus to the crisis café every 30 minutes from 8pm to 2am"}, "due_on": {"31 March 2027"},
		"indicator": {cid + " I9"}}
	r = com.post("/ledger/items/"+open+"/commitment", form)
	wantStatus(t, r, http.StatusUnprocessableEntity, "an indicator not in the profile")
	wantContains(t, r, "an indicator not in the profile", `href="#indicator"`, "payment profile")
	form.Set("indicator", cid+" I3")
	wantStatus(t, com.post("/ledger/items/"+open+"/commitment", form), http.StatusSeeOther, "commitment with an indicator")
	r = com.get("/ledger/items/" + open)
	wantContains(t, r, "item page", "<dt>Contract indicator</dt><dd>Days to a first appointment", `href="/contracts/`+cid+`"`)

	// Evidence: the linked indicator is chosen already; values are recorded.
	r = com.get("/ledger/items/" + open + "/evidence/new")
	wantContains(t, r, "evidence form", `<option value="`+cid+` I3" selected>`)
	r = com.post("/ledger/items/"+open+"/evidence", url.Values{"kind": {"indicator"}})
	wantStatus(t, r, http.StatusUnprocessableEntity, "indicator evidence without an indicator")
	wantContains(t, r, "indicator evidence without an indicator", `href="#indicator"`)
	r = com.post("/ledger/items/"+open+"/evidence", url.Values{"kind": {"indicator"}, "indicator": {cid + " I3"}})
	wantStatus(t, r, http.StatusSeeOther, "indicator evidence")
	r = com.get("/ledger/items/" + open)
	wantContains(t, r, "item page with evidence", "Values reported for the contract indicator “Days to a first appointment”",
		"<li>2027-Q1: 90</li>", "<li>2027-Q2: 45</li>", "<li>2027-Q3: 27</li>")
	r = anon.get("/board/items/" + open)
	wantContains(t, r, "public item with evidence", "Days to a first appointment", "<li>2027-Q3: 27</li>")
	if strings.Contains(r.Body, "/contracts/") || strings.Contains(r.Body, html.EscapeString(demo.DemoContract)) {
		t.Error("the public board item shows the contract")
	}
}
