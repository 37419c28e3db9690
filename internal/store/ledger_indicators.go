package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/ledger"
)

// itemIndicatorsQuery lists the indicators in the payment profiles of the
// contracts an item concerns: those under its round, and those held by an
// organisation it concerns. The same rule offers them on the forms and
// checks a choice, so a form can never offer what the store refuses.
const itemIndicatorsQuery = `SELECT c.id, c.title, c.round_id, c.provider_org_id, pi.code, pi.name
	FROM contracts c JOIN profile_indicators pi ON pi.contract_id = c.id
	WHERE (c.round_id = (SELECT round_id FROM ledger_items WHERE id = ?)
		OR c.provider_org_id IN (SELECT org_id FROM ledger_item_orgs WHERE item_id = ?))`

func scanIndicatorOption(sc scanner) (ledger.IndicatorOption, error) {
	var o ledger.IndicatorOption
	err := sc.Scan(&o.ContractID, &o.ContractTitle, &o.RoundID, &o.ProviderOrgID, &o.IndicatorID, &o.Name)
	return o, err
}

// IndicatorOptions lists the contract indicators an item's commitment and
// evidence may refer to, contract by contract in the profile's order.
func (db *DB) IndicatorOptions(ctx context.Context, itemID string) ([]ledger.IndicatorOption, error) {
	var out []ledger.IndicatorOption
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(sc scanner) error {
			o, err := scanIndicatorOption(sc)
			out = append(out, o)
			return err
		}, itemIndicatorsQuery+" ORDER BY c.created_at, c.id, pi.position", itemID, itemID)
	})
	return out, err
}

// itemIndicator checks that the contract is one the item concerns and
// that the indicator is in its payment profile; the error names the
// form's "indicator" field.
func (tx *Tx) itemIndicator(ctx context.Context, itemID, contractID, code string) (ledger.IndicatorOption, error) {
	o, err := scanIndicatorOption(tx.queryRow(ctx, itemIndicatorsQuery+" AND c.id = ? AND pi.code = ?", itemID, itemID, contractID, code))
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return o, apperr.Fields([]apperr.FieldError{{Field: "indicator",
				Message: "Select an indicator from the payment profile of a contract this item concerns"}})
		}
		return o, err
	}
	return o, nil
}

// indicatorValues reads the values reported so far for one indicator of a
// contract, in the profile's order of periods.
func (tx *Tx) indicatorValues(ctx context.Context, contractID, code string) ([]ledger.IndicatorValue, error) {
	var out []ledger.IndicatorValue
	err := tx.each(ctx, func(sc scanner) error {
		var v ledger.IndicatorValue
		err := sc.Scan(&v.Period, &v.Value)
		out = append(out, v)
		return err
	}, `SELECT r.period, r.value FROM contract_reports r
		JOIN profile_periods p ON p.contract_id = r.contract_id AND p.period = r.period
		WHERE r.contract_id = ? AND r.indicator = ? ORDER BY p.position`, contractID, code)
	return out, err
}

// fillEvidenceValues adds the recorded values to an item's indicator evidence.
func (tx *Tx) fillEvidenceValues(ctx context.Context, it *ledger.Item) error {
	at := map[string]int{}
	for i, e := range it.Evidence {
		if e.Kind == ledger.EvidenceIndicator && e.ContractID != "" {
			at[e.ID] = i
		}
	}
	if len(at) == 0 {
		return nil
	}
	return tx.each(ctx, func(sc scanner) error {
		var id string
		var v ledger.IndicatorValue
		if err := sc.Scan(&id, &v.Period, &v.Value); err != nil {
			return err
		}
		if i, ok := at[id]; ok {
			it.Evidence[i].Values = append(it.Evidence[i].Values, v)
		}
		return nil
	}, `SELECT v.evidence_id, v.period, v.value FROM ledger_evidence_values v JOIN ledger_evidence e ON e.id = v.evidence_id
		WHERE e.item_id = ? ORDER BY v.evidence_id, v.position`, it.ID)
}
