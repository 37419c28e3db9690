package web_test

import (
	"fmt"
	"testing"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/tender"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserTenderOutcomeAndModerationErrors runs axe, with JavaScript
// off, on the tender pages TestBrowserTenderPagesPassAxe's crawls do not
// reach: the result as a group member reads it once the contract is
// awarded (its "Show exact values" folded), and a bid's moderation form
// sent back with a score off the scale (the error summary and the field's
// error inside the per-bid form).
func TestBrowserTenderOutcomeAndModerationErrors(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ctx, _, ts := demoTenders(t, s)
	var awarded, moderating tender.Tender
	for _, tn := range ts {
		if tn.Awarded {
			awarded = tn
		} else {
			moderating = tn
		}
	}

	member := browser.Start(t, s.URL, browser.Options{NoJS: true})
	signIn(member, "member@demo.test", demo.Password)
	member.Visit("/tenders/" + awarded.ID + "/result")
	mustRead(t, member, "won with", "Show exact values")
	member.Axe()

	bids, err := s.DB.SubmittedBids(ctx, moderating.ID)
	if err != nil || len(bids) == 0 {
		t.Fatalf("bids: %v", err)
	}
	var first string
	for _, c := range moderating.ITT.Criteria {
		if c.ScoredBy(tender.LivedExperience) {
			first = c.ID
			break
		}
	}
	chair := browser.Start(t, s.URL, browser.Options{NoJS: true})
	signIn(chair, "chair2@demo.test", demo.Password)
	chair.Visit("/tenders/" + moderating.ID + "/moderation")
	id := "score-" + bids[0].ID + "-" + first
	keyType(chair, id, "9")
	keyType(chair, "rationale-"+bids[0].ID+"-"+first, "Agreed after a long talk.")
	keySubmitAt(t, chair, fmt.Sprintf(`//section[.//input[@id=%q]]//button`, id))
	mustRead(t, chair, "There is a problem", first+": Choose a score from 0 to")
	chair.Axe()
	t.Logf("axe passed on %d pages", member.Checked+chair.Checked)
}
