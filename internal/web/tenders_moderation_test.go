package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/tender"
)

// TestModerationOneFormPerBid: the chair agrees every score of a bid in one
// form. A problem with one score sends the whole form back with what was
// typed and records nothing; a good form records every score it holds.
// The demo's moderation tender waits for the lived experience panel's chair.
func TestModerationOneFormPerBid(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ctx, _, ts := demoTenders(t, s)
		var tn tender.Tender
		for _, x := range ts {
			if !x.Awarded {
				tn = x
			}
		}
		bids, err := s.DB.SubmittedBids(ctx, tn.ID)
		if err != nil || len(bids) != 2 {
			t.Fatalf("bids: %d %v", len(bids), err)
		}
		var crits []string
		for _, c := range tn.ITT.Criteria {
			if c.ScoredBy(tender.LivedExperience) {
				crits = append(crits, c.ID)
			}
		}
		if len(crits) < 2 {
			t.Fatalf("the lived experience panel scores %v: the test needs two questions", crits)
		}
		chair := s.client(t)
		chair.loginAs("chair2")
		base := "/tenders/" + tn.ID + "/moderation"
		page := chair.get(base)
		wantStatus(t, page, http.StatusOK, "moderation page")
		if n := strings.Count(page.Body, `action="`+base+`/`); n != len(bids) {
			t.Errorf("%d consensus forms, want one for each of the %d bids", n, len(bids))
		}
		for _, b := range bids {
			if n := strings.Count(page.Body, `action="`+base+`/`+b.ID+`"`); n != 1 {
				t.Errorf("%s has %d forms, want 1", b.OrgName, n)
			}
		}
		lep := func() map[string]int {
			cs, err := s.DB.ConsensusForResult(ctx, tn.ID)
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]int{}
			for _, c := range cs {
				if c.Panel == tender.LivedExperience {
					out[c.Bid+"/"+c.Criterion] = c.Score
				}
			}
			return out
		}
		bid := bids[0].ID
		form := url.Values{}
		for i, c := range crits {
			form.Set("score-"+bid+"-"+c, strconv.Itoa(i+2))
			form.Set("rationale-"+bid+"-"+c, "Agreed after talking it through, question "+c+".")
		}

		// One score off the scale: nothing is recorded, the form keeps every answer.
		bad := url.Values{}
		for k, v := range form {
			bad[k] = v
		}
		bad.Set("score-"+bid+"-"+crits[0], "9")
		r := chair.post(base+"/"+bid, bad)
		wantStatus(t, r, http.StatusUnprocessableEntity, "a score off the scale")
		wantContains(t, r, "the refused form", `href="#score-`+bid+`-`+crits[0]+`"`, crits[0]+": Choose a score from 0 to",
			"Agreed after talking it through, question "+crits[1]+".", `value="9"`)
		if got := lep(); len(got) != 0 {
			t.Fatalf("a refused form recorded %v", got)
		}

		// The good form records every question's score at once.
		r = chair.post(base+"/"+bid, form)
		wantStatus(t, r, http.StatusSeeOther, "the bid's consensus form")
		got := lep()
		for i, c := range crits {
			if got[bid+"/"+c] != i+2 {
				t.Errorf("%s: recorded %v, want %d", c, got, i+2)
			}
		}
		if len(got) != len(crits) {
			t.Errorf("recorded %v, want only %s's %d questions", got, bids[0].OrgName, len(crits))
		}

		// An empty form is sent back, not "recorded".
		r = chair.post(base+"/"+bids[1].ID, url.Values{})
		wantStatus(t, r, http.StatusUnprocessableEntity, "an empty consensus form")
		wantContains(t, r, "the empty form", "Enter the agreed score and the reason for at least one question")
	})
}
