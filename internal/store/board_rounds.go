package store

import (
	"context"
	"time"

	"github.com/coprod/coprod/internal/round"
)

// PublicRounds is every published round as the public board shows it, by
// title. Only what names nobody is read: the stake history without who
// changed it or the notes typed with it, and the counted decisions without
// the proposer or anyone's answer.
func (db *DB) PublicRounds(ctx context.Context) ([]round.PublicRound, error) {
	var out []round.PublicRound
	err := db.view(ctx, func(tx *Tx) error {
		at := map[string]int{}
		err := tx.each(ctx, func(s scanner) error {
			var r round.PublicRound
			if err := s.Scan(&r.ID, &r.Title, &r.CareArea, &r.OrgName, &r.Stake, &r.ClosedAt, &r.ImpactWhat, &r.ImpactEvidence); err != nil {
				return err
			}
			r.ClosedAt = utcPtr(r.ClosedAt)
			at[r.ID] = len(out)
			out = append(out, r)
			return nil
		}, `SELECT r.id, r.title, r.care_area, o.name, r.stake, r.closed_at, r.impact_what, r.impact_evidence
			FROM rounds r JOIN organisations o ON o.id = r.org_id WHERE r.published_at IS NOT NULL ORDER BY r.title, r.id`)
		if err != nil {
			return err
		}
		err = tx.each(ctx, func(s scanner) error {
			var id string
			var c round.PublicStakeChange
			var changed time.Time
			if err := s.Scan(&id, &c.From, &c.To, &changed, &c.Decision); err != nil {
				return err
			}
			if i, ok := at[id]; ok {
				c.On = round.LondonDate(changed)
				out[i].Stakes = append(out[i].Stakes, c)
			}
			return nil
		}, `SELECT c.round_id, c.from_stake, c.to_stake, c.changed_at, COALESCE(p.title, '')
			FROM round_stake_changes c LEFT JOIN proposals p ON p.id = c.proposal_id ORDER BY c.changed_at, c.id`)
		if err != nil {
			return err
		}
		return tx.each(ctx, func(s scanner) error {
			var id, kind, status string
			var d round.PublicDecision
			var decided time.Time
			if err := s.Scan(&id, &kind, &d.Title, &decided, &status, &d.Agree, &d.NotSure, &d.Disagree, &d.Block, &d.UnresolvedBlocks); err != nil {
				return err
			}
			if i, ok := at[id]; ok {
				d.Kind, d.Passed, d.DecidedOn = round.ProposalKind(kind), status == string(round.StatusPassed), round.LondonDate(decided)
				out[i].Decisions = append(out[i].Decisions, d)
			}
			return nil
		}, `SELECT round_id, kind, title, decided_at, status, agree_count, not_sure_count, disagree_count, block_count, unresolved_blocks
			FROM proposals WHERE status IN (?, ?) ORDER BY closes_at, id`, string(round.StatusPassed), string(round.StatusNotPassed))
	})
	return out, err
}
