package tender

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRoundedString(t *testing.T) {
	for _, c := range []struct {
		in   Rat
		want string
	}{
		{Int(28), "28"},
		{MustRat("81.2"), "81.2"},
		{MustRat("81.20000"), "81.2"},
		{Frac(3165, 172), "18.4012"}, // 18.40116...
		{Frac(1, 3), "0.3333"},
		{Frac(2, 3), "0.6667"},
		{MustRat("0.00005"), "0.0001"},   // half away from zero
		{MustRat("-0.00005"), "-0.0001"}, // half away from zero
		{MustRat("-0.00004"), "0"},       // never "-0"
		{MustRat("0.00004"), "0"},
		{MustRat("12.34565"), "12.3457"},
		{MustRat("100"), "100"},
		{Rat{}, "0"},
	} {
		if got := Rounded(c.in).String(); got != c.want {
			t.Errorf("Rounded(%s) = %s, want %s", c.in, got, c.want)
		}
		b, err := json.Marshal(Rounded(c.in))
		if err != nil || string(b) != c.want {
			t.Errorf("json of Rounded(%s) = %s, %v", c.in, b, err)
		}
		if !Rounded(c.in).Exact().Equal(c.in) {
			t.Errorf("Exact lost %s", c.in)
		}
	}
}

// TestReportWorkedExample publishes the worked example of worked_test.go.
func TestReportWorkedExample(t *testing.T) {
	rep := NewReport(workedITT(), workedResult(t))
	if rep.Winner == nil || *rep.Winner != "B" || rep.WinnerAtZeroStake == nil || *rep.WinnerAtZeroStake != "C" {
		t.Fatalf("winner %v at zero %v", rep.Winner, rep.WinnerAtZeroStake)
	}
	if rep.LEPChangedWinner == nil || !*rep.LEPChangedWinner {
		t.Error("the lived experience panel's scores changed the winner")
	}
	g := rep.StakeRange
	if g == nil || g.From.String() != "18.4012" || g.FromIncluded || g.FromExact != "3165/172" ||
		g.To.String() != "70" || !g.ToIncluded || g.ToExact != "70" {
		t.Errorf("stake range %+v", g)
	}
	wantOrder := []string{"B", "C", "A"}
	for i, b := range rep.Bids {
		if b.ID != wantOrder[i] || b.Rank == nil || *b.Rank != i+1 || b.Failed || len(b.FailedCriteria) != 0 {
			t.Errorf("bid %d: %+v", i, b)
		}
	}
	c := rep.Bids[1]
	if c.Total.String() != "80.5" || c.PriceScore.String() != "22.5" || c.LEPScore.String() != "8.8" ||
		c.CommissionerScore.String() != "49.2" || c.QualityScore.String() != "58" || c.Exact.Total != "80.5" {
		t.Errorf("C: %+v", c)
	}
	q4 := rep.Bids[2].Criteria[3] // A on Q4: LEP 4, commissioner 3
	if q4.ID != "Q4" || q4.Scores[LivedExperience] != 4 || q4.Scores[Commissioner] != 3 || q4.Score.String() != "3.5" ||
		q4.LEPPart.String() != "3.2" || q4.CommissionerPart.String() != "2.4" || q4.Weighted.String() != "5.6" || q4.MinScore != nil {
		t.Errorf("A Q4: %+v", q4)
	}
	if q3 := rep.Bids[0].Criteria[2]; q3.MinScore == nil || *q3.MinScore != 2 || len(q3.Scores) != 1 {
		t.Errorf("B Q3: %+v", q3)
	}
	if len(rep.Ties) != 0 || rep.StakePercent.String() != "20" || rep.PriceWeightPercent.String() != "30" ||
		rep.QualityWeightPercent.String() != "70" || rep.ScaleMax != 5 || rep.LowestCompliantPricePence != 90_000_000 {
		t.Errorf("report: %+v", rep)
	}
	out, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"winner":"B"`, `"winner_at_zero_stake":"C"`, `"lep_changed_winner":true`,
		`"stake_range_same_winner":{"from":18.4012,"to":70,`, `"failed_criteria":[]`, `"rank":1`, `"total":81.6`, `"tied_first":[]`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("JSON has no %s:\n%s", want, out)
		}
	}
}

func TestReportFailedBid(t *testing.T) {
	r, err := Evaluate(workedITT(), workedBids(), workedScores(
		[5]int{4, 3, 3, 4, 3}, [5]int{3, 4, 1, 5, 4}, [5]int{5, 5, 2, 3, 4}))
	if err != nil {
		t.Fatal(err)
	}
	rep := NewReport(workedITT(), r)
	b := rep.Bids[2]
	if b.ID != "B" || b.Rank != nil || !b.Failed || len(b.FailedCriteria) != 1 || b.FailedCriteria[0] != "Q3" || !b.Criteria[2].BelowMinimum {
		t.Fatalf("failed bid %+v", b)
	}
	out, _ := json.Marshal(b)
	if !strings.Contains(string(out), `"rank":null`) || !strings.Contains(string(out), `"failed":true,"failed_criteria":["Q3"]`) {
		t.Errorf("JSON %s", out)
	}
}

func TestReportNoCompliantBid(t *testing.T) {
	r, err := Evaluate(workedITT(), workedBids(), workedScores(
		[5]int{4, 3, 0, 4, 3}, [5]int{3, 4, 1, 5, 4}, [5]int{5, 5, 1, 3, 4}))
	if err != nil {
		t.Fatal(err)
	}
	rep := NewReport(workedITT(), r)
	if rep.Winner != nil || rep.WinnerAtZeroStake != nil || rep.LEPChangedWinner != nil || rep.StakeRange != nil || rep.SensitivityNote == "" {
		t.Errorf("report %+v", rep)
	}
	out, _ := json.Marshal(rep)
	if !strings.Contains(string(out), `"winner":null,"tied_first":[],"winner_at_zero_stake":null,"tied_at_zero_stake":[],"lep_changed_winner":null,"stake_range_same_winner":null`) {
		t.Errorf("JSON %s", out)
	}
}

// TestReportTies: in the worked ITT, bid C is given A's price and the
// scores Q1 4, Q2 3, Q3 3, Q4 LEP 5 / commissioner 2:
//
//	LEP          = 3/5×16 + 5/5×8×½ = 9.6 + 4   = 13.6
//	commissioner = 4/5×26 + 3/5×20 + 2/5×8×½ = 20.8 + 12 + 1.6 = 34.4
//	quality      = 48, the same as A's (12.8 + 35.2), and the same price
//
// so A and C are level on total (75) and quality, and the second default
// rule, the higher lived experience score, puts C (13.6) above A (12.8).
// With C's scores the same as A's they are level after every rule.
func TestReportTies(t *testing.T) {
	bids := workedBids()
	bids[2].PricePence = bids[0].PricePence
	for _, c := range []struct {
		scores    [5]int
		above     string
		decidedBy TieBreakKey
		ranks     map[string]int
	}{
		{[5]int{4, 3, 3, 5, 2}, "C", HighestLEP, map[string]int{"B": 1, "C": 2, "A": 3}},
		{[5]int{4, 3, 3, 4, 3}, "A", "", map[string]int{"B": 1, "A": 2, "C": 2}},
	} {
		r, err := Evaluate(workedITT(), bids, workedScores([5]int{4, 3, 3, 4, 3}, [5]int{3, 4, 4, 5, 4}, c.scores))
		if err != nil {
			t.Fatal(err)
		}
		rep := NewReport(workedITT(), r)
		if len(rep.Ties) != 1 {
			t.Fatalf("ties %+v", rep.Ties)
		}
		n := rep.Ties[0]
		if n.Above != c.above || n.DecidedBy != c.decidedBy || n.Total.String() != "75" || n.Rule == "" {
			t.Errorf("tie %+v", n)
		}
		for _, b := range rep.Bids {
			if *b.Rank != c.ranks[b.ID] {
				t.Errorf("%s rank %d, want %d", b.ID, *b.Rank, c.ranks[b.ID])
			}
		}
	}
}
