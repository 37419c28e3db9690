package measure

import (
	"encoding/json"
	"testing"
)

// TestOCDSMetrics checks indicators become OCDS metrics by hand: a target
// and a baseline as exact decimals, a missing baseline left out, an
// unreadable target left out rather than published wrong.
func TestOCDSMetrics(t *testing.T) {
	rows := []IndicatorRow{
		{MeasureID: "m1", Title: "The same worker each time", PlainEnglish: "People see a worker they know.",
			Definition: "visits by a known worker ÷ all visits", Baseline: "40", Target: "75.50", Direction: Higher},
		{MeasureID: "m2", Title: "Days to a first appointment", PlainEnglish: "How long people wait.", Definition: "days waited",
			Target: "28", Direction: Lower},
		{MeasureID: "m3", Title: "Broken", Definition: "x", Target: "about 30"},
	}
	ms := OCDSMetrics(rows)
	got, err := json.Marshal(ms)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"id":"m1","title":"The same worker each time","description":"People see a worker they know. Measured as: visits by a known worker ÷ all visits.",` +
		`"observations":[{"id":"m1-target","measure":75.5,"notes":"Target (higher is better)."},{"id":"m1-baseline","measure":40,"notes":"Baseline before the contract."}]},` +
		`{"id":"m2","title":"Days to a first appointment","description":"How long people wait. Measured as: days waited.",` +
		`"observations":[{"id":"m2-target","measure":28,"notes":"Target (lower is better)."}]},` +
		`{"id":"m3","title":"Broken","description":"Measured as: x."}]`
	if string(got) != want {
		t.Errorf("metrics:\n got %s\nwant %s", got, want)
	}
}
