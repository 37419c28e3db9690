package store_test

import (
	"testing"

	"github.com/coprod/coprod/internal/adjustaudit"
	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestAuditActionsBecomeCommitments: an action of an audit's plan is a
// committed voice item on the public board, owned by the team member who
// added it; outside the team there is no such audit. On both engines.
func TestAuditActionsBecomeCommitments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ulo, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Voices Together", Kind: auth.KindUserLed})
		if err != nil {
			t.Fatal(err)
		}
		user := func(email string, role auth.Role) (string, *auth.User) {
			u, err := db.CreateUser(ctx, email, email, "x")
			if err != nil {
				t.Fatal(err)
			}
			if err := db.AddMember(ctx, u.ID, ulo.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Assign(ctx, auth.Assignment{UserID: u.ID, Role: role, ScopeType: auth.ScopeOrganisation, ScopeID: ulo.ID}); err != nil {
				t.Fatal(err)
			}
			return u.ID, u
		}
		facID, _ := user("fac@example.org", auth.RoleFacilitator)
		memID, _ := user("mem@example.org", auth.RoleMember)
		fac, mem := audit.WithActor(ctx, facID), audit.WithActor(ctx, memID)
		a, err := db.CreateAudit(fac, adjustaudit.NewAudit{OrgID: ulo.ID, Template: "longer_appointments", Service: "Riverside GP practice", Period: "April to June 2026"})
		if err != nil {
			t.Fatal(err)
		}
		said := "The audit of Longer appointments at Riverside GP practice (April to June 2026) found every question that applies met in 8 of 20 cases."
		c := ledger.NewCommitment{What: "Book a double appointment for everyone whose flag asks for one, from the first of March", DueOn: "31 March 2099"}
		if _, err := db.AddAuditAction(mem, a.ID, said, c); apperr.Code(err) != apperr.NotFound {
			t.Errorf("a member outside the audit team: %v", err)
		}
		if _, err := db.AddAuditAction(fac, a.ID, said, ledger.NewCommitment{DueOn: "31 March 2099"}); fieldOf(err, "what") == "" {
			t.Errorf("no action: %v", err)
		}
		id, err := db.AddAuditAction(fac, a.ID, said, c)
		if err != nil {
			t.Fatal(err)
		}
		it, err := db.LedgerItem(ctx, id, ledger.Public)
		if err != nil || it.Source != ledger.SourceAuditAction || it.Status != ledger.StatusCommitted || it.Said != said ||
			it.Commitment == nil || it.Commitment.What != c.What || it.Commitment.DueOn != "2099-03-31" || it.Commitment.OwnerOrgName != "Voices Together" {
			t.Fatalf("the voice item: %+v %v", it, err)
		}
		if got, err := db.AuditActions(fac, a.ID); err != nil || len(got) != 1 || got[0] != id {
			t.Errorf("the plan: %v %v", got, err)
		}
		if _, err := db.AuditActions(mem, a.ID); apperr.Code(err) != apperr.NotFound {
			t.Errorf("the plan outside the team: %v", err)
		}
	})
}
