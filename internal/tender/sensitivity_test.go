package tender

import (
	"fmt"
	"math/rand"
	"testing"
)

// rescaleITT applies the sensitivity rule to the ITT itself: at stake s,
// each criterion's lived experience part is scaled by s/S and its
// commissioner part by (Q − s)/(Q − S); a joint criterion gets the new
// total weight and the share its lived experience part now has. Scoring
// the rescaled ITT from scratch must give the outcome the analysis
// predicts, so this checks the analysis against the scoring engine
// instead of against itself. Only for 0 < s < Q, where every part stays
// positive.
func rescaleITT(t ITT, s Rat) ITT {
	S, Q := t.Stake, t.QualityWeight()
	lepScale, comScale := s.Quo(S), Q.Sub(s).Quo(Q.Sub(S))
	out := t
	out.Stake = s
	out.Criteria = cloneCriteria(t.Criteria)
	for i, c := range out.Criteria {
		lep := c.LEPWeight().Mul(lepScale)
		com := c.CommissionerWeight().Mul(comScale)
		out.Criteria[i].Weight = lep.Add(com)
		if c.Panel == Joint {
			out.Criteria[i].LEPShare = lep.Quo(lep.Add(com))
		}
	}
	return out
}

func outcomeAt(t *testing.T, itt ITT, bids []Bid, scores []Consensus, s Rat) Outcome {
	t.Helper()
	r, err := Evaluate(rescaleITT(itt, s), bids, scores)
	if err != nil {
		t.Fatalf("at stake %s: %v", s, err)
	}
	return Outcome{Winner: r.Winner, Tied: r.TiedFirst}
}

func segmentAt(sv Sensitivity, s Rat) (Segment, bool) {
	for _, g := range sv.Segments {
		if g.Contains(s) {
			return g, true
		}
	}
	return Segment{}, false
}

func TestSensitivityAgreesWithRescoring(t *testing.T) {
	itt := workedITT()
	bids := workedBids()
	scores := workedScores([5]int{4, 3, 3, 4, 3}, [5]int{3, 4, 4, 5, 4}, [5]int{5, 5, 2, 3, 4})
	r, err := Evaluate(itt, bids, scores)
	if err != nil {
		t.Fatal(err)
	}
	sv := r.Sensitivity()
	stakes := []Rat{Frac(3165, 172), Frac(3165, 172).Sub(Frac(1, 1000000)), Frac(3165, 172).Add(Frac(1, 1000000))}
	for k := 1; k < 560; k++ {
		stakes = append(stakes, Frac(int64(k), 8))
	}
	for _, s := range stakes {
		g, ok := segmentAt(sv, s)
		if !ok {
			t.Fatalf("no segment holds %s", s)
		}
		if want := outcomeAt(t, itt, bids, scores, s); !sameOutcome(g.Outcome, want) {
			t.Errorf("at stake %s (%s): analysis says %v, rescoring says %v", s, s.Round(4), g.Outcome, want)
		}
	}
}

// TestSensitivityRandom builds random tenders and checks the analysis
// against rescoring at every segment end and at points inside segments.
func TestSensitivityRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for n := 0; n < 300; n++ {
		itt, bids, scores := randomTender(rng)
		r, err := Evaluate(itt, bids, scores)
		if err != nil {
			t.Fatalf("case %d: %v", n, err)
		}
		sv := r.Sensitivity()
		if !sv.Defined {
			continue
		}
		if !sameOutcome(sv.Winner, Outcome{Winner: r.Winner, Tied: r.TiedFirst}) {
			t.Fatalf("case %d: winner at the stake %v, evaluation %q", n, sv.Winner, r.Winner)
		}
		Q := itt.QualityWeight()
		var probe []Rat
		for _, g := range sv.Segments {
			probe = append(probe, g.From, g.To, g.From.Add(g.To).Quo(Int(2)))
		}
		for k := 0; k < 10; k++ {
			probe = append(probe, Q.Mul(Frac(int64(rng.Intn(1000)+1), 1002)))
		}
		// Where any two bids' totals cross, and just either side: a change
		// of winner the analysis missed would show there. Worked out here
		// from each bid's parts, not by the analysis.
		S, eps := itt.Stake, Frac(1, 1000000)
		totalAt := func(b BidResult, s Rat) Rat {
			return b.Total.Sub(b.Quality).Add(b.LEP.Mul(s).Quo(S)).Add(b.Commissioner.Mul(Q.Sub(s)).Quo(Q.Sub(S)))
		}
		for i, a := range r.Bids {
			for _, b := range r.Bids[i+1:] {
				if a.Failed || b.Failed {
					continue
				}
				d0 := totalAt(a, Int(0)).Sub(totalAt(b, Int(0)))
				slope := totalAt(a, Q).Sub(totalAt(b, Q)).Sub(d0)
				if slope.Sign() != 0 {
					x := d0.Neg().Mul(Q).Quo(slope)
					probe = append(probe, x, x.Sub(eps), x.Add(eps))
				}
			}
		}
		for _, s := range probe {
			if s.Sign() <= 0 || s.Cmp(Q) >= 0 {
				continue
			}
			g, ok := segmentAt(sv, s)
			if !ok {
				t.Fatalf("case %d: no segment holds %s", n, s)
			}
			if want := outcomeAt(t, itt, bids, scores, s); !sameOutcome(g.Outcome, want) {
				t.Fatalf("case %d at stake %s: analysis %v, rescoring %v\n%+v", n, s, g.Outcome, want, itt)
			}
		}
	}
}

// randomTender makes a small valid tender with random weights, panels and
// scores, and prices close enough together that winners change with the stake.
func randomTender(rng *rand.Rand) (ITT, []Bid, []Consensus) {
	price := Int(int64(10 + rng.Intn(5)*10))
	Q := Int(100).Sub(price)
	nc := 2 + rng.Intn(3)
	itt := ITT{Title: "Random", PriceWeight: price, TieBreak: DefaultTieBreak()}
	left := Q
	for i := 0; i < nc; i++ {
		w := left
		if i < nc-1 {
			w = left.Mul(Frac(int64(1+rng.Intn(3)), 5))
		}
		left = left.Sub(w)
		c := Criterion{ID: fmt.Sprintf("Q%d", i+1), Question: "q", Weight: w}
		switch i {
		case 0:
			c.Panel = Commissioner
		case 1:
			c.Panel = LivedExperience
		default:
			c.Panel = []Panel{Commissioner, LivedExperience, Joint}[rng.Intn(3)]
		}
		if c.Panel == Joint {
			c.LEPShare = Frac(int64(1+rng.Intn(3)), 4)
		}
		itt.Criteria = append(itt.Criteria, c)
	}
	itt.Stake = itt.LEPWeight()
	nb := 2 + rng.Intn(7) // up to 8 bids: several changes of winner over the stakes
	var bids []Bid
	var scores []Consensus
	for b := 0; b < nb; b++ {
		id := string(rune('A' + b))
		bids = append(bids, Bid{ID: id, PricePence: int64(90 + rng.Intn(4)*10)})
		for _, c := range itt.Criteria {
			for _, p := range c.Panels() {
				scores = append(scores, Consensus{Bid: id, Criterion: c.ID, Panel: p, Score: rng.Intn(6)})
			}
		}
	}
	return itt, bids, scores
}

func TestSensitivityUndefined(t *testing.T) {
	itt := ITT{Title: "No stake", PriceWeight: Int(30), Criteria: []Criterion{
		{ID: "Q1", Question: "a", Weight: Int(70), Panel: Commissioner},
	}}
	r, err := Evaluate(itt, []Bid{{ID: "A", PricePence: 1}}, []Consensus{{Bid: "A", Criterion: "Q1", Score: 3}})
	if err != nil {
		t.Fatal(err)
	}
	if sv := r.Sensitivity(); sv.Defined || sv.Reason == "" {
		t.Errorf("stake 0: %+v", sv)
	}
	itt.Stake = Int(70)
	itt.Criteria[0].Panel = LivedExperience
	r, err = Evaluate(itt, []Bid{{ID: "A", PricePence: 1}}, []Consensus{{Bid: "A", Criterion: "Q1", Score: 3}})
	if err != nil {
		t.Fatal(err)
	}
	if sv := r.Sensitivity(); sv.Defined {
		t.Errorf("stake = quality: %+v", sv)
	}
}

// TestSensitivityLEPDidNotChangeWinner: the bid both panels prefer wins at
// every stake, so the range is the whole [0, Q].
func TestSensitivityLEPDidNotChangeWinner(t *testing.T) {
	r, err := Evaluate(tieITT(nil), []Bid{{ID: "X", PricePence: 100}, {ID: "Y", PricePence: 100}},
		tieScores(map[string][2]int{"X": {5, 5}, "Y": {3, 3}}))
	if err != nil {
		t.Fatal(err)
	}
	sv := r.Sensitivity()
	if sv.LEPChangedWinner || sv.WinnerAtZero.Winner != "X" || len(sv.Segments) != 1 ||
		!sv.SameWinner.From.Equal(Int(0)) || !sv.SameWinner.To.Equal(Int(70)) || !sv.SameWinner.FromIncluded || !sv.SameWinner.ToIncluded {
		t.Errorf("%+v", sv)
	}
}
