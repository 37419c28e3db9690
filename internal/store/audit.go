package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
)

// auditChainLockKey serialises appends to the chain on PostgreSQL, where
// writers run concurrently; on SQLite the single writer already does.
const auditChainLockKey = 0x61756469745f

// record appends an audit event for a change made in tx. The actor comes
// from the context (audit.WithActor).
func (tx *Tx) record(ctx context.Context, action, objectType, objectID string, details map[string]string) error {
	if tx.engine == Postgres {
		if _, err := tx.exec(ctx, "SELECT pg_advisory_xact_lock(?)", auditChainLockKey); err != nil {
			return err
		}
	}
	var prev *audit.Event
	var p audit.Event
	err := tx.queryRow(ctx, "SELECT seq, hash, mac FROM audit_events ORDER BY seq DESC LIMIT 1").Scan(&p.Seq, &p.Hash, &p.MAC)
	switch {
	case err == nil:
		prev = &p
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	if details == nil {
		details = map[string]string{}
	}
	e := audit.Event{Time: tx.now, ActorID: audit.ActorFrom(ctx), Action: action, ObjectType: objectType, ObjectID: objectID, Details: details}
	var key *audit.Key
	if tx.db.auditKeys != nil {
		k := tx.db.auditKeys.Current()
		key = &k
	}
	e.Seal(prev, key)
	js, err := json.Marshal(e.Details)
	if err != nil {
		return err
	}
	_, err = tx.exec(ctx, `INSERT INTO audit_events (seq, at, actor_id, action, object_type, object_id, details, prev_hash, hash, key_id, mac)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.Seq, e.Time, e.ActorID, e.Action, e.ObjectType, e.ObjectID, string(js), e.PrevHash, e.Hash, e.KeyID, e.MAC)
	return err
}

const auditColumns = "seq, at, actor_id, action, object_type, object_id, details, prev_hash, hash, key_id, mac"

func scanEvent(rows scanner) (audit.Event, error) {
	var e audit.Event
	var details string
	if err := rows.Scan(&e.Seq, &e.Time, &e.ActorID, &e.Action, &e.ObjectType, &e.ObjectID, &details, &e.PrevHash, &e.Hash, &e.KeyID, &e.MAC); err != nil {
		return e, err
	}
	e.Time = e.Time.UTC()
	if err := json.Unmarshal([]byte(details), &e.Details); err != nil {
		// A details column that is not JSON was tampered with: keep the raw
		// text so verification reports the event instead of failing to read.
		e.Details = map[string]string{"": details}
	}
	return e, nil
}

// AuditEvents lists events newest first, filtered, a page at a time.
func (db *DB) AuditEvents(ctx context.Context, f audit.Filter) ([]audit.Event, error) {
	var where []string
	var args []any
	add := func(cond string, arg any) { where = append(where, cond); args = append(args, arg) }
	if f.ActorID != "" {
		add("actor_id = ?", f.ActorID)
	}
	if f.Action != "" {
		add("action LIKE ?"+likeEscape, prefixPattern(f.Action))
	}
	if f.ObjectType != "" {
		add("object_type = ?", f.ObjectType)
	}
	if f.ObjectID != "" {
		add("object_id = ?", f.ObjectID)
	}
	if !f.Since.IsZero() {
		add("at >= ?", f.Since.UTC())
	}
	if !f.Until.IsZero() {
		add("at < ?", f.Until.UTC())
	}
	if f.BeforeSeq > 0 {
		add("seq < ?", f.BeforeSeq)
	}
	limit := f.Limit
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	q := "SELECT " + auditColumns + " FROM audit_events"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY seq DESC LIMIT ?"
	args = append(args, limit)
	var out []audit.Event
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			e, err := scanEvent(r)
			if err == nil {
				out = append(out, e)
			}
			return err
		}, q, args...)
	})
	return out, err
}

// VerifyAudit recomputes the whole hash chain in order, streaming, with the
// keyed links when the store has the audit keys, and returns the number of
// events checked or the first that does not verify.
func (db *DB) VerifyAudit(ctx context.Context) (int64, error) {
	v, err := db.VerifyAuditAgainst(ctx, nil)
	return v.Count(), err
}

// VerifyAuditAgainst verifies the chain as VerifyAudit does and, with a
// checkpoint, that the log still holds the checkpoint's event unchanged: a
// log cut short or rewritten after the checkpoint was taken fails, naming
// the first bad event. The verifier tells what was checked.
func (db *DB) VerifyAuditAgainst(ctx context.Context, cp *audit.Checkpoint) (*audit.Verifier, error) {
	v := &audit.Verifier{Keys: db.auditKeys, Checkpoint: cp}
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			e, err := scanEvent(r)
			if err != nil {
				return err
			}
			return v.Next(e)
		}, "SELECT "+auditColumns+" FROM audit_events ORDER BY seq")
	})
	if err == nil {
		err = v.Finish()
	}
	return v, err
}

// SetAuditKeys gives the store the operator's audit keys: new events are
// sealed with the newest, and verification checks every keyed link. Call
// it before serving; without it events carry no keyed link.
func (db *DB) SetAuditKeys(keys *audit.Keyring) { db.auditKeys = keys }

// AuditKeyed reports whether the store seals events with an audit key, and
// so can sign checkpoints.
func (db *DB) AuditKeyed() bool { return db.auditKeys != nil }

// AuditCheckpoint signs the head of the log with the current audit key: a
// NotFound error when the store has no key or the log is empty.
func (db *DB) AuditCheckpoint(ctx context.Context) (audit.Checkpoint, error) {
	if db.auditKeys == nil {
		return audit.Checkpoint{}, apperr.Errorf(apperr.NotFound, "This service does not publish signed checkpoints: its operator has not set an audit key.")
	}
	var head audit.Event
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			var err error
			head, err = scanEvent(r)
			return err
		}, "SELECT "+auditColumns+" FROM audit_events ORDER BY seq DESC LIMIT 1")
	})
	if err != nil {
		return audit.Checkpoint{}, err
	}
	if head.Seq == 0 {
		return audit.Checkpoint{}, apperr.Errorf(apperr.NotFound, "The record is empty: there is nothing to sign yet.")
	}
	return db.auditKeys.Current().Sign(head), nil
}
