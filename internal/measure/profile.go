package measure

import (
	"fmt"
	"math/big"
	"strings"
	"unicode/utf8"
)

// Bounds that keep a profile meaningful and its arithmetic small.
const (
	// MaxContractValuePence is £10 trillion; far above any NHS contract,
	// far below the int64 limit, so sums of pence never overflow.
	MaxContractValuePence = 1_000_000_000_000_000
	MaxPeriods            = 1000
	MaxIndicators         = 1000
	maxIDLength           = 100
	maxNameLength         = 300
)

// Indicator is one line of a payment profile: a measure written into the
// contract, its weight and its payment curve.
type Indicator struct {
	ID        string // short reference used in reports, e.g. "X1"
	Name      string
	MeasureID string // the measure it comes from; empty offline
	// WeightPercent is this indicator's share of the money at risk; the
	// weights of a profile add up to exactly 100.
	WeightPercent *big.Rat
	Direction     Direction
	Curve         Curve
}

// Profile is a contract's payment profile: how much of the contract value
// is at risk, over which reporting periods, and how each indicator earns
// its share.
type Profile struct {
	ContractValuePence int64
	// AtRiskPercent is the share of the contract value that depends on
	// the indicators, e.g. 1.25 for a CQUIN-style scheme.
	AtRiskPercent *big.Rat
	Periods       []string // reporting periods in order, e.g. "2027-Q1"
	Indicators    []Indicator
	// Rating sets the performance rating thresholds; the zero value means
	// DefaultRatingThresholds.
	Rating RatingThresholds
}

// Validate returns an *InputError listing every problem, with fields named
// as in profile.json, or nil. Weights that do not add up to exactly 100 are
// refused, with the actual sum in the message.
func (p *Profile) Validate() error {
	var ps problems
	p.validate(&ps)
	return ps.err("")
}

func (p *Profile) validate(ps *problems) {
	switch {
	case p.ContractValuePence <= 0:
		ps.add("contract_value_pence", "must be more than 0 (the annual contract value in pence, e.g. 120000000 for £1,200,000)")
	case p.ContractValuePence > MaxContractValuePence:
		ps.add("contract_value_pence", "%d is more than the largest value accepted, %d", p.ContractValuePence, int64(MaxContractValuePence))
	}
	switch {
	case p.AtRiskPercent == nil:
		ps.add("at_risk_percent", "enter the percentage of the contract value at risk, e.g. 1.25")
	case p.AtRiskPercent.Sign() <= 0 || p.AtRiskPercent.Cmp(ratHundred) > 0:
		ps.add("at_risk_percent", "%s must be more than 0 and at most 100", Dec(p.AtRiskPercent))
	}
	p.validatePeriods(ps)
	p.validateIndicators(ps)
	p.Rating.validate(ps, "rating")
}

func (p *Profile) validatePeriods(ps *problems) {
	if len(p.Periods) == 0 {
		ps.add("periods", "list at least one reporting period, e.g. [\"2027-Q1\", \"2027-Q2\"]")
		return
	}
	if len(p.Periods) > MaxPeriods {
		ps.add("periods", "has %d periods; at most %d are accepted", len(p.Periods), MaxPeriods)
		return
	}
	seen := map[string]int{}
	for i, name := range p.Periods {
		f := fmt.Sprintf("periods[%d]", i)
		if m := checkKey(name, "period"); m != "" {
			ps.add(f, "%s", m)
		} else if j, dup := seen[name]; dup {
			ps.add(f, "%q is already periods[%d]; each period must be listed once", name, j)
		} else {
			seen[name] = i
		}
	}
}

func (p *Profile) validateIndicators(ps *problems) {
	if len(p.Indicators) == 0 {
		ps.add("indicators", "list at least one indicator")
		return
	}
	if len(p.Indicators) > MaxIndicators {
		ps.add("indicators", "has %d indicators; at most %d are accepted", len(p.Indicators), MaxIndicators)
		return
	}
	seen := map[string]int{}
	sum := new(big.Rat)
	weightsKnown := true
	for i, ind := range p.Indicators {
		f := fmt.Sprintf("indicators[%d]", i)
		if m := checkKey(ind.ID, "indicator id"); m != "" {
			ps.add(f+".id", "%s", m)
		} else if j, dup := seen[ind.ID]; dup {
			ps.add(f+".id", "%q is already the id of indicators[%d]; each indicator needs its own id", ind.ID, j)
		} else {
			seen[ind.ID] = i
		}
		if utf8.RuneCountInString(ind.Name) > maxNameLength {
			ps.add(f+".name", "must be %d characters or fewer", maxNameLength)
		}
		switch {
		case ind.WeightPercent == nil:
			ps.add(f+".weight_percent", "enter this indicator's weight as a percentage of the money at risk")
			weightsKnown = false
		case ind.WeightPercent.Sign() <= 0 || ind.WeightPercent.Cmp(ratHundred) > 0:
			ps.add(f+".weight_percent", "%s must be more than 0 and at most 100", Dec(ind.WeightPercent))
			weightsKnown = false
		default:
			sum.Add(sum, ind.WeightPercent)
		}
		if !ind.Direction.Valid() {
			if ind.Direction == "" {
				ps.add(f+".direction", "choose \"higher\" (higher is better) or \"lower\" (lower is better)")
			} else {
				ps.add(f+".direction", "%q is not a direction; use \"higher\" or \"lower\"", string(ind.Direction))
			}
		}
		ind.Curve.validate(ps, f+".curve", ind.ID, ind.Direction)
	}
	if weightsKnown && sum.Cmp(ratHundred) != 0 {
		diff := new(big.Rat).Sub(ratHundred, sum)
		how := "add " + Dec(diff) + " to"
		if diff.Sign() < 0 {
			how = "take " + Dec(new(big.Rat).Neg(diff)) + " from"
		}
		ps.add("indicators", "the weight_percent values add up to %s, not 100; %s the weights so they add up to exactly 100", Dec(sum), how)
	}
}

// checkKey returns a problem with a period name or indicator id, or "".
// They appear in CSV files and URLs, so they must be short and visible.
func checkKey(s, what string) string {
	switch {
	case s == "":
		return "enter the " + what
	case len(s) > maxIDLength:
		return fmt.Sprintf("the %s must be %d characters or fewer", what, maxIDLength)
	case strings.TrimSpace(s) != s:
		return fmt.Sprintf("the %s %q starts or ends with a space", what, s)
	case strings.ContainsAny(s, "\r\n\t"):
		return fmt.Sprintf("the %s %q contains a line break or tab", what, s)
	}
	return ""
}

// periodIndex maps period names to positions; the profile must be valid.
func (p *Profile) periodIndex() map[string]int {
	m := make(map[string]int, len(p.Periods))
	for i, name := range p.Periods {
		m[name] = i
	}
	return m
}

// indicatorIndex maps indicator ids to positions; the profile must be valid.
func (p *Profile) indicatorIndex() map[string]int {
	m := make(map[string]int, len(p.Indicators))
	for i, ind := range p.Indicators {
		m[ind.ID] = i
	}
	return m
}
