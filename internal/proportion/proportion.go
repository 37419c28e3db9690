// Package proportion holds the arithmetic of audit results: how sure we
// can be of a proportion from a sample (Wilson's score interval), how big a
// sample a chosen margin needs, and whether a re-audit differs from the
// audit before it (Newcombe's hybrid score interval for the difference of
// two independent proportions), said in words that follow the interval:
// better, worse, or we cannot tell yet.
//
// It uses only the standard library and nothing else in Coprod.
//
// References:
//   - E. B. Wilson (1927), "Probable inference, the law of succession, and
//     statistical inference", JASA 22:209–212.
//   - R. G. Newcombe (1998a), "Two-sided confidence intervals for the single
//     proportion: comparison of seven methods", Statistics in Medicine
//     17:857–872 (method 3 is Wilson's; its worked examples test this package).
//   - R. G. Newcombe (1998b), "Interval estimation for the difference between
//     independent proportions: comparison of eleven methods", Statistics in
//     Medicine 17:873–890 (method 10, the hybrid score interval).
//   - R. V. Krejcie and D. W. Morgan (1970), "Determining sample size for
//     research activities", Educational and Psychological Measurement
//     30:607–610 (the sample size for a finite population).
package proportion

import (
	"errors"
	"fmt"
	"math"
)

// Z95 is the standard normal quantile for a two-sided 95% interval, to the
// precision Newcombe's tables use (1.959964).
const Z95 = 1.959963984540054

// Interval is a 95% confidence interval, as proportions from 0 to 1 (or,
// for a difference, from −1 to 1).
type Interval struct {
	Lower, Upper float64
}

// Contains says whether v lies in the interval, ends included.
func (i Interval) Contains(v float64) bool { return i.Lower <= v && v <= i.Upper }

// Proportion is a count out of a total: cases that met a criterion out of
// the cases it applied to.
type Proportion struct {
	Count, Total int
}

// ErrNoCases is returned for a total of zero: there is nothing to estimate.
var ErrNoCases = errors.New("no cases: a proportion needs at least one")

// Check says what is wrong with a count and total, if anything.
func (p Proportion) Check() error {
	switch {
	case p.Total == 0:
		return ErrNoCases
	case p.Total < 0 || p.Count < 0:
		return fmt.Errorf("%d out of %d: counts cannot be negative", p.Count, p.Total)
	case p.Count > p.Total:
		return fmt.Errorf("%d out of %d: the count is more than the total", p.Count, p.Total)
	}
	return nil
}

// Value is the proportion itself.
func (p Proportion) Value() float64 { return float64(p.Count) / float64(p.Total) }

// Wilson is the Wilson score 95% interval for p:
//
//	(p̂ + z²/2n ± z √(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)
//
// It stays within 0 and 1 and, unlike the textbook p̂ ± 1.96 × standard
// error, is not zero wide when every case or none met the criterion.
func Wilson(p Proportion) (Interval, error) {
	if err := p.Check(); err != nil {
		return Interval{}, err
	}
	n := float64(p.Total)
	ph := p.Value()
	z2 := Z95 * Z95
	centre := ph + z2/(2*n)
	half := Z95 * math.Sqrt(ph*(1-ph)/n+z2/(4*n*n))
	den := 1 + z2/n
	iv := Interval{Lower: (centre - half) / den, Upper: (centre + half) / den}
	// At 0 and n the formula gives 0 and 1 exactly in real arithmetic; say
	// so exactly rather than a rounding error away.
	if p.Count == 0 {
		iv.Lower = 0
	}
	if p.Count == p.Total {
		iv.Upper = 1
	}
	return iv, nil
}
