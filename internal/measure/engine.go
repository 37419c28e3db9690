package measure

import (
	"fmt"
	"math/big"
)

// Report is one value a provider reported for one indicator and period.
type Report struct {
	Period    string
	Indicator string
	Value     *big.Rat
	// Line is where the report came from in a CSV file, for messages;
	// 0 when it came from elsewhere.
	Line int
}

// Status says whether an indicator was reported for a period.
type Status string

// Statuses.
const (
	Reported Status = "reported"
	Missing  Status = "missing" // no report: pays nothing
)

// IndicatorResult is the payment for one indicator in one period.
type IndicatorResult struct {
	ID     string
	Status Status
	Value  *big.Rat // nil when Missing
	// PayFraction is the exact share (0–1) of the available amount earned.
	PayFraction *big.Rat
	// AvailablePence is what full achievement would pay, rounded on its
	// own; PaymentPence is the amount due, rounded once from the exact
	// product. Both are rounded half to even.
	AvailablePence int64
	PaymentPence   int64
}

// PayPercent is PayFraction as a percentage, exact.
func (r IndicatorResult) PayPercent() *big.Rat {
	return new(big.Rat).Mul(r.PayFraction, ratHundred)
}

// PeriodResult is everything paid for one reporting period.
type PeriodResult struct {
	Period         string
	TotalPence     int64 // sum of the indicators' PaymentPence
	AvailablePence int64 // sum of the indicators' AvailablePence
	// AchievementPercent is Σ weight% × pay fraction, exact: the share of
	// this period's money at risk that was earned, before rounding.
	AchievementPercent *big.Rat
	Rating             Rating
	MissingCount       int
	Indicators         []IndicatorResult // in profile order
}

// Result is the outcome of a payment calculation.
type Result struct {
	// AtRiskPence is contract value × at-risk %, rounded once. The sum of
	// the rounded per-indicator amounts can differ from it by a few pence.
	AtRiskPence int64
	TotalPence  int64
	Periods     []PeriodResult // in profile order
}

// Calculate applies the payment profile to the reports. For each indicator
// and period:
//
//	amount = contract value × at-risk % ÷ number of periods × weight % × pay fraction
//
// computed exactly and rounded once to whole pence, half to even. A period
// with no report for an indicator pays nothing for it and is Missing.
// Reports for unknown periods or indicators, duplicates and missing values
// are refused with an *InputError naming the report (its CSV line when
// known).
func Calculate(p *Profile, reports []Report) (*Result, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	values, err := indexReports(p, reports)
	if err != nil {
		return nil, err
	}
	rating := p.Rating.withDefaults()

	// perPeriod = contract value × at-risk% ÷ 100 ÷ number of periods.
	atRisk := new(big.Rat).SetInt64(p.ContractValuePence)
	atRisk.Mul(atRisk, p.AtRiskPercent)
	atRisk.Quo(atRisk, ratHundred)
	perPeriod := new(big.Rat).Quo(atRisk, new(big.Rat).SetInt64(int64(len(p.Periods))))

	// available[i] = perPeriod × weight% ÷ 100, the same in every period.
	available := make([]*big.Rat, len(p.Indicators))
	availablePence := make([]int64, len(p.Indicators))
	for i, ind := range p.Indicators {
		a := new(big.Rat).Mul(perPeriod, ind.WeightPercent)
		a.Quo(a, ratHundred)
		available[i] = a
		availablePence[i] = RoundHalfEven(a).Int64()
	}

	res := &Result{AtRiskPence: RoundHalfEven(atRisk).Int64(), Periods: make([]PeriodResult, len(p.Periods))}
	amount := new(big.Rat)
	weighted := new(big.Rat)
	for pi, period := range p.Periods {
		pr := PeriodResult{Period: period, AchievementPercent: new(big.Rat), Indicators: make([]IndicatorResult, len(p.Indicators))}
		for ii, ind := range p.Indicators {
			ir := IndicatorResult{ID: ind.ID, AvailablePence: availablePence[ii]}
			v := values[pi*len(p.Indicators)+ii]
			if v == nil {
				ir.Status = Missing
				ir.PayFraction = new(big.Rat)
				pr.MissingCount++
			} else {
				ir.Status = Reported
				ir.Value = v
				ir.PayFraction = ind.Curve.PayFraction(v, ind.Direction)
				amount.Mul(available[ii], ir.PayFraction)
				ir.PaymentPence = RoundHalfEven(amount).Int64()
				weighted.Mul(ind.WeightPercent, ir.PayFraction)
				pr.AchievementPercent.Add(pr.AchievementPercent, weighted)
			}
			pr.TotalPence += ir.PaymentPence
			pr.AvailablePence += ir.AvailablePence
			pr.Indicators[ii] = ir
		}
		if pr.MissingCount == len(p.Indicators) {
			pr.Rating = NotRated
		} else {
			pr.Rating = rating.Rate(pr.AchievementPercent)
		}
		res.TotalPence += pr.TotalPence
		res.Periods[pi] = pr
	}
	return res, nil
}

// indexReports checks the reports against the profile and returns their
// values in a period-major grid (nil where missing).
func indexReports(p *Profile, reports []Report) ([]*big.Rat, error) {
	periods, inds := p.periodIndex(), p.indicatorIndex()
	grid := make([]*big.Rat, len(p.Periods)*len(p.Indicators))
	firstSeen := make(map[int]int) // grid cell → index of its report
	var ps problems
	for i, r := range reports {
		add := func(format string, args ...any) {
			if r.Line > 0 {
				ps.addLine(r.Line, format, args...)
			} else {
				ps.add(fmt.Sprintf("reports[%d]", i), format, args...)
			}
		}
		pi, okP := periods[r.Period]
		ii, okI := inds[r.Indicator]
		switch {
		case !okP:
			add("period %q is not one of the profile's periods", r.Period)
		case !okI:
			add("indicator %q is not one of the profile's indicators", r.Indicator)
		case r.Value == nil:
			add("no value for indicator %q in period %q", r.Indicator, r.Period)
		default:
			k := pi*len(p.Indicators) + ii
			if j, dup := firstSeen[k]; dup {
				where := fmt.Sprintf("reports[%d]", j)
				if reports[j].Line > 0 {
					where = fmt.Sprintf("line %d", reports[j].Line)
				}
				add("indicator %q in period %q is already reported on %s; give one value per indicator and period", r.Indicator, r.Period, where)
				continue
			}
			firstSeen[k] = i
			grid[k] = r.Value
		}
	}
	return grid, ps.err("")
}
