package store_test

import (
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// Issue 14: the store refuses a commitment due before the item was said,
// even when the caller did not know the date (Validate cannot tell), and
// writes nothing.
func TestLedgerCommitmentNotDueBeforeSaid(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { now = now.Add(time.Second); return now }
		w := newLedgerWorld(t, db)
		id := w.item(t, db, "Nobody rang back", "2026-11-10", "")
		c := ledger.NewCommitment{OwnerOrgID: w.icb.ID, OwnerUserID: w.owner.ID, What: "Ring back within a day", DueOn: "1 January 2020", Today: "2026-12-01"}
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		err := db.Commit(ctx, id, c)
		if fs := apperr.FieldsOf(err); apperr.Code(err) != apperr.Invalid || len(fs) != 1 || fs[0].Field != "due_on" {
			t.Fatalf("due before said: %v %+v", err, fs)
		}
		it, err := db.LedgerItem(ctx, id, ledger.Staff)
		if err != nil || it.Status != ledger.StatusOpen || it.Commitment != nil {
			t.Fatalf("nothing should be written: %+v %v", it, err)
		}
		w.commit(t, db, id, "Ring back within a day", "2026-11-10", "2026-11-10")
		it, err = db.LedgerItem(ctx, id, ledger.Staff)
		if err != nil || it.Status != ledger.StatusCommitted || it.Commitment == nil || it.Commitment.DueOn != "2026-11-10" {
			t.Fatalf("due the day it was said: %+v %v", it, err)
		}
	})
}
