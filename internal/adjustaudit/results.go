package adjustaudit

import (
	"fmt"

	"github.com/coprod/coprod/internal/proportion"
)

// Answer is what one case shows for one criterion.
type Answer string

const (
	Met           Answer = "met"
	NotMet        Answer = "not_met"
	NotApplicable Answer = "not_applicable"
	NotKnown      Answer = "not_known"
)

// Valid reports whether a is one of the four answers.
func (a Answer) Valid() bool {
	return a == Met || a == NotMet || a == NotApplicable || a == NotKnown
}

// Case is one pseudonymous case of the sample and its answers by
// criterion key. A criterion with no answer yet counts as not known.
type Case struct {
	Label   string // "Case 7": never a name
	Answers map[string]Answer
}

// MinPublic is the fewest cases a public figure may rest on: below it the
// figure is suppressed, so that no one can be recognised from it.
const MinPublic = 5

// Count is one figure: how many met out of those it applied to and was
// known for, with the cases it left out, and its Wilson 95% interval.
type Count struct {
	Met, Applicable int // Applicable = met + not met
	NotApplicable   int
	NotKnown        int
	Interval        proportion.Interval // zero when Applicable is 0
}

// Proportion is the count as a proportion.Proportion.
func (c Count) Proportion() proportion.Proportion {
	return proportion.Proportion{Count: c.Met, Total: c.Applicable}
}

// Suppressed says the figure rests on too few cases to publish.
func (c Count) Suppressed() bool { return c.Applicable < MinPublic }

// Words says the figure in plain English: "8 of 10 cases (80%, 95%
// interval 49% to 94%); 1 not applicable, 1 not known".
func (c Count) Words() string {
	if c.Applicable == 0 {
		return fmt.Sprintf("No cases to count yet; %d not applicable, %d not known", c.NotApplicable, c.NotKnown)
	}
	return fmt.Sprintf("%d of %d cases (%d%%, 95%% interval %d%% to %d%%); %d not applicable, %d not known",
		c.Met, c.Applicable, pct(float64(c.Met)/float64(c.Applicable)), pct(c.Interval.Lower), pct(c.Interval.Upper),
		c.NotApplicable, c.NotKnown)
}

func pct(v float64) int { return int(v*100 + 0.5) }

func (c *Count) finish() {
	if c.Applicable > 0 {
		c.Interval, _ = proportion.Wilson(c.Proportion())
	}
}

// Result is an audit's figures: each criterion, and overall.
type Result struct {
	Criteria []CriterionResult
	// Overall counts cases: a case meets the template when every criterion
	// that applies to it is met; it does not when any is not met; it is not
	// known when none is not met but one is not known; and it is not
	// applicable when no criterion applies. Cases are independent where
	// criteria of one case are not, so the interval is a true one.
	Overall Count
}

// CriterionResult is one criterion's figure.
type CriterionResult struct {
	Criterion Criterion
	Count
}

// Results works out an audit's figures from its cases.
func Results(t Template, cases []Case) Result {
	res := Result{Criteria: make([]CriterionResult, len(t.Criteria))}
	for i, cr := range t.Criteria {
		res.Criteria[i].Criterion = cr
	}
	for _, c := range cases {
		applies, notMet, notKnown := false, false, false
		for i, cr := range t.Criteria {
			a := c.Answers[cr.Key]
			if !a.Valid() {
				a = NotKnown
			}
			n := &res.Criteria[i].Count
			switch a {
			case Met:
				n.Met++
				n.Applicable++
				applies = true
			case NotMet:
				n.Applicable++
				applies, notMet = true, true
			case NotApplicable:
				n.NotApplicable++
			case NotKnown:
				n.NotKnown++
				applies, notKnown = true, true
			}
		}
		o := &res.Overall
		switch {
		case notMet:
			o.Applicable++
		case notKnown:
			o.NotKnown++
		case applies:
			o.Met++
			o.Applicable++
		default:
			o.NotApplicable++
		}
	}
	for i := range res.Criteria {
		res.Criteria[i].finish()
	}
	res.Overall.finish()
	return res
}

// Comparison is a re-audit against the audit before it (or one service
// against another), per criterion and overall.
type Comparison struct {
	Criteria []CriterionComparison
	Overall  Change
}

// Change is one figure compared: the difference with its interval, or why
// there is none.
type Change struct {
	Difference *proportion.Difference // nil when either side has no cases
}

// Words says the change, following the interval.
func (c Change) Words() string {
	if c.Difference == nil {
		return "We cannot tell yet: one of the audits has no cases to count."
	}
	return c.Difference.Words()
}

// CriterionComparison is one criterion's change.
type CriterionComparison struct {
	Criterion Criterion
	Change
}

func change(later, earlier Count) Change {
	d, err := proportion.Compare(later.Proportion(), earlier.Proportion())
	if err != nil {
		return Change{}
	}
	return Change{Difference: &d}
}

// Compare compares a later audit's result with an earlier one of the same
// template: later − earlier, so "better" means more cases met.
func Compare(later, earlier Result) Comparison {
	out := Comparison{Overall: change(later.Overall, earlier.Overall)}
	for i, c := range later.Criteria {
		if i < len(earlier.Criteria) && earlier.Criteria[i].Criterion.Key == c.Criterion.Key {
			out.Criteria = append(out.Criteria, CriterionComparison{Criterion: c.Criterion, Change: change(c.Count, earlier.Criteria[i].Count)})
		}
	}
	return out
}
