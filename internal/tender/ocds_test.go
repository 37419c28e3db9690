package tender

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestOCDSAwardCriteria(t *testing.T) {
	itt := workedITT()
	itt.Criteria[0].Weight = Frac(77, 3) // 25 2/3: no exact decimal
	itt.Criteria[1].Weight = Frac(61, 3) // keeps the sum at 100
	ac := OCDSAwardCriteria(itt)
	if len(ac.Criteria) != 5 {
		t.Fatalf("%d criteria", len(ac.Criteria))
	}
	b, err := json.Marshal(ac)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{
		`"number":16,"weight":"percentageExact"},{"number":2,"threshold":"minimumScore"}`,
		`"number":30,"weight":"percentageExact"`,
		`exactly 77/3% (about 25.6667%)`,
		`counts for 0.5 of it`,
		`holds 20% of the evaluation`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("award criteria lack %s:\n%s", want, s)
		}
	}
	if len(ac.Criteria[0].Numbers) != 0 {
		t.Errorf("a non-decimal weight was written as a number: %+v", ac.Criteria[0].Numbers)
	}
}
