package web

import (
	"fmt"
	"math/big"
	"strconv"

	"github.com/coprod/coprod/internal/measure"
)

// valueChart is an inline SVG line chart of one indicator's reported
// values against its target, period by period. It works with no
// JavaScript and no stylesheet; the page shows the same numbers in a table
// beside it. Values are shapes with their numbers written next to them and
// the target a dashed line labelled in words, so nothing depends on colour.
type valueChart struct {
	ID, Title, Desc string
	Width, Height   int
	Left, Right     int
	Top, Bottom     int
	TargetY         string
	TargetLabel     string
	Line            string // points of the reported values' line, period order
	Points          []chartPoint
	Ticks           []chartTick
}

type chartPoint struct {
	X, Y    string
	Label   string // the value, or "missing"
	Missing bool
}

type chartTick struct {
	X, Label string
}

const (
	vcWidth, vcHeight   = 640, 260
	vcLeft, vcRight     = 60, 620
	vcTop, vcBottom     = 30, 210
	vcMissingLabelShift = 14
)

// newValueChart draws values (nil when missing) for the periods against
// target. The y axis runs from 0 (or the lowest value) to a little above
// the highest of the values and the target.
func newValueChart(id, name string, periods []string, values []*big.Rat, target *big.Rat) valueChart {
	c := valueChart{ID: id, Width: vcWidth, Height: vcHeight, Left: vcLeft, Right: vcRight, Top: vcTop, Bottom: vcBottom,
		Title: name + ": value reported each period against the target"}
	lo, hi := 0.0, 0.0
	consider := func(r *big.Rat) {
		if r == nil {
			return
		}
		f, _ := r.Float64()
		lo, hi = min(lo, f), max(hi, f)
	}
	consider(target)
	for _, v := range values {
		consider(v)
	}
	if hi == lo {
		hi = lo + 1
	}
	hi += (hi - lo) * 0.1
	y := func(r *big.Rat) float64 {
		f, _ := r.Float64()
		return vcBottom - (f-lo)/(hi-lo)*(vcBottom-vcTop)
	}
	step := float64(vcRight-vcLeft) / float64(max(len(periods), 1))
	reported, missing := 0, 0
	for i, p := range periods {
		x := float64(vcLeft) + step*(float64(i)+0.5)
		c.Ticks = append(c.Ticks, chartTick{X: num(x), Label: p})
		if values[i] == nil {
			missing++
			c.Points = append(c.Points, chartPoint{X: num(x), Y: num(vcBottom - vcMissingLabelShift), Label: "missing", Missing: true})
			continue
		}
		reported++
		pt := chartPoint{X: num(x), Y: num(y(values[i])), Label: measure.Dec(values[i])}
		c.Points = append(c.Points, pt)
		if c.Line != "" {
			c.Line += " "
		}
		c.Line += pt.X + "," + pt.Y
	}
	if target != nil {
		c.TargetY, c.TargetLabel = num(y(target)), "Target "+measure.Dec(target)
	}
	c.Desc = fmt.Sprintf("%d of %d periods reported, %d missing.", reported, len(periods), missing)
	if target != nil {
		c.Desc += " The dashed line is the target of " + measure.Dec(target) + "."
	}
	c.Desc += " The table after the chart gives every value."
	return c
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
