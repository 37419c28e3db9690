package tendercli

import (
	"bytes"
	"testing"

	"github.com/coprod/coprod/internal/tender"
)

// TestOfflineFilesReadBack writes an ITT, its bids and consensus scores as
// the web's downloads do (tender.WriteOfflineITT, WriteOfflineScores) and
// reads them back with this command's readers: nothing the engine uses is
// lost, including weights with no finite decimal (85/3 %), a joint
// criterion's share, a minimum score and the tie-break rule.
func TestOfflineFilesReadBack(t *testing.T) {
	two := 2
	itt := tender.ITT{Title: "Short breaks", Stake: tender.Int(20), PriceWeight: tender.Int(30), Scale: tender.DefaultScale(),
		TieBreak: tender.TieBreak{tender.LowestPrice, tender.HighestLEP},
		Criteria: []tender.Criterion{
			{ID: "Q1", Question: "Deliver?", Weight: tender.Frac(85, 3), Panel: tender.Commissioner},
			{ID: "Q2", Question: "Safe?", Weight: tender.Frac(41, 3), Panel: tender.Commissioner},
			{ID: "Q3", Question: "Shaped by people?", Weight: tender.Int(12), Panel: tender.LivedExperience, MinScore: &two},
			{ID: "Q4", Question: "Same worker?", Weight: tender.Int(16), Panel: tender.Joint, LEPShare: tender.Frac(1, 2)},
		}}
	bids := []tender.Bid{{ID: "A", Name: "Riverside", PricePence: 100_000_00}, {ID: "B", Name: "Brightpath, \"Ltd\"", PricePence: 90_000_00}}
	var cs []tender.Consensus
	for _, b := range bids {
		cs = append(cs, tender.Consensus{Bid: b.ID, Criterion: "Q1", Score: 3}, tender.Consensus{Bid: b.ID, Criterion: "Q2", Score: 4},
			tender.Consensus{Bid: b.ID, Criterion: "Q3", Score: 5}, tender.Consensus{Bid: b.ID, Criterion: "Q4", Panel: tender.Commissioner, Score: 2},
			tender.Consensus{Bid: b.ID, Criterion: "Q4", Panel: tender.LivedExperience, Score: 4})
	}
	var ittFile, scoresFile bytes.Buffer
	if err := tender.WriteOfflineITT(&ittFile, itt, bids); err != nil {
		t.Fatal(err)
	}
	if err := tender.WriteOfflineScores(&scoresFile, cs); err != nil {
		t.Fatal(err)
	}
	in, code, probs := load("itt.json", ittFile.Bytes(), "scores.csv", scoresFile.Bytes())
	if code != exitOK {
		t.Fatalf("exit %d: %v\n%s\n%s", code, probs, ittFile.String(), scoresFile.String())
	}
	got := in.itt
	if got.Title != itt.Title || !got.Stake.Equal(itt.Stake) || !got.PriceWeight.Equal(itt.PriceWeight) || got.Scale.Max != itt.Scale.Max ||
		len(got.TieBreak) != 2 || got.TieBreak[0] != tender.LowestPrice || got.TieBreak[1] != tender.HighestLEP {
		t.Fatalf("ITT read back as %+v", got)
	}
	if len(got.Criteria) != len(itt.Criteria) {
		t.Fatalf("%d criteria read back", len(got.Criteria))
	}
	for i, c := range itt.Criteria {
		g := got.Criteria[i]
		if g.ID != c.ID || g.Question != c.Question || !g.Weight.Equal(c.Weight) || g.Panel != c.Panel || (c.MinScore == nil) != (g.MinScore == nil) ||
			(c.MinScore != nil && *g.MinScore != *c.MinScore) || (c.Panel == tender.Joint && !g.LEPShare.Equal(c.LEPShare)) {
			t.Errorf("criterion %d read back as %+v, want %+v", i, g, c)
		}
	}
	if len(in.bids) != 2 || in.bids[1] != bids[1] {
		t.Errorf("bids read back as %+v", in.bids)
	}
	if len(in.scores) != len(cs) {
		t.Fatalf("%d scores read back, want %d", len(in.scores), len(cs))
	}
	for i, c := range cs {
		if g := in.scores[i]; g.Bid != c.Bid || g.Criterion != c.Criterion || g.Score != c.Score || (c.Panel != "" && g.Panel != c.Panel) {
			t.Errorf("score %d read back as %+v, want %+v", i, g, c)
		}
	}
}
