package measure

import (
	"math/big"
	"strings"
	"testing"
)

// curveCase is one value and the pay percent worked out by hand.
type curveCase struct {
	value, wantPercent string
}

func checkCurve(t *testing.T, name string, c Curve, d Direction, cases []curveCase) {
	t.Helper()
	for _, k := range cases {
		got := new(big.Rat).Mul(c.PayFraction(mustDec(k.value), d), ratHundred)
		if got.Cmp(mustDec(k.wantPercent)) != 0 {
			t.Errorf("%s: value %s pays %s%%, want %s%%", name, k.value, Dec(got), k.wantPercent)
		}
	}
}

func TestThresholdCurve(t *testing.T) {
	// Higher is better, target 80: full payment at 80 and above, nothing below.
	checkCurve(t, "threshold higher 80", Curve{Type: Threshold, Target: mustDec("80")}, Higher, []curveCase{
		{"0", "0"}, {"79.99", "0"}, {"80", "100"}, {"80.01", "100"}, {"100", "100"},
	})
	// Lower is better, target 14 days: full payment at 14 and below.
	checkCurve(t, "threshold lower 14", Curve{Type: Threshold, Target: mustDec("14")}, Lower, []curveCase{
		{"0", "100"}, {"13.99", "100"}, {"14", "100"}, {"14.01", "0"}, {"30", "0"},
	})
}

func TestLinearCurve(t *testing.T) {
	// Higher is better, zero_at 50, full_at 75: a 25-point ramp, so each
	// point above 50 earns 4%.
	//   50.5 → 0.5/25 = 2%;  62.5 → 12.5/25 = 50%;  74.9 → 24.9/25 = 99.6%.
	checkCurve(t, "linear 50→75", Curve{Type: Linear, ZeroAt: mustDec("50"), FullAt: mustDec("75")}, Higher, []curveCase{
		{"-10", "0"}, {"49.99", "0"}, {"50", "0"}, {"50.5", "2"}, {"62.5", "50"}, {"74.9", "99.6"},
		{"75", "100"}, {"75.01", "100"}, {"1000", "100"},
	})
	// Lower is better, zero_at 28 days, full_at 14 days:
	//   fraction = (v − 28) ÷ (14 − 28); 21 → −7/−14 = 50%; 17.5 → −10.5/−14 = 75%.
	checkCurve(t, "linear 28→14 lower", Curve{Type: Linear, ZeroAt: mustDec("28"), FullAt: mustDec("14")}, Lower, []curveCase{
		{"40", "0"}, {"28.01", "0"}, {"28", "0"}, {"27.86", "1"}, {"21", "50"}, {"17.5", "75"},
	})
	checkCurve(t, "linear 28→14 lower, at and beyond full", Curve{Type: Linear, ZeroAt: mustDec("28"), FullAt: mustDec("14")}, Lower, []curveCase{
		{"14", "100"}, {"13.99", "100"}, {"0", "100"},
	})
	// 14.01 days: (14.01 − 28) ÷ (−14) = 13.99/14 = 1399/1400, just short of full.
	c := Curve{Type: Linear, ZeroAt: mustDec("28"), FullAt: mustDec("14")}
	if got := c.PayFraction(mustDec("14.01"), Lower).RatString(); got != "1399/1400" {
		t.Errorf("linear lower at 14.01 = %s, want 1399/1400", got)
	}
}

func TestBandsCurve(t *testing.T) {
	// Higher is better: 60 earns 25%, 70 earns 50%, 80 earns 100%; the
	// best band reached counts. The bands are listed out of order on purpose.
	higher := Curve{Type: Banded, Bands: []Band{
		{mustDec("70"), mustDec("50")}, {mustDec("60"), mustDec("25")}, {mustDec("80"), mustDec("100")},
	}}
	checkCurve(t, "bands higher", higher, Higher, []curveCase{
		{"0", "0"}, {"59.99", "0"}, {"60", "25"}, {"69.99", "25"}, {"70", "50"}, {"79.99", "50"}, {"80", "100"}, {"99", "100"},
	})
	// Lower is better: at most 10 days earns 50%, at most 5 days 100%.
	lower := Curve{Type: Banded, Bands: []Band{{mustDec("10"), mustDec("50")}, {mustDec("5"), mustDec("100")}}}
	checkCurve(t, "bands lower", lower, Lower, []curveCase{
		{"30", "0"}, {"10.01", "0"}, {"10", "50"}, {"5.01", "50"}, {"5", "100"}, {"0", "100"},
	})
}

func TestCurveValidation(t *testing.T) {
	for _, c := range []struct {
		name  string
		curve Curve
		dir   Direction
		field string
		want  string
	}{
		{"linear full below zero for higher", Curve{Type: Linear, ZeroAt: mustDec("50"), FullAt: mustDec("40")}, Higher,
			"c.full_at", "higher-is-better"},
		{"linear full above zero for lower", Curve{Type: Linear, ZeroAt: mustDec("14"), FullAt: mustDec("28")}, Lower,
			"c.full_at", "lower-is-better"},
		{"linear flat", Curve{Type: Linear, ZeroAt: mustDec("5"), FullAt: mustDec("5")}, Higher, "c.full_at", "same as zero_at"},
		{"linear missing zero", Curve{Type: Linear, FullAt: mustDec("5")}, Higher, "c.zero_at", "enter zero_at"},
		{"threshold without target", Curve{Type: Threshold}, Higher, "c.target", "enter the target"},
		{"no bands", Curve{Type: Banded}, Higher, "c.bands", "at least one band"},
		{"band over 100%", Curve{Type: Banded, Bands: []Band{{mustDec("1"), mustDec("101")}}}, Higher, "c.bands[0].pay_percent", "outside 0 to 100"},
		{"duplicate reach", Curve{Type: Banded, Bands: []Band{{mustDec("1"), mustDec("10")}, {mustDec("1.0"), mustDec("20")}}}, Higher,
			"c.bands[1].reach", "same reach as bands[0]"},
		{"harder band pays less", Curve{Type: Banded, Bands: []Band{{mustDec("80"), mustDec("40")}, {mustDec("60"), mustDec("50")}}}, Higher,
			"c.bands[0].pay_percent", "40% is less than the 50% paid by bands[1]"},
		{"harder band pays less, lower is better", Curve{Type: Banded, Bands: []Band{{mustDec("5"), mustDec("40")}, {mustDec("10"), mustDec("50")}}}, Lower,
			"c.bands[0].pay_percent", "less than the 50%"},
		{"unknown type", Curve{Type: "step"}, Higher, "c.type", `unknown curve type "step"`},
		{"no type", Curve{}, Higher, "c.type", "choose a curve type"},
	} {
		var ps problems
		c.curve.validate(&ps, "c", "X1", c.dir)
		if len(ps.list) != 1 || ps.list[0].Field != c.field || !strings.Contains(ps.list[0].Message, c.want) {
			t.Errorf("%s: problems %+v, want one on %s containing %q", c.name, ps.list, c.field, c.want)
		}
	}
}
