package agreement

import (
	"errors"
	"math"
	"testing"
)

// FuzzAgreement reads bytes as a table (the first byte the number of
// coders, each further byte a cell: a value index, or missing) and checks
// that nothing panics, that alpha matches the slow reference at every
// level, that an undefined figure is NaN with an *UndefinedError, and that
// the kappas and percent agreement stay within their ranges.
func FuzzAgreement(f *testing.F) {
	f.Add([]byte{4, 1, 1, 0, 1, 2, 2, 3, 2, 3, 3, 3, 3})
	f.Add([]byte{1, 1, 2, 3})
	f.Add([]byte{2, 0, 0, 0, 0})
	f.Add([]byte{3, 6, 6, 6, 6, 6, 6})
	f.Add([]byte{2, 1, 2, 2, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 || len(data) > 400 {
			return
		}
		values := []float64{0, 0.5, 1, 4, 9, 100}
		tab := Table{Coders: 1 + int(data[0])%6, Values: values}
		for _, b := range data[1:] {
			c := int32(b % 7)
			if c == 6 {
				c = Missing
			}
			tab.Cells = append(tab.Cells, c)
		}
		tab.Cells = tab.Cells[:len(tab.Cells)/tab.Coders*tab.Coders]
		for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
			sameAlpha(t, tab, level)
		}
		for _, m := range Metrics {
			r, err := Compute(m, tab, Nominal)
			var u *UndefinedError
			switch {
			case errors.As(err, &u):
				if !math.IsNaN(r.Value) || u.Reason == "" {
					t.Fatalf("%s undefined without NaN or reason: %v %v", m, r.Value, err)
				}
			case err != nil:
				t.Fatalf("%s: %v", m, err)
			case math.IsNaN(r.Value) || r.Value > 1+1e-12:
				t.Fatalf("%s = %v", m, r.Value)
			case m == "percent" && r.Value < 0:
				t.Fatalf("percent = %v", r.Value)
			}
		}
	})
}
