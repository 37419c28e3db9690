package training

import (
	"fmt"
	"math"
)

// Pair is one person's answers to one question, before and after.
type Pair struct {
	Before, After float64
}

// Change is the paired change in one question's answers: the mean of
// after − before over the people who answered both times, with its 95%
// interval from Student's t on the differences.
type Change struct {
	N             int // people who answered both times
	Mean          float64
	Lower, Upper  float64 // the 95% interval; equal to Mean when N < 2
	BeforeMean    float64
	AfterMean     float64
	IntervalKnown bool // false when N < 2: one pair has no spread
}

// PairedChange computes the change and its interval:
// mean d ± t(0.975, n−1) · s_d / √n, with s_d the sample standard deviation
// of the differences (divided by n−1).
func PairedChange(pairs []Pair) (Change, error) {
	n := len(pairs)
	if n == 0 {
		return Change{}, fmt.Errorf("no one answered both before and after")
	}
	var sum, sumB, sumA float64
	for _, p := range pairs {
		sum += p.After - p.Before
		sumB += p.Before
		sumA += p.After
	}
	c := Change{N: n, Mean: sum / float64(n), BeforeMean: sumB / float64(n), AfterMean: sumA / float64(n)}
	c.Lower, c.Upper = c.Mean, c.Mean
	if n < 2 {
		return c, nil
	}
	var ss float64
	for _, p := range pairs {
		d := p.After - p.Before - c.Mean
		ss += d * d
	}
	se := math.Sqrt(ss/float64(n-1)) / math.Sqrt(float64(n))
	tq, err := TQuantile(0.975, n-1)
	if err != nil {
		return Change{}, err
	}
	c.Lower, c.Upper, c.IntervalKnown = c.Mean-tq*se, c.Mean+tq*se, true
	return c, nil
}

// Words says what the change shows, following the interval: up, down, or
// not able to tell.
func (c Change) Words() string {
	switch {
	case !c.IntervalKnown:
		return "Too few people answered both times to tell."
	case c.Lower > 0:
		return fmt.Sprintf("Confidence went up, by %s points on average (95%% interval %s to %s).", num(c.Mean), num(c.Lower), num(c.Upper))
	case c.Upper < 0:
		return fmt.Sprintf("Confidence went down, by %s points on average (95%% interval %s to %s).", num(-c.Mean), num(c.Lower), num(c.Upper))
	}
	return fmt.Sprintf("We cannot tell whether confidence changed: on average %s points (95%% interval %s to %s).", num(c.Mean), num(c.Lower), num(c.Upper))
}

// num shows a number to one decimal place, with a real minus sign.
func num(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	if s == "-0.0" {
		return "0.0"
	}
	if s[0] == '-' {
		return "−" + s[1:]
	}
	return s
}
