package tender

import (
	"testing"
)

// The worked example, computed by hand before the code was run.
//
// ITT: stake S = 20%, price weight 30%, so quality Q = 70%. Scale 0–5.
//
//	Q1 commissioner       weight 26
//	Q2 commissioner       weight 20
//	Q3 lived experience   weight 16, minimum score 2
//	Q4 joint              weight  8, lep_share 1/2
//
//	weights: 26 + 20 + 16 + 8 + 30 (price) = 100
//	stake:   LEP weight = 16 + 8 × 1/2 = 20 = S
//
// Bids (price in pounds; pence in the test):
//
//	A £1,000,000   Q1 4  Q2 3  Q3 3  Q4 LEP 4 / commissioner 3
//	B £900,000     Q1 3  Q2 4  Q3 4  Q4 LEP 5 / commissioner 4
//	C £1,200,000   Q1 5  Q2 5  Q3 2  Q4 LEP 3 / commissioner 4
//
// Weighted scores (score ÷ 5 × weight × panel share):
//
//	A: Q1 4/5×26 = 20.8   Q2 3/5×20 = 12   Q3 3/5×16 = 9.6
//	   Q4 LEP 4/5×8×½ = 3.2, commissioner 3/5×8×½ = 2.4
//	   LEP = 9.6 + 3.2 = 12.8; commissioner = 20.8 + 12 + 2.4 = 35.2; quality 48
//	B: Q1 15.6  Q2 16  Q3 12.8  Q4 LEP 4, commissioner 3.2
//	   LEP = 16.8; commissioner = 34.8; quality 51.6
//	C: Q1 26  Q2 20  Q3 6.4  Q4 LEP 2.4, commissioner 3.2
//	   LEP = 8.8; commissioner = 49.2; quality 58
//	   (C scored exactly the minimum of 2 on Q3: at the minimum is not below it.)
//
// Price (lowest compliant price is B's £900,000):
//
//	A 900/1000 × 30 = 27    B 30    C 900/1200 × 30 = 22.5
//
// Totals: A 75, B 81.6, C 80.5. Ranking B, C, A: B wins.
//
// Sensitivity: at stake s, LEP parts × s/20 and commissioner parts × (70 − s)/50.
//
//	A(s) = 27   + 12.8 s/20 + 35.2 (70 − s)/50 = 76.28 − 0.064 s
//	B(s) = 30   + 16.8 s/20 + 34.8 (70 − s)/50 = 78.72 + 0.144 s
//	C(s) = 22.5 +  8.8 s/20 + 49.2 (70 − s)/50 = 91.38 − 0.544 s
//
// At s = 0: A 76.28, B 78.72, C 91.38, so C would have won: the lived
// experience panel's scores changed the winner. B and C cross where
// 78.72 + 0.144 s = 91.38 − 0.544 s, s = 12.66 / 0.688 = 3165/172 ≈ 18.4012.
// There the totals are level and the first tie-break, highest quality,
// goes to C (quality differs by the price gap, 30 − 22.5 = 7.5, in C's
// favour), so B wins for 3165/172 < s ≤ 70. A never leads (B is above A
// at 0 and rises while A falls).
func workedITT() ITT {
	two := 2
	return ITT{
		Title:       "Children and young people's mental health support",
		Stake:       Int(20),
		PriceWeight: Int(30),
		Lots:        DefaultLots(),
		Criteria: []Criterion{
			{ID: "Q1", Question: "How will you deliver the service?", Weight: Int(26), Panel: Commissioner},
			{ID: "Q2", Question: "How will you manage risk?", Weight: Int(20), Panel: Commissioner},
			{ID: "Q3", Question: "How will young people shape the service?", Weight: Int(16), Panel: LivedExperience, MinScore: &two},
			{ID: "Q4", Question: "How will you make the service accessible?", Weight: Int(8), Panel: Joint, LEPShare: Frac(1, 2)},
		},
	}
}

func workedBids() []Bid {
	return []Bid{
		{ID: "A", Name: "Alder Care", PricePence: 100_000_000},
		{ID: "B", Name: "Birch Support", PricePence: 90_000_000},
		{ID: "C", Name: "Cedar Health", PricePence: 120_000_000},
	}
}

// scoresTable turns "bid: Q1 Q2 Q3 Q4lep Q4com" rows into consensus scores.
func workedScores(a, b, c [5]int) []Consensus {
	var out []Consensus
	for bid, s := range map[string][5]int{"A": a, "B": b, "C": c} {
		out = append(out,
			Consensus{Bid: bid, Criterion: "Q1", Score: s[0], Rationale: "Q1 rationale for " + bid},
			Consensus{Bid: bid, Criterion: "Q2", Score: s[1]},
			Consensus{Bid: bid, Criterion: "Q3", Panel: LivedExperience, Score: s[2], Rationale: "Q3 rationale for " + bid},
			Consensus{Bid: bid, Criterion: "Q4", Panel: LivedExperience, Score: s[3], Rationale: "Q4 LEP for " + bid},
			Consensus{Bid: bid, Criterion: "Q4", Panel: Commissioner, Score: s[4], Rationale: "Q4 com for " + bid},
		)
	}
	return out
}

func workedResult(t *testing.T) Result {
	t.Helper()
	r, err := Evaluate(workedITT(), workedBids(), workedScores(
		[5]int{4, 3, 3, 4, 3}, [5]int{3, 4, 4, 5, 4}, [5]int{5, 5, 2, 3, 4}))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func wantRat(t *testing.T, what string, got Rat, want string) {
	t.Helper()
	if !got.Equal(MustRat(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

func TestWorkedExampleTotals(t *testing.T) {
	r := workedResult(t)
	if r.Winner != "B" {
		t.Fatalf("winner %q, want B", r.Winner)
	}
	if r.LowestCompliantPence != 90_000_000 {
		t.Errorf("lowest compliant price %d", r.LowestCompliantPence)
	}
	want := []struct {
		id                                     string
		rank                                   int
		lep, commissioner, quality, price, tot string
	}{
		{"B", 1, "16.8", "34.8", "51.6", "30", "81.6"},
		{"C", 2, "8.8", "49.2", "58", "22.5", "80.5"},
		{"A", 3, "12.8", "35.2", "48", "27", "75"},
	}
	for i, w := range want {
		b := r.Bids[i]
		if b.Bid.ID != w.id || b.Rank != w.rank || b.Failed {
			t.Fatalf("position %d: %s rank %d failed %v, want %s rank %d", i, b.Bid.ID, b.Rank, b.Failed, w.id, w.rank)
		}
		wantRat(t, w.id+" LEP", b.LEP, w.lep)
		wantRat(t, w.id+" commissioner", b.Commissioner, w.commissioner)
		wantRat(t, w.id+" quality", b.Quality, w.quality)
		wantRat(t, w.id+" price", b.Price, w.price)
		wantRat(t, w.id+" total", b.Total, w.tot)
	}
	a, _ := r.Bid("A")
	q4 := a.Criteria[3]
	wantRat(t, "A Q4 LEP part", q4.LEPPart, "3.2")
	wantRat(t, "A Q4 commissioner part", q4.CommissionerPart, "2.4")
	wantRat(t, "A Q4 blended score", q4.Score, "3.5")
	c, _ := r.Bid("C")
	if c.Criteria[2].BelowMinimum {
		t.Error("C scored exactly the minimum on Q3 and was failed")
	}
}

func TestWorkedExampleSensitivity(t *testing.T) {
	sv := workedResult(t).Sensitivity()
	if !sv.Defined {
		t.Fatalf("not defined: %s", sv.Reason)
	}
	if sv.Winner.Winner != "B" || sv.WinnerAtZero.Winner != "C" || !sv.LEPChangedWinner {
		t.Fatalf("winner %v, at zero %v, changed %v; want B, C, true", sv.Winner, sv.WinnerAtZero, sv.LEPChangedWinner)
	}
	g := sv.SameWinner
	if !g.From.Equal(Frac(3165, 172)) || g.FromIncluded || !g.To.Equal(Int(70)) || !g.ToIncluded {
		t.Errorf("same-winner range %s%s, %s%s; want (3165/172, 70]",
			map[bool]string{true: "[", false: "("}[g.FromIncluded], g.From, g.To, map[bool]string{true: "]", false: ")"}[g.ToIncluded])
	}
	if got := g.From.Round(4); got != "18.4012" {
		t.Errorf("From rounds to %s", got)
	}
	if len(sv.Segments) != 2 || sv.Segments[0].Outcome.Winner != "C" || !sv.Segments[0].ToIncluded || !sv.Segments[0].From.Equal(Int(0)) {
		t.Errorf("segments %+v", sv.Segments)
	}
}

// TestMinimumScoreFailure: B scores 1 on Q3, below the minimum of 2.
//
//	B fails, so it is unranked and its £900,000 no longer sets the lowest
//	price: A's £1,000,000 does. Price: A 30, C 1000/1200 × 30 = 25.
//	Totals: A 48 + 30 = 78, C 58 + 25 = 83. C wins.
func TestMinimumScoreFailure(t *testing.T) {
	r, err := Evaluate(workedITT(), workedBids(), workedScores(
		[5]int{4, 3, 3, 4, 3}, [5]int{3, 4, 1, 5, 4}, [5]int{5, 5, 2, 3, 4}))
	if err != nil {
		t.Fatal(err)
	}
	if r.Winner != "C" || r.LowestCompliantPence != 100_000_000 {
		t.Fatalf("winner %q lowest %d; want C, 100000000", r.Winner, r.LowestCompliantPence)
	}
	last := r.Bids[2]
	if last.Bid.ID != "B" || !last.Failed || last.Rank != 0 || len(last.FailedCriteria) != 1 || last.FailedCriteria[0] != "Q3" {
		t.Fatalf("failed bid %+v", last)
	}
	if last.Price.Sign() != 0 {
		t.Errorf("failed bid has a price score %s", last.Price)
	}
	a, _ := r.Bid("A")
	c, _ := r.Bid("C")
	wantRat(t, "A total", a.Total, "78")
	wantRat(t, "C price", c.Price, "25")
	wantRat(t, "C total", c.Total, "83")
	if a.Rank != 2 || c.Rank != 1 {
		t.Errorf("ranks A %d C %d", a.Rank, c.Rank)
	}
}

func TestNoCompliantBid(t *testing.T) {
	r, err := Evaluate(workedITT(), workedBids(), workedScores(
		[5]int{4, 3, 0, 4, 3}, [5]int{3, 4, 1, 5, 4}, [5]int{5, 5, 1, 3, 4}))
	if err != nil {
		t.Fatal(err)
	}
	if r.Winner != "" || r.LowestCompliantPence != 0 || len(r.TiedFirst) != 0 {
		t.Fatalf("winner %q lowest %d tied %v", r.Winner, r.LowestCompliantPence, r.TiedFirst)
	}
	if sv := r.Sensitivity(); sv.Defined {
		t.Error("sensitivity defined with no compliant bid")
	}
}
