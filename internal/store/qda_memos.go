package store

import (
	"context"
	"strconv"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/qda"
)

// UnitMemo sets the memo on the acting coder's coding of one unit of a
// source. Like the codes, it is the coder's own and sealed when they
// submit; a unit with no codes has no coding to write on.
func (db *DB) UnitMemo(ctx context.Context, sourceID string, unit int, memo string) error {
	coder := audit.ActorFrom(ctx)
	if err := qda.ValidateMemo(memo); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		_, u, err := tx.codableUnit(ctx, sourceID, coder, unit)
		if err != nil {
			return err
		}
		res, err := tx.exec(ctx, `UPDATE qda_segments SET memo = ? WHERE source_id = ? AND coder_id = ? AND start_pos = ? AND end_pos = ?`,
			memo, sourceID, coder, u.Start, u.End)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return apperr.Fields([]apperr.FieldError{{Field: "memo", Message: "Code this part of the source first: the memo is kept with your coding of it"}})
		}
		return tx.record(ctx, "qda_segment.memo", "qda_source", sourceID, map[string]string{
			"unit": strconv.Itoa(unit), "characters": strconv.Itoa(utf8.RuneCountInString(memo))})
	})
}
