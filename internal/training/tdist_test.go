package training

import (
	"math"
	"testing"
)

// TestTQuantile: the 97.5% points used for 95% intervals. Degrees of
// freedom 1 and 2 have closed forms (tan(π(p−½)); (2p−1)·√(2/(4p(1−p))));
// the others are the values printed in published t tables (to 3 decimals).
func TestTQuantile(t *testing.T) {
	closed := map[int]float64{
		1: math.Tan(math.Pi * 0.475),
		2: 0.95 * math.Sqrt(2/(4*0.975*0.025)),
	}
	for df, want := range closed {
		got, err := TQuantile(0.975, df)
		if err != nil || math.Abs(got-want) > 1e-9 {
			t.Errorf("df %d: %v (%v), want %v", df, got, err, want)
		}
	}
	table := map[int]float64{3: 3.182, 4: 2.776, 5: 2.571, 7: 2.365, 9: 2.262, 10: 2.228, 20: 2.086, 29: 2.045, 30: 2.042, 60: 2.000, 120: 1.980}
	for df, want := range table {
		got, err := TQuantile(0.975, df)
		if err != nil || math.Abs(got-want) > 0.0005 {
			t.Errorf("df %d: %v (%v), want %v", df, got, err, want)
		}
	}
	// Other tails from the same tables: t(0.95, 10) = 1.812, t(0.995, 5) = 4.032.
	if got, _ := TQuantile(0.95, 10); math.Abs(got-1.812) > 0.0005 {
		t.Errorf("t(0.95, 10) = %v", got)
	}
	if got, _ := TQuantile(0.995, 5); math.Abs(got-4.032) > 0.0005 {
		t.Errorf("t(0.995, 5) = %v", got)
	}
	if got, _ := TQuantile(0.5, 4); math.Abs(got) > 1e-9 {
		t.Errorf("median of t: %v", got)
	}
	for _, bad := range []struct {
		p  float64
		df int
	}{{0.975, 0}, {1, 5}, {0.4, 5}} {
		if _, err := TQuantile(bad.p, bad.df); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}
