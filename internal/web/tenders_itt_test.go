package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/tender"
)

// ittFormFor is a complete ITT editor form: two criteria that meet a 20%
// stake with a 30% price weight, deadlines a day and two days away.
func ittFormFor(s *testServer) url.Values {
	return url.Values{"title": {"Short breaks"}, "price_weight_percent": {"30"},
		"deadlines.clarification": {s.now().Add(24 * time.Hour).In(round.London).Format("2006-01-02T15:04")},
		"deadlines.submission":    {s.now().Add(48 * time.Hour).In(round.London).Format("2006-01-02T15:04")},
		"criteria[0].id":          {"Q1"}, "criteria[0].question": {"Deliver?"}, "criteria[0].weight_percent": {"50"}, "criteria[0].panel": {"commissioner"},
		"criteria[1].id": {"Q2"}, "criteria[1].question": {"Shape?"}, "criteria[1].weight_percent": {"20"}, "criteria[1].panel": {"lived_experience"},
		"criteria[2].id": {""}, "criteria[2].question": {""}, "criteria[2].weight_percent": {""}}
}

// TestTenderITTScaleAndTieBreak sets a 0–4 scale with its descriptors and
// a tie-break of lowest price, then highest lived experience score, in the
// editor; checks the refusals (wrong number of descriptors, a rule twice,
// a top that is not a number) name the field; and checks the published
// tender page states the rule in words.
func TestTenderITTScaleAndTieBreak(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ctx, tn := draftTender(t, s, "Short breaks")
	lead := s.client(t)
	lead.loginAs("commissioner")
	base := "/tenders/" + tn.ID

	if r := lead.get(base + "/itt"); !strings.Contains(r.Body, `id="scale.max"`) || !strings.Contains(r.Body, "5 – Excellent") ||
		!strings.Contains(r.Body, `id="tie_break[0]"`) {
		t.Fatalf("the editor does not show the default scale and the tie-break: %.2000s", r.Body)
	}

	bad := []struct{ field, value, want string }{
		{"scale.descriptors", "None\nSome\nMost\nAll", "Describe every point of the scale from 0 to 4 (5 descriptors; there are 4)"},
		{"scale.max", "four", "Enter the top of the scale as a whole number"},
		{"tie_break[1]", "lowest_price", "is listed twice"},
	}
	fragment := strings.NewReplacer("[", "%5b", "]", "%5d") // as html/template escapes a link
	for _, b := range bad {
		f := ittFormFor(s)
		f.Set("scale.max", "4")
		f.Set("scale.descriptors", "None\nLittle\nSome\nMost\nAll")
		f.Set("tie_break[0]", "lowest_price")
		f.Set(b.field, b.value)
		r := lead.post(base+"/itt", f)
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, b.want) || !strings.Contains(r.Body, `href="#`+fragment.Replace(b.field)+`"`) {
			t.Errorf("%s=%q: %d, want 422 with %q linked to the field\n%.3000s", b.field, b.value, r.StatusCode, b.want, r.Body)
		}
	}
	got, err := s.DB.TenderByID(ctx, tn.ID)
	if err != nil || got.ITT.Scale.Max != 5 {
		t.Fatalf("a refused form changed the saved scale: %+v %v", got.ITT.Scale, err)
	}

	f := ittFormFor(s)
	f.Set("scale.max", "4")
	f.Set("scale.descriptors", "None\r\nLittle\r\n\r\nSome\r\nMost\r\nAll\r\n") // a browser's line ends, a blank line
	f.Set("tie_break[0]", "lowest_price")
	f.Set("tie_break[1]", "highest_lep")
	f.Set("tie_break[2]", "")
	if r := lead.post(base+"/itt", f); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d %s", r.StatusCode, r.Body)
	}
	got, err = s.DB.TenderByID(ctx, tn.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sc := got.ITT.Scale; sc.Max != 4 || strings.Join(sc.Descriptors, "|") != "None|Little|Some|Most|All" {
		t.Errorf("saved scale %+v", sc)
	}
	if tb := got.ITT.TieBreak; len(tb) != 2 || tb[0] != tender.LowestPrice || tb[1] != tender.HighestLEP {
		t.Errorf("saved tie-break %v", tb)
	}
	if r := lead.get(base + "/itt"); !strings.Contains(r.Body, "None\nLittle\nSome\nMost\nAll") ||
		!strings.Contains(r.Body, `<option value="highest_lep" selected>`) {
		t.Errorf("the editor does not show the saved scale and rules back")
	}
	groupPasses(t, s, tn.RoundID, round.NewProposal{Kind: round.KindAgreeTender, TenderID: tn.ID})
	if r := lead.post(base+"/publish", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("publish: %d %s", r.StatusCode, r.Body)
	}
	if r := lead.get(base); !strings.Contains(r.Body, "the bid with the lower price") {
		t.Errorf("the tender page does not state the tie-break rule: %.2000s", r.Body)
	}
}

// TestTenderAmendmentToldToBidders amends a published ITT after one
// bidder saved a draft: both bidders are told on their bid page, with the
// reason; once the bidder saves again, the notice goes.
func TestTenderAmendmentToldToBidders(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	_, tn := draftTender(t, s, "Short breaks")
	base := "/tenders/" + tn.ID
	lead := s.client(t)
	lead.loginAs("commissioner")
	f := ittFormFor(s)
	if r := lead.post(base+"/itt", f); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save ITT: %d %s", r.StatusCode, r.Body)
	}
	groupPasses(t, s, tn.RoundID, round.NewProposal{Kind: round.KindAgreeTender, TenderID: tn.ID})
	if r := lead.post(base+"/publish", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("publish: %d %s", r.StatusCode, r.Body)
	}
	bidder, other := s.client(t), s.client(t)
	bidder.loginAs("provider")
	other.loginAs("bidder2")
	draft := url.Values{"answer-Q1": {"Weekly sessions"}, "answer-Q2": {"A panel of people who use the service"}, "price": {"250000"}, "action": {"save"}}
	if r := bidder.post(base+"/bid", draft); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("draft: %d %s", r.StatusCode, r.Body)
	}
	const notice = "The invitation to tender has changed"
	if r := bidder.get(base + "/bid"); strings.Contains(r.Body, notice) {
		t.Fatalf("a notice before any amendment")
	}

	s.advance(time.Minute)
	f.Set("criteria[0].question", "How will you deliver the service on weekends too?")
	f.Set("reason", "Q1 now asks about weekends")
	if r := lead.post(base+"/itt", f); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("amend: %d %s", r.StatusCode, r.Body)
	}
	for who, c := range map[string]*client{"provider": bidder, "bidder2": other} {
		r := c.get(base + "/bid")
		if !strings.Contains(r.Body, notice) || !strings.Contains(r.Body, "Version 2") || !strings.Contains(r.Body, "Q1 now asks about weekends") ||
			!strings.Contains(r.Body, "on weekends too?") {
			t.Errorf("%s is not told about the amendment: %.3000s", who, r.Body)
		}
	}
	s.advance(time.Minute)
	if r := bidder.post(base+"/bid", draft); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("draft again: %d %s", r.StatusCode, r.Body)
	}
	if r := bidder.get(base + "/bid"); strings.Contains(r.Body, notice) {
		t.Errorf("the notice stays after the bidder saved their bid again")
	}
}

// TestTenderITTNamesSpecification names the round's specification in the
// ITT (after refusing one that is not the round's) and checks bidders see
// its measures, with targets, on the tender page.
func TestTenderITTNamesSpecification(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ctx, tn := draftTender(t, s, "Short breaks")
	specs, err := s.DB.Specifications(ctx, tn.RoundID)
	if err != nil || len(specs) == 0 {
		t.Fatalf("demo specifications: %v %v", specs, err)
	}
	base := "/tenders/" + tn.ID
	lead := s.client(t)
	lead.loginAs("commissioner")
	if r := lead.get(base + "/itt"); !strings.Contains(r.Body, `<option value="`+specs[0].ID+`">`) {
		t.Fatalf("the editor does not offer the round's specification")
	}
	f := ittFormFor(s)
	f.Set("specification_id", "not-a-spec")
	if r := lead.post(base+"/itt", f); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Choose one of this round&#39;s service specifications") {
		t.Fatalf("a specification from nowhere: %d %.2000s", r.StatusCode, r.Body)
	}
	f.Set("specification_id", specs[0].ID)
	if r := lead.post(base+"/itt", f); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d %s", r.StatusCode, r.Body)
	}
	groupPasses(t, s, tn.RoundID, round.NewProposal{Kind: round.KindAgreeTender, TenderID: tn.ID})
	if r := lead.post(base+"/publish", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("publish: %d %s", r.StatusCode, r.Body)
	}
	bidder := s.client(t)
	bidder.loginAs("provider")
	r := bidder.get(base)
	// The demo's "The same worker each time": baseline 40, target 75.
	if !strings.Contains(r.Body, "Measures the contract will hold you to") || !strings.Contains(r.Body, "<td>The same worker each time</td>") ||
		!strings.Contains(r.Body, "<td>40</td><td>75 (higher is better)</td>") {
		t.Errorf("the bidder does not see the specification's measures: %.4000s", r.Body)
	}
}
