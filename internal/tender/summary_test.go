package tender

import (
	"strings"
	"testing"
)

func TestSummaries(t *testing.T) {
	itt := workedITT()
	r := workedResult(t)
	ss := Summaries(itt, r)
	if len(ss) != 3 {
		t.Fatalf("%d summaries", len(ss))
	}
	b, c := ss[0], ss[1]
	if !b.Successful || b.Winner != nil || b.Lines[0].WinnerScore != nil {
		t.Errorf("winner's own summary: %+v", b)
	}
	if !strings.Contains(b.Reasons[0], "highest total score, 81.60 out of 100, of 3 compliant bids") {
		t.Errorf("winner reasons %q", b.Reasons)
	}
	if c.Successful || c.Winner == nil || c.Winner.Name != "Birch Support" {
		t.Fatalf("C summary %+v", c)
	}
	wantRat(t, "C total", c.Totals.Total, "80.5")
	wantRat(t, "winner total in C's summary", c.Winner.Totals.Total, "81.6")
	q1 := c.Lines[0]
	wantRat(t, "C Q1 weight", q1.Weight, "26")
	wantRat(t, "C Q1 score", q1.Score, "5")
	wantRat(t, "C Q1 weighted", q1.Weighted, "26")
	wantRat(t, "B's Q1 score in C's summary", *q1.WinnerScore, "3")
	wantRat(t, "B's Q1 weighted in C's summary", *q1.WinnerWeighted, "15.6")
	if q1.Rationale != "Q1 rationale for C" || q1.WinnerRationale != "Q1 rationale for B" {
		t.Errorf("rationales %q / %q", q1.Rationale, q1.WinnerRationale)
	}
	q4 := c.Lines[3]
	if !strings.Contains(q4.Rationale, "Lived experience panel: Q4 LEP for C") || !strings.Contains(q4.Rationale, "Commissioner panel: Q4 com for C") {
		t.Errorf("joint rationale %q", q4.Rationale)
	}
	if !strings.Contains(strings.Join(c.Reasons, " "), "ranked 2 of 3") || !strings.Contains(strings.Join(c.Reasons, " "), "1.10 points more") {
		t.Errorf("C reasons %q", c.Reasons)
	}

	// A failed bid is told which minimum it missed.
	failed, err := Evaluate(itt, workedBids(), workedScores(
		[5]int{4, 3, 3, 4, 3}, [5]int{3, 4, 1, 5, 4}, [5]int{5, 5, 2, 3, 4}))
	if err != nil {
		t.Fatal(err)
	}
	fs := Summaries(itt, failed)
	last := fs[2]
	if !last.Failed || last.Rank != 0 || !strings.Contains(last.Reasons[0], "scored 1.00 on Q3, below the minimum score of 2") {
		t.Errorf("failed summary %+v", last)
	}
	if last.Winner == nil || last.Winner.Name != "Cedar Health" {
		t.Errorf("failed bid not shown the winner: %+v", last.Winner)
	}
}

func TestSummariesWithoutAWinner(t *testing.T) {
	itt := tieITT(TieBreak{HighestLEP})
	r, err := Evaluate(itt, []Bid{{ID: "X", PricePence: 100}, {ID: "Y", PricePence: 150}},
		tieScores(map[string][2]int{"X": {4, 5}, "Y": {5, 5}}))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range Summaries(itt, r) {
		if s.Successful || s.Winner != nil || !strings.Contains(s.Reasons[0], "level in first place") {
			t.Errorf("%s: %+v", s.Bid.ID, s)
		}
	}
}
