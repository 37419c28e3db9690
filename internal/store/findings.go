package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/findings"
)

var _ findings.Service = (*DB)(nil)

// FindingsDocument returns the stored document or, when none is stored yet,
// a draft generated from the round's data.
func (db *DB) FindingsDocument(ctx context.Context, roundID string, k findings.Kind) (*findings.Stored, error) {
	var st *findings.Stored
	err := db.view(ctx, func(tx *Tx) (err error) {
		st, err = tx.findingsDocument(ctx, roundID, k)
		return err
	})
	if err != nil || st != nil {
		return st, err
	}
	if _, err := db.RoundByID(ctx, roundID); err != nil {
		return nil, err
	}
	src, err := db.FindingsSource(ctx, roundID)
	if err != nil {
		return nil, err
	}
	return &findings.Stored{RoundID: roundID, Kind: k, Draft: findings.Generate(*src, k), Changed: true}, nil
}

// findingsDocument reads the stored document; nil when there is none.
func (tx *Tx) findingsDocument(ctx context.Context, roundID string, k findings.Kind) (*findings.Stored, error) {
	st := findings.Stored{RoundID: roundID, Kind: k}
	var draft, released string
	var editedBy, releasedBy sql.NullString
	var releasedAt sql.NullTime
	err := tx.queryRow(ctx, `SELECT f.draft, f.edited_at, e.display_name, f.released, r.display_name, f.released_at
		FROM findings_documents f LEFT JOIN users e ON e.id = f.edited_by LEFT JOIN users r ON r.id = f.released_by
		WHERE f.round_id = ? AND f.kind = ?`, roundID, string(k)).
		Scan(&draft, &st.EditedAt, &editedBy, &released, &releasedBy, &releasedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	st.EditedAt, st.EditedBy, st.ReleasedBy = st.EditedAt.UTC(), editedBy.String, releasedBy.String
	if err := json.Unmarshal([]byte(draft), &st.Draft); err != nil {
		return nil, err
	}
	if released != "" {
		st.Released = &findings.Document{}
		if err := json.Unmarshal([]byte(released), st.Released); err != nil {
			return nil, err
		}
		at := releasedAt.Time.UTC()
		st.ReleasedAt = &at
	}
	st.Changed = released != draft
	return &st, nil
}

// saveFindingsDraft stores the draft, creating the row the first time.
func (tx *Tx) saveFindingsDraft(ctx context.Context, roundID string, k findings.Kind, d findings.Document, exists bool) (string, error) {
	b, err := marshalDocument(d)
	if err != nil {
		return "", err
	}
	actor := audit.ActorFrom(ctx)
	if exists {
		_, err = tx.exec(ctx, "UPDATE findings_documents SET draft = ?, edited_by = ?, edited_at = ? WHERE round_id = ? AND kind = ?",
			b, actor, tx.now, roundID, string(k))
	} else {
		_, err = tx.exec(ctx, "INSERT INTO findings_documents (round_id, kind, draft, edited_by, edited_at) VALUES (?, ?, ?, ?, ?)",
			roundID, string(k), b, actor, tx.now)
	}
	return b, mapErr(err, "round")
}

func marshalDocument(d findings.Document) (string, error) {
	b, err := json.Marshal(d)
	return string(b), err
}

func sameDocument(a, b findings.Document) bool {
	x, err1 := marshalDocument(a)
	y, err2 := marshalDocument(b)
	return err1 == nil && err2 == nil && x == y
}

// changeFindings loads the draft (generating it when none is stored), lets
// change make the new one, stores it and records the audit event, all in
// one transaction. The round's data is gathered first, outside it, and only
// when a generation needs it.
func (db *DB) changeFindings(ctx context.Context, roundID string, k findings.Kind, action string, regenerate bool,
	change func(old findings.Document, fresh func() findings.Document) (findings.Document, error), after func(tx *Tx, draft string) error) error {
	var src *findings.Source
	if regenerate {
		var err error
		if src, err = db.FindingsSource(ctx, roundID); err != nil {
			return err
		}
	}
	return db.update(ctx, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM rounds WHERE id = ?", roundID).Scan(&n); err != nil || n == 0 {
			return mapErr(errors.Join(err, sql.ErrNoRows), "round")
		}
		st, err := tx.findingsDocument(ctx, roundID, k)
		if err != nil {
			return err
		}
		fresh := func() findings.Document { return findings.Generate(*src, k) }
		var old findings.Document
		switch {
		case st != nil:
			old = st.Draft
		case src == nil:
			return errNeedSource
		default:
			old = fresh()
		}
		d, err := change(old, fresh)
		if err != nil {
			return err
		}
		var draft string
		if st != nil && sameDocument(old, d) {
			draft, err = marshalDocument(d) // unchanged: who last edited it stays
		} else {
			draft, err = tx.saveFindingsDraft(ctx, roundID, k, d, st != nil)
		}
		if err != nil {
			return err
		}
		if after != nil {
			if err := after(tx, draft); err != nil {
				return err
			}
		}
		return tx.record(ctx, action, "round", roundID, map[string]string{"document": string(k)})
	})
}

// errNeedSource: the draft was not stored yet, so it must be generated.
var errNeedSource = errors.New("findings: no stored draft")

// withSource runs a change that needs the round's data only when nothing
// is stored yet: first without it, then, if the draft must be generated,
// with it.
func (db *DB) withSource(ctx context.Context, roundID string, k findings.Kind, action string,
	change func(old findings.Document, fresh func() findings.Document) (findings.Document, error), after func(tx *Tx, draft string) error) error {
	err := db.changeFindings(ctx, roundID, k, action, false, change, after)
	if errors.Is(err, errNeedSource) {
		err = db.changeFindings(ctx, roundID, k, action, true, change, after)
	}
	return err
}

// EditFindings applies the facilitator's edit to the draft.
func (db *DB) EditFindings(ctx context.Context, roundID string, k findings.Kind, e findings.Edit) error {
	return db.withSource(ctx, roundID, k, "findings.edit", func(old findings.Document, _ func() findings.Document) (findings.Document, error) {
		return e.Apply(old)
	}, nil)
}

// RefreshFindings makes the draft again from the round's data, keeping what
// the facilitator changed.
func (db *DB) RefreshFindings(ctx context.Context, roundID string, k findings.Kind) error {
	return db.changeFindings(ctx, roundID, k, "findings.refresh", true, func(old findings.Document, fresh func() findings.Document) (findings.Document, error) {
		return findings.Merge(fresh(), old), nil
	}, nil)
}

// ReleaseFindings gives members the draft as it is now.
func (db *DB) ReleaseFindings(ctx context.Context, roundID string, k findings.Kind) error {
	return db.withSource(ctx, roundID, k, "findings.release", func(old findings.Document, _ func() findings.Document) (findings.Document, error) {
		if len(old.Included().Sections) == 0 {
			return old, apperr.Errorf(apperr.Invalid, "Every point is left out, so there is nothing to give the group. Put at least one point in.")
		}
		return old, nil
	}, func(tx *Tx, draft string) error {
		_, err := tx.exec(ctx, "UPDATE findings_documents SET released = ?, released_by = ?, released_at = ? WHERE round_id = ? AND kind = ?",
			draft, audit.ActorFrom(ctx), tx.now, roundID, string(k))
		return err
	})
}
