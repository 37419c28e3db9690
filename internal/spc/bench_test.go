package spc

import (
	"math/big"
	"testing"
)

// benchSeries is n values: a step from 0 to 100 halfway (the worst case
// for two of three: nearly every point is beyond two-thirds, one long
// signal), or a repeating ramp 0…9 with no signal beyond short trends.
func benchSeries(n int, step bool) []*big.Rat {
	vs := make([]*big.Rat, n)
	for i := range vs {
		v := int64(i % 10)
		if step {
			v = 0
			if i >= n/2 {
				v = 100
			}
		}
		vs[i] = big.NewRat(v, 1)
	}
	return vs
}

func BenchmarkNew100kStep(b *testing.B) {
	vs := benchSeries(100_000, true)
	for b.Loop() {
		if _, err := New(vs, Up); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNew100kRamp(b *testing.B) {
	vs := benchSeries(100_000, false)
	for b.Loop() {
		if _, err := New(vs, Up); err != nil {
			b.Fatal(err)
		}
	}
}

// The step's two-of-three signal covers every point beyond two-thirds of
// the way to a limit: with the mean at 50 and the limits about 50 ±
// 2.66 × 100/999 (one jump of 100 in 999 moving ranges), that is all of
// them.
func TestStepIsOneSignalOfEveryPoint(t *testing.T) {
	c, err := New(benchSeries(1000, true), Up)
	if err != nil {
		t.Fatal(err)
	}
	var twoOfThree []Signal
	for _, s := range c.Signals {
		if s.Rule == RuleTwoOfThree {
			twoOfThree = append(twoOfThree, s)
		}
	}
	// One signal above (points 501–1000) and one below (1–500).
	if len(twoOfThree) != 2 || len(twoOfThree[0].Points)+len(twoOfThree[1].Points) != 1000 {
		t.Errorf("two of three: %d signals", len(twoOfThree))
	}
}
