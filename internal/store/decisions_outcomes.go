package store

import (
	"context"

	"github.com/coprod/coprod/internal/round"
)

// outcomeQueries select, for each kind, the round's real outcomes an
// impact statement may link (one ? for the round): a contract that adopted
// a signed-off specification version and has indicators, the award of one
// of the round's tenders, a ledger item done with evidence. Both the list
// offered and the check of a link read them, so they cannot disagree.
var outcomeQueries = []struct {
	kind  round.OutcomeKind
	query string
	// refused is the problem shown when a link is not one of them.
	refused string
}{
	{round.OutcomeContract, `SELECT c.id AS id, c.title AS name FROM contracts c
		JOIN spec_versions v ON v.spec_id = c.spec_id AND v.number = c.version_number
		WHERE c.round_id = ? AND v.signed_off_at IS NOT NULL AND EXISTS (SELECT 1 FROM profile_indicators i WHERE i.contract_id = c.id)`,
		"Link a contract of this round that adopted a signed-off specification and has indicators"},
	{round.OutcomeAward, `SELECT t.id AS id, t.title AS name FROM tender_awards a JOIN tenders t ON t.id = a.tender_id WHERE t.round_id = ?`,
		"Link a tender of this round that has been awarded"},
	{round.OutcomeLedgerItem, `SELECT id, said AS name FROM ledger_items
		WHERE round_id = ? AND status = 'done' AND evidence_count > 0 AND withdrawn = 0`,
		"Link something this round's ledger shows as done, with evidence"},
}

// ImpactOutcomes lists the round's real outcomes an "agree the impact"
// proposal may link, kind by kind, by name.
func (db *DB) ImpactOutcomes(ctx context.Context, roundID string) ([]round.LinkedOutcome, error) {
	var out []round.LinkedOutcome
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.impactOutcomes(ctx, roundID)
		return err
	})
	return out, err
}

func (tx *Tx) impactOutcomes(ctx context.Context, roundID string) ([]round.LinkedOutcome, error) {
	var out []round.LinkedOutcome
	for _, q := range outcomeQueries {
		err := tx.each(ctx, func(s scanner) error {
			o := round.LinkedOutcome{OutcomeRef: round.OutcomeRef{Kind: q.kind}}
			if err := s.Scan(&o.ID, &o.Name); err != nil {
				return err
			}
			out = append(out, o)
			return nil
		}, "SELECT id, name FROM ("+q.query+") o ORDER BY name, id", roundID)
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// checkOutcome checks an impact statement's link is a real outcome of the round.
func (tx *Tx) checkOutcome(ctx context.Context, roundID string, o round.OutcomeRef) error {
	for _, q := range outcomeQueries {
		if q.kind != o.Kind {
			continue
		}
		var n int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM ("+q.query+") o WHERE o.id = ?", roundID, o.ID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return invalidField("outcomes", q.refused)
		}
		return nil
	}
	return invalidField("outcomes", "Select outcomes from the list")
}
