package store

import (
	"context"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/computed"
	"github.com/coprod/coprod/internal/peer"
)

// SetIndicatorSources replaces where the contract's indicators take their
// values from: each source names an indicator of the payment profile; an
// indicator without one is reported by the provider. A peer source must
// name a peer support offer that exists. Audited with every source.
func (db *DB) SetIndicatorSources(ctx context.Context, contractID string, sources []computed.Source) error {
	return db.update(ctx, func(tx *Tx) error {
		c, err := tx.contractByID(ctx, contractID)
		if err != nil {
			return err
		}
		if c.Profile == nil {
			return apperr.Errorf(apperr.Conflict, "Set the contract's payment profile before saying where its values come from.")
		}
		known := map[string]bool{}
		for _, ind := range c.Profile.Indicators {
			known[ind.ID] = true
		}
		var fs []apperr.FieldError
		var words []string
		for i := range sources {
			s := &sources[i]
			if err := s.Validate(); err != nil {
				fs = append(fs, apperr.FieldsOf(err)...)
				continue
			}
			if !known[s.Indicator] {
				fs = append(fs, apperr.FieldError{Field: "source_" + s.Indicator, Message: s.Indicator + " is not an indicator of the payment profile"})
				continue
			}
			if s.OrgID != "" {
				var n int
				if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM peer_offers WHERE org_id = ? AND trig = ?", s.OrgID, string(s.Trigger)).Scan(&n); err != nil {
					return err
				}
				if n == 0 {
					fs = append(fs, apperr.FieldError{Field: "source_" + s.Indicator, Message: s.Indicator + ": that organisation has no peer support offer at this point"})
					continue
				}
			}
			words = append(words, s.Indicator+"="+string(s.Kind)+" "+s.OrgID+" "+string(s.Trigger)+" "+s.Role)
		}
		if err := apperr.Fields(fs); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "DELETE FROM contract_indicator_sources WHERE contract_id = ?", contractID); err != nil {
			return err
		}
		for _, s := range sources {
			if _, err := tx.exec(ctx, `INSERT INTO contract_indicator_sources (contract_id, indicator_id, kind, org_id, trigger_point, role, set_by, set_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, contractID, s.Indicator, string(s.Kind), s.OrgID, string(s.Trigger), s.Role,
				audit.ActorFrom(ctx), tx.now); err != nil {
				return mapErr(err, "indicator")
			}
		}
		return tx.record(ctx, "contract.indicator_sources", "contract", contractID, map[string]string{"sources": strings.Join(words, "; ")})
	})
}

// IndicatorSources lists where the contract's computed indicators take
// their values from, in indicator order.
func (db *DB) IndicatorSources(ctx context.Context, contractID string) ([]computed.Source, error) {
	var out []computed.Source
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			var s computed.Source
			var kind, trig string
			err := r.Scan(&s.Indicator, &kind, &s.OrgID, &s.OrgName, &trig, &s.Role)
			s.Kind, s.Trigger = computed.Kind(kind), peer.Trigger(trig)
			out = append(out, s)
			return err
		}, `SELECT s.indicator_id, s.kind, s.org_id, COALESCE(o.name, ''), s.trigger_point, s.role FROM contract_indicator_sources s
			LEFT JOIN organisations o ON o.id = s.org_id WHERE s.contract_id = ?
			ORDER BY (SELECT position FROM profile_indicators p WHERE p.contract_id = s.contract_id AND p.code = s.indicator_id), s.indicator_id`, contractID)
	})
	return out, err
}
