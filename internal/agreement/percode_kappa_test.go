package agreement

import (
	"math"
	"testing"
)

// TestPerCodeKappas works TestPerCode's data by hand for the kappas.
// A: both coders 1 1 0 0. Po = 1; each coder's share of "present" is 1/2,
// so Pe = 1/2 for Cohen, and the pooled share 4/8 gives Pe = 1/2 for
// Fleiss: both kappas 1. B: 0 1 0 1 against 0 0 1 1: Po = 1/2 (units 1
// and 4), Pe = 1/2: both 0. Pooled, eight units: Po = 6/8, each coder's
// share 4/8 and the pooled 8/16, Pe = 1/2: kappa = (.75 - .5)/.5 = .5.
// With a third coder Cohen's kappa is undefined and says why.
func TestPerCodeKappas(t *testing.T) {
	s := Sets{Coders: 2, Codes: []string{"A", "B"}, Cells: [][]int32{
		{0}, {0},
		{0, 1}, {0},
		{}, {1},
		{1}, {1},
	}}
	codes, all, err := PerCode(s)
	if err != nil {
		t.Fatal(err)
	}
	check := func(c CodeResult, want float64) {
		t.Helper()
		if c.CohenErr != nil || c.FleissErr != nil || math.Abs(c.Cohen.Value-want) > 1e-12 || math.Abs(c.Fleiss.Value-want) > 1e-12 {
			t.Errorf("%s: Cohen %v (%v), Fleiss %v (%v); want %v", c.Code, c.Cohen.Value, c.CohenErr, c.Fleiss.Value, c.FleissErr, want)
		}
	}
	check(codes[0], 1)
	check(codes[1], 0)
	check(all, .5)

	three := Sets{Coders: 3, Codes: []string{"A"}, Cells: [][]int32{{0}, {0}, {0}, {}, {}, {0}}}
	codes, _, _ = PerCode(three)
	if codes[0].CohenErr == nil || codes[0].FleissErr != nil {
		t.Errorf("three coders: Cohen %v, Fleiss %v", codes[0].CohenErr, codes[0].FleissErr)
	}
}
