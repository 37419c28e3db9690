package web

import (
	"fmt"
	"strconv"
)

// Charts are drawn as inline SVG computed here, so they need no
// JavaScript and no stylesheet. Each chart is an image with a title and a
// description, every bar carries a text label with its series and value,
// and series differ by pattern as well as colour; the page puts the same
// numbers in a table after each chart.

// chartPatterns are the fills of the series, in order: solid, diagonal
// stripes, dots, cross-hatching, horizontal lines. Colours are dark enough
// for 3:1 contrast with the white page.
var chartPatterns = []struct{ Name, Colour string }{
	{"solid", "#1d70b8"}, {"stripes", "#5a2c82"}, {"dots", "#00703c"}, {"cross", "#8a3b00"}, {"lines", "#0b0c0c"},
}

// chartSeries is a series in a chart's key.
type chartSeries struct {
	Label   string
	Fill    string // url(#pattern) of this chart
	Pattern string // the pattern's name, for the template's <defs>
	Colour  string
	PatID   string
	X, Y    int // where the key swatch goes
}

type chartBar struct {
	X, Y, W, H   int
	Fill         string
	Text         string
	TextX, TextY int
}

type chartGroup struct {
	Label  string
	LabelY int
	Bars   []chartBar
}

// barChart is a horizontal bar chart: groups of bars, one per series.
type barChart struct {
	ID, Title, Desc string
	Width, Height   int
	Series          []chartSeries
	Groups          []chartGroup
}

// Labels go on a line of their own above their bars, so long names never
// run into the bars.
const (
	chartWidth = 720
	chartLeft  = 10
	chartTextW = 230 // room for value labels after the longest bar
	chartBarH  = 18
)

func newSeries(id string, labels []string) []chartSeries {
	out := make([]chartSeries, len(labels))
	for i, l := range labels {
		p := chartPatterns[i%len(chartPatterns)]
		pid := id + "-" + p.Name
		out[i] = chartSeries{Label: l, Fill: "url(#" + pid + ")", Pattern: p.Name, Colour: p.Colour, PatID: pid,
			X: 10 + (i%3)*235, Y: 12 + (i/3)*24}
	}
	return out
}

// chartGroupIn is one group's values, one per series; text writes a value.
type chartGroupIn struct {
	Label  string
	Values []float64
}

// newBarChart lays out the bars. max is the value of a full-width bar (1
// for shares); 0 means the largest value.
func newBarChart(id, title, desc string, series []string, groups []chartGroupIn, max float64, text func(float64) string) *barChart {
	c := &barChart{ID: id, Title: title, Desc: desc, Width: chartWidth, Series: newSeries(id, series)}
	if max <= 0 {
		for _, g := range groups {
			for _, v := range g.Values {
				if v > max {
					max = v
				}
			}
		}
	}
	if max <= 0 {
		max = 1
	}
	y := 12 + ((len(series)+2)/3)*24 + 8
	span := float64(chartWidth - chartLeft - chartTextW)
	for _, g := range groups {
		cg := chartGroup{Label: g.Label, LabelY: y + 14}
		y += 22
		for i, v := range g.Values {
			w := int(span * v / max)
			if v > 0 && w < 2 {
				w = 2 // a small value still shows
			}
			s := c.Series[i]
			cg.Bars = append(cg.Bars, chartBar{X: chartLeft, Y: y, W: w, H: chartBarH, Fill: s.Fill,
				Text: s.Label + ": " + text(v), TextX: chartLeft + w + 6, TextY: y + 14})
			y += chartBarH + 4
		}
		c.Groups = append(c.Groups, cg)
		y += 12
	}
	c.Height = y + 4
	return c
}

// timelineTurn is one turn drawn in its speaker's lane.
type timelineTurn struct {
	X, W int
}

type timelineLane struct {
	Label string
	Y     int
	TextY int
	Fill  string
	Turns []timelineTurn
}

type timelineTick struct {
	X    int
	Text string
}

// timelineChart shows each participant's turns along the session.
type timelineChart struct {
	ID, Title, Desc string
	Width, Height   int
	Series          []chartSeries
	Lanes           []timelineLane
	Ticks           []timelineTick
	AxisY, AxisEnd  int
	AxisLabel       string
	LaneX           int
	LaneH           int
}

// turnSpan is a turn's place on the time axis: milliseconds when the
// transcript is timed, utterance numbers otherwise.
type turnSpan struct {
	Lane       int
	Start, End float64
}

func newTimeline(id, title, desc string, lanes []string, turns []turnSpan, end float64, timed bool) *timelineChart {
	const laneH, laneGap = 22, 10
	c := &timelineChart{ID: id, Title: title, Desc: desc, Width: chartWidth, Series: newSeries(id, lanes), LaneX: chartLeft}
	if end <= 0 {
		end = 1
	}
	span := float64(chartWidth - chartLeft - 30)
	x := func(v float64) int { return chartLeft + int(span*v/end) }
	y := 8
	counts := make([]int, len(lanes))
	for _, t := range turns {
		counts[t.Lane]++
	}
	for i, l := range lanes {
		unit := "turns"
		if counts[i] == 1 {
			unit = "turn"
		}
		c.Lanes = append(c.Lanes, timelineLane{Label: fmt.Sprintf("%s: %d %s", l, counts[i], unit), TextY: y + 14, Y: y + 20, Fill: c.Series[i].Fill})
		y += 20 + laneH + laneGap
	}
	for _, t := range turns {
		w := x(t.End) - x(t.Start)
		if w < 2 {
			w = 2
		}
		c.Lanes[t.Lane].Turns = append(c.Lanes[t.Lane].Turns, timelineTurn{X: x(t.Start), W: w})
	}
	c.AxisY, c.AxisEnd = y, chartLeft+int(span)
	c.AxisLabel = "Utterances in order"
	if timed {
		c.AxisLabel = "Time from the start, in seconds"
	}
	for i := 0; i <= 4; i++ {
		v := end * float64(i) / 4
		text := strconv.Itoa(int(v/1000+0.5)) + " s"
		if !timed {
			text = strconv.Itoa(int(v + 0.5))
		}
		c.Ticks = append(c.Ticks, timelineTick{X: x(v), Text: text})
	}
	c.LaneH = laneH
	c.Height = y + 48
	return c
}
