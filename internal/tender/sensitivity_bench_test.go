package tender

import (
	"fmt"
	"math/rand"
	"testing"
)

// benchResult scores n random bids on a four-criterion tender with a 20%
// stake (one criterion joint), prices close together.
func benchResult(b *testing.B, n int) Result {
	rng := rand.New(rand.NewSource(int64(n)))
	half := Frac(1, 2)
	itt := ITT{Title: "Bench", Stake: Int(20), PriceWeight: Int(30), TieBreak: DefaultTieBreak(), Criteria: []Criterion{
		{ID: "Q1", Question: "q", Weight: Int(26), Panel: Commissioner},
		{ID: "Q2", Question: "q", Weight: Int(20), Panel: Commissioner},
		{ID: "Q3", Question: "q", Weight: Int(16), Panel: LivedExperience},
		{ID: "Q4", Question: "q", Weight: Int(8), Panel: Joint, LEPShare: half},
	}}
	var bids []Bid
	var scores []Consensus
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("B%02d", i)
		bids = append(bids, Bid{ID: id, PricePence: int64(100_000_000 + rng.Intn(20)*1_000_000)})
		for _, c := range itt.Criteria {
			for _, p := range c.Panels() {
				scores = append(scores, Consensus{Bid: id, Criterion: c.ID, Panel: p, Score: rng.Intn(6)})
			}
		}
	}
	r, err := Evaluate(itt, bids, scores)
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkSensitivity works out the stake sensitivity for 5, 20 and 50
// bids (the CLI's limit).
func BenchmarkSensitivity(b *testing.B) {
	for _, n := range []int{5, 20, 50, 200} {
		b.Run(fmt.Sprintf("bids=%d", n), func(b *testing.B) {
			r := benchResult(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if sv := r.Sensitivity(); !sv.Defined {
					b.Fatal(sv.Reason)
				}
			}
		})
	}
}
