package store

import (
	"context"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/measure"
)

// SubmitReports saves a provider's values, all or none. Each is checked
// against the contract's payment profile by the engine's own rules
// (known periods and indicators, one value each). A value already reported
// is corrected: the new value counts, and the first arrival still decides
// whether the report was late.
func (db *DB) SubmitReports(ctx context.Context, contractID string, reports []measure.Report) error {
	if len(reports) == 0 {
		return apperr.Fields([]apperr.FieldError{{Field: "reports", Message: "Enter at least one value"}})
	}
	return db.update(ctx, func(tx *Tx) error {
		c, err := tx.contractByID(ctx, contractID)
		if err != nil {
			return err
		}
		if c.Profile == nil {
			return apperr.Errorf(apperr.Conflict, "This contract has no payment profile yet, so values cannot be reported.")
		}
		// Calculate refuses unknown periods and indicators and duplicates,
		// naming each report; the amounts are not needed here.
		if _, err := measure.Calculate(c.Profile, reports); err != nil {
			return err
		}
		by := audit.ActorFrom(ctx)
		for _, r := range reports {
			v := measure.Dec(r.Value)
			res, err := tx.exec(ctx, `UPDATE contract_reports SET value = ?, submitted_by = ?, submitted_at = ?
				WHERE contract_id = ? AND period = ? AND indicator = ?`, v, by, tx.now, contractID, r.Period, r.Indicator)
			if err != nil {
				return err
			}
			action := "contract.report_correct"
			if n, _ := res.RowsAffected(); n == 0 {
				action = "contract.report"
				if _, err := tx.exec(ctx, `INSERT INTO contract_reports (contract_id, period, indicator, value, first_at, submitted_by, submitted_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)`, contractID, r.Period, r.Indicator, v, tx.now, by, tx.now); err != nil {
					return mapErr(err, "report")
				}
			}
			details := map[string]string{"period": r.Period, "indicator": r.Indicator, "value": v}
			if r.Line > 0 {
				details["csv_line"] = strconv.Itoa(r.Line)
			}
			if err := tx.record(ctx, action, "contract", contractID, details); err != nil {
				return err
			}
		}
		return nil
	})
}

// ContractReports returns every value reported for a contract, in the
// profile's order of periods and indicators.
func (db *DB) ContractReports(ctx context.Context, contractID string) ([]measure.StoredReport, error) {
	var out []measure.StoredReport
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(sc scanner) error {
			var r measure.StoredReport
			var v string
			if err := sc.Scan(&r.Period, &r.Indicator, &v, &r.FirstAt, &r.By, &r.At); err != nil {
				return err
			}
			r.Value, r.FirstAt, r.At = textRat(v), r.FirstAt.UTC(), r.At.UTC()
			out = append(out, r)
			return nil
		}, `SELECT r.period, r.indicator, r.value, r.first_at, r.submitted_by, r.submitted_at FROM contract_reports r
			JOIN profile_periods p ON p.contract_id = r.contract_id AND p.period = r.period
			JOIN profile_indicators i ON i.contract_id = r.contract_id AND i.code = r.indicator
			WHERE r.contract_id = ? ORDER BY p.position, i.position`, contractID)
	})
	return out, err
}
