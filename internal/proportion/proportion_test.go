package proportion

import (
	"math"
	"strings"
	"testing"
)

// near compares to the four decimals the published tables give.
func near(got, want float64) bool { return math.Abs(got-want) < 0.00005 }

// Newcombe (1998a), Table II, method 3 (Wilson's score interval without
// continuity correction): the worked examples 81/263, 15/148, 0/20, 1/29
// and 29/29.
func TestWilsonPublishedExamples(t *testing.T) {
	cases := []struct {
		x, n         int
		lower, upper float64
	}{
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 20, 0, 0.1611},
		{1, 29, 0.0061, 0.1718},
		{29, 29, 0.8830, 1},
	}
	for _, c := range cases {
		iv, err := Wilson(Proportion{c.x, c.n})
		if err != nil {
			t.Fatal(err)
		}
		if !near(iv.Lower, c.lower) || !near(iv.Upper, c.upper) {
			t.Errorf("%d/%d: %.4f to %.4f, want %.4f to %.4f", c.x, c.n, iv.Lower, iv.Upper, c.lower, c.upper)
		}
	}
}

// A hand-worked case: 8 of 10. z² = 3.841459; centre 0.8 + 3.841459/20 =
// 0.992073; half-width z × √(0.16/10 + 3.841459/400) = 1.959964 ×
// √0.0256036 = 1.959964 × 0.160011 = 0.313616; denominator 1.3841459:
// (0.992073 ∓ 0.313616) / 1.3841459 = 0.49016 to 0.94332.
func TestWilsonByHand(t *testing.T) {
	iv, _ := Wilson(Proportion{8, 10})
	if math.Abs(iv.Lower-0.49016) > 0.000005 || math.Abs(iv.Upper-0.94332) > 0.000005 {
		t.Errorf("8/10: %.5f to %.5f", iv.Lower, iv.Upper)
	}
	// All or none: the interval ends exactly at 1 or 0.
	if iv, _ := Wilson(Proportion{5, 5}); iv.Upper != 1 {
		t.Errorf("5/5 upper %v", iv.Upper)
	}
	if iv, _ := Wilson(Proportion{0, 5}); iv.Lower != 0 {
		t.Errorf("0/5 lower %v", iv.Lower)
	}
}

func TestProportionCheck(t *testing.T) {
	for _, p := range []Proportion{{0, 0}, {-1, 5}, {6, 5}, {1, -2}} {
		if _, err := Wilson(p); err == nil {
			t.Errorf("%v accepted", p)
		}
	}
	if _, err := Compare(Proportion{1, 2}, Proportion{0, 0}); err == nil || !strings.HasPrefix(err.Error(), "earlier:") {
		t.Errorf("Compare with no earlier cases: %v", err)
	}
}

// Newcombe (1998b), Table II, method 10 (the hybrid score interval): the
// eight worked examples (a) to (h), each later − earlier as m/n − m/n.
func TestNewcombePublishedExamples(t *testing.T) {
	cases := []struct {
		x1, n1, x2, n2 int
		lower, upper   float64
		verdict        Verdict
	}{
		{56, 70, 48, 80, 0.0524, 0.3339, Better},
		{9, 10, 3, 10, 0.1705, 0.8090, Better},
		{6, 7, 2, 7, 0.0582, 0.8062, Better},
		{5, 56, 0, 29, -0.0381, 0.1926, CannotTell},
		{0, 10, 0, 20, -0.1611, 0.2775, CannotTell},
		{0, 10, 0, 10, -0.2775, 0.2775, CannotTell},
		{10, 10, 0, 20, 0.6791, 1, Better},
		{10, 10, 0, 10, 0.6075, 1, Better},
	}
	for _, c := range cases {
		d, err := Compare(Proportion{c.x1, c.n1}, Proportion{c.x2, c.n2})
		if err != nil {
			t.Fatal(err)
		}
		if !near(d.Interval.Lower, c.lower) || !near(d.Interval.Upper, c.upper) {
			t.Errorf("%d/%d − %d/%d: %.4f to %.4f, want %.4f to %.4f",
				c.x1, c.n1, c.x2, c.n2, d.Interval.Lower, d.Interval.Upper, c.lower, c.upper)
		}
		if d.Verdict() != c.verdict {
			t.Errorf("%d/%d − %d/%d: verdict %v, want %v", c.x1, c.n1, c.x2, c.n2, d.Verdict(), c.verdict)
		}
	}
}

// The words follow the interval, not the size of the estimate: swapping
// example (a) makes it worse; a 9-point rise whose interval crosses zero
// (example d) cannot tell.
func TestDifferenceWords(t *testing.T) {
	better, _ := Compare(Proportion{56, 70}, Proportion{48, 80})
	want := "Better: 80% now against 60% before, a rise of 20 percentage points (95% interval 5 to 33)."
	if got := better.Words(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	worse, _ := Compare(Proportion{48, 80}, Proportion{56, 70})
	want = "Worse: 60% now against 80% before, a fall of 20 percentage points (95% interval \u221233 to \u22125)."
	if got := worse.Words(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	unsure, _ := Compare(Proportion{5, 56}, Proportion{0, 29})
	if got := unsure.Words(); !strings.HasPrefix(got, "We cannot tell yet: 9% now against 0% before, a rise of 9 percentage points (95% interval \u22124 to 19).") {
		t.Errorf("got %q", got)
	}
	same, _ := Compare(Proportion{0, 10}, Proportion{0, 10})
	if got := same.Words(); !strings.Contains(got, "no change") {
		t.Errorf("got %q", got)
	}
	// An interval that ends exactly at zero cannot tell either.
	if v := (Difference{Estimate: 0.1, Interval: Interval{0, 0.2}}).Verdict(); v != CannotTell {
		t.Errorf("interval from 0: %v", v)
	}
	if v := (Difference{Estimate: -0.1, Interval: Interval{-0.2, 0}}).Verdict(); v != CannotTell {
		t.Errorf("interval to 0: %v", v)
	}
}

// Sample sizes. Unlimited population, p = 0.5: 1.96² × 0.25 / 0.05² =
// 384.15, so 385 cases for ±5 points; / 0.1² = 96.04, so 97 for ±10. With
// p = 0.8 and ±10 points: 3.8415 × 0.16 / 0.01 = 61.46, so 62.
// Finite populations: Krejcie and Morgan (1970), Table 1 (±5 points,
// p = 0.5): 100 → 80, 1000 → 278, 10000 → 370.
func TestSampleSize(t *testing.T) {
	cases := []struct {
		margin, p float64
		pop, want int
	}{
		{0.05, 0.5, 0, 385},
		{0.10, 0.5, 0, 97},
		{0.10, 0.8, 0, 62},
		{0.05, 0.5, 100, 80},
		{0.05, 0.5, 1000, 278},
		{0.05, 0.5, 10000, 370},
	}
	for _, c := range cases {
		got, err := SampleSize(c.margin, c.p, c.pop)
		if err != nil || got != c.want {
			t.Errorf("SampleSize(%v, %v, %d) = %d, %v; want %d", c.margin, c.p, c.pop, got, err, c.want)
		}
	}
	for _, bad := range [][3]float64{{0, 0.5, 0}, {1, 0.5, 0}, {0.05, 0, 0}, {0.05, 1, 0}, {0.05, 0.5, -1}, {math.NaN(), 0.5, 0}} {
		if _, err := SampleSize(bad[0], bad[1], int(bad[2])); err == nil {
			t.Errorf("SampleSize%v accepted", bad)
		}
	}
}

// The sample size a margin asks for gives a Wilson interval about that
// wide: 385 cases at 50% give 45.0% to 55.0%.
func TestSampleSizeGivesTheMargin(t *testing.T) {
	n, _ := SampleSize(0.05, 0.5, 0)
	iv, _ := Wilson(Proportion{n / 2, n})
	if half := (iv.Upper - iv.Lower) / 2; half > 0.0501 {
		t.Errorf("%d cases: half-width %.4f", n, half)
	}
}
