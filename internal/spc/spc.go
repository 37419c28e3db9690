// Package spc draws the arithmetic of a statistical process control chart in
// the NHS "Making Data Count" style: an XmR chart (the values and their moving
// ranges) with its mean, process limits at the mean ± 2.66 × the mean moving
// range, and the four special-cause rules that guidance uses. It says, for
// each point, which signals it belongs to, and in words whether a signal is
// improvement or concern for an indicator whose better direction is known.
//
// The package uses only the standard library and nothing else in Coprod, so
// any Go program can import it. Values are exact rationals and every
// comparison is exact, so a point exactly on a limit or on the mean is decided
// by the rules below, not by floating-point rounding.
//
// # The rules, and how their edges are decided
//
// The Making Data Count guidance (NHS England, "Making Data Count: Getting
// started", and its "plot the dots" Excel tool, implemented for R as
// NHSRplotthedots) names four signals of special cause variation:
//
//   - Outside: a point above the upper process limit or below the lower one.
//     A point exactly on a limit is inside: the limits are where common cause
//     variation can still reach.
//   - Shift: seven or more consecutive points all above the mean, or all
//     below it. A point exactly on the mean is on neither side, so it ends a
//     run (and does not start one); six points above, one on the mean and
//     another six above are not a shift.
//   - Trend: seven or more consecutive points each higher than the one
//     before (or each lower). Points are counted, not steps: seven rising
//     points are six rises. Two equal consecutive values are neither rising
//     nor falling, so they end a trend; the second may start the next one.
//   - Two of three: two or three of three consecutive points beyond two-thirds
//     of the way from the mean to a process limit, on the same side. Beyond
//     means strictly beyond; a point outside the limit is beyond two-thirds
//     too. The third point may lie anywhere. The points marked are the ones
//     beyond two-thirds.
//
// Every point of a signal is marked (all seven or more of a shift or a
// trend). Where a point belongs to a trend its variation is the trend's way
// (rising is high), as the Making Data Count tool gives the trend priority;
// otherwise it is its side of the mean.
//
// The limits are drawn from all the points given, as one period. Making Data
// Count advises at least 15 points, ideally 20, before the limits are relied
// on; with fewer, Chart.FewPoints is true and the words say so.
package spc

import (
	"errors"
	"fmt"
	"math/big"
)

// Direction is which way the indicator improves.
type Direction int

const (
	// Neutral: neither higher nor lower is better (signals are "higher" or
	// "lower", never improvement or concern).
	Neutral Direction = iota
	// Up: higher values are better.
	Up
	// Down: lower values are better.
	Down
)

// ParseDirection reads "up", "down" or "neutral".
func ParseDirection(s string) (Direction, error) {
	switch s {
	case "up":
		return Up, nil
	case "down":
		return Down, nil
	case "neutral":
		return Neutral, nil
	}
	return Neutral, fmt.Errorf("direction %q is not up, down or neutral", s)
}

// String is the word ParseDirection reads.
func (d Direction) String() string {
	switch d {
	case Up:
		return "up"
	case Down:
		return "down"
	}
	return "neutral"
}

// ProcessLimitFactor is the 2.66 of the limits, as an exact fraction: it is
// 3 ÷ 1.128 (d2 for moving ranges of two points) rounded as the guidance
// publishes it.
var ProcessLimitFactor = big.NewRat(266, 100)

// MinReliablePoints is the number of points Making Data Count asks for
// before the process limits are relied on.
const MinReliablePoints = 15

// Side is where a point lies against the mean.
type Side int

const (
	Below  Side = -1
	OnMean Side = 0
	Above  Side = 1
)

// Point is one value on the chart.
type Point struct {
	Value *big.Rat
	// MovingRange is |this value − the previous one|; nil for the first point.
	MovingRange *big.Rat
	Side        Side
	// Signals are the indexes in Chart.Signals of the signals this point
	// belongs to, in order.
	Signals []int
	// Variation is what the point shows: common cause, or special cause
	// high or low (see the package comment for how a point in a trend is
	// decided).
	Variation Variation
}

// Chart is an XmR chart worked out for a series.
type Chart struct {
	Direction       Direction
	Mean            *big.Rat
	MeanMovingRange *big.Rat
	Upper, Lower    *big.Rat // process limits
	// NearUpper and NearLower are two-thirds of the way from the mean to
	// each limit, for the two-of-three rule.
	NearUpper, NearLower *big.Rat
	Points               []Point
	Signals              []Signal
	// FewPoints is true below MinReliablePoints.
	FewPoints bool
}

// ErrTooFewValues is returned for fewer than two values: without a moving
// range there are no limits.
var ErrTooFewValues = errors.New("an XmR chart needs at least two values")

// New works out the chart for values, in time order. Values must not be nil.
func New(values []*big.Rat, dir Direction) (*Chart, error) {
	n := len(values)
	if n < 2 {
		return nil, ErrTooFewValues
	}
	for i, v := range values {
		if v == nil {
			return nil, fmt.Errorf("value %d is missing", i+1)
		}
	}
	c := &Chart{Direction: dir, Points: make([]Point, n), FewPoints: n < MinReliablePoints}

	sum := new(big.Rat)
	mrSum := new(big.Rat)
	for i, v := range values {
		c.Points[i].Value = new(big.Rat).Set(v)
		sum.Add(sum, v)
		if i > 0 {
			mr := new(big.Rat).Sub(v, values[i-1])
			mr.Abs(mr)
			c.Points[i].MovingRange = mr
			mrSum.Add(mrSum, mr)
		}
	}
	c.Mean = sum.Quo(sum, big.NewRat(int64(n), 1))
	c.MeanMovingRange = mrSum.Quo(mrSum, big.NewRat(int64(n-1), 1))

	spread := new(big.Rat).Mul(ProcessLimitFactor, c.MeanMovingRange)
	c.Upper = new(big.Rat).Add(c.Mean, spread)
	c.Lower = new(big.Rat).Sub(c.Mean, spread)
	near := new(big.Rat).Mul(spread, big.NewRat(2, 3))
	c.NearUpper = new(big.Rat).Add(c.Mean, near)
	c.NearLower = new(big.Rat).Sub(c.Mean, near)

	for i := range c.Points {
		c.Points[i].Side = Side(c.Points[i].Value.Cmp(c.Mean))
	}
	c.findSignals()
	c.markPoints()
	return c, nil
}

// FromFloats converts float64 values exactly (each float is a binary
// fraction); it refuses NaN and infinities.
func FromFloats(fs []float64) ([]*big.Rat, error) {
	out := make([]*big.Rat, len(fs))
	for i, f := range fs {
		r := new(big.Rat)
		if r.SetFloat64(f) == nil {
			return nil, fmt.Errorf("value %d is not a finite number", i+1)
		}
		out[i] = r
	}
	return out, nil
}
