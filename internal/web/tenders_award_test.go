package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestBidPageAfterTheDeadline: once bids close, each bidder's page shows
// their bid read-only, with no Save, Submit or Withdraw (the server refuses
// them anyway); once the contract is awarded it tells every bidder who won
// and gives them their own assessment summary, and no other bid's scores.
// The group that holds the stake reads the result once it is awarded (not
// before); the result is in words first, names bidders (never their ids),
// and writes money with thousands separators. Both demo tenders are past
// their deadline: one awarded, one in moderation.
func TestBidPageAfterTheDeadline(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ctx, _, ts := demoTenders(t, s)
		clients := map[string]*client{}
		for _, role := range []string{"provider", "bidder2", "member", "facilitator", "commissioner"} {
			clients[role] = s.client(t)
			clients[role].loginAs(role)
		}
		orgOf := map[string]string{"provider": "Riverside Community Support", "bidder2": "Brightpath Care Partnership"}
		for _, tn := range ts {
			base := "/tenders/" + tn.ID
			bids, err := s.DB.SubmittedBids(ctx, tn.ID)
			if err != nil || len(bids) != 2 {
				t.Fatalf("%s: bids %d %v", tn.Title, len(bids), err)
			}
			winner := ""
			if tn.Awarded {
				a, err := s.DB.AwardOf(ctx, tn.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, b := range bids {
					if b.ID == a.WinnerBidID {
						winner = b.OrgName
					}
				}
			}
			for _, role := range []string{"provider", "bidder2"} {
				page := clients[role].get(base + "/bid")
				wantStatus(t, page, http.StatusOK, tn.Title+": "+role+"'s bid page")
				wantContains(t, page, tn.Title+": "+role+"'s closed bid page", "Bids can no longer be started, changed, sent or withdrawn.",
					"Your bid as submitted", "Your price: £")
				for _, gone := range []string{`action="` + base + `/bid"`, `action="` + base + `/bid/withdraw"`, "Save as draft", "Submit your bid", "Withdraw your bid", "<textarea"} {
					if strings.Contains(page.Body, gone) {
						t.Errorf("%s: %s's bid page after the deadline still has %q", tn.Title, role, gone)
					}
				}
				r := clients[role].post(base+"/bid", url.Values{"action": {"submit"}, "answer-Q1": {"A late change"}})
				wantStatus(t, r, http.StatusConflict, tn.Title+": a late submission")
				other := orgOf[map[string]string{"provider": "bidder2", "bidder2": "provider"}[role]]
				if !tn.Awarded {
					wantContains(t, page, tn.Title+": before the award", "You will see the outcome here once the contract is awarded.")
					if strings.Contains(page.Body, "Your assessment summary") || strings.Contains(page.Body, other) {
						t.Errorf("%s: %s sees an outcome before the award", tn.Title, role)
					}
					continue
				}
				wantContains(t, page, tn.Title+": "+role+"'s outcome", "The contract was awarded to <strong>"+winner+"</strong>",
					"Your assessment summary", "How your bid was scored", "Your total: ")
				// The other bidder is named only as the winner: none of its scores.
				want := 0
				if other == winner {
					want = 1
				}
				if n := strings.Count(page.Body, other); n != want || strings.Contains(page.Body, "Winner's") {
					t.Errorf("%s: %s's page names %s %d times (want %d) or shows the winner's scores", tn.Title, role, other, n, want)
				}
			}

			for _, role := range []string{"member", "facilitator"} {
				r := clients[role].get(base + "/result")
				if !tn.Awarded {
					wantStatus(t, r, http.StatusForbidden, tn.Title+": "+role+" before the award")
					continue
				}
				wantStatus(t, r, http.StatusOK, tn.Title+": "+role+" reads the awarded result")
				wantContains(t, r, tn.Title+": the group's result", winner+" won with", "The lived experience panel&#39;s scores",
					"<summary>Show exact values</summary>")
				if !strings.Contains(clients[role].get(base).Body, `href="`+base+`/result"`) {
					t.Errorf("%s: the tender page does not link %s to the result", tn.Title, role)
				}
			}

			// The lead's result page: no bid ids in the text; money with separators.
			if !tn.Awarded {
				continue
			}
			r := clients["commissioner"].get(base + "/result")
			wantStatus(t, r, http.StatusOK, tn.Title+": the lead's result")
			for _, b := range bids {
				if strings.Contains(r.Body, b.ID) {
					t.Errorf("%s: the result page prints bid id %s", tn.Title, b.ID)
				}
			}
			if !regexp.MustCompile(`£\d{1,3}(,\d{3})+\.\d{2}`).MatchString(r.Body) || regexp.MustCompile(`£\d{4,}`).MatchString(r.Body) {
				t.Errorf("%s: prices are not written like £1,180,000.00:\n%s", tn.Title, r.Body)
			}
		}
	})
}
