package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestResearchFeedsCommissioningOverHTTP, on both engines, from the demo:
// the researcher's two offered segments are on the project's offers page
// and the demo round's research page, counted under their themes in the
// evidence map; the facilitator takes one into the ledger (the public
// board then shows it, said in research); the researcher offers a third
// through the form; and when the researcher records that consent for the
// narrative was withdrawn, its words leave the round's page, the map and
// the board on the next request, while the project lists them as withdrawn.
func TestResearchFeedsCommissioningOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ids := findDemoRound(t, s)
		roundBase := "/rounds/" + ids.round
		res, fac, member := s.client(t), s.client(t), s.client(t)
		res.loginAs("researcher")
		fac.loginAs("facilitator")
		member.loginAs("member")
		nobody, leftAt := "Nobody asked me where I wanted to go.", "On other routes I have been left at the stop twice this month."

		base := demoCodingProject(t, res)
		if r := res.get(base); !strings.Contains(r.Body, `href="`+base+`/offers"`) {
			t.Fatalf("the project page does not link its offers")
		}
		offers := res.get(base + "/offers")
		for _, w := range []string{nobody, leftAt, "under the theme Being listened to", "under the theme Getting about", "The round has not taken it into its ledger"} {
			if offers.StatusCode != http.StatusOK || !strings.Contains(offers.Body, w) {
				t.Errorf("offers page (%d) lacks %q", offers.StatusCode, w)
			}
		}

		themes := fac.get(roundBase + "/themes")
		if !strings.Contains(themes.Body, `<th scope="col">Research</th>`) || !strings.Contains(themes.Body, `<th scope="row">Getting about</th><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td>`) ||
			!strings.Contains(themes.Body, `href="`+roundBase+`/research"`) {
			t.Fatalf("evidence map lacks the research column, its count or the link")
		}
		page := member.get(roundBase + "/research")
		if page.StatusCode != http.StatusOK || !strings.Contains(page.Body, nobody) || !strings.Contains(page.Body, "Getting out and about") ||
			strings.Contains(page.Body, "/ledger\"") {
			t.Fatalf("member's research page = %d, or it offers the ledger form", page.StatusCode)
		}
		if r := s.client(t).get(roundBase + "/research"); r.StatusCode != http.StatusSeeOther {
			t.Errorf("signed out: research page = %d", r.StatusCode)
		}
		if r := res.get(roundBase + "/research"); r.StatusCode != http.StatusForbidden {
			t.Errorf("the researcher, an observer of the round, reads its research page: %d", r.StatusCode)
		}

		// The facilitator takes the first offer into the ledger.
		page = fac.get(roundBase + "/research")
		j := strings.Index(page.Body, `action="`+roundBase+`/research/`)
		if j < 0 {
			t.Fatal("the facilitator has no form to add research to the ledger")
		}
		action := page.Body[j+len(`action="`):]
		action = action[:strings.Index(action, `"`)]
		if r := member.post(action, url.Values{}); r.StatusCode != http.StatusForbidden {
			t.Errorf("a member added research to the ledger: %d", r.StatusCode)
		}
		if r := fac.post(action, url.Values{}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("to the ledger = %d %s", r.StatusCode, r.Body)
		}
		if r := fac.post(action, url.Values{}); r.StatusCode != http.StatusConflict {
			t.Errorf("added twice = %d", r.StatusCode)
		}
		page = fac.get(roundBase + "/research")
		k := strings.Index(page.Body, `href="/board/items/`)
		if k < 0 {
			t.Fatal("the research page does not link the voice item")
		}
		item := page.Body[k+len(`href="`):]
		item = item[:strings.Index(item, `"`)]
		board := s.client(t).get(item)
		if board.StatusCode != http.StatusOK || !strings.Contains(board.Body, nobody) || !strings.Contains(board.Body, "Said by People who took part in research, ") {
			t.Fatalf("board item = %d", board.StatusCode)
		}

		// A third segment, through the form.
		segs := res.get(base + "/segments")
		m := strings.Index(segs.Body, `/offer">Offer to a commissioning round`)
		if m < 0 {
			t.Fatal("the segments page offers no segment")
		}
		form := segs.Body[:m+len("/offer")]
		form = form[strings.LastIndex(form, `href="`)+len(`href="`):]
		if r := res.get(form); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "CYP mental health") && !strings.Contains(r.Body, "<option value=\""+ids.round+"\"") {
			t.Fatalf("offer form = %d", r.StatusCode)
		}
		if r := res.post(form, url.Values{"round_id": {ids.round}, "theme": {" "}}); r.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(r.Body, "Enter the theme it belongs under") {
			t.Errorf("offer without a theme = %d", r.StatusCode)
		}
		if r := res.post(form, url.Values{"round_id": {ids.round}, "theme": {"Getting about"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("offer = %d %s", r.StatusCode, r.Body)
		}
		if r := res.post(form, url.Values{"round_id": {ids.round}, "theme": {"Getting about"}}); r.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(r.Body, "already offered to that round") {
			t.Errorf("offered twice = %d", r.StatusCode)
		}

		// Consent withdrawn for the narrative "Nobody asked me..." is in.
		sources, err := s.DB.Sources(context.Background(), strings.TrimPrefix(base, "/coding/"))
		if err != nil {
			t.Fatal(err)
		}
		var consent string
		for _, src := range sources {
			if strings.Contains(src.Text, nobody) {
				consent = base + "/sources/" + src.ID + "/consent"
			}
		}
		if !strings.Contains(res.get(base+"/offers").Body, `href="`+consent+`"`) {
			t.Fatal("the offers page does not link the consent form")
		}
		if r := res.post(consent, url.Values{}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Confirm that consent") {
			t.Errorf("withdrawal unconfirmed = %d", r.StatusCode)
		}
		if r := res.post(consent, url.Values{"confirm": {"yes"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("withdrawal = %d %s", r.StatusCode, r.Body)
		}
		if r := fac.get(roundBase + "/research"); strings.Contains(r.Body, nobody) || !strings.Contains(r.Body, leftAt) {
			t.Errorf("after withdrawal the facilitator's research page still shows the words, or lost the other source's")
		}
		if r := fac.get(roundBase + "/themes"); !strings.Contains(r.Body, `<th scope="row">Being listened to</th><td>1</td><td>1</td><td>0</td><td>0</td><td>1</td><td>0</td>`) {
			t.Errorf("after withdrawal the map still counts the research under Being listened to")
		}
		if r := s.client(t).get(item); r.StatusCode != http.StatusNotFound {
			t.Errorf("after withdrawal the board item = %d", r.StatusCode)
		}
		if r := res.get(base + "/offers"); !strings.Contains(r.Body, "Consent withdrawn:") || !strings.Contains(r.Body, "its voice item is withdrawn from the ledger") {
			t.Errorf("the project does not show the withdrawal")
		}
	})
}

// demoCodingProject is the address of the demo's coding project, the
// first (and only) one the signed-in researcher's list links.
func demoCodingProject(t *testing.T, c *client) string {
	t.Helper()
	list := c.get("/coding")
	i := strings.Index(list.Body, `<a href="/coding/`)
	if i < 0 {
		t.Fatalf("/coding = %d, with no project", list.StatusCode)
	}
	base := list.Body[i+len(`<a href="`):]
	return base[:strings.Index(base, `"`)]
}
