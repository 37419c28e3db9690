package measure

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

func rep(period, ind, value string) Report {
	return Report{Period: period, Indicator: ind, Value: mustDec(value)}
}

func curveLinear(zero, full string) Curve {
	return Curve{Type: Linear, ZeroAt: mustDec(zero), FullAt: mustDec(full)}
}

func curveThreshold(target string) Curve { return Curve{Type: Threshold, Target: mustDec(target)} }

// exampleProfile is the profile of the issue: £1,200,000 with 1.5% at
// risk over four quarters. X1 (weight 30) is linear 50→75; X2 (weight
// 70) is a lower-is-better threshold of 14 days.
//
//	at risk      = 120,000,000 × 1.5% = 1,800,000 pence (£18,000)
//	per quarter  = 1,800,000 ÷ 4      =   450,000
//	X1 available = 450,000 × 30%      =   135,000
//	X2 available = 450,000 × 70%      =   315,000
func exampleProfile() *Profile {
	return &Profile{
		ContractValuePence: 120_000_000,
		AtRiskPercent:      mustDec("1.5"),
		Periods:            []string{"2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"},
		Indicators: []Indicator{
			{ID: "X1", Name: "Care plans written with the person", WeightPercent: mustDec("30"), Direction: Higher, Curve: curveLinear("50", "75")},
			{ID: "X2", Name: "Days from referral to first contact", WeightPercent: mustDec("70"), Direction: Lower, Curve: curveThreshold("14")},
		},
	}
}

func TestCalculateWorkedExample(t *testing.T) {
	// Q1: X1 = 70 → (70−50)/25 = 80% → 108,000; X2 = 12 days ≤ 14 → 315,000.
	//     total 423,000; achievement 30×0.8 + 70×1 = 94% → good.
	// Q2: X1 = 62.5 → 50% → 67,500; X2 missing → 0. total 67,500;
	//     achievement 15% → inadequate.
	// Q3: X1 = 80 → 100% (clamped) → 135,000; X2 = 15 days > 14 → 0.
	//     total 135,000; achievement 30% → inadequate.
	// Q4: nothing reported → 0, not rated.
	// Year: 423,000 + 67,500 + 135,000 = 625,500 pence (£6,255.00).
	res, err := Calculate(exampleProfile(), []Report{
		rep("2027-Q1", "X1", "70"), rep("2027-Q1", "X2", "12"),
		rep("2027-Q2", "X1", "62.5"),
		rep("2027-Q3", "X2", "15"), rep("2027-Q3", "X1", "80"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.AtRiskPence != 1_800_000 || res.TotalPence != 625_500 {
		t.Fatalf("at risk %d, total %d; want 1800000, 625500", res.AtRiskPence, res.TotalPence)
	}
	want := []struct {
		total       int64
		x1, x2      int64
		achievement string
		rating      Rating
		missing     int
	}{
		{423_000, 108_000, 315_000, "94", Good, 0},
		{67_500, 67_500, 0, "15", Inadequate, 1},
		{135_000, 135_000, 0, "30", Inadequate, 0},
		{0, 0, 0, "0", NotRated, 2},
	}
	for i, w := range want {
		p := res.Periods[i]
		if p.TotalPence != w.total || p.Indicators[0].PaymentPence != w.x1 || p.Indicators[1].PaymentPence != w.x2 ||
			Dec(p.AchievementPercent) != w.achievement || p.Rating != w.rating || p.MissingCount != w.missing {
			t.Errorf("%s: total %d (X1 %d, X2 %d), achievement %s, %s, %d missing; want %+v",
				p.Period, p.TotalPence, p.Indicators[0].PaymentPence, p.Indicators[1].PaymentPence,
				Dec(p.AchievementPercent), p.Rating, p.MissingCount, w)
		}
		if p.AvailablePence != 450_000 || p.Indicators[0].AvailablePence != 135_000 {
			t.Errorf("%s: available %d / %d", p.Period, p.AvailablePence, p.Indicators[0].AvailablePence)
		}
	}
	q2x2 := res.Periods[1].Indicators[1]
	if q2x2.Status != Missing || q2x2.Value != nil || q2x2.PayFraction.Sign() != 0 {
		t.Errorf("Q2 X2 = %+v, want missing with no value and nothing paid", q2x2)
	}
	if res.Periods[2].Indicators[0].PayPercent().Cmp(ratHundred) != 0 {
		t.Errorf("Q3 X1 pay percent %s, want 100 (clamped)", Dec(res.Periods[2].Indicators[0].PayPercent()))
	}
}

// singleProfile is a one-period, one-or-two-indicator profile small
// enough to work rounding cases by hand.
func singleProfile(contract int64, atRisk string, weights ...string) *Profile {
	p := &Profile{ContractValuePence: contract, AtRiskPercent: mustDec(atRisk), Periods: []string{"P1"}}
	for i, w := range weights {
		p.Indicators = append(p.Indicators, Indicator{ID: string(rune('A' + i)), WeightPercent: mustDec(w),
			Direction: Higher, Curve: curveThreshold("1")})
	}
	return p
}

func TestRoundingHalfToEven(t *testing.T) {
	for _, c := range []struct {
		name     string
		contract int64
		atRisk   string
		weights  []string
		wantRisk int64
		wantA    int64
	}{
		// 1,010 × 10% = 101 pence at risk; A is 50% of it = 50.5 → 50 (even).
		{"half, rounds down to even", 1_010, "10", []string{"50", "50"}, 101, 50},
		// 1,030 × 10% = 103; 50% = 51.5 → 52 (even).
		{"half, rounds up to even", 1_030, "10", []string{"50", "50"}, 103, 52},
		// At risk itself: 1,005 × 10% = 100.5 → 100; 1,015 × 10% = 101.5 → 102.
		// A = 100% of it, rounded from the same exact amount.
		{"at risk half down", 1_005, "10", []string{"100"}, 100, 100},
		{"at risk half up", 1_015, "10", []string{"100"}, 102, 102},
		// Just off the half: 1,011 × 10% × 50% = 50.55 → 51.
		{"above half", 1_011, "10", []string{"50", "50"}, 101, 51},
		// Rounded once, not step by step: 1,003 × 50% = 501.5 at risk;
		// A = 501.5 × 30% = 150.45 → 150. Rounding the 501.5 first (to 502)
		// would give 502 × 30% = 150.6 → 151.
		{"once, not per step", 1_003, "50", []string{"30", "70"}, 502, 150},
	} {
		p := singleProfile(c.contract, c.atRisk, c.weights...)
		var reps []Report
		for _, ind := range p.Indicators {
			reps = append(reps, rep("P1", ind.ID, "1"))
		}
		res, err := Calculate(p, reps)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if res.AtRiskPence != c.wantRisk || res.Periods[0].Indicators[0].PaymentPence != c.wantA {
			t.Errorf("%s: at risk %d, A %d; want %d, %d", c.name, res.AtRiskPence, res.Periods[0].Indicators[0].PaymentPence, c.wantRisk, c.wantA)
		}
	}
}

func TestRoundingRepeatingFraction(t *testing.T) {
	// 100,000 × 10% = 10,000 pence at risk, one indicator, linear 0→3.
	// Value 1 earns 1/3: 3,333.33… → 3,333. Value 2 earns 2/3: 6,666.67 → 6,667.
	p := singleProfile(100_000, "10", "100")
	p.Indicators[0].Curve = curveLinear("0", "3")
	for _, c := range []struct {
		value string
		want  int64
		frac  string
	}{{"1", 3_333, "1/3"}, {"2", 6_667, "2/3"}} {
		res, err := Calculate(p, []Report{rep("P1", "A", c.value)})
		if err != nil {
			t.Fatal(err)
		}
		ir := res.Periods[0].Indicators[0]
		if ir.PaymentPence != c.want || ir.PayFraction.RatString() != c.frac {
			t.Errorf("value %s: %d pence at %s, want %d at %s", c.value, ir.PaymentPence, ir.PayFraction.RatString(), c.want, c.frac)
		}
	}
}

func TestWeightsMustSumTo100(t *testing.T) {
	for _, c := range []struct {
		weights []string
		want    string
	}{
		{[]string{"20", "20", "20", "20", "19"}, "add up to 99, not 100; add 1 to the weights"},
		{[]string{"33.33", "33.33", "33.33"}, "add up to 99.99, not 100; add 0.01 to the weights"},
		{[]string{"50", "51"}, "add up to 101, not 100; take 1 from the weights"},
	} {
		p := singleProfile(100_000, "10", c.weights...)
		_, err := Calculate(p, nil)
		if err == nil || !strings.Contains(err.Error(), c.want) || apperr.Code(err) != apperr.Invalid {
			t.Errorf("weights %v: error %v, want %q", c.weights, err, c.want)
		}
		var ie *InputError
		if !asInputError(err, &ie) || ie.Problems[0].Field != "indicators" {
			t.Errorf("weights %v: problems %+v, want one on field indicators", c.weights, ie)
		}
	}
	// Thirds written exactly as decimals cannot add up to 100; 33.34 fixes it.
	if err := singleProfile(100_000, "10", "33.33", "33.33", "33.34").Validate(); err != nil {
		t.Errorf("33.33 + 33.33 + 33.34: %v", err)
	}
}

func asInputError(err error, target **InputError) bool {
	ie, ok := err.(*InputError)
	if ok {
		*target = ie
	}
	return ok
}

func TestCalculateRefusesBadReports(t *testing.T) {
	p := exampleProfile()
	_, err := Calculate(p, []Report{
		rep("2027-Q1", "X1", "70"),
		rep("2027-Q5", "X1", "70"),
		rep("2027-Q1", "X9", "70"),
		{Period: "2027-Q2", Indicator: "X1", Line: 9},
		{Period: "2027-Q1", Indicator: "X1", Value: mustDec("71"), Line: 12},
	})
	want := []string{
		`reports[1]: period "2027-Q5" is not one of the profile's periods`,
		`reports[2]: indicator "X9" is not one of the profile's indicators`,
		`:9: no value for indicator "X1" in period "2027-Q2"`,
		`:12: indicator "X1" in period "2027-Q1" is already reported on reports[0]`,
	}
	if err == nil {
		t.Fatal("want an error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("error:\n%v", err)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("line %d = %q, want %q", i, lines[i], w)
		}
	}
}

func TestRatingThresholds(t *testing.T) {
	def := RatingThresholds{}
	for _, c := range []struct {
		achievement string
		want        Rating
	}{
		{"100", Good}, {"90", Good}, {"89.99", ApproachingTarget}, {"75", ApproachingTarget},
		{"74.99", RequiresImprovement}, {"50", RequiresImprovement}, {"49.99", Inadequate}, {"0", Inadequate},
	} {
		if got := def.Rate(mustDec(c.achievement)); got != c.want {
			t.Errorf("default Rate(%s) = %s, want %s", c.achievement, got, c.want)
		}
	}
	custom := RatingThresholds{Good: mustDec("100"), RequiresImprovement: mustDec("60")}
	if got := custom.Rate(mustDec("99")); got != ApproachingTarget {
		t.Errorf("custom good 100: Rate(99) = %s", got)
	}
	if got := custom.Rate(mustDec("59")); got != Inadequate {
		t.Errorf("custom requires improvement 60: Rate(59) = %s", got)
	}
	p := exampleProfile()
	p.Rating = RatingThresholds{Good: mustDec("70"), Approaching: mustDec("80")}
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), "rating.approaching: 80 is above good 70") {
		t.Errorf("ascending thresholds: %v", err)
	}
}

func TestProfileValidation(t *testing.T) {
	p := exampleProfile()
	p.ContractValuePence = 0
	p.AtRiskPercent = mustDec("0")
	p.Periods = []string{"Q1", "Q1", " Q2"}
	p.Indicators[1].ID = "X1"
	p.Indicators[1].Direction = "up"
	err := p.Validate()
	for _, w := range []string{
		"contract_value_pence: must be more than 0",
		"at_risk_percent: 0 must be more than 0",
		`periods[1]: "Q1" is already periods[0]`,
		`periods[2]: the period " Q2" starts or ends with a space`,
		`indicators[1].id: "X1" is already the id of indicators[0]`,
		`indicators[1].direction: "up" is not a direction`,
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("want %q in:\n%v", w, err)
		}
	}
}
