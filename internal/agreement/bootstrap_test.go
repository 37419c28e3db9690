package agreement

import (
	"math"
	"testing"
)

func TestAlphaCI(t *testing.T) {
	tab := table(t, krippendorff2011)
	for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
		r, ci, err := AlphaCI(tab, level, 5000, DefaultSeed)
		if err != nil {
			t.Fatal(err)
		}
		if !(ci.Low <= r.Value && r.Value <= ci.High) || ci.Low < -1 || ci.High > 1 || ci.Low == ci.High {
			t.Errorf("%s: alpha %.3f outside or at the edge of its interval [%.3f, %.3f]", level, r.Value, ci.Low, ci.High)
		}
		// 4 coders, n = 40: at most (4-1)*40/2 = 60 pairs a sample.
		if ci.Draws > 60 || ci.Draws < 1 {
			t.Errorf("%s: %d draws a sample", level, ci.Draws)
		}
		_, again, _ := AlphaCI(tab, level, 5000, DefaultSeed)
		if again != ci {
			t.Errorf("%s: the same seed gave %+v then %+v", level, ci, again)
		}
		t.Logf("%s alpha %.3f, 95%% interval [%.3f, %.3f], %d draws a sample", level, r.Value, ci.Low, ci.High, ci.Draws)
	}
	_, other, _ := AlphaCI(tab, Nominal, 5000, DefaultSeed+1)
	_, first, _ := AlphaCI(tab, Nominal, 5000, DefaultSeed)
	if other == first {
		t.Error("another seed gave the very same interval")
	}
	if _, _, err := AlphaCI(tab, Nominal, 999, DefaultSeed); err == nil {
		t.Error("999 samples accepted")
	}
	// Perfect agreement on two values: units 1 1, 2 2, 2 2. Every drawn
	// pair agrees, so every sample's alpha is 1. The correction for small
	// data then counts as 0 as many samples as the chance that all P = 3 of
	// the data's pairs are of one value: (o_11/n)^3 + (o_22/n)^3 = (2/6)^3 +
	// (4/6)^3 = 1/3, so 333 of 1000 samples; sorted, the 25th is 0 and the
	// 976th is 1.
	perfect := table(t, [][]float64{{1, 1}, {2, 2}, {2, 2}})
	r, ci, err := AlphaCI(perfect, Nominal, 1000, DefaultSeed)
	if err != nil || r.Value != 1 || ci.Low != 0 || ci.High != 1 {
		t.Errorf("perfect agreement: alpha %v, interval [%v, %v], %v", r.Value, ci.Low, ci.High, err)
	}
	if _, ci, err := AlphaCI(table(t, [][]float64{{1}}), Nominal, 1000, 1); err == nil || !math.IsNaN(ci.Low) {
		t.Errorf("undefined alpha gave an interval: %+v %v", ci, err)
	}
}
