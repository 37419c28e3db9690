package store_test

import (
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestProposalEasyReadIsWrittenLater: a member proposes with no Easy Read;
// the facilitator writes it while the proposal is open (audited), and
// cannot change it once the week is up or after a withdrawal.
func TestProposalEasyReadIsWrittenLater(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		g := newDecisionGroup(t, db, round.DefaultRule(), "Robin", "Sky")
		p := propose(t, db, g, g.users[0].ID, func(n *round.NewProposal) { n.EasyRead = "" })
		got, err := db.ProposalByID(ctx, g.round.ID, p.ID, round.Facilitators)
		if err != nil || got.EasyRead != "" {
			t.Fatalf("the member's proposal: %v, Easy Read %q", err, got.EasyRead)
		}
		fac := audit.WithActor(ctx, g.facilitator.ID)
		if err := db.SetProposalEasyRead(fac, g.round.ID, p.ID, round.ProposalEasyRead{Text: "  "}); apperr.Code(err) != apperr.Invalid ||
			len(apperr.FieldsOf(err)) != 1 || apperr.FieldsOf(err)[0].Field != "easy_read" {
			t.Fatalf("empty Easy Read: %v", err)
		}
		if err := db.SetProposalEasyRead(fac, g.round.ID, p.ID, round.ProposalEasyRead{Text: " Meet on Saturday? \n"}); err != nil {
			t.Fatal(err)
		}
		if got, _ = db.ProposalByID(ctx, g.round.ID, p.ID, round.Group); got.EasyRead != "Meet on Saturday?" {
			t.Errorf("Easy Read now %q", got.EasyRead)
		}
		if evs, err := db.AuditEvents(ctx, audit.Filter{ObjectType: "proposal", ObjectID: p.ID, Action: "proposal.easy_read", Limit: 5}); err != nil ||
			len(evs) != 1 || evs[0].ActorID != g.facilitator.ID {
			t.Errorf("audit events: %v %+v", err, evs)
		}
		if err := db.SetProposalEasyRead(fac, "not-the-round", p.ID, round.ProposalEasyRead{Text: "Hello."}); apperr.Code(err) != apperr.NotFound {
			t.Errorf("another round's proposal: %v", err)
		}

		// The week is up (closing 8 March 17:00): the words answered stay.
		*g.now = time.Date(2027, 3, 8, 17, 0, 1, 0, time.UTC)
		if err := db.SetProposalEasyRead(fac, g.round.ID, p.ID, round.ProposalEasyRead{Text: "Something else."}); apperr.Code(err) != apperr.Conflict {
			t.Errorf("after closing: %v", err)
		}
		w := propose(t, db, g, g.users[1].ID, func(n *round.NewProposal) {
			n.OpensDate, n.ClosesDate = "2027-03-09", "2027-03-15"
		})
		if err := db.WithdrawProposal(audit.WithActor(ctx, g.users[1].ID), g.round.ID, w.ID, g.users[1].ID); err != nil {
			t.Fatal(err)
		}
		if err := db.SetProposalEasyRead(fac, g.round.ID, w.ID, round.ProposalEasyRead{Text: "Hello."}); apperr.Code(err) != apperr.Conflict {
			t.Errorf("a withdrawn proposal: %v", err)
		}
	})
}
