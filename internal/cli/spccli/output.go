package spccli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/coprod/coprod/internal/csvcell"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/spc"
)

type writer func(w io.Writer, c *spc.Chart, s *Series) error

var writers = map[string]writer{"json": writeJSON, "csv": writeCSV, "text": writeText}

// places is how many decimal places a mean or limit is shown to when it
// does not end sooner (77/15 is 5.133333).
const places = 6

func num(r *big.Rat) string {
	s, _ := measure.FormatDecimal(r, places)
	return s
}

func optNum(r *big.Rat) string {
	if r == nil {
		return ""
	}
	return num(r)
}

// labels names points by date in words, or nil when there are no dates.
func labels(s *Series) []string {
	if s.Dates == nil {
		return nil
	}
	out := make([]string, len(s.Dates))
	for i, d := range s.Dates {
		out[i] = d.Words()
	}
	return out
}

func rules(c *spc.Chart, i int) []string {
	out := []string{}
	for _, r := range c.Rules(i) {
		out = append(out, string(r))
	}
	return out
}

type jsonSignal struct {
	Rule        string `json:"rule"`
	High        bool   `json:"high"`
	Meaning     string `json:"meaning"`
	Points      []int  `json:"points"`
	Description string `json:"description"`
}

type jsonPoint struct {
	Point       int          `json:"point"`
	Date        string       `json:"date,omitempty"`
	Value       json.Number  `json:"value"`
	MovingRange *json.Number `json:"moving_range"`
	Side        string       `json:"side"`
	Variation   string       `json:"variation"`
	Meaning     string       `json:"meaning"`
	Signals     []string     `json:"signals"`
}

type jsonChart struct {
	Direction       string       `json:"direction"`
	Points          int          `json:"points"`
	Mean            json.Number  `json:"mean"`
	MeanMovingRange json.Number  `json:"mean_moving_range"`
	UpperLimit      json.Number  `json:"upper_process_limit"`
	LowerLimit      json.Number  `json:"lower_process_limit"`
	NearUpper       json.Number  `json:"two_thirds_to_upper"`
	NearLower       json.Number  `json:"two_thirds_to_lower"`
	FewPoints       bool         `json:"fewer_than_15_points"`
	Summary         string       `json:"summary"`
	Signals         []jsonSignal `json:"signals"`
	Series          []jsonPoint  `json:"series"`
}

var sideWords = map[spc.Side]string{spc.Above: "above", spc.Below: "below", spc.OnMean: "on the mean"}

func writeJSON(w io.Writer, c *spc.Chart, s *Series) error {
	out := jsonChart{
		Direction: c.Direction.String(), Points: len(c.Points),
		Mean: json.Number(num(c.Mean)), MeanMovingRange: json.Number(num(c.MeanMovingRange)),
		UpperLimit: json.Number(num(c.Upper)), LowerLimit: json.Number(num(c.Lower)),
		NearUpper: json.Number(num(c.NearUpper)), NearLower: json.Number(num(c.NearLower)),
		FewPoints: c.FewPoints, Summary: c.Summary(), Signals: []jsonSignal{},
	}
	names := labels(s)
	for _, sg := range c.Signals {
		js := jsonSignal{Rule: string(sg.Rule), High: sg.High, Meaning: sg.Meaning(c.Direction).String(),
			Description: sg.Describe(names)}
		for _, i := range sg.Points {
			js.Points = append(js.Points, i+1)
		}
		out.Signals = append(out.Signals, js)
	}
	for i, p := range c.Points {
		jp := jsonPoint{Point: i + 1, Value: json.Number(num(p.Value)), Side: sideWords[p.Side],
			Variation: p.Variation.String(), Meaning: spc.MeaningOf(p.Variation, c.Direction).String(), Signals: rules(c, i)}
		if s.Dates != nil {
			jp.Date = s.Dates[i].ISO()
		}
		if p.MovingRange != nil {
			mr := json.Number(num(p.MovingRange))
			jp.MovingRange = &mr
		}
		out.Series = append(out.Series, jp)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

var csvHeader = []string{"point", "date", "value", "moving_range", "mean", "lower_process_limit", "upper_process_limit",
	"variation", "meaning", "signals"}

// writeCSV writes one row per point, the chart's lines repeated on each row
// so that a spreadsheet can draw them.
func writeCSV(w io.Writer, c *spc.Chart, s *Series) error {
	cw := csvcell.NewWriter(w)
	cw.Write(csvHeader)
	for i, p := range c.Points {
		date := ""
		if s.Dates != nil {
			date = s.Dates[i].ISO()
		}
		cw.Write([]string{strconv.Itoa(i + 1), date, num(p.Value), optNum(p.MovingRange), num(c.Mean), num(c.Lower), num(c.Upper),
			p.Variation.String(), spc.MeaningOf(p.Variation, c.Direction).String(), strings.Join(rules(c, i), ";")})
	}
	return cw.Flush()
}

var directionWords = map[spc.Direction]string{
	spc.Up: "higher is better", spc.Down: "lower is better", spc.Neutral: "neither higher nor lower is better",
}

// writeText writes the chart for reading: the lines, the summary in
// words, each signal, then a table of the points. Signals are words, so
// nothing depends on colour.
func writeText(w io.Writer, c *spc.Chart, s *Series) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "XmR chart of %d points (%s)\n", len(c.Points), directionWords[c.Direction])
	fmt.Fprintf(b, "Mean %s; mean moving range %s\n", num(c.Mean), num(c.MeanMovingRange))
	fmt.Fprintf(b, "Process limits: lower %s, upper %s\n", num(c.Lower), num(c.Upper))
	fmt.Fprintf(b, "Two-thirds of the way to them: %s and %s\n\n", num(c.NearLower), num(c.NearUpper))
	fmt.Fprintln(b, c.Summary())
	names := labels(s)
	if len(c.Signals) > 0 {
		fmt.Fprintln(b, "\nSignals:")
		for k, sg := range c.Signals {
			fmt.Fprintf(b, "  %d. %s: %s\n", k+1, sg.Describe(names), sg.Meaning(c.Direction))
		}
	}
	fmt.Fprintln(b)
	tw := tabwriter.NewWriter(b, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "point\tdate\tvalue\tmoving range\tvariation\tsignals")
	for i, p := range c.Points {
		date := "-"
		if s.Dates != nil {
			date = s.Dates[i].ISO()
		}
		sig := strings.Join(rules(c, i), ", ")
		if sig == "" {
			sig = "-"
		}
		mr := optNum(p.MovingRange)
		if mr == "" {
			mr = "-"
		}
		shows := "common cause"
		if p.Variation != spc.Common {
			shows = spc.MeaningOf(p.Variation, c.Direction).String()
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", i+1, date, num(p.Value), mr, shows, sig)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return b.Flush()
}
