package store

import (
	"context"
	"strings"

	"github.com/coprod/coprod/internal/round"
)

// closeWithImpact carries out a passed "agree the impact" decision: the
// round closes with what changed in the group's words, and as evidence the
// outcomes the decision linked, each checked again now (an award or a
// ledger item could have been withdrawn since), and the decision itself.
// Only at the Impact stage, as any closing (round.Impact).
func (tx *Tx) closeWithImpact(ctx context.Context, r *round.Round, p *round.Proposal) error {
	names := map[round.OutcomeRef]string{}
	real, err := tx.impactOutcomes(ctx, r.ID)
	if err != nil {
		return err
	}
	for _, o := range real {
		names[o.OutcomeRef] = o.Name
	}
	var evidence []string
	for _, o := range p.Subject.Outcomes {
		if err := tx.checkOutcome(ctx, r.ID, o); err != nil {
			return err
		}
		evidence = append(evidence, o.Kind.Label()+": "+names[o])
	}
	evidence = append(evidence, "Agreed by "+decidedBy(p)+". "+p.Outcome.Explanation())
	i := round.Impact{What: p.Subject.Impact, Evidence: strings.Join(evidence, "\n")}
	if err := i.Validate(r); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, "UPDATE rounds SET closed_at = ?, impact_what = ?, impact_evidence = ? WHERE id = ?",
		tx.now, i.What, i.Evidence, r.ID); err != nil {
		return err
	}
	return tx.record(ctx, "round.close", "round", r.ID, map[string]string{"what": i.What, "proposal_id": p.ID})
}
