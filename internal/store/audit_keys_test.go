package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// dropAuditGuard removes the append-only triggers, as someone with raw
// write access to the database could.
func dropAuditGuard(t *testing.T, db *store.DB) {
	t.Helper()
	for _, q := range map[store.Engine][]string{
		store.SQLite:   {"DROP TRIGGER audit_events_no_update", "DROP TRIGGER audit_events_no_delete"},
		store.Postgres: {"DROP TRIGGER audit_events_no_change ON audit_events"},
	}[db.Engine] {
		if err := storetest.Exec(db, q); err != nil {
			t.Fatal(err)
		}
	}
}

// rewriteLast changes the newest event's details and stores the hash
// recomputed over the new content, with mac as its keyed link.
func rewriteLast(t *testing.T, db *store.DB, mac func(prevMAC string, e audit.Event) string) int64 {
	t.Helper()
	ctx := context.Background()
	evs, err := db.AuditEvents(ctx, audit.Filter{Limit: 2})
	if err != nil || len(evs) != 2 {
		t.Fatalf("newest events: %v %d", err, len(evs))
	}
	last, prev := evs[0], evs[1]
	last.Details = map[string]string{"name": "Someone else"}
	last.Hash = last.ComputeHash()
	js, _ := json.Marshal(last.Details)
	q := fmt.Sprintf("UPDATE audit_events SET details = '%s', hash = '%s', mac = '%s' WHERE seq = %d", js, last.Hash, mac(prev.MAC, last), last.Seq)
	if err := storetest.Exec(db, q); err != nil {
		t.Fatal(err)
	}
	return last.Seq
}

// TestAuditKeysDetectCuttingAndRewriting is issue 16's three attacks on
// the stored log, on both engines, each named by its first bad event.
func TestAuditKeysDetectCuttingAndRewriting(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := audit.WithActor(context.Background(), "")
		key, err := audit.NewKey("k1", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		keys, _ := audit.ParseKeyring([]byte(key.Line()))
		db.SetAuditKeys(keys)
		for i := range 5 {
			if _, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: fmt.Sprintf("Group %d", i), Kind: auth.KindUserLed}); err != nil {
				t.Fatal(err)
			}
		}
		cp, err := db.AuditCheckpoint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := cp.CheckSignature(keys); err != nil {
			t.Fatal(err)
		}
		v, err := db.VerifyAuditAgainst(ctx, &cp)
		if err != nil || v.Count() != cp.Seq || v.Unkeyed() != 0 {
			t.Fatalf("intact log: %v, %d events (checkpoint at %d), %d unkeyed", err, v.Count(), cp.Seq, v.Unkeyed())
		}
		dropAuditGuard(t, db)

		// Rewritten with a recomputed plain hash (the keyed link left as it was).
		seq := rewriteLast(t, db, func(prevMAC string, e audit.Event) string { return e.MAC })
		if _, err := db.VerifyAudit(ctx); err == nil || !strings.HasPrefix(err.Error(), fmt.Sprintf("event %d ", seq)) || !strings.Contains(err.Error(), "keyed link") {
			t.Errorf("plain hash recomputed: %v", err)
		}
		// Rewritten with a link recomputed by someone without the key.
		guess, _ := audit.NewKey("k1", time.Now())
		rewriteLast(t, db, func(prevMAC string, e audit.Event) string { return guess.MAC(prevMAC, e.Hash) })
		if _, err := db.VerifyAudit(ctx); err == nil || !strings.HasPrefix(err.Error(), fmt.Sprintf("event %d ", seq)) {
			t.Errorf("link recomputed without the key: %v", err)
		}
		// The tail deleted: the rest is a valid chain; the checkpoint shows the cut.
		if err := storetest.Exec(db, fmt.Sprintf("DELETE FROM audit_events WHERE seq >= %d", seq-1)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.VerifyAudit(ctx); err != nil {
			t.Fatalf("a log cut short is a valid chain on its own: %v", err)
		}
		want := fmt.Sprintf("event %d: missing; the log ends at event %d", seq-1, seq-2)
		if _, err := db.VerifyAuditAgainst(ctx, &cp); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("tail deleted: %v, want %q", err, want)
		}
	})
}

func TestAuditCheckpointNeedsAKey(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if _, err := db.AuditCheckpoint(context.Background()); err == nil || !strings.Contains(err.Error(), "has not set an audit key") {
			t.Errorf("checkpoint without a key: %v", err)
		}
	})
}
