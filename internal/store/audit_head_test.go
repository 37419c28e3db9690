package store_test

import (
	"testing"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// The board's cache trusts the audit head to move on every change the
// board shows. Each kind of change moves it by the one event it records,
// and a board read that applies a consent change moves it again.
func TestAuditHeadMovesWithEveryBoardChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		head := func() int64 {
			t.Helper()
			h, err := db.AuditHead(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return h
		}
		if h := head(); h != 0 {
			t.Fatalf("head of an empty log = %d, want 0", h)
		}
		w := newLedgerWorld(t, db)
		actor := audit.WithActor(ctx, w.owner.ID)
		evs, err := db.AuditEvents(ctx, audit.Filter{Limit: 1})
		if err != nil || len(evs) != 1 || head() != evs[0].Seq {
			t.Fatalf("head %d, newest event %+v (%v)", head(), evs, err)
		}
		moves := func(what string, change func() error) {
			t.Helper()
			before := head()
			if err := change(); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if after := head(); after != before+1 {
				t.Errorf("%s: head %d → %d, want one event", what, before, after)
			}
		}
		var id string
		moves("new item", func() error {
			id = w.item(t, db, "The letters are confusing", "2027-01-01", w.robin, "Access")
			return nil
		})
		moves("commitment", func() error {
			w.commit(t, db, id, "Send every letter in Easy Read too", "2027-03-01", "2027-01-11")
			return nil
		})
		moves("action", func() error {
			return db.AddAction(actor, id, ledger.NewAction{On: "2027-01-20", What: "Easy Read template made"})
		})
		moves("status", func() error { setStatus(t, db, id, ledger.StatusDone, "2027-01-31"); return nil })
		moves("evidence", func() error {
			return db.AddEvidence(actor, id, ledger.NewEvidence{Kind: ledger.EvidenceText, Text: "Letters sent in February"})
		})
		moves("verdict", func() error {
			return db.RecordVerdict(actor, id, ledger.NewVerdict{Verdict: ledger.VerdictChanged, Comment: "Yes"},
				ledger.VerdictBy{UserID: w.robinU.ID, MemberID: w.robin})
		})
		moves("consent withdrawn", func() error { return db.RecordConsent(ctx, w.rd.ID, w.robin, round.ConsentTakePart, false) })
		moves("the board applying it", func() error { _, err := db.BoardItems(ctx, ledger.Query{}); return err })
		if p, err := db.BoardItems(ctx, ledger.Query{}); err != nil || len(p.Items) != 0 {
			t.Fatalf("board after withdrawal: %+v %v", p.Items, err)
		}
		moves("item withdrawn", func() error { return db.WithdrawItem(actor, id) })
		moves("round stage", func() error { return db.MoveStage(actor, w.rd.ID, round.StageGroup, "") })
	})
}
