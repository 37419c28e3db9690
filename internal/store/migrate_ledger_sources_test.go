package store_test

import (
	"context"
	"testing"

	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// Migration 0025 widens ledger_items.source; on SQLite it rebuilds the
// table others refer to. A voice item with an action and a theme, written
// at version 24, must come through whole, the new sources must be
// accepted and a made-up one refused, and foreign keys must hold again
// afterwards (the migrator turns them off on SQLite while it runs).
func TestLedgerSourcesMigrationKeepsItems(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		db, err := store.Open(context.Background(), storetest.DSN(t, engine))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if v, err := db.MigrateTo(ctx, 24); err != nil || v != 24 {
			t.Fatalf("migrating to 24 = %d, %v", v, err)
		}
		for _, q := range []string{
			`INSERT INTO ledger_items (id, said, easy_read, source, said_on, themes, status, created_at, updated_at)
			 VALUES ('item1', 'The bus stops too early', 'Buses stop early', 'story', '2026-11-02', 'Transport', 'open', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
			`INSERT INTO ledger_item_themes (item_id, theme, said_on, shown) VALUES ('item1', 'Transport', '2026-11-02', 1)`,
			`INSERT INTO ledger_actions (id, item_id, done_on, what, created_by, created_at)
			 VALUES ('act1', 'item1', '2026-11-20', 'Asked the bus company', 'Ada', CURRENT_TIMESTAMP)`,
		} {
			if err := storetest.Exec(db, q); err != nil {
				t.Fatal(err)
			}
		}
		if v, err := db.Migrate(ctx); err != nil || v < 25 {
			t.Fatalf("migrating on = %d, %v", v, err)
		}
		it, err := db.LedgerItem(ctx, "item1", ledger.Public)
		if err != nil {
			t.Fatal(err)
		}
		if it.Said != "The bus stops too early" || it.Source != ledger.SourceStory || len(it.Actions) != 1 || it.Actions[0].What != "Asked the bus company" {
			t.Errorf("item after the migration = %+v", it)
		}
		for _, source := range []string{"research", "quality_check", "audit_action"} {
			if err := storetest.Exec(db, `INSERT INTO ledger_items (id, said, easy_read, source, said_on, themes, status, created_at, updated_at)
				VALUES ('`+source+`', 'x', 'x', '`+source+`', '2026-11-02', '', 'open', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`); err != nil {
				t.Errorf("source %s refused: %v", source, err)
			}
		}
		if err := storetest.Exec(db, `INSERT INTO ledger_items (id, said, easy_read, source, said_on, themes, status, created_at, updated_at)
			VALUES ('bad', 'x', 'x', 'rumour', '2026-11-02', '', 'open', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`); err == nil {
			t.Error("source 'rumour' accepted")
		}
		if err := storetest.Exec(db, `INSERT INTO ledger_actions (id, item_id, done_on, what, created_by, created_at)
			VALUES ('act2', 'no-such-item', '2026-11-20', 'x', 'Ada', CURRENT_TIMESTAMP)`); err == nil {
			t.Error("an action of a missing item accepted: foreign keys are still off")
		}
	})
}
