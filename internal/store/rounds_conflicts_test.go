package store_test

import (
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestBiddersStayOutOfTheGroup: someone acting for an organisation that
// bids in one of the round's tenders is refused an observer's or member's
// role, by invitation or directly; and a role given before their
// organisation bid gives no access once it does.
func TestBiddersStayOutOfTheGroup(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r, lead := roundFixture(t, db)
		bidder, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Riverside Support", Kind: auth.KindProvider})
		if err != nil {
			t.Fatal(err)
		}
		sam, _ := db.CreateUser(ctx, "sam@example.net", "Sam", "x")
		if _, err := db.Assign(ctx, auth.Assignment{UserID: sam.ID, Role: auth.RoleProvider, ScopeType: auth.ScopeOrganisation, ScopeID: bidder.ID}); err != nil {
			t.Fatal(err)
		}
		// Jo observes the round before she joins the bidder's staff.
		jo, _ := db.CreateUser(ctx, "jo@example.net", "Jo", "x")
		if _, err := db.Assign(ctx, auth.Assignment{UserID: jo.ID, Role: round.RoleObserver, ScopeType: auth.ScopeRound, ScopeID: r.ID}); err != nil {
			t.Fatal(err)
		}
		// A tender of the round with the organisation registered as a bidder.
		if err := storetest.Exec(db, `INSERT INTO tenders (id, round_id, title, itt, created_by, created_at, updated_at)
			VALUES ('tender1', '`+r.ID+`', 'Support', '{}', '`+lead.ID+`', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`); err != nil {
			t.Fatal(err)
		}
		if err := storetest.Exec(db, `INSERT INTO tender_bidders (id, tender_id, org_id, registered_by, registered_at)
			VALUES ('bidder1', 'tender1', '`+bidder.ID+`', '`+sam.ID+`', CURRENT_TIMESTAMP)`); err != nil {
			t.Fatal(err)
		}

		const refusal = "Riverside Support is bidding in a tender of this round, so people who act for it cannot be an observer or a member of the round's group. " +
			"The group's stories, names and meetings must stay apart from the bidders."
		for _, role := range []auth.Role{round.RoleObserver, round.RoleMember} {
			if _, err := db.Assign(ctx, auth.Assignment{UserID: sam.ID, Role: role, ScopeType: auth.ScopeRound, ScopeID: r.ID}); apperr.Code(err) != apperr.Forbidden || apperr.Message(err) != refusal {
				t.Errorf("assigning the bidder as %s = %v", role, err)
			}
			iss, err := db.IssueRoundInvitation(ctx, r.ID, round.NewInvitation{Role: role, ForName: "Sam"}, time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.JoinRound(ctx, round.Key{Token: iss.Token}, round.Join{UserID: sam.ID, Pseudonym: "Sam S", TakePart: true}); apperr.Code(err) != apperr.Forbidden || apperr.Message(err) != refusal {
				t.Errorf("the bidder accepting a %s invitation = %v", role, err)
			}
			if _, err := db.RoundInvitation(ctx, round.Key{Token: iss.Token}); err != nil {
				t.Errorf("the refused %s invitation was used up: %v", role, err)
			}
		}
		if _, err := db.MemberForUser(ctx, r.ID, sam.ID); apperr.Code(err) != apperr.NotFound {
			t.Errorf("the bidder joined the group: %v", err)
		}
		as, _ := db.AssignmentsOf(ctx, sam.ID)
		if len(as) != 1 || as[0].ScopeType != auth.ScopeOrganisation {
			t.Errorf("the bidder's roles = %+v", as)
		}
		// Roles that do not open the group stay possible.
		if _, err := db.Assign(ctx, auth.Assignment{UserID: sam.ID, Role: round.RoleLead, ScopeType: auth.ScopeRound, ScopeID: r.ID}); err != nil {
			t.Errorf("another role in the round = %v", err)
		}

		roundRoles := func(userID string) []auth.Role {
			token, err := db.CreateSession(ctx, userID, time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			p, err := db.PrincipalForSession(ctx, token)
			if err != nil {
				t.Fatal(err)
			}
			var out []auth.Role
			for _, a := range p.Assignments {
				if a.ScopeType == auth.ScopeRound {
					out = append(out, a.Role)
				}
			}
			return out
		}
		if got := roundRoles(jo.ID); len(got) != 1 || got[0] != round.RoleObserver {
			t.Fatalf("Jo's round roles before she joins the bidder = %v", got)
		}
		if err := db.AddMember(ctx, jo.ID, bidder.ID); err != nil {
			t.Fatal(err)
		}
		if got := roundRoles(jo.ID); len(got) != 0 {
			t.Fatalf("Jo's round roles once her organisation bids = %v", got)
		}
	})
}
