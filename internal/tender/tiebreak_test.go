package tender

import (
	"strconv"
	"strings"
	"testing"
)

// tieITT: Q1 commissioner 50 (10 points a score point), Q2 lived
// experience 20 (4 points a score point), price 30, stake 20.
func tieITT(tb TieBreak) ITT {
	return ITT{Title: "Ties", Stake: Int(20), PriceWeight: Int(30), TieBreak: tb, Criteria: []Criterion{
		{ID: "Q1", Question: "a", Weight: Int(50), Panel: Commissioner},
		{ID: "Q2", Question: "b", Weight: Int(20), Panel: LivedExperience},
	}}
}

func tieScores(rows map[string][2]int) []Consensus {
	var out []Consensus
	for bid, s := range rows {
		out = append(out, Consensus{Bid: bid, Criterion: "Q1", Score: s[0]}, Consensus{Bid: bid, Criterion: "Q2", Score: s[1]})
	}
	return out
}

// TestTieBreaks, by hand:
//
//	X: £100, Q1 4, Q2 5 → quality 40 + 20 = 60, price 30 → total 90
//	Y: £150, Q1 5, Q2 5 → quality 50 + 20 = 70, price 100/150 × 30 = 20 → total 90
//
// Totals are level at 90. Highest quality: Y (70 > 60). Highest LEP: both
// 20, level, so the next rule decides. Lowest price: X. Highest
// commissioner: Y (50 > 40).
func TestTieBreaks(t *testing.T) {
	bids := []Bid{{ID: "X", PricePence: 100}, {ID: "Y", PricePence: 150}}
	scores := tieScores(map[string][2]int{"X": {4, 5}, "Y": {5, 5}})
	cases := []struct {
		tb   TieBreak
		want string
	}{
		{nil, "Y"}, // the default: highest quality first
		{TieBreak{HighestQuality}, "Y"},
		{TieBreak{LowestPrice, HighestQuality}, "X"},
		{TieBreak{HighestLEP, LowestPrice}, "X"},
		{TieBreak{HighestLEP, HighestCommissioner}, "Y"},
	}
	for _, c := range cases {
		r, err := Evaluate(tieITT(c.tb), bids, scores)
		if err != nil {
			t.Fatal(err)
		}
		wantRat(t, "X total", r.Bids[0].Total, "90")
		wantRat(t, "Y total", r.Bids[1].Total, "90")
		if r.Winner != c.want || r.Bids[0].Rank != 1 || r.Bids[1].Rank != 2 {
			t.Errorf("%v: winner %q ranks %d %d, want %s", c.tb, r.Winner, r.Bids[0].Rank, r.Bids[1].Rank, c.want)
		}
	}
	// Only the LEP rule: level after every rule, so first place is shared.
	r, err := Evaluate(tieITT(TieBreak{HighestLEP}), bids, scores)
	if err != nil {
		t.Fatal(err)
	}
	if r.Winner != "" || len(r.TiedFirst) != 2 || r.Bids[0].Rank != 1 || r.Bids[1].Rank != 1 {
		t.Errorf("complete tie: winner %q tied %v ranks %d %d", r.Winner, r.TiedFirst, r.Bids[0].Rank, r.Bids[1].Rank)
	}
}

// TestCompetitionRanks: P and Q are identical and share second place after
// every rule; R comes fourth, not third.
//
//	W: £100, Q1 5, Q2 5 → 50 + 20 + 30 = 100
//	P, Q: £100, Q1 4, Q2 4 → 40 + 16 + 30 = 86
//	R: £100, Q1 3, Q2 3 → 30 + 12 + 30 = 72
func TestCompetitionRanks(t *testing.T) {
	bids := []Bid{{ID: "R", PricePence: 100}, {ID: "P", PricePence: 100}, {ID: "W", PricePence: 100}, {ID: "Q", PricePence: 100}}
	r, err := Evaluate(tieITT(nil), bids, tieScores(map[string][2]int{"W": {5, 5}, "P": {4, 4}, "Q": {4, 4}, "R": {3, 3}}))
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, b := range r.Bids {
		got += b.Bid.ID + ":" + strconv.Itoa(b.Rank) + " "
	}
	if got != "W:1 P:2 Q:2 R:4 " {
		t.Errorf("ranking %s", got)
	}
}

func TestTieBreakDescribe(t *testing.T) {
	s := DefaultTieBreak().Describe()
	for _, want := range []string{"higher quality score", "lived experience panel", "lower price"} {
		if !strings.Contains(s, want) {
			t.Errorf("%q lacks %q", s, want)
		}
	}
}

// TestJointMinimumOnBlendedScore: the minimum applies to the joint
// criterion's blended score b × LEP + (1 − b) × commissioner.
//
//	LEP 1, commissioner 4, minimum 3.
//	share 1/3: 1/3 + 2/3 × 4 = 3   → not below 3, passes
//	share 1/2: 1/2 + 1/2 × 4 = 2.5 → below 3, fails
func TestJointMinimumOnBlendedScore(t *testing.T) {
	three := 3
	for _, c := range []struct {
		share  Rat
		failed bool
		score  string
	}{{Frac(1, 3), false, "3"}, {Frac(1, 2), true, "2.5"}} {
		// stake = 70 × share, so the invariant holds for either share.
		itt := ITT{Title: "Joint", Stake: Int(70).Mul(c.share), PriceWeight: Int(30), Criteria: []Criterion{
			{ID: "Q1", Question: "a", Weight: Int(70), Panel: Joint, LEPShare: c.share, MinScore: &three},
		}}
		r, err := Evaluate(itt, []Bid{{ID: "A", PricePence: 1}}, []Consensus{
			{Bid: "A", Criterion: "Q1", Panel: LivedExperience, Score: 1},
			{Bid: "A", Criterion: "Q1", Panel: Commissioner, Score: 4},
		})
		if err != nil {
			t.Fatal(err)
		}
		b := r.Bids[0]
		wantRat(t, "blended score", b.Criteria[0].Score, c.score)
		if b.Failed != c.failed {
			t.Errorf("share %s: failed %v, want %v", c.share, b.Failed, c.failed)
		}
	}
}

// TestNoPriceWeight: a quality-only tender gives no price score.
func TestNoPriceWeight(t *testing.T) {
	itt := ITT{Title: "Quality only", Stake: Int(25), Criteria: []Criterion{
		{ID: "Q1", Question: "a", Weight: Int(75), Panel: Commissioner},
		{ID: "Q2", Question: "b", Weight: Int(25), Panel: LivedExperience},
	}}
	r, err := Evaluate(itt, []Bid{{ID: "A"}, {ID: "B"}}, tieScores(map[string][2]int{"A": {5, 0}, "B": {4, 5}}))
	if err != nil {
		t.Fatal(err)
	}
	// A: 75 + 0 = 75; B: 60 + 25 = 85.
	if r.Winner != "B" || r.Bids[0].Price.Sign() != 0 {
		t.Errorf("winner %s price %s", r.Winner, r.Bids[0].Price)
	}
	wantRat(t, "B total", r.Bids[0].Total, "85")
}
