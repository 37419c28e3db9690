package proportion

import (
	"fmt"
	"math"
)

// Difference is a later proportion minus an earlier one (a re-audit minus
// its audit, or one service minus another), with its 95% interval.
type Difference struct {
	Later, Earlier Proportion
	Estimate       float64
	Interval       Interval
}

// Compare works out later − earlier with Newcombe's hybrid score interval
// (1998b, method 10): each proportion gets its Wilson interval (l, u), and
//
//	lower = d − √((p₁ − l₁)² + (u₂ − p₂)²)
//	upper = d + √((u₁ − p₁)² + (p₂ − l₂)²)
//
// where 1 is the later and 2 the earlier. The samples must be independent
// (different cases), as an audit and its re-audit are.
func Compare(later, earlier Proportion) (Difference, error) {
	w1, err := Wilson(later)
	if err != nil {
		return Difference{}, fmt.Errorf("later: %w", err)
	}
	w2, err := Wilson(earlier)
	if err != nil {
		return Difference{}, fmt.Errorf("earlier: %w", err)
	}
	p1, p2 := later.Value(), earlier.Value()
	d := p1 - p2
	return Difference{
		Later: later, Earlier: earlier, Estimate: d,
		Interval: Interval{
			Lower: d - math.Hypot(p1-w1.Lower, w2.Upper-p2),
			Upper: d + math.Hypot(w1.Upper-p1, p2-w2.Lower),
		},
	}, nil
}

// Verdict is what a difference lets us say.
type Verdict int

const (
	CannotTell Verdict = iota // the interval includes no difference
	Better                    // the whole interval is above zero
	Worse                     // the whole interval is below zero
)

// String is the verdict in words.
func (v Verdict) String() string {
	switch v {
	case Better:
		return "better"
	case Worse:
		return "worse"
	}
	return "we cannot tell yet"
}

// Verdict follows the interval, where a higher proportion is better (more
// cases met the criterion): better only when the whole interval is above
// zero, worse only when it is all below; an interval that touches or
// crosses zero cannot tell, however large the estimate.
func (d Difference) Verdict() Verdict {
	switch {
	case d.Interval.Lower > 0:
		return Better
	case d.Interval.Upper < 0:
		return Worse
	}
	return CannotTell
}

// Words says the comparison in a sentence, in whole percentage points:
// "Better: 80% now against 60% before, a rise of 20 percentage points
// (95% interval 5 to 33)."
func (d Difference) Words() string {
	now, before := percent(d.Later.Value()), percent(d.Earlier.Value())
	change := percent(d.Estimate)
	var moved string
	switch {
	case change > 0:
		moved = fmt.Sprintf("a rise of %s", points(change))
	case change < 0:
		moved = fmt.Sprintf("a fall of %s", points(-change))
	default:
		moved = "no change"
	}
	head := map[Verdict]string{Better: "Better", Worse: "Worse", CannotTell: "We cannot tell yet"}[d.Verdict()]
	s := fmt.Sprintf("%s: %d%% now against %d%% before, %s (95%% interval %s to %s).",
		head, now, before, moved, signed(percent(d.Interval.Lower)), signed(percent(d.Interval.Upper)))
	if d.Verdict() == CannotTell {
		s += " The difference could be chance: a larger sample would tell."
	}
	return s
}

func points(n int) string {
	if n == 1 {
		return "1 percentage point"
	}
	return fmt.Sprintf("%d percentage points", n)
}

// signed writes a negative number with a true minus sign, which screen
// readers say as "minus" (a hyphen is often read as "dash" or not at all).
func signed(n int) string {
	if n < 0 {
		return fmt.Sprintf("−%d", -n)
	}
	return fmt.Sprint(n)
}

// percent rounds a proportion to whole percent, half away from zero.
func percent(v float64) int { return int(math.Round(v * 100)) }
