package training

import (
	"math"
	"testing"
)

// Student's sleep data (Cushny and Peebles, as Student (1908) used them
// and R ships them as `sleep`): extra hours of sleep for ten patients on
// two drugs. The paired t interval for drug 2 − drug 1 that R's
// t.test(paired = TRUE) prints is 0.7001142 to 2.4598858, mean 1.58.
func TestPairedChangeStudentsSleep(t *testing.T) {
	drug1 := []float64{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0}
	drug2 := []float64{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4}
	var ps []Pair
	for i := range drug1 {
		ps = append(ps, Pair{drug1[i], drug2[i]})
	}
	c, err := PairedChange(ps)
	if err != nil {
		t.Fatal(err)
	}
	if c.N != 10 || math.Abs(c.Mean-1.58) > 1e-12 || math.Abs(c.Lower-0.7001142) > 5e-8 || math.Abs(c.Upper-2.4598858) > 5e-8 {
		t.Errorf("got %+v", c)
	}
	if w := c.Words(); w != "Confidence went up, by 1.6 points on average (95% interval 0.7 to 2.5)." {
		t.Errorf("words: %s", w)
	}
}

// A hand-worked case on a 1 to 5 scale: eight people, differences
// 1 2 0 1 2 1 1 0. Mean 1; squared deviations 0 1 1 0 1 0 0 1 sum to 4,
// so s = √(4/7) = 0.755929, se = s/√8 = 0.267261; t(0.975, 7) = 2.364624,
// so the interval is 1 ± 0.631972.
func TestPairedChangeHandWorked(t *testing.T) {
	before := []float64{2, 1, 3, 2, 2, 3, 1, 4}
	after := []float64{3, 3, 3, 3, 4, 4, 2, 4}
	var ps []Pair
	for i := range before {
		ps = append(ps, Pair{before[i], after[i]})
	}
	c, _ := PairedChange(ps)
	if math.Abs(c.Mean-1) > 1e-12 || math.Abs(c.Lower-0.368028) > 1e-6 || math.Abs(c.Upper-1.631972) > 1e-6 ||
		c.BeforeMean != 2.25 || c.AfterMean != 3.25 {
		t.Errorf("got %+v", c)
	}
	// Swapped, it went down by the same.
	for i := range ps {
		ps[i].Before, ps[i].After = ps[i].After, ps[i].Before
	}
	d, _ := PairedChange(ps)
	if w := d.Words(); w != "Confidence went down, by 1.0 points on average (95% interval −1.6 to −0.4)." {
		t.Errorf("words: %s", w)
	}
}

func TestPairedChangeCannotTell(t *testing.T) {
	// Differences 1, −1, 0: mean 0, s = 1, so the interval straddles 0.
	c, _ := PairedChange([]Pair{{2, 3}, {3, 2}, {4, 4}})
	if c.Words() != "We cannot tell whether confidence changed: on average 0.0 points (95% interval −2.5 to 2.5)." {
		t.Errorf("words: %s", c.Words())
	}
	one, _ := PairedChange([]Pair{{1, 5}})
	if one.IntervalKnown || one.Words() != "Too few people answered both times to tell." {
		t.Errorf("one pair: %+v", one)
	}
	if _, err := PairedChange(nil); err == nil {
		t.Error("no pairs accepted")
	}
}
