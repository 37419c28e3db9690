package spc

import (
	"fmt"
	"strings"
)

// String is the meaning in a word or two.
func (m Meaning) String() string {
	switch m {
	case Improvement:
		return "improvement"
	case Concern:
		return "concern"
	case Higher:
		return "higher"
	case Lower:
		return "lower"
	}
	return "no signal"
}

// String names a variation as the chart's table shows it.
func (v Variation) String() string {
	switch v {
	case High:
		return "special cause, high"
	case Low:
		return "special cause, low"
	}
	return "common cause"
}

// label names point i: by labels[i] when given (a date), else "point i+1".
func label(labels []string, i int) string {
	if i < len(labels) && labels[i] != "" {
		return labels[i]
	}
	return fmt.Sprintf("point %d", i+1)
}

// Describe says what a signal is in a sentence, naming its points by
// labels (dates) where given.
func (s Signal) Describe(labels []string) string {
	first, last := label(labels, s.Points[0]), label(labels, s.Points[len(s.Points)-1])
	n := len(s.Points)
	switch s.Rule {
	case RuleOutside:
		if s.High {
			return first + " is above the upper process limit"
		}
		return first + " is below the lower process limit"
	case RuleShift:
		side := "below"
		if s.High {
			side = "above"
		}
		return fmt.Sprintf("%d points in a row are %s the mean, from %s to %s", n, side, first, last)
	case RuleTrend:
		way := "falls"
		if s.High {
			way = "rises"
		}
		return fmt.Sprintf("%d points in a row: each %s from the one before, from %s to %s", n, way, first, last)
	}
	limit := "lower"
	if s.High {
		limit = "upper"
	}
	names := make([]string, n)
	for k, i := range s.Points {
		names[k] = label(labels, i)
	}
	return fmt.Sprintf("%s are close to the %s process limit (two of three points in a row beyond two-thirds of the way to it)",
		joinAnd(names), limit)
}

func joinAnd(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// Summary says in plain words what the chart shows: whether there is
// special cause variation and whether it is improvement or concern, what
// the latest point shows, and a warning when there are too few points.
func (c *Chart) Summary() string {
	var b strings.Builder
	counts := map[Meaning]int{}
	for _, s := range c.Signals {
		counts[s.Meaning(c.Direction)]++
	}
	switch {
	case len(c.Signals) == 0:
		b.WriteString("No signals: all the variation is common cause, what this process does on its own.")
	case c.Direction == Neutral:
		fmt.Fprintf(&b, "Special cause variation: %s of higher values and %s of lower values.",
			plural(counts[Higher], "signal"), plural(counts[Lower], "signal"))
	default:
		fmt.Fprintf(&b, "Special cause variation: %s of improvement and %s of concern.",
			plural(counts[Improvement], "signal"), plural(counts[Concern], "signal"))
	}
	last := c.Points[len(c.Points)-1]
	if m := MeaningOf(last.Variation, c.Direction); m == NoSignal {
		b.WriteString(" The latest point shows common cause variation.")
	} else {
		fmt.Fprintf(&b, " The latest point is part of a signal: %s.", m)
	}
	if c.FewPoints {
		fmt.Fprintf(&b, " With only %d points the limits are not yet reliable: Making Data Count asks for at least %d.",
			len(c.Points), MinReliablePoints)
	}
	return b.String()
}

func plural(n int, word string) string {
	switch n {
	case 0:
		return "no " + word + "s"
	case 1:
		return "one " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
