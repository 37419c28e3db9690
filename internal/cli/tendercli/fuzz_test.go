package tendercli

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/tender"
)

// FuzzScore feeds arbitrary itt.json and scores.csv text through the
// command's reading and checking, and checks that:
//
//   - nothing panics or hangs, and a refusal always says why, with exit 1
//     or 2 (2 only for the stake invariant);
//   - whatever the files pass, the engine accepts: the CLI checks, with file
//     and line, everything Evaluate would refuse;
//   - the result can be written as JSON (valid, with a rank exactly for the
//     bids that did not fail) and as text.
//
// When the ITT is refused, the scores are still read against the example
// ITT, so that the CSV reader is fuzzed whatever the first file holds.
func FuzzScore(f *testing.F) {
	itt, err := os.ReadFile("testdata/itt.json")
	if err != nil {
		f.Fatal(err)
	}
	csv, err := os.ReadFile("testdata/scores.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(itt, csv)
	f.Add(itt, []byte(strings.Replace(string(csv), "B,Q2,,4", "B,Q2,,5", 1)))
	f.Add([]byte(strings.Replace(string(itt), `"weight_percent": 12, "panel": "lived_experience"`, `"weight_percent": 7, "panel": "lived_experience"`, 1)), csv)
	f.Add([]byte(`{"stake_percent": "20%", "price_weight_percent": 30, "criteria": [
	  {"id": "Q1", "weight_percent": "82/3", "panel": "commissioner"},
	  {"id": "Q2", "weight_percent": 12, "panel": "commissioner"},
	  {"id": "Q3", "weight_percent": "44/3", "panel": "lived_experience"},
	  {"id": "Q4", "weight_percent": 16, "panel": "joint", "lep_share": "1/3"}],
	  "bids": [{"id": "Solo", "price_pence": "1e8"}]}`),
		[]byte("criterion,bid,score,panel\nQ1,Solo,5,\nQ2,Solo,5,\nQ3,Solo,5,\nQ4,Solo,5,lived_experience\nQ4,Solo,5,commissioner\n"))
	f.Add([]byte(`{"stake_percent": 0, "price_weight_percent": 0, "scale_max": 1, "tie_break": ["lowest_price"],
	  "criteria": [{"id": "Q", "weight_percent": 100, "panel": "commissioner", "min_score": 1}],
	  "bids": [{"id": "x", "price_pence": 0}, {"id": "y", "price_pence": 5}]}`),
		[]byte("bid,criterion,score\nx,Q,1\ny,Q,1\n"))
	f.Add([]byte(`[1,`), []byte("\ufeffbid;criterion;score\r\n"))
	f.Add([]byte(`{"criteria": {}, "bids": null, "x": 1e999}`), []byte("bid,criterion,score\nA,\"Q1,3\n"))

	f.Fuzz(func(t *testing.T, ittData, csvData []byte) {
		in, code, probs := load("itt.json", ittData, "scores.csv", csvData)
		if code != exitOK {
			if len(probs) == 0 || (code != exitInvalid && code != exitStake) {
				t.Fatalf("exit %d with problems %q", code, probs)
			}
			if code == exitStake && !strings.Contains(probs[0], "breaks the stake invariant") {
				t.Fatalf("exit 2 without the stake: %q", probs)
			}
			if t0, bids, _, p := parseITT("itt.json", itt); len(p) == 0 {
				if _, p := parseScores("scores.csv", csvData, t0, bids); p != nil && len(p) == 0 {
					t.Fatal("an empty, non-nil list of problems")
				}
			}
			return
		}
		if len(in.bids) > 12 {
			return // keeps each fuzz run quick; many bids are benchmarked instead
		}
		res, err := tender.Evaluate(in.itt, in.bids, in.scores)
		if err != nil {
			t.Fatalf("the files passed but the engine refused them: %v\n%s\n%s", err, ittData, csvData)
		}
		rep := tender.NewReport(in.itt, res)
		var out bytes.Buffer
		if err := rep.WriteJSON(&out); err != nil {
			t.Fatal(err)
		}
		var back result
		if err := json.Unmarshal(out.Bytes(), &back); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, out.Bytes())
		}
		if len(back.Bids) != len(in.bids) {
			t.Fatalf("%d bids in, %d out", len(in.bids), len(back.Bids))
		}
		for _, b := range back.Bids {
			if (b.Rank == nil) != b.Failed || (b.Failed && len(b.FailedCriteria) == 0) || (b.Rank != nil && *b.Rank < 1) {
				t.Fatalf("bid %s: rank %v failed %v %v", b.ID, b.Rank, b.Failed, b.FailedCriteria)
			}
		}
		out.Reset()
		if err := writeText(&out, in, rep); err != nil {
			t.Fatal(err)
		}
	})
}
