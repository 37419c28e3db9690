package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/measure"
)

// loadProfile reads a contract's payment profile, if it has one, through
// the same curve reader as profile.json.
func (tx *Tx) loadProfile(ctx context.Context, c *measure.Contract) error {
	var atRisk, good, appr, req string
	err := tx.queryRow(ctx, "SELECT at_risk_percent, rating_good, rating_approaching, rating_requires FROM payment_profiles WHERE contract_id = ?", c.ID).
		Scan(&atRisk, &good, &appr, &req)
	if err == sql.ErrNoRows {
		return nil
	} else if err != nil {
		return err
	}
	p := &measure.Profile{ContractValuePence: c.ValuePence, AtRiskPercent: textRat(atRisk),
		Rating: measure.RatingThresholds{Good: textRat(good), Approaching: textRat(appr), RequiresImprovement: textRat(req)}}
	c.Due = map[string]string{}
	err = tx.each(ctx, func(sc scanner) error {
		var period, due string
		if err := sc.Scan(&period, &due); err != nil {
			return err
		}
		p.Periods = append(p.Periods, period)
		if due != "" {
			c.Due[period] = due
		}
		return nil
	}, "SELECT period, due_on FROM profile_periods WHERE contract_id = ? ORDER BY position", c.ID)
	if err != nil {
		return err
	}
	err = tx.each(ctx, func(sc scanner) error {
		var ind measure.Indicator
		var weight, dir, curve string
		if err := sc.Scan(&ind.ID, &ind.Name, &ind.MeasureID, &weight, &dir, &curve); err != nil {
			return err
		}
		ind.WeightPercent, ind.Direction = textRat(weight), measure.Direction(dir)
		var err error
		if ind.Curve, err = measure.ParseCurveJSON([]byte(curve), "curve"); err != nil {
			return err
		}
		p.Indicators = append(p.Indicators, ind)
		return nil
	}, "SELECT code, name, measure_id, weight_percent, direction, curve FROM profile_indicators WHERE contract_id = ? ORDER BY position", c.ID)
	if err != nil {
		return err
	}
	c.Profile = p
	return nil
}

// SetPaymentProfile sets a contract's payment profile and the due date of
// each period's reports (YYYY-MM-DD). The profile takes the contract's
// value and must pass the engine's validation (weights adding up to 100
// among the rest); each indicator must come from the adopted version. Once
// reports have arrived the profile can no longer change.
func (db *DB) SetPaymentProfile(ctx context.Context, contractID string, p *measure.Profile, due map[string]string) error {
	return db.update(ctx, func(tx *Tx) error {
		c, err := tx.contractByID(ctx, contractID)
		if err != nil {
			return err
		}
		p.ContractValuePence = c.ValuePence
		if err := p.Validate(); err != nil {
			return err
		}
		adopted := map[string]bool{}
		for _, row := range c.Indicators {
			adopted[row.MeasureID] = true
		}
		var fs []apperr.FieldError
		for i, ind := range p.Indicators {
			if !adopted[ind.MeasureID] {
				fs = append(fs, apperr.FieldError{Field: "indicators[" + strconv.Itoa(i) + "]", Message: ind.ID + " is not an indicator of the adopted specification version"})
			}
		}
		for period, d := range due {
			if _, err := time.Parse("2006-01-02", d); err != nil && d != "" {
				fs = append(fs, apperr.FieldError{Field: "periods", Message: "The due date of " + period + " is not a date"})
			}
		}
		if err := apperr.Fields(fs); err != nil {
			return err
		}
		var n int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM contract_reports WHERE contract_id = ?", contractID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return apperr.Errorf(apperr.Conflict, "The provider has already reported against this payment profile, so it can no longer change.")
		}
		for _, q := range []string{"DELETE FROM payment_profiles WHERE contract_id = ?", "DELETE FROM profile_periods WHERE contract_id = ?",
			"DELETE FROM profile_indicators WHERE contract_id = ?"} {
			if _, err := tx.exec(ctx, q, contractID); err != nil {
				return err
			}
		}
		if _, err := tx.exec(ctx, `INSERT INTO payment_profiles (contract_id, at_risk_percent, rating_good, rating_approaching, rating_requires, set_by, set_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, contractID, ratText(p.AtRiskPercent), ratText(p.Rating.Good), ratText(p.Rating.Approaching),
			ratText(p.Rating.RequiresImprovement), audit.ActorFrom(ctx), tx.now); err != nil {
			return err
		}
		for i, period := range p.Periods {
			if _, err := tx.exec(ctx, "INSERT INTO profile_periods (contract_id, position, period, due_on) VALUES (?, ?, ?, ?)",
				contractID, i, period, due[period]); err != nil {
				return err
			}
		}
		var weights []string
		for i, ind := range p.Indicators {
			if _, err := tx.exec(ctx, `INSERT INTO profile_indicators (contract_id, position, code, name, measure_id, weight_percent, direction, curve)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, contractID, i, ind.ID, ind.Name, ind.MeasureID, ratText(ind.WeightPercent),
				string(ind.Direction), measure.CurveJSON(ind.Curve)); err != nil {
				return err
			}
			weights = append(weights, ind.ID+"="+ratText(ind.WeightPercent)+"% "+measure.CurveJSON(ind.Curve))
		}
		return tx.record(ctx, "contract.profile", "contract", contractID, map[string]string{"at_risk_percent": ratText(p.AtRiskPercent),
			"periods": strings.Join(p.Periods, " "), "indicators": strings.Join(weights, "; ")})
	})
}
