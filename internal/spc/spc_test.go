package spc

import (
	"math/big"
	"slices"
	"strings"
	"testing"
)

// The series below are worked by hand; the arithmetic is in the comments.
// Values are written as decimals so that they are exact.

func series(t *testing.T, vs ...string) []*big.Rat {
	t.Helper()
	out := make([]*big.Rat, len(vs))
	for i, v := range vs {
		r, ok := new(big.Rat).SetString(v)
		if !ok {
			t.Fatalf("bad test value %q", v)
		}
		out[i] = r
	}
	return out
}

func rat(t *testing.T, s string) *big.Rat { return series(t, s)[0] }

func mustChart(t *testing.T, dir Direction, vs ...string) *Chart {
	t.Helper()
	c, err := New(series(t, vs...), dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func wantRat(t *testing.T, name string, got *big.Rat, want string) {
	t.Helper()
	if got.Cmp(rat(t, want)) != 0 {
		t.Errorf("%s = %s, want %s", name, got.RatString(), want)
	}
}

// signalsOf lists the chart's signals as "rule high|low first-last" (1-based
// point numbers), for comparing with a hand-made list.
func signalsOf(c *Chart) []string {
	var out []string
	for _, s := range c.Signals {
		way := "low"
		if s.High {
			way = "high"
		}
		var pts []string
		for _, i := range s.Points {
			pts = append(pts, itoa(i+1))
		}
		out = append(out, string(s.Rule)+" "+way+" "+strings.Join(pts, ","))
	}
	return out
}

func itoa(i int) string { return big.NewInt(int64(i)).String() }

func wantSignals(t *testing.T, c *Chart, want ...string) {
	t.Helper()
	if got := signalsOf(c); !slices.Equal(got, want) {
		t.Errorf("signals = %q, want %q", got, want)
	}
}

// Five points, no signal: the basic arithmetic.
// 10, 12, 11, 13, 14: sum 60, mean 12. Moving ranges 2, 1, 2, 1: sum 6, mean
// 6/4 = 1.5. 2.66 × 1.5 = 3.99, so the limits are 15.99 and 8.01; two-thirds
// of 3.99 is 2.66, so the near limits are 14.66 and 9.34.
func TestXmRArithmetic(t *testing.T) {
	c := mustChart(t, Up, "10", "12", "11", "13", "14")
	wantRat(t, "mean", c.Mean, "12")
	wantRat(t, "mean moving range", c.MeanMovingRange, "1.5")
	wantRat(t, "upper", c.Upper, "15.99")
	wantRat(t, "lower", c.Lower, "8.01")
	wantRat(t, "near upper", c.NearUpper, "14.66")
	wantRat(t, "near lower", c.NearLower, "9.34")
	if c.Points[0].MovingRange != nil {
		t.Error("the first point has a moving range")
	}
	wantRat(t, "moving range of point 4", c.Points[3].MovingRange, "2")
	wantSignals(t, c)
	if !c.FewPoints {
		t.Error("five points are not flagged as too few")
	}
	if got := c.Summary(); !strings.HasPrefix(got, "No signals") || !strings.Contains(got, "at least 15") {
		t.Errorf("summary = %q", got)
	}
}

// A point exactly on the upper limit is inside it.
// Twenty points: 0, 3 repeated nine times (ten 0s, nine 3s: sum 27), then 11.
// Sum 38, mean 1.9. Moving ranges: eighteen of 3 (54) and |11 − 0| = 11:
// sum 65, mean 65/19. 2.66 × 65/19 = 172.9/19 = 9.1, so the upper limit is
// 1.9 + 9.1 = 11: the last point is exactly on it. Near upper limit
// 1.9 + 9.1 × 2/3 ≈ 7.97: only the last point is beyond it, so no two of three.
//
// With 11.01 instead: mean 38.01/20 = 1.9005, mean moving range 65.01/19,
// 2.66 × 65.01/19 = 9.1014, upper limit 11.0019 < 11.01: outside.
// With 10.99: mean 1.8995, 2.66 × 64.99/19 = 9.0986, upper limit 10.9981
// > 10.99: inside.
func TestPointOnTheLimit(t *testing.T) {
	base := strings.Split(strings.Repeat("0,3,", 9)+"0", ",")
	on := mustChart(t, Up, append(slices.Clone(base), "11")...)
	wantRat(t, "mean", on.Mean, "1.9")
	wantRat(t, "upper", on.Upper, "11")
	wantRat(t, "lower", on.Lower, "-7.2")
	wantSignals(t, on)

	over := mustChart(t, Up, append(slices.Clone(base), "11.01")...)
	wantRat(t, "upper", over.Upper, "11.0019")
	wantSignals(t, over, "outside high 20")
	if over.Points[19].Variation != High || MeaningOf(High, Up) != Improvement {
		t.Errorf("variation %v", over.Points[19].Variation)
	}

	under := mustChart(t, Up, append(slices.Clone(base), "10.99")...)
	wantRat(t, "upper", under.Upper, "10.9981")
	wantSignals(t, under)
}

// Seven points above the mean are a shift; six are not.
// Shift of seven: 1 9 1 9 1 9 1 6 7 6 7 6 7 6 1. Sum 5×1 + 3×9 + 4×6 + 3×7
// = 77, mean 77/15 ≈ 5.13. Points 8–14 (6 7 6 7 6 7 6) are above it, point 7
// (1) and point 15 (1) below. Moving ranges: six of 8, then 5, six of 1,
// then 5: 64, mean 64/14 = 32/7; 2.66 × 32/7 ≈ 12.16, limits ≈ 17.29 and
// −7.03, near limits ≈ 13.24 and −2.97: nothing outside or near. No
// point is higher or lower than the one before for more than one step.
//
// Six: point 14 becomes 1. Sum 72, mean 4.8; points 8–13 above, 14 below.
func TestShiftOfSevenNotSix(t *testing.T) {
	seven := mustChart(t, Down, "1", "9", "1", "9", "1", "9", "1", "6", "7", "6", "7", "6", "7", "6", "1")
	wantRat(t, "mean", seven.Mean, "77/15")
	wantRat(t, "mean moving range", seven.MeanMovingRange, "32/7")
	wantSignals(t, seven, "shift high 8,9,10,11,12,13,14")
	if m := seven.Signals[0].Meaning(Down); m != Concern {
		t.Errorf("a shift upwards where down is better is %v, want concern", m)
	}
	if got := seven.Rules(7); !slices.Equal(got, []Rule{RuleShift}) {
		t.Errorf("point 8 rules %v", got)
	}
	if got := seven.Rules(6); len(got) != 0 {
		t.Errorf("point 7 rules %v", got)
	}

	six := mustChart(t, Down, "1", "9", "1", "9", "1", "9", "1", "6", "7", "6", "7", "6", "7", "1", "1")
	wantRat(t, "mean", six.Mean, "4.8")
	wantSignals(t, six)
}

// A point exactly on the mean ends a run.
// 1 9 1 9 1 9 1 6 7 6 5 7 6 7 0: sum 31 + 44 + 0 = 75, mean 5. Points 8–10
// and 12–14 are above, point 11 (5) is on the mean: two runs of three.
// With 5.01 at point 11, the mean is 75.01/15 ≈ 5.0007, and point 11 is above
// it: points 8–14 are seven in a row above the mean.
func TestPointOnTheMeanBreaksARun(t *testing.T) {
	on := mustChart(t, Up, "1", "9", "1", "9", "1", "9", "1", "6", "7", "6", "5", "7", "6", "7", "0")
	wantRat(t, "mean", on.Mean, "5")
	if on.Points[10].Side != OnMean {
		t.Fatalf("point 11 side %v", on.Points[10].Side)
	}
	wantSignals(t, on)

	above := mustChart(t, Up, "1", "9", "1", "9", "1", "9", "1", "6", "7", "6", "5.01", "7", "6", "7", "0")
	wantRat(t, "mean", above.Mean, "7501/1500")
	wantSignals(t, above, "shift high 8,9,10,11,12,13,14")
}

// Seven points each higher than the one before are a trend; six are not,
// and equal values end a trend.
// 5 3 5 3 5 3 1 2 3 4 5 6 7 3 5: sum 24 + 28 + 8 = 60, mean 4. Points 7–13
// (1 to 7) rise at every step: seven points, six rises. Moving ranges: five
// of 2, then 2, six of 1, then 4 and 2: 24, mean 24/14 = 12/7; 2.66 × 12/7
// = 4.56: limits 8.56 and −0.56, near limits 4 ± 3.04 = 7.04 and 0.96, which
// 7 and 1 do not pass. Sides: the longest run on one side is points 6–9
// (3 1 2 3); point 10 (4) is on the mean.
func TestTrendOfSevenNotSix(t *testing.T) {
	seven := mustChart(t, Up, "5", "3", "5", "3", "5", "3", "1", "2", "3", "4", "5", "6", "7", "3", "5")
	wantRat(t, "mean", seven.Mean, "4")
	wantRat(t, "upper", seven.Upper, "8.56")
	wantRat(t, "near lower", seven.NearLower, "0.96")
	wantSignals(t, seven, "trend high 7,8,9,10,11,12,13")
	// Points 7–9 are below the mean but in a rising trend: the trend decides.
	for i := 6; i <= 12; i++ {
		if seven.Points[i].Variation != High {
			t.Errorf("point %d variation %v, want high (rising trend)", i+1, seven.Points[i].Variation)
		}
	}
	if got := seven.Summary(); !strings.Contains(got, "one signal of improvement and no signals of concern") ||
		!strings.Contains(got, "The latest point shows common cause variation.") {
		t.Errorf("summary = %q", got)
	}

	// Six rising points (2 to 7) after a fall from 5: no trend.
	six := mustChart(t, Up, "5", "3", "5", "3", "5", "3", "5", "2", "3", "4", "5", "6", "7", "3", "5")
	wantSignals(t, six)

	// Seven points with two equal in the middle: 1 2 3 3 4 5 6 is a run of
	// three and a run of four.
	flat := mustChart(t, Up, "5", "3", "5", "3", "5", "3", "1", "2", "3", "3", "4", "5", "6", "3", "5")
	wantSignals(t, flat)

	// Falling: the same series upside down (each value 8 − v) has a falling
	// trend, concern where higher is better.
	down := mustChart(t, Up, "3", "5", "3", "5", "3", "5", "7", "6", "5", "4", "3", "2", "1", "5", "3")
	wantSignals(t, down, "trend low 7,8,9,10,11,12,13")
	if m := down.Signals[0].Meaning(Up); m != Concern {
		t.Errorf("falling trend where up is better: %v", m)
	}
}

// Two of three points beyond two-thirds of the way to a limit.
// 10 12 10 12 … 10 (thirteen points: seven 10s, six 12s), then 16 16: sum
// 70 + 72 + 32 = 174, mean 11.6. Moving ranges: twelve of 2, then 6 and 0:
// 30, mean 30/14 = 15/7; 2.66 × 15/7 = 5.7: limits 17.3 and 5.9. Two-thirds
// of 5.7 is 3.8: near upper limit 15.4. The last two points (16) are beyond
// it and inside the limit: points 14 and 15 are the signal.
func TestTwoOfThree(t *testing.T) {
	vs := append(strings.Split(strings.Repeat("10,12,", 6)+"10", ","), "16", "16")
	c := mustChart(t, Neutral, vs...)
	wantRat(t, "mean", c.Mean, "11.6")
	wantRat(t, "upper", c.Upper, "17.3")
	wantRat(t, "near upper", c.NearUpper, "15.4")
	wantSignals(t, c, "two-of-three high 14,15")
	if m := c.Signals[0].Meaning(Neutral); m != Higher {
		t.Errorf("neutral meaning %v", m)
	}
	want := "point 14 and point 15 are close to the upper process limit (two of three points in a row beyond two-thirds of the way to it)"
	if got := c.Signals[0].Describe(nil); got != want {
		t.Errorf("describe = %q", got)
	}
}

// Points exactly two-thirds of the way to the limit are not beyond it.
// 0 11 repeated nine times (nine 0s, nine 11s: 99), then 26.5 26.5: sum 152,
// mean 7.6. Moving ranges: seventeen of 11 (187), |26.5 − 11| = 15.5, then
// 0: 202.5, mean 202.5/19. Two-thirds of 2.66 × 202.5/19 is 1.77333… ×
// 202.5/19 = 359.1/19 = 18.9: near upper limit 7.6 + 18.9 = 26.5 exactly.
// With 26.6 26.6: mean 7.61, mean moving range 202.6/19, two-thirds of the
// spread 359.2773…/19 ≈ 18.909: near upper ≈ 26.519, passed by 26.6.
func TestTwoOfThreeExactlyAtTwoThirds(t *testing.T) {
	base := strings.Split(strings.Repeat("0,11,", 8)+"0,11", ",")
	at := mustChart(t, Up, append(slices.Clone(base), "26.5", "26.5")...)
	wantRat(t, "near upper", at.NearUpper, "26.5")
	wantRat(t, "upper", at.Upper, "35.95")
	wantSignals(t, at)

	past := mustChart(t, Up, append(slices.Clone(base), "26.6", "26.6")...)
	wantSignals(t, past, "two-of-three high 19,20")
}

// A point beyond the limit counts towards two of three, and overlapping
// windows make one signal.
// 10 12 × 6 then 10, then 16 16 16: the windows of points 13–15 and 14–16
// both have two or three beyond the near limit, so they are one signal of
// points 14, 15 and 16.
func TestTwoOfThreeJoinsWindows(t *testing.T) {
	vs := append(strings.Split(strings.Repeat("10,12,", 6)+"10", ","), "16", "16", "16")
	c := mustChart(t, Up, vs...)
	// Sum 70 + 72 + 48 = 190, mean 190/16 = 11.875. Moving ranges twelve
	// of 2, 6, 0, 0: 30, mean 2; 2.66 × 2 = 5.32: limits 17.195 and 6.555;
	// near upper 11.875 + 3.54666… ≈ 15.42: the three 16s are beyond it.
	wantRat(t, "mean", c.Mean, "11.875")
	wantRat(t, "upper", c.Upper, "17.195")
	wantSignals(t, c, "two-of-three high 14,15,16")
}

func TestTooFewValues(t *testing.T) {
	if _, err := New(series(t, "3"), Up); err != ErrTooFewValues {
		t.Errorf("one value: %v", err)
	}
	if _, err := New([]*big.Rat{big.NewRat(1, 1), nil}, Up); err == nil {
		t.Error("a nil value was accepted")
	}
}

// All values equal: the limits are the mean, nothing is outside them, and
// every point is on the mean, so there is no run.
func TestFlatSeries(t *testing.T) {
	c := mustChart(t, Up, strings.Split(strings.Repeat("4,", 19)+"4", ",")...)
	wantRat(t, "upper", c.Upper, "4")
	wantSignals(t, c)
}

func TestFromFloats(t *testing.T) {
	rs, err := FromFloats([]float64{0.5, -2})
	if err != nil || rs[0].Cmp(big.NewRat(1, 2)) != 0 || rs[1].Cmp(big.NewRat(-2, 1)) != 0 {
		t.Errorf("FromFloats = %v, %v", rs, err)
	}
	var zero float64
	if _, err := FromFloats([]float64{1, zero / zero}); err == nil {
		t.Error("NaN accepted")
	}
}

func TestDirectionAndMeaning(t *testing.T) {
	for _, s := range []string{"up", "down", "neutral"} {
		d, err := ParseDirection(s)
		if err != nil || d.String() != s {
			t.Errorf("%q: %v %v", s, d, err)
		}
	}
	if _, err := ParseDirection("sideways"); err == nil {
		t.Error("sideways accepted")
	}
	cases := []struct {
		v    Variation
		d    Direction
		want Meaning
	}{
		{High, Up, Improvement}, {Low, Up, Concern}, {High, Down, Concern}, {Low, Down, Improvement},
		{High, Neutral, Higher}, {Low, Neutral, Lower}, {Common, Up, NoSignal}, {Common, Neutral, NoSignal},
	}
	for _, c := range cases {
		if got := MeaningOf(c.v, c.d); got != c.want {
			t.Errorf("MeaningOf(%v, %v) = %v, want %v", c.v, c.d, got, c.want)
		}
	}
}

// The latest point in a signal is named in the summary, and signals are
// listed by their first point.
func TestSummaryLatestPoint(t *testing.T) {
	base := strings.Split(strings.Repeat("0,3,", 9)+"0", ",")
	c := mustChart(t, Down, append(base, "11.01")...)
	got := c.Summary()
	want := "Special cause variation: no signals of improvement and one signal of concern. The latest point is part of a signal: concern."
	if got != want {
		t.Errorf("summary = %q\nwant      %q", got, want)
	}
	if d := c.Signals[0].Describe([]string{19: "March 2026"}); d != "March 2026 is above the upper process limit" {
		t.Errorf("describe = %q", d)
	}
}

// A point outside the limit is beyond two-thirds too, so with one more near
// the limit it makes two of three.
// 10 12 × 6, then 10, 17, 21: sum 142 + 38 = 180, mean 12. Moving ranges
// twelve of 2, 7 and 4: 35, mean 35/14 = 2.5; 2.66 × 2.5 = 6.65: upper limit
// 18.65, which 21 passes; two-thirds of 6.65 is 4.4333…: near upper limit
// 16.4333…, which 17 passes. Point 15 is outside; points 14 and 15 are two
// of three.
func TestTwoOfThreeCountsAPointOutside(t *testing.T) {
	vs := append(strings.Split(strings.Repeat("10,12,", 6)+"10", ","), "17", "21")
	c := mustChart(t, Up, vs...)
	wantRat(t, "mean", c.Mean, "12")
	wantRat(t, "upper", c.Upper, "18.65")
	wantRat(t, "near upper", c.NearUpper, "493/30")
	wantSignals(t, c, "two-of-three high 14,15", "outside high 15")
	if got := c.Rules(14); !slices.Equal(got, []Rule{RuleTwoOfThree, RuleOutside}) {
		t.Errorf("point 15 rules %v", got)
	}
}
