package spc

import (
	"math/big"
	"slices"
)

// Rule is one of the four special-cause rules.
type Rule string

const (
	RuleOutside    Rule = "outside"
	RuleShift      Rule = "shift"
	RuleTrend      Rule = "trend"
	RuleTwoOfThree Rule = "two-of-three"
)

// RunLength is how many points a shift or a trend needs.
const RunLength = 7

// Signal is one occurrence of a rule: the points that belong to it and
// which way it points.
type Signal struct {
	Rule Rule
	// High is true for a signal above the mean (outside the upper limit,
	// a shift above, two of three near the upper limit) or a rising trend.
	High bool
	// Points are the indexes of its points, in order.
	Points []int
}

// Variation is what a point shows.
type Variation int

const (
	Common Variation = iota // common cause variation: no signal
	High                    // special cause, high
	Low                     // special cause, low
)

// Meaning is what special cause variation that is high (or low) means for
// an indicator: improvement, concern, or for a neutral one just higher or
// lower.
type Meaning int

const (
	NoSignal Meaning = iota
	Improvement
	Concern
	Higher // a neutral indicator's signal upwards
	Lower  // a neutral indicator's signal downwards
)

// MeaningOf is what a variation means for an indicator going in dir.
func MeaningOf(v Variation, dir Direction) Meaning {
	switch {
	case v == Common:
		return NoSignal
	case dir == Neutral && v == High:
		return Higher
	case dir == Neutral:
		return Lower
	case (v == High) == (dir == Up):
		return Improvement
	}
	return Concern
}

// Meaning of the signal for the chart's direction.
func (s Signal) Meaning(dir Direction) Meaning {
	if s.High {
		return MeaningOf(High, dir)
	}
	return MeaningOf(Low, dir)
}

func (c *Chart) findSignals() {
	var out []Signal
	out = append(out, c.outside()...)
	out = append(out, c.shifts()...)
	out = append(out, c.trends()...)
	out = append(out, c.twoOfThree()...)
	// In the order people read the chart: by first point, then rule.
	slices.SortStableFunc(out, func(a, b Signal) int { return a.Points[0] - b.Points[0] })
	c.Signals = out
}

func (c *Chart) outside() []Signal {
	var out []Signal
	for i, p := range c.Points {
		switch {
		case p.Value.Cmp(c.Upper) > 0:
			out = append(out, Signal{Rule: RuleOutside, High: true, Points: []int{i}})
		case p.Value.Cmp(c.Lower) < 0:
			out = append(out, Signal{Rule: RuleOutside, High: false, Points: []int{i}})
		}
	}
	return out
}

// runs returns the maximal runs of consecutive points for which key gives
// the same non-zero answer, of at least RunLength points; key(i) may look
// at point i and the one before it.
func (c *Chart) runs(rule Rule, key func(i int) int) []Signal {
	var out []Signal
	start := 0
	for i := 0; i <= len(c.Points); i++ {
		if i < len(c.Points) && i > start && key(i) != 0 && key(i) == key(start) {
			continue
		}
		if i-start >= RunLength && key(start) != 0 {
			out = append(out, Signal{Rule: rule, High: key(start) > 0, Points: span(start, i)})
		}
		start = i
	}
	return out
}

func (c *Chart) shifts() []Signal {
	return c.runs(RuleShift, func(i int) int { return int(c.Points[i].Side) })
}

// trends: a point's key is the way it moved from the previous point, and
// the run's first point is the one before the first move, so a run of k
// equal keys is k+1 points. The first point has no previous: key 0.
func (c *Chart) trends() []Signal {
	var out []Signal
	moves := make([]int, len(c.Points))
	for i := 1; i < len(c.Points); i++ {
		moves[i] = c.Points[i].Value.Cmp(c.Points[i-1].Value)
	}
	start := 1 // first move of the current run
	for i := 1; i <= len(moves); i++ {
		if i < len(moves) && moves[i] != 0 && moves[i] == moves[start] {
			continue
		}
		if i-start+1 >= RunLength && moves[start] != 0 {
			out = append(out, Signal{Rule: RuleTrend, High: moves[start] > 0, Points: span(start-1, i)})
		}
		start = i
	}
	return out
}

// twoOfThree looks at every three consecutive points; where two or three of
// them are beyond the near limit on one side, those points are marked.
// Windows that overlap join into one signal.
func (c *Chart) twoOfThree() []Signal {
	var out []Signal
	for _, high := range []bool{true, false} {
		beyond := func(i int) bool {
			if high {
				return c.Points[i].Value.Cmp(c.NearUpper) > 0
			}
			return c.Points[i].Value.Cmp(c.NearLower) < 0
		}
		var cur *Signal
		lastWindow := -10
		for w := 0; w+2 < len(c.Points); w++ {
			var hit []int
			for i := w; i < w+3; i++ {
				if beyond(i) {
					hit = append(hit, i)
				}
			}
			if len(hit) < 2 {
				continue
			}
			if cur == nil || w > lastWindow+2 {
				out = append(out, Signal{Rule: RuleTwoOfThree, High: high})
				cur = &out[len(out)-1]
			}
			// Windows move forward, so a point already marked is at most
			// the last one added: checking it keeps this linear.
			for _, i := range hit {
				if n := len(cur.Points); n == 0 || cur.Points[n-1] < i {
					cur.Points = append(cur.Points, i)
				}
			}
			lastWindow = w
		}
	}
	return out
}

func span(from, to int) []int {
	out := make([]int, 0, to-from)
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// markPoints records on each point the signals it belongs to and its
// variation: a trend's way when it is in a trend (the earlier trend at a
// turning point, which ends one trend and starts the next), else its side
// of the mean.
func (c *Chart) markPoints() {
	for si, s := range c.Signals {
		for _, i := range s.Points {
			c.Points[i].Signals = append(c.Points[i].Signals, si)
		}
	}
	for i := range c.Points {
		p := &c.Points[i]
		if len(p.Signals) == 0 {
			continue
		}
		p.Variation = sideVariation(p.Side)
		for _, si := range p.Signals {
			if s := c.Signals[si]; s.Rule == RuleTrend {
				p.Variation = sideVariation(Side(boolSign(s.High)))
				break
			}
		}
	}
}

func sideVariation(s Side) Variation {
	switch s {
	case Above:
		return High
	case Below:
		return Low
	}
	return Common
}

func boolSign(b bool) int {
	if b {
		return 1
	}
	return -1
}

// Rules returns the rules of the signals a point belongs to, in order.
func (c *Chart) Rules(i int) []Rule {
	var out []Rule
	for _, si := range c.Points[i].Signals {
		if r := c.Signals[si].Rule; !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// Float is a convenience for drawing: the nearest float64.
func Float(r *big.Rat) float64 {
	f, _ := r.Float64()
	return f
}
