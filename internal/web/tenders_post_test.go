package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestDemoTenderPostRoutesByRole sends every tender form (every POST route)
// as each demo role, on both demo tenders, through HTTP, on both engines,
// and checks who gets past the permission check. Denied is 403 for
// someone signed in and a redirect to the sign-in page for nobody; any
// other answer (a saved change, a form sent back with its problems, or a
// refusal because the deadline has passed) means the role was let in. The
// forms are empty or late, so the roles let in change nothing that the
// next request depends on.
func TestDemoTenderPostRoutesByRole(t *testing.T) {
	t.Parallel()
	// The routes, each with the roles let in; everyone else is denied.
	type route struct {
		path    string // "{t}" is the tender, "{q}" its first question, "{b}" its first bid
		allowed []string
	}
	lead := []string{"commissioner"}
	bidders := []string{"provider", "bidder2"}
	evaluators := []string{"evaluator", "evaluator2", "chair", "chair2"}
	chairs := []string{"chair", "chair2"}
	routes := []route{
		{"/rounds/{r}/tenders", lead},
		{"/tenders/{t}/itt", lead},
		{"/tenders/{t}/publish", lead},
		{"/tenders/{t}/panels", lead},
		{"/tenders/{t}/questions/{q}", lead},
		{"/tenders/{t}/award", lead},
		{"/tenders/{t}/bid", bidders},
		{"/tenders/{t}/bid/withdraw", bidders},
		{"/tenders/{t}/bid/attachments/none/remove", bidders}, // a bidder is refused for the deadline (or no such file), others 403
		{"/tenders/{t}/questions", bidders},
		{"/tenders/{t}/conflicts", evaluators},
		{"/tenders/{t}/score/{b}", evaluators},
		{"/tenders/{t}/score/submit", evaluators},
		{"/tenders/{t}/conflicts/mitigate", chairs},
		{"/tenders/{t}/moderation/open", chairs},
		{"/tenders/{t}/moderation/{b}", chairs},
	}
	roles := []string{"commissioner", "provider", "bidder2", "evaluator", "evaluator2", "chair", "chair2", "facilitator", "member", ""}

	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ctx, rd, ts := demoTenders(t, s)
		clients := map[string]*client{}
		for _, role := range roles {
			clients[role] = s.client(t)
			if role != "" {
				clients[role].loginAs(role)
			}
		}
		for _, tn := range ts {
			qs, err := s.DB.Questions(ctx, tn.ID, "")
			if err != nil || len(qs) == 0 {
				t.Fatalf("%s: questions: %d %v", tn.Title, len(qs), err)
			}
			bids, err := s.DB.SubmittedBids(ctx, tn.ID)
			if err != nil || len(bids) == 0 {
				t.Fatalf("%s: bids: %d %v", tn.Title, len(bids), err)
			}
			fill := strings.NewReplacer("{r}", rd.ID, "{t}", tn.ID, "{q}", qs[0].ID, "{b}", bids[0].ID)
			for _, rt := range routes {
				path := fill.Replace(rt.path)
				for _, role := range roles {
					want := false
					for _, a := range rt.allowed {
						want = want || a == role
					}
					r := clients[role].post(path, nil)
					denied := r.StatusCode == http.StatusForbidden ||
						(r.StatusCode == http.StatusSeeOther && strings.HasPrefix(r.Header.Get("Location"), "/login"))
					if role == "" && !denied {
						t.Errorf("%s: nobody signed in POST %s = %d, want a redirect to sign in", tn.Title, rt.path, r.StatusCode)
					}
					if got := !denied; got != want {
						t.Errorf("%s: %q POST %s = %d (Location %q), want allowed=%v\n%.400s", tn.Title, role, rt.path, r.StatusCode,
							r.Header.Get("Location"), want, r.Body)
					}
					if r.StatusCode >= 500 {
						t.Errorf("%s: %q POST %s = %d\n%.400s", tn.Title, role, rt.path, r.StatusCode, r.Body)
					}
				}
			}
		}
		// An empty scoring form is sent back, not "saved".
		bids, err := s.DB.SubmittedBids(ctx, ts[0].ID)
		if err != nil || len(bids) == 0 {
			t.Fatalf("bids: %v", err)
		}
		if r := clients["evaluator"].post("/tenders/"+ts[0].ID+"/score/"+bids[0].ID, nil); r.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(r.Body, "Choose a score for at least one question") {
			t.Errorf("an empty scoring form: %d\n%.400s", r.StatusCode, r.Body)
		}
	})
}
