package measure

import "testing"

// cquinProfile is a CQUIN-style scheme: 1.25% of the contract value at
// risk, five indicators worth 0.25% each (so weight 20% each of the money
// at risk), reported quarterly. C1 is a linear 60%→80% indicator, the
// usual CQUIN shape: nothing below the minimum, full payment at the
// maximum, in proportion between.
//
// Contract: £48,000,000 = 4,800,000,000 pence a year.
//
//	at risk            = 4,800,000,000 × 1.25% = 60,000,000 pence (£600,000)
//	per quarter        = 60,000,000 ÷ 4        = 15,000,000
//	each indicator     = 15,000,000 × 20%      =  3,000,000 (£30,000 a quarter,
//	                     £120,000 a year = 0.25% of £48m)
func cquinProfile() *Profile {
	return &Profile{
		ContractValuePence: 4_800_000_000,
		AtRiskPercent:      mustDec("1.25"),
		Periods:            []string{"2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"},
		Indicators: []Indicator{
			{ID: "C1", Name: "Care plans co-produced with the person (%)", WeightPercent: mustDec("20"), Direction: Higher,
				Curve: curveLinear("60", "80")},
			{ID: "C2", Name: "People who felt listened to (% positive answers)", WeightPercent: mustDec("20"), Direction: Higher,
				Curve: curveThreshold("85")},
			{ID: "C3", Name: "Outcome measures recorded at discharge (%)", WeightPercent: mustDec("20"), Direction: Higher,
				Curve: Curve{Type: Banded, Bands: []Band{{mustDec("40"), mustDec("25")}, {mustDec("50"), mustDec("50")}, {mustDec("60"), mustDec("100")}}}},
			{ID: "C4", Name: "Days from referral to first contact (median)", WeightPercent: mustDec("20"), Direction: Lower,
				Curve: curveLinear("28", "14")},
			{ID: "C5", Name: "Reasonable adjustment flag recorded (%)", WeightPercent: mustDec("20"), Direction: Higher,
				Curve: curveThreshold("90")},
		},
	}
}

// cquinReports are a year of reports, C5 missing in Q2.
func cquinReports() []Report {
	return []Report{
		rep("2027-Q1", "C1", "72"), rep("2027-Q1", "C2", "84.9"), rep("2027-Q1", "C3", "55"), rep("2027-Q1", "C4", "17.5"), rep("2027-Q1", "C5", "90"),
		rep("2027-Q2", "C1", "80"), rep("2027-Q2", "C2", "86"), rep("2027-Q2", "C3", "61"), rep("2027-Q2", "C4", "14"),
		rep("2027-Q3", "C1", "59.99"), rep("2027-Q3", "C2", "85"), rep("2027-Q3", "C3", "39"), rep("2027-Q3", "C4", "28"), rep("2027-Q3", "C5", "95"),
		rep("2027-Q4", "C1", "79"), rep("2027-Q4", "C2", "90"), rep("2027-Q4", "C3", "60"), rep("2027-Q4", "C4", "10"), rep("2027-Q4", "C5", "92"),
	}
}

func TestCQUINWorkedExample(t *testing.T) {
	// Worked by hand, 3,000,000 pence available per indicator per quarter:
	//
	// Q1  C1 72    → (72−60)/20 = 60%      → 1,800,000
	//     C2 84.9  → below 85              →         0
	//     C3 55    → band 50 reached: 50%  → 1,500,000
	//     C4 17.5  → (17.5−28)/(14−28)=75% → 2,250,000
	//     C5 90    → target met            → 3,000,000
	//     total 8,550,000; achievement 20×(0.6+0+0.5+0.75+1) = 57 → requires improvement
	// Q2  C1 80 → 100%, C2 86 → 100%, C3 61 → 100%, C4 14 → 100%, C5 missing
	//     total 12,000,000; achievement 80 → approaching target
	// Q3  C1 59.99 → 0, C2 85 → 100%, C3 39 → 0 (below the lowest band),
	//     C4 28 → 0 (at zero_at), C5 95 → 100%
	//     total 6,000,000; achievement 40 → inadequate
	// Q4  C1 79 → 95% → 2,850,000; C2, C3 (60), C4 (10 days), C5 → 3,000,000 each
	//     total 14,850,000; achievement 20×4.95 = 99 → good
	// Year: 8,550,000 + 12,000,000 + 6,000,000 + 14,850,000 = 41,400,000
	//       (£414,000 of the £600,000 at risk).
	res, err := Calculate(cquinProfile(), cquinReports())
	if err != nil {
		t.Fatal(err)
	}
	if res.AtRiskPence != 60_000_000 || res.TotalPence != 41_400_000 {
		t.Fatalf("at risk %d, total %d; want 60000000, 41400000", res.AtRiskPence, res.TotalPence)
	}
	want := []struct {
		pay         [5]int64
		total       int64
		achievement string
		rating      Rating
	}{
		{[5]int64{1_800_000, 0, 1_500_000, 2_250_000, 3_000_000}, 8_550_000, "57", RequiresImprovement},
		{[5]int64{3_000_000, 3_000_000, 3_000_000, 3_000_000, 0}, 12_000_000, "80", ApproachingTarget},
		{[5]int64{0, 3_000_000, 0, 0, 3_000_000}, 6_000_000, "40", Inadequate},
		{[5]int64{2_850_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000}, 14_850_000, "99", Good},
	}
	for i, w := range want {
		p := res.Periods[i]
		for j, ir := range p.Indicators {
			if ir.PaymentPence != w.pay[j] || ir.AvailablePence != 3_000_000 {
				t.Errorf("%s %s: paid %d of %d, want %d of 3000000", p.Period, ir.ID, ir.PaymentPence, ir.AvailablePence, w.pay[j])
			}
		}
		if p.TotalPence != w.total || Dec(p.AchievementPercent) != w.achievement || p.Rating != w.rating {
			t.Errorf("%s: total %d, achievement %s, %s; want %d, %s, %s", p.Period, p.TotalPence, Dec(p.AchievementPercent), p.Rating,
				w.total, w.achievement, w.rating)
		}
	}
	if s := res.Periods[1].Indicators[4].Status; s != Missing {
		t.Errorf("Q2 C5 status %s, want missing", s)
	}
}
