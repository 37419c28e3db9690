package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/tender"
	"github.com/coprod/coprod/ocds/ocdstest"
)

// TestTenderPagesByRole walks the tender pages as each demo role and checks
// who is let in, through HTTP, on both engines.
func TestTenderPagesByRole(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		_, tn := draftTender(t, s, "Test tender")
		_, rd := tenderRound(t, s)
		lead := s.client(t)
		lead.loginAs("commissioner")
		if r := lead.get("/rounds/" + rd.ID + "/tenders"); r.StatusCode != http.StatusOK {
			t.Fatalf("lead list: %d %s", r.StatusCode, r.Body)
		}
		if r := lead.get("/tenders/" + tn.ID + "/itt"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "The stake is not met") {
			t.Fatalf("lead ITT: %d %s", r.StatusCode, r.Body)
		}
		f := url.Values{"title": {"Test tender"}, "price_weight_percent": {"30"},
			"deadlines.clarification": {s.now().Add(24 * time.Hour).In(round.London).Format("2006-01-02T15:04")},
			"deadlines.submission":    {s.now().Add(48 * time.Hour).In(round.London).Format("2006-01-02T15:04")},
			"criteria[0].id":          {"Q1"}, "criteria[0].question": {"Deliver?"}, "criteria[0].weight_percent": {"50"}, "criteria[0].panel": {"commissioner"},
			"criteria[1].id": {"Q2"}, "criteria[1].question": {"Shape?"}, "criteria[1].weight_percent": {"10"}, "criteria[1].panel": {"lived_experience"},
			"criteria[2].id": {""}, "criteria[2].question": {""}, "criteria[2].weight_percent": {""}}
		if r := lead.post("/tenders/"+tn.ID+"/itt", f); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("save ITT: %d %s", r.StatusCode, r.Body)
		}
		if r := lead.post("/tenders/"+tn.ID+"/publish", nil); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "stake") {
			t.Fatalf("publish with the stake unmet: %d %s", r.StatusCode, r.Body)
		}
		f.Set("preset", string(tender.ByCriteria))
		if r := lead.post("/tenders/"+tn.ID+"/itt", f); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("preset: %d %s", r.StatusCode, r.Body)
		}
		// The stake is met, but the group has not agreed its questions.
		if r := lead.post("/tenders/"+tn.ID+"/publish", nil); r.StatusCode != http.StatusConflict ||
			!strings.Contains(r.Body, "The lived experience group has not agreed the questions and weights it will score in this tender.") {
			t.Fatalf("publish without the group's agreement: %d %s", r.StatusCode, r.Body)
		}
		groupPasses(t, s, rd.ID, round.NewProposal{Kind: round.KindAgreeTender, TenderID: tn.ID})
		if r := lead.post("/tenders/"+tn.ID+"/publish", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("publish: %d %s", r.StatusCode, r.Body)
		}
		paths := []string{"/tenders/" + tn.ID, "/tenders/" + tn.ID + "/itt", "/tenders/" + tn.ID + "/panels", "/tenders/" + tn.ID + "/bid",
			"/tenders/" + tn.ID + "/questions", "/tenders/" + tn.ID + "/conflicts", "/tenders/" + tn.ID + "/score",
			"/tenders/" + tn.ID + "/guide", "/tenders/" + tn.ID + "/moderation", "/tenders/" + tn.ID + "/result",
			"/tenders/" + tn.ID + "/summaries", "/tenders/" + tn.ID + "/award"}
		allow := map[string][]bool{
			// show itt panels bid questions conflicts score guide moderation result summaries award
			"commissioner": {true, true, true, false, true, false, false, false, false, true, true, true},
			"provider":     {true, false, false, true, true, false, false, false, false, false, false, false},
			"facilitator":  {true, false, false, false, false, false, false, false, false, false, false, false},
			"member":       {true, false, false, false, false, false, false, false, false, false, false, false},
			"":             {false, false, false, false, false, false, false, false, false, false, false, false},
		}
		for role, want := range allow {
			c := s.client(t)
			if role != "" {
				c.loginAs(role)
			}
			for i, p := range paths {
				r := c.get(p)
				if got := r.StatusCode == http.StatusOK; got != want[i] {
					t.Errorf("%q GET %s = %d, want allowed=%v\n%s", role, p, r.StatusCode, want[i], r.Body)
				}
			}
		}
	})
}

// TestDemoTenderPagesByRole walks the demo's two tenders (one awarded, one
// in moderation) as the demo's bidders, each panel's evaluator and chair,
// the commissioner lead, the facilitator, a member and nobody, through
// HTTP, on both engines, including the OCDS download.
func TestDemoTenderPagesByRole(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		_, _, ts := demoTenders(t, s)
		pages := []string{"", "/itt", "/panels", "/bid", "/questions", "/conflicts", "/score", "/guide", "/moderation",
			"/result", "/summaries", "/award", "/ocds.json"}
		evaluator := []bool{true, false, false, false, false, true, true, true, false, false, false, false, false}
		chair := []bool{true, false, false, false, false, true, true, true, true, true, true, false, false}
		bidder := []bool{true, false, false, true, true, false, false, false, false, false, false, false, false}
		only := func(first bool) []bool { return append([]bool{first}, make([]bool, len(pages)-1)...) }
		allow := map[string][]bool{
			// show itt panels bid questions conflicts score guide moderation result summaries award ocds
			"commissioner": {true, true, true, false, true, false, false, false, false, true, true, true, true},
			"provider":     bidder,
			"bidder2":      bidder,
			"evaluator":    evaluator,
			"evaluator2":   evaluator,
			"chair":        chair,
			"chair2":       chair,
			"facilitator":  only(true),
			"member":       only(true),
			"":             only(false),
		}
		var awarded int
		for _, tn := range ts {
			if tn.Awarded {
				awarded++
			} else if !tn.Moderation[tender.Commissioner] || !tn.Moderation[tender.LivedExperience] {
				t.Errorf("demo tender %q is neither awarded nor in moderation", tn.Title)
			}
			for role, want := range allow {
				c := s.client(t)
				if role != "" {
					c.loginAs(role)
				}
				for i, p := range pages {
					want := want[i]
					// The group that holds the stake reads the result once the contract is awarded.
					if p == "/result" && tn.Awarded && (role == "member" || role == "facilitator") {
						want = true
					}
					r := c.get("/tenders/" + tn.ID + p)
					if got := r.StatusCode == http.StatusOK; got != want {
						t.Errorf("%s: %q GET /tenders/%s%s = %d, want allowed=%v\n%.500s", tn.Title, role, tn.ID, p, r.StatusCode, want, r.Body)
					}
					if p == "/ocds.json" && r.StatusCode == http.StatusOK {
						ocdstest.Validate(t, []byte(r.Body)) // the same package as coprod export ocds --tender
					}
				}
			}
		}
		if awarded != 1 {
			t.Errorf("%d demo tenders awarded, want 1", awarded)
		}
	})
}
