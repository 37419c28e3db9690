package store

import (
	"context"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
)

// SetProposalEasyRead writes or changes the Easy Read version of a
// proposal that is not yet decided, audited. Who may write it (the
// facilitator or commissioner) is the caller's policy check.
func (db *DB) SetProposalEasyRead(ctx context.Context, roundID, proposalID string, e round.ProposalEasyRead) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		p, err := tx.proposal(ctx, roundID, proposalID)
		if err != nil {
			return err
		}
		if why := round.EasyReadChangeable(p.State(tx.now)); why != "" {
			return apperr.Errorf(apperr.Conflict, "%s", why)
		}
		if _, err := tx.exec(ctx, "UPDATE proposals SET easy_read = ? WHERE id = ?", e.Text, p.ID); err != nil {
			return err
		}
		return tx.record(ctx, "proposal.easy_read", "proposal", p.ID, nil)
	})
}
