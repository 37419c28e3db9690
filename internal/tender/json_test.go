package tender

import (
	"encoding/json"
	"testing"
)

// TestITTFromJSON reads an ITT as a file would give it: weights and shares
// as JSON numbers, read exactly from their text.
func TestITTFromJSON(t *testing.T) {
	src := `{
	  "title": "From a file",
	  "stake_percent": 20, "price_weight_percent": 30,
	  "criteria": [
	    {"id": "Q1", "question": "Delivery", "weight_percent": 43.73, "panel": "commissioner"},
	    {"id": "Q2", "question": "Voice", "weight_percent": 5.37, "panel": "lived_experience", "min_score": 2},
	    {"id": "Q3", "question": "Access", "weight_percent": 20.9, "panel": "joint", "lep_share": 0.7}
	  ],
	  "tie_break": ["highest_lep", "lowest_price"]
	}`
	var itt ITT
	if err := json.Unmarshal([]byte(src), &itt); err != nil {
		t.Fatal(err)
	}
	// 5.37 + 20.9 × 0.7 = 5.37 + 14.63 = 20 exactly; in float64 it is 19.999999999999996.
	if c := CheckStake(itt); !c.OK {
		t.Fatalf("stake: %s", c.Message())
	}
	if err := itt.ValidateForScoring(); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(itt)
	if err != nil {
		t.Fatal(err)
	}
	var back ITT
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Criteria[2].LEPShare.Equal(MustRat("0.7")) || back.Criteria[0].LEPShare.Sign() != 0 || *back.Criteria[1].MinScore != 2 {
		t.Errorf("round trip: %s", out)
	}
}
