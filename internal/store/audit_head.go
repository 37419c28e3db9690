package store

import "context"

// AuditHead is the sequence number of the newest audit event, 0 before the
// first. Every state change appends an event in its own transaction, and
// appends are serialised (the single SQLite writer; an advisory lock on
// PostgreSQL), so the head moves on every committed change, in commit
// order, and every instance sharing the database sees the same head: a
// cache of anything read from the store is current while the head has not
// moved since it was read. One statement, no transaction: it reads the
// last entry of the primary key's index.
func (db *DB) AuditHead(ctx context.Context) (int64, error) {
	var seq int64
	err := db.read.QueryRowContext(ctx, "SELECT COALESCE(MAX(seq), 0) FROM audit_events").Scan(&seq)
	return seq, err
}
