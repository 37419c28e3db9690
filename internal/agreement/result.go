package agreement

import (
	"fmt"
	"math"
)

// Level is the level of measurement alpha compares values at.
type Level int

// The four levels of Krippendorff's alpha.
const (
	Nominal Level = iota
	Ordinal
	Interval
	Ratio
)

var levelNames = [...]string{"nominal", "ordinal", "interval", "ratio"}

func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return fmt.Sprintf("Level(%d)", int(l))
	}
	return levelNames[l]
}

// ParseLevel reads "nominal", "ordinal", "interval" or "ratio".
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if s == n {
			return Level(i), nil
		}
	}
	return 0, fmt.Errorf("unknown level %q (the levels are nominal, ordinal, interval and ratio)", s)
}

// Result is one agreement figure and the counts it rests on.
type Result struct {
	Metric string  // "alpha", "fleiss", "cohen" or "percent"
	Level  Level   // the level (alpha only; nominal for the others)
	Value  float64 // the figure; NaN when it is undefined
	// Observed and Expected are alpha's observed and expected disagreement
	// (Do, De), or a kappa's observed and chance agreement (Po, Pe); for
	// percent agreement Observed is the share of agreeing pairs.
	Observed, Expected float64
	Units              int // rows in the data
	Coders             int // columns in the data
	PairableUnits      int // units with at least two values (for Cohen, units both coders coded)
	Pairable           int // the values in those units: alpha's n
	Pairs              int // pairs of values within units
	// MinPerUnit and MaxPerUnit are the fewest and most values in a
	// pairable unit (Fleiss (1971) assumes they are equal).
	MinPerUnit, MaxPerUnit int
}

// UndefinedError says why a figure cannot be computed from the data.
type UndefinedError struct {
	Metric string
	Reason string
}

func (e *UndefinedError) Error() string {
	return fmt.Sprintf("%s is undefined: %s", e.Metric, e.Reason)
}

func undefined(r *Result, reason string) error {
	r.Value = math.NaN()
	return &UndefinedError{Metric: r.Metric, Reason: reason}
}

// Metrics lists the metrics Compute knows, in the order people meet them.
var Metrics = []string{"alpha", "fleiss", "cohen", "percent"}

// Compute runs the named metric ("alpha", "fleiss", "cohen" or "percent")
// on a table; the level matters for alpha only.
func Compute(metric string, t Table, level Level) (Result, error) {
	switch metric {
	case "alpha":
		return Alpha(t, level)
	case "fleiss":
		return Fleiss(t)
	case "cohen":
		return Cohen(t)
	case "percent":
		return Percent(t)
	}
	return Result{}, fmt.Errorf("agreement: unknown metric %q (the metrics are alpha, fleiss, cohen and percent)", metric)
}
