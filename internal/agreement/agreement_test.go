package agreement

import (
	"errors"
	"math"
	"strconv"
	"testing"
)

// table builds a Table from rows of numbers, 0 meaning missing (the
// published examples use only values from 1 up).
func table(t *testing.T, rows [][]float64) Table {
	t.Helper()
	b := NewBuilder(len(rows[0]))
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, x := range row {
			if x != 0 {
				cells[i] = strconv.FormatFloat(x, 'g', -1, 64)
			}
		}
		if err := b.Add(cells); err != nil {
			t.Fatal(err)
		}
	}
	return b.Table()
}

// close3 reports whether got rounds to want at three decimals.
func close3(got, want float64) bool {
	return math.Abs(math.Round(got*1000)/1000-want) < 1e-9
}

// krippendorff2011 is the reliability data of Krippendorff, "Computing
// Krippendorff's alpha-reliability" (2011), section C: four observers (A,
// B, C, D) coding twelve units on a scale of 1 to 5, with missing values,
// written here one row per unit (the paper writes one row per observer).
// The paper gives alpha = .743 nominal, .815 ordinal, .849 interval and
// .797 ratio, over n = 40 pairable values (unit 12 has one value only).
// We checked those four figures independently with exact fractions,
// following the paper's definitions step by step (coincidences o_ck with
// weights 1/(m_u-1), n_c, the four delta functions): 0.74342, 0.81539,
// 0.84911, 0.79740.
var krippendorff2011 = [][]float64{
	{1, 1, 0, 1},
	{2, 2, 3, 2},
	{3, 3, 3, 3},
	{3, 3, 3, 3},
	{2, 2, 2, 2},
	{1, 2, 3, 4},
	{4, 4, 4, 4},
	{1, 1, 2, 1},
	{2, 2, 2, 2},
	{0, 5, 5, 5},
	{0, 0, 1, 1},
	{0, 3, 0, 0},
}

func TestAlphaKrippendorff2011(t *testing.T) {
	tab := table(t, krippendorff2011)
	for level, want := range map[Level]float64{Nominal: .743, Ordinal: .815, Interval: .849, Ratio: .797} {
		r, err := Alpha(tab, level)
		if err != nil {
			t.Fatalf("%s: %v", level, err)
		}
		if !close3(r.Value, want) {
			t.Errorf("%s alpha = %.5f, the paper gives %.3f", level, r.Value, want)
		}
		if r.Pairable != 40 || r.PairableUnits != 11 || r.Units != 12 || r.Coders != 4 {
			t.Errorf("%s: counts %+v, want 40 values in 11 of 12 units by 4 coders", level, r)
		}
	}
}

// TestAlphaNominalWorking checks the nominal working of the 2011 example
// by a hand count. Values per pairable unit (unit: values): 1: 1 1 1;
// 2: 2 2 3 2; 3: 3 3 3 3; 4: 3 3 3 3; 5: 2 2 2 2; 6: 1 2 3 4; 7: 4 4 4 4;
// 8: 1 1 2 1; 9: 2 2 2 2; 10: 5 5 5; 11: 1 1. Totals: n_1 = 9 (3+1+3+2),
// n_2 = 13 (3+4+1+1+4), n_3 = 10 (1+4+4+1), n_4 = 5 (1+4), n_5 = 3; n = 40.
// Disagreeing ordered pairs, weighted 1/(m_u-1): unit 2 has 6 (3 twos
// with one three, both ways) /3 = 2; unit 6 has 12/3 = 4; unit 8 has 6/3
// = 2; total 8, so Do = 8/40 = .2. De = (40^2 - (81+169+100+25+9))/(40*39)
// = (1600-384)/1560 = .77949. Alpha = 1 - .2/.77949 = .74342.
func TestAlphaNominalWorking(t *testing.T) {
	r, err := Alpha(table(t, krippendorff2011), Nominal)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(r.Observed-0.2) > 1e-12 || math.Abs(r.Expected-1216.0/1560) > 1e-12 {
		t.Errorf("Do = %v, De = %v; the hand count gives .2 and %v", r.Observed, r.Expected, 1216.0/1560)
	}
	if math.Abs(r.Value-(1-0.2*1560/1216)) > 1e-12 {
		t.Errorf("alpha = %v", r.Value)
	}
}

// fleiss1971 is Table 1 of Fleiss, "Measuring nominal scale agreement
// among many raters" (Psychological Bulletin 76(5), 1971): 30 patients,
// each given one of five diagnoses (1 depression, 2 personality disorder,
// 3 schizophrenia, 4 neurosis, 5 other) by six psychiatrists, written here
// as each patient's six diagnoses. The paper gives P-bar = .556, P-bar-e =
// .220 and kappa = .430.
var fleiss1971 = [][]float64{
	{4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5}, {2, 2, 2, 4, 4, 4},
	{1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5},
	{1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4}, {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5},
	{3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
	{5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4}, {1, 4, 4, 4, 4, 5},
	{2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5},
}

func TestFleiss1971(t *testing.T) {
	r, err := Fleiss(table(t, fleiss1971))
	if err != nil {
		t.Fatal(err)
	}
	if !close3(r.Observed, .556) || !close3(r.Expected, .220) || !close3(r.Value, .430) {
		t.Errorf("P-bar %.4f, P-bar-e %.4f, kappa %.4f; Fleiss gives .556, .220, .430", r.Observed, r.Expected, r.Value)
	}
	if r.PairableUnits != 30 || r.Pairable != 180 || r.MinPerUnit != 6 || r.MaxPerUnit != 6 {
		t.Errorf("counts %+v", r)
	}
}

// cohen1960 is the example of Cohen, "A coefficient of agreement for
// nominal scales" (Educational and Psychological Measurement 20(1), 1960),
// Table 1, as counts of its 200 cases: rows judge A's category, columns
// judge B's. Its margins are A .60 .30 .10 and B .50 .30 .20; Cohen gives
// p_o = .70, p_c = .41 and kappa = .29/.59 = .492.
var cohen1960 = [3][3]int{
	{88, 14, 18},
	{10, 40, 10},
	{2, 6, 12},
}

func TestCohen1960(t *testing.T) {
	var rows [][]float64
	for a, row := range cohen1960 {
		for b, n := range row {
			for range n {
				rows = append(rows, []float64{float64(a + 1), float64(b + 1)})
			}
		}
	}
	r, err := Cohen(table(t, rows))
	if err != nil {
		t.Fatal(err)
	}
	if !close3(r.Observed, .70) || !close3(r.Expected, .41) || !close3(r.Value, .492) {
		t.Errorf("p_o %.4f, p_c %.4f, kappa %.4f; Cohen gives .70, .41, .492", r.Observed, r.Expected, r.Value)
	}
	if r.PairableUnits != 200 {
		t.Errorf("%d units, want 200", r.PairableUnits)
	}
	p, err := Percent(table(t, rows))
	if err != nil || !close3(p.Value, .70) {
		t.Errorf("percent agreement %v, %v; want .70", p.Value, err)
	}
}

// TestEdgeCases are worked by hand; the comments give the reasoning.
func TestEdgeCases(t *testing.T) {
	undefinedAll := func(t *testing.T, tab Table, metrics ...string) {
		t.Helper()
		for _, m := range metrics {
			r, err := Compute(m, tab, Nominal)
			var u *UndefinedError
			if !errors.As(err, &u) || !math.IsNaN(r.Value) || u.Reason == "" {
				t.Errorf("%s: %v, %v; want NaN with a reason", m, r.Value, err)
			}
		}
	}
	t.Run("one coder", func(t *testing.T) {
		// One coder gives no pairs within a unit: nothing to compare.
		tab := table(t, [][]float64{{1}, {2}, {1}})
		undefinedAll(t, tab, Metrics...)
		_, err := Alpha(tab, Nominal)
		if err == nil || err.Error() != "alpha is undefined: one coder gives no unit two values to compare" {
			t.Errorf("reason: %v", err)
		}
	})
	t.Run("all missing", func(t *testing.T) {
		tab := Table{Coders: 3, Cells: []int32{Missing, Missing, Missing, Missing, Missing, Missing}}
		undefinedAll(t, tab, "alpha", "fleiss", "percent")
		if _, err := Alpha(tab, Nominal); err == nil || err.Error() != "alpha is undefined: every value is missing" {
			t.Errorf("reason: %v", err)
		}
	})
	t.Run("all agree", func(t *testing.T) {
		// Three units, two coders agreeing on each, two different values:
		// Do = 0 and De > 0, so alpha = 1; Po = 1 and Pe = 5/9 < 1, so
		// both kappas are 1.
		tab := table(t, [][]float64{{1, 1}, {2, 2}, {1, 1}})
		for _, m := range Metrics {
			for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
				if m != "alpha" && level != Nominal {
					continue
				}
				r, err := Compute(m, tab, level)
				if err != nil || r.Value != 1 {
					t.Errorf("%s %s = %v, %v; want 1", m, level, r.Value, err)
				}
			}
		}
	})
	t.Run("no variation", func(t *testing.T) {
		// Everyone gave the same value: De = 0 and Pe = 1, so alpha and
		// kappa are 0/0, undefined; the coders did agree, so percent is 1.
		tab := table(t, [][]float64{{3, 3, 3}, {3, 3, 0}, {3, 3, 3}})
		undefinedAll(t, tab, "alpha", "fleiss")
		undefinedAll(t, table(t, [][]float64{{3, 3}, {3, 3}}), "cohen")
		if r, err := Percent(tab); err != nil || r.Value != 1 {
			t.Errorf("percent = %v, %v", r.Value, err)
		}
	})
	t.Run("one unit", func(t *testing.T) {
		// One unit coded 1 and 2: n = 2, Do = 2/2 = 1 (two ordered pairs,
		// weight 1), De = (4-2)/(2*1) = 1, alpha = 0.
		r, err := Alpha(table(t, [][]float64{{1, 2}}), Nominal)
		if err != nil || r.Value != 0 {
			t.Errorf("alpha = %v, %v; want 0", r.Value, err)
		}
	})
	t.Run("systematic disagreement", func(t *testing.T) {
		// Two units, each coded 1 by one coder and 2 by the other: n = 4,
		// Do = 4/4 = 1, De = (16-8)/12 = 2/3, alpha = 1 - 3/2 = -0.5.
		r, err := Alpha(table(t, [][]float64{{1, 2}, {2, 1}}), Nominal)
		if err != nil || math.Abs(r.Value+0.5) > 1e-12 {
			t.Errorf("alpha = %v, %v; want -0.5", r.Value, err)
		}
	})
	t.Run("cohen needs two coders", func(t *testing.T) {
		undefinedAll(t, table(t, [][]float64{{1, 2, 1}, {2, 2, 1}}), "cohen")
	})
}

func TestBuilder(t *testing.T) {
	b := NewBuilder(2)
	for _, row := range [][]string{{"2", " 10 "}, {"2.0", ""}, {"1e1", "-1"}} {
		if err := b.Add(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Add([]string{"1"}); err == nil {
		t.Error("a short unit was accepted")
	}
	tab := b.Table()
	if len(tab.Values) != 3 || tab.Values[0] != -1 || tab.Values[1] != 2 || tab.Values[2] != 10 {
		t.Fatalf("values %v, want -1 2 10 (2 and 2.0 one value, 10 and 1e1 another)", tab.Values)
	}
	want := []int32{1, 2, 1, Missing, 2, 0}
	for i, c := range tab.Cells {
		if c != want[i] {
			t.Fatalf("cells %v, want %v", tab.Cells, want)
		}
	}
	if _, err := Alpha(tab, Ratio); err == nil {
		t.Error("ratio accepted a negative value")
	}
	text := NewBuilder(2)
	_ = text.Add([]string{"low", "high"})
	if text.NonNumeric() != "low" {
		t.Errorf("NonNumeric = %q", text.NonNumeric())
	}
	tt := text.Table()
	if tt.Values != nil || tt.Labels[0] != "high" {
		t.Errorf("text table %+v", tt)
	}
	if _, err := Alpha(tt, Interval); err == nil {
		t.Error("interval accepted labels that are not numbers")
	}
}

func TestValidate(t *testing.T) {
	for name, tab := range map[string]Table{
		"no coders":      {Coders: 0},
		"ragged":         {Coders: 2, Cells: []int32{0, 0, 0}, Labels: []string{"a"}},
		"index too high": {Coders: 1, Cells: []int32{1}, Labels: []string{"a"}},
		"negative index": {Coders: 1, Cells: []int32{-2}, Labels: []string{"a"}},
		"labels values":  {Coders: 1, Values: []float64{1, 2}, Labels: []string{"a"}},
	} {
		if _, err := Alpha(tab, Nominal); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	unsorted := Table{Coders: 2, Cells: []int32{0, 1}, Values: []float64{2, 1}}
	if _, err := Alpha(unsorted, Interval); err == nil {
		t.Error("unsorted values accepted at the interval level")
	}
}

// TestPerCode is worked by hand. Two coders, four units, codes A and B.
// Coder 1: {A} {A,B} {} {B}; coder 2: {A} {A} {B} {B}.
// A is present/absent 1 1 0 0 for both: alpha 1, percent 1.
// B is 0 1 0 1 against 0 0 1 1: units 2 and 3 disagree. n = 8, n_0 = n_1
// = 4, Do sum = 4 (two ordered pairs in each of two units, weight 1), De
// sum = 64 - 32 = 32, alpha = 1 - 7*4/32 = .125; percent 2/4 = .5.
// All codes pooled: n = 16, n_0 = n_1 = 8, Do sum 4, De sum 256 - 128 =
// 128, alpha = 1 - 15*4/128 = .53125; percent 6/8 = .75.
func TestPerCode(t *testing.T) {
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
	check := func(c CodeResult, alpha, pct float64) {
		t.Helper()
		if c.AlphaErr != nil || c.PercentErr != nil || math.Abs(c.Alpha.Value-alpha) > 1e-12 || math.Abs(c.Percent.Value-pct) > 1e-12 {
			t.Errorf("%s: alpha %v (%v), percent %v (%v); want %v, %v", c.Code, c.Alpha.Value, c.AlphaErr, c.Percent.Value, c.PercentErr, alpha, pct)
		}
	}
	check(codes[0], 1, 1)
	check(codes[1], .125, .5)
	check(all, .53125, .75)
	pooled, ci, err := AlphaCI(s.Pooled(), Nominal, MinSamples, DefaultSeed)
	if err != nil || pooled.Value != all.Alpha.Value || !(ci.Low <= pooled.Value && pooled.Value <= ci.High) {
		t.Errorf("pooled alpha %v in [%v, %v], %v", pooled.Value, ci.Low, ci.High, err)
	}

	// A coder who did not code a unit is missing there, not "absent".
	s.Cells[5] = nil
	codes, _, _ = PerCode(s)
	if codes[1].Alpha.Pairable != 6 {
		t.Errorf("pairable values with one missing: %d, want 6", codes[1].Alpha.Pairable)
	}
	// A code no one applied shows no variation.
	s.Codes = append(s.Codes, "C")
	codes, _, _ = PerCode(s)
	if codes[2].AlphaErr == nil {
		t.Error("alpha for an unused code was defined")
	}
	s.Cells[0] = []int32{7}
	if _, _, err := PerCode(s); err == nil {
		t.Error("a code index outside the codes was accepted")
	}
}

func TestCompute(t *testing.T) {
	if _, err := Compute("kappa", table(t, [][]float64{{1, 1}}), Nominal); err == nil {
		t.Error("unknown metric accepted")
	}
	if _, err := ParseLevel("ordinal"); err != nil {
		t.Error(err)
	}
	if _, err := ParseLevel("Nominal"); err == nil {
		t.Error("ParseLevel is case-sensitive by design")
	}
}
