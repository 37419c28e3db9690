package qdacli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/coprod/coprod/internal/agreement"
)

// report is what "coprod qda agreement" prints.
type report struct {
	coders []string
	res    agreement.Result
	ci     *agreement.CI
	err    error // why the figure is undefined, or nil
}

func compute(d reliabilityData, a agreementArgs) report {
	rep := report{coders: d.coders}
	if a.metric == "alpha" && a.samples > 0 {
		res, ci, err := agreement.AlphaCI(d.table, a.level, a.samples, a.seed)
		rep.res, rep.err = res, err
		if err == nil {
			rep.ci = &ci
		}
		return rep
	}
	rep.res, rep.err = agreement.Compute(a.metric, d.table, a.level)
	return rep
}

// metricNames are the figures' names as people write them.
var metricNames = map[string]string{
	"alpha":   "Krippendorff's alpha",
	"fleiss":  "Fleiss' kappa",
	"cohen":   "Cohen's kappa",
	"percent": "Percent agreement",
}

func (rep report) write(w io.Writer, format string) error {
	if format == "json" {
		return rep.writeJSON(w)
	}
	return rep.writeText(w)
}

type jsonInterval struct {
	Low     float64 `json:"low"`
	High    float64 `json:"high"`
	Samples int     `json:"samples"`
	Draws   int     `json:"pairs_drawn_per_sample"`
	Seed    uint64  `json:"seed"`
}

type jsonReport struct {
	Metric         string        `json:"metric"`
	Level          string        `json:"level,omitempty"`
	Value          *float64      `json:"value"`
	Undefined      string        `json:"undefined,omitempty"`
	Interval       *jsonInterval `json:"interval_95,omitempty"`
	Observed       *float64      `json:"observed"`
	Expected       *float64      `json:"expected,omitempty"`
	Units          int           `json:"units"`
	PairableUnits  int           `json:"pairable_units"`
	Coders         []string      `json:"coders"`
	PairableValues int           `json:"pairable_values"`
	Pairs          int           `json:"pairs"`
	MinPerUnit     int           `json:"min_values_per_unit"`
	MaxPerUnit     int           `json:"max_values_per_unit"`
}

// finite returns a pointer to x, or nil when x is NaN (JSON has no NaN).
func finite(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

func (rep report) writeJSON(w io.Writer) error {
	r := rep.res
	j := jsonReport{
		Metric: r.Metric, Value: finite(r.Value), Observed: finite(r.Observed),
		Units: r.Units, PairableUnits: r.PairableUnits, Coders: rep.coders,
		PairableValues: r.Pairable, Pairs: r.Pairs, MinPerUnit: r.MinPerUnit, MaxPerUnit: r.MaxPerUnit,
	}
	if r.Metric != "percent" {
		j.Expected = finite(r.Expected)
	}
	if r.Metric == "alpha" {
		j.Level = r.Level.String()
	}
	var u *agreement.UndefinedError
	if errors.As(rep.err, &u) {
		j.Undefined = u.Reason
		j.Observed, j.Expected = nil, nil
	}
	if rep.ci != nil {
		j.Interval = &jsonInterval{Low: rep.ci.Low, High: rep.ci.High, Samples: rep.ci.Samples, Draws: rep.ci.Draws, Seed: rep.ci.Seed}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(j)
}

func (rep report) writeText(out io.Writer) error {
	r := rep.res
	w := &strings.Builder{}
	name := metricNames[r.Metric]
	if r.Metric == "alpha" {
		name += " (" + r.Level.String() + ")"
	}
	var u *agreement.UndefinedError
	switch {
	case errors.As(rep.err, &u):
		fmt.Fprintf(w, "%s: undefined, because %s\n", name, u.Reason)
	default:
		fmt.Fprintf(w, "%s: %.3f\n", name, r.Value)
	}
	if rep.ci != nil {
		fmt.Fprintf(w, "95%% interval: %.3f to %.3f (bootstrap of %d samples of %d pairs, seed %d)\n",
			rep.ci.Low, rep.ci.High, rep.ci.Samples, rep.ci.Draws, rep.ci.Seed)
	}
	if u == nil {
		switch r.Metric {
		case "alpha":
			fmt.Fprintf(w, "Disagreement: observed %.4f, expected by chance %.4f\n", r.Observed, r.Expected)
		case "fleiss", "cohen":
			fmt.Fprintf(w, "Agreement: observed %.4f, expected by chance %.4f\n", r.Observed, r.Expected)
		}
	}
	fmt.Fprintf(w, "Units: %d, of which %d have values from two or more coders\n", r.Units, r.PairableUnits)
	fmt.Fprintf(w, "Coders: %d\n", len(rep.coders))
	fmt.Fprintf(w, "Pairable values: %d, in %d pairs\n", r.Pairable, r.Pairs)
	if r.Metric == "fleiss" && r.MinPerUnit != r.MaxPerUnit {
		fmt.Fprintf(w, "Values per unit: from %d to %d (Fleiss assumes the same number; each unit's share uses its own)\n", r.MinPerUnit, r.MaxPerUnit)
	}
	_, err := io.WriteString(out, w.String())
	return err
}
