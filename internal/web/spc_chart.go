package web

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/spc"
)

// spcChart is an XmR chart (internal/spc) drawn as inline SVG in the NHS
// "Making Data Count" style, followed on the page by its data table. It
// works with no JavaScript and no stylesheet. Nothing depends on colour:
// the mean is a solid line and the process limits dashed, each labelled in
// words; a point's shape says what it shows (a circle for common cause, a
// square for improvement, a diamond for concern, a triangle up or down for
// a neutral indicator's higher or lower), and the table says it in words.
type spcChart struct {
	ID, Title, Desc string
	Width, Height   int
	Left, Right     int
	Top, Bottom     int
	MeanY, UpperY   string
	LowerY          string
	MeanLabel       string
	UpperLabel      string
	LowerLabel      string
	Line            string
	Points          []spcPoint
	Ticks           []chartTick
	Key             []spcKey
	// In words, for the page around the chart.
	Summary string
	Signals []string
	Rows    []spcRow
}

// spcMark is a point's shape: a circle at X, Y, or the path D.
type spcMark struct {
	X, Y   string
	Circle bool
	D      string
	Fill   string
}

type spcPoint struct {
	Mark  spcMark
	Label string // the point in words, for its own <title>
}

type spcKey struct {
	Mark         spcMark
	Label        string
	TextX, TextY int
}

// newMark draws shape centred on x, y.
func newMark(shape, fill string, x, y float64) spcMark {
	m := spcMark{X: num(x), Y: num(y), Fill: fill}
	switch shape {
	case "square":
		m.D = fmt.Sprintf("M%s %s h10 v10 h-10 z", num(x-5), num(y-5))
	case "diamond":
		m.D = fmt.Sprintf("M%s %s l7 7 l-7 7 l-7 -7 z", num(x), num(y-7))
	case "up":
		m.D = fmt.Sprintf("M%s %s l7 12 h-14 z", num(x), num(y-7))
	case "down":
		m.D = fmt.Sprintf("M%s %s l7 -12 h-14 z", num(x), num(y+7))
	default:
		m.Circle = true
	}
	return m
}

type spcRow struct {
	Label, Value, MovingRange, Shows, Signals string
}

const (
	spcWidth, spcHeight = 720, 330
	spcLeft, spcRight   = 60, 560
	spcTop, spcBottom   = 60, 270
	// spcMaxTicks: with more points than this, every other (third…)
	// period is labelled on the axis; the table names them all.
	spcMaxTicks = 12
)

// spcLook is how each meaning is drawn.
var spcLook = map[spc.Meaning]struct{ shape, fill, key string }{
	spc.NoSignal:    {"circle", "#505a5f", "Common cause"},
	spc.Improvement: {"square", "#1d70b8", "Improvement"},
	spc.Concern:     {"diamond", "#b35c00", "Concern"},
	spc.Higher:      {"up", "#4c2c92", "Special cause, higher"},
	spc.Lower:       {"down", "#4c2c92", "Special cause, lower"},
}

// spcNumber writes a chart number for people: at most two decimal places
// (the table and the command give more), with a true minus sign.
func spcNumber(r *big.Rat) string {
	s, _ := measure.FormatDecimal(r, 2)
	return strings.Replace(s, "-", "\u2212", 1)
}

// newSPCChart draws c. labels name the points (periods or dates) and must
// be as many as the points.
func newSPCChart(id, name string, c *spc.Chart, labels []string) spcChart {
	v := spcChart{ID: id, Width: spcWidth, Height: spcHeight, Left: spcLeft, Right: spcRight, Top: spcTop, Bottom: spcBottom,
		Title: name + ": statistical process control chart", Summary: c.Summary()}
	lo, hi := spc.Float(c.Lower), spc.Float(c.Upper)
	for _, p := range c.Points {
		f := spc.Float(p.Value)
		lo, hi = min(lo, f), max(hi, f)
	}
	if hi == lo {
		lo, hi = lo-1, hi+1
	}
	pad := (hi - lo) * 0.05
	lo, hi = lo-pad, hi+pad
	yf := func(r *big.Rat) float64 {
		return spcBottom - (spc.Float(r)-lo)/(hi-lo)*(spcBottom-spcTop)
	}
	y := func(r *big.Rat) string { return num(yf(r)) }
	v.MeanY, v.UpperY, v.LowerY = y(c.Mean), y(c.Upper), y(c.Lower)
	v.MeanLabel = "Mean " + spcNumber(c.Mean)
	v.UpperLabel = "Upper limit " + spcNumber(c.Upper)
	v.LowerLabel = "Lower limit " + spcNumber(c.Lower)

	step := float64(spcRight-spcLeft) / float64(len(c.Points))
	every := (len(c.Points) + spcMaxTicks - 1) / spcMaxTicks
	used := map[spc.Meaning]bool{}
	var line []string
	for i, p := range c.Points {
		xf := float64(spcLeft) + step*(float64(i)+0.5)
		x := num(xf)
		m := spc.MeaningOf(p.Variation, c.Direction)
		used[m] = true
		look := spcLook[m]
		pt := spcPoint{Mark: newMark(look.shape, look.fill, xf, yf(p.Value)),
			Label: fmt.Sprintf("%s: %s, %s", labels[i], spcNumber(p.Value), strings.ToLower(look.key))}
		v.Points = append(v.Points, pt)
		line = append(line, pt.Mark.X+","+pt.Mark.Y)
		if i%every == 0 {
			v.Ticks = append(v.Ticks, chartTick{X: x, Label: labels[i]})
		}
		row := spcRow{Label: labels[i], Value: spcNumber(p.Value), MovingRange: "none (first point)", Shows: look.key,
			Signals: "none"}
		if p.MovingRange != nil {
			row.MovingRange = spcNumber(p.MovingRange)
		}
		if rs := c.Rules(i); len(rs) > 0 {
			words := make([]string, len(rs))
			for k, r := range rs {
				words[k] = spcRuleWords[r]
			}
			row.Signals = strings.Join(words, "; ")
		}
		v.Rows = append(v.Rows, row)
	}
	v.Line = strings.Join(line, " ")
	// The key shows only the shapes the chart uses, in a fixed order.
	kx := spcLeft
	for _, m := range []spc.Meaning{spc.NoSignal, spc.Improvement, spc.Concern, spc.Higher, spc.Lower} {
		if !used[m] {
			continue
		}
		look := spcLook[m]
		v.Key = append(v.Key, spcKey{Mark: newMark(look.shape, look.fill, float64(kx+7), 24), Label: look.key, TextX: kx + 20, TextY: 29})
		kx += 30 + 8*len(look.key)
	}
	for _, s := range c.Signals {
		v.Signals = append(v.Signals, sentence(s.Describe(labels))+": "+s.Meaning(c.Direction).String()+".")
	}
	v.Desc = fmt.Sprintf("%d points. Mean %s, process limits %s and %s. %s The table after the chart gives every value and signal.",
		len(c.Points), spcNumber(c.Mean), spcNumber(c.Lower), spcNumber(c.Upper), v.Summary)
	return v
}

// spcRuleWords names the rules in the table.
var spcRuleWords = map[spc.Rule]string{
	spc.RuleOutside:    "outside the process limits",
	spc.RuleShift:      "7 or more in a row one side of the mean",
	spc.RuleTrend:      "7 or more in a row rising or falling",
	spc.RuleTwoOfThree: "2 of 3 close to a process limit",
}

// sentence starts s with a capital letter (s starts with an ASCII letter or
// a digit: a label, or a rule's words).
func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
