package store

import (
	"context"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
)

// EditRound changes a round's title and dates, until it closes; audited
// with the old and new values.
func (db *DB) EditRound(ctx context.Context, id string, e round.RoundEdit) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		r, err := tx.roundByID(ctx, id)
		if err != nil {
			return err
		}
		if err := round.CheckEdit(r); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE rounds SET title = ?, starts_on = ?, ends_on = ? WHERE id = ?", e.Title, e.StartsOn, e.EndsOn, id); err != nil {
			return mapErr(err, "round")
		}
		return tx.record(ctx, "round.edit", "round", id, map[string]string{"title_was": r.Title, "title": e.Title,
			"starts_on_was": r.StartsOn, "starts_on": e.StartsOn, "ends_on_was": r.EndsOn, "ends_on": e.EndsOn})
	})
}

// DeleteDraftRound deletes a round that was never published and holds no
// work: its stage history, unused invitations and the roles held over it
// go with it. Anything else that refers to the round (members, sessions,
// evidence, measures, tenders, decisions, voice) refuses the delete, and
// nothing is removed. The audit event keeps what the round was.
func (db *DB) DeleteDraftRound(ctx context.Context, id string) error {
	return db.update(ctx, func(tx *Tx) error {
		r, err := tx.roundByID(ctx, id)
		if err != nil {
			return err
		}
		if err := round.CheckDelete(r); err != nil {
			return err
		}
		for _, q := range []string{
			"DELETE FROM round_stage_changes WHERE round_id = ?",
			"DELETE FROM round_stake_changes WHERE round_id = ?",
			"DELETE FROM round_invitations WHERE round_id = ?",
			"DELETE FROM role_assignments WHERE scope_type = 'round' AND scope_id = ?",
		} {
			if _, err := tx.exec(ctx, q, id); err != nil {
				return err
			}
		}
		if _, err := tx.exec(ctx, "DELETE FROM rounds WHERE id = ?", id); err != nil {
			// A foreign key names work still in the round.
			if apperr.Code(mapErr(err, "round")) == apperr.Invalid {
				return apperr.Errorf(apperr.Conflict, "%s", round.ErrDeleteNotEmpty)
			}
			return err
		}
		return tx.record(ctx, "round.delete", "round", id, map[string]string{"title": r.Title, "org_id": r.OrgID,
			"stake": r.Stake.String(), "starts_on": r.StartsOn, "ends_on": r.EndsOn})
	})
}
