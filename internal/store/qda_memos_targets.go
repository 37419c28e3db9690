package store

import (
	"context"
	"strconv"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/qda"
)

var _ qda.CodebookService = (*DB)(nil)

// memoTargetTable is where each kind of memo target lives.
var memoTargetTable = map[qda.MemoTarget]string{qda.MemoOnSource: "qda_sources", qda.MemoOnCode: "qda_codes"}

// SetMemo keeps the acting user's memo on a source or code of the project;
// an empty body removes it. The body must be cleaned (qda.CleanMemo).
func (db *DB) SetMemo(ctx context.Context, projectID string, target qda.MemoTarget, targetID, body string) error {
	author := audit.ActorFrom(ctx)
	table, ok := memoTargetTable[target]
	if !ok {
		return apperr.Errorf(apperr.NotFound, "Memos are written on sources and codes")
	}
	return db.update(ctx, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM "+table+" WHERE id = ? AND project_id = ?", targetID, projectID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return apperr.Errorf(apperr.NotFound, "This project has no such %s", string(target))
		}
		if _, err := tx.exec(ctx, "DELETE FROM qda_memos WHERE target_type = ? AND target_id = ? AND author_id = ?",
			string(target), targetID, author); err != nil {
			return err
		}
		if body != "" {
			if _, err := tx.exec(ctx, `INSERT INTO qda_memos (project_id, target_type, target_id, author_id, body, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)`, projectID, string(target), targetID, author, body, tx.now); err != nil {
				return err
			}
		}
		// The memo's words stay out of the audit log; its length says
		// that it changed.
		return tx.record(ctx, "qda_memo.set", "qda_"+string(target), targetID, map[string]string{
			"project_id": projectID, "characters": strconv.Itoa(utf8.RuneCountInString(body))})
	})
}

// Memos lists the memos on a source or code the acting user may see: their
// own first, then others' by name, under the blind rule (seesCoding).
func (db *DB) Memos(ctx context.Context, projectID string, target qda.MemoTarget, targetID string) ([]qda.Memo, error) {
	viewer := audit.ActorFrom(ctx)
	var out []qda.Memo
	err := db.view(ctx, func(tx *Tx) (err error) {
		out, err = tx.visibleMemos(ctx, projectID, viewer, " AND m.target_type = ? AND m.target_id = ?", string(target), targetID)
		return err
	})
	for i, m := range out {
		if m.AuthorID == viewer {
			out = append(append([]qda.Memo{m}, out[:i]...), out[i+1:]...)
			break
		}
	}
	return out, err
}

// ProjectMemos lists every memo on the project's sources and codes that the
// acting user may see, for the REFI-QDA export.
func (db *DB) ProjectMemos(ctx context.Context, projectID string) ([]qda.Memo, error) {
	var out []qda.Memo
	err := db.view(ctx, func(tx *Tx) (err error) {
		out, err = tx.visibleMemos(ctx, projectID, audit.ActorFrom(ctx), "")
		return err
	})
	return out, err
}

// visibleMemos reads the project's memos that match the extra condition
// and that viewer may see: their own, others' as the blind rule allows (a
// researcher who does not code is no coder to be blind to).
func (tx *Tx) visibleMemos(ctx context.Context, projectID, viewer, and string, args ...any) ([]qda.Memo, error) {
	var all, out []qda.Memo
	if err := tx.each(ctx, func(sc scanner) error {
		var m qda.Memo
		var target string
		err := sc.Scan(&target, &m.TargetID, &m.AuthorID, &m.AuthorName, &m.Body, &m.UpdatedAt)
		m.Target, m.UpdatedAt = qda.MemoTarget(target), m.UpdatedAt.UTC()
		all = append(all, m)
		return err
	}, `SELECT m.target_type, m.target_id, m.author_id, u.display_name, m.body, m.updated_at FROM qda_memos m
		JOIN users u ON u.id = m.author_id WHERE m.project_id = ?`+and+` ORDER BY m.target_type, m.target_id, u.display_name, m.author_id`,
		append([]any{projectID}, args...)...); err != nil {
		return nil, err
	}
	for _, m := range all {
		if m.AuthorID == viewer {
			out = append(out, m)
			continue
		}
		switch err := tx.seesCoding(ctx, projectID, viewer, m.AuthorID); apperr.Code(err) {
		case "", apperr.NotFound:
			out = append(out, m)
		case apperr.Forbidden:
		default:
			return nil, err
		}
	}
	return out, nil
}
