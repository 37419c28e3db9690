package ocds

import (
	"encoding/json"
	"testing"
)

// FuzzAmount checks that reading an amount never panics, and that every
// amount it accepts is written back as the same number of pence.
func FuzzAmount(f *testing.F) {
	for _, s := range []string{"0", "1234.56", "-0.05", "1.5", "92233720368547758.07", "-92233720368547758.08", "92233720368547758.08", "1e3", "01", "1.", ".5", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var a Amount
		if err := a.UnmarshalJSON([]byte(s)); err != nil {
			return
		}
		out, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var back Amount
		if err := back.UnmarshalJSON(out); err != nil || back != a {
			t.Fatalf("%q → %d → %s → %d, %v", s, a, out, back, err)
		}
	})
}
