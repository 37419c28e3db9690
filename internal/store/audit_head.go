package store

import (
	"context"
	"database/sql"
)

// AuditHead is the sequence number of the newest audit event, 0 before the
// first. Every state change appends an event in its own transaction, and
// appends are serialised (the single SQLite writer; an advisory lock on
// PostgreSQL), so the head moves on every committed change, in commit
// order, and every instance sharing the database sees the same head: a
// cache of anything read from the store is current while the head has not
// moved since it was read. One statement, no transaction: it reads the
// last entry of the primary key's index.
func (db *DB) AuditHead(ctx context.Context) (int64, error) {
	stmt, err := db.headStatement(ctx)
	if err != nil {
		return 0, err
	}
	var seq int64
	err = stmt.QueryRowContext(ctx).Scan(&seq)
	return seq, err
}

// headStatement prepares AuditHead's query on first use: the public board
// asks it on every burst of requests, and parsing it each time was half
// the cost of asking.
func (db *DB) headStatement(ctx context.Context) (*sql.Stmt, error) {
	if stmt := db.head.Load(); stmt != nil {
		return stmt, nil
	}
	stmt, err := db.read.PrepareContext(ctx, "SELECT COALESCE(MAX(seq), 0) FROM audit_events")
	if err != nil {
		return nil, err
	}
	if !db.head.CompareAndSwap(nil, stmt) {
		stmt.Close()
	}
	return db.head.Load(), nil
}
