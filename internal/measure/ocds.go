package measure

import (
	"encoding/json"
	"strings"

	"github.com/coprod/coprod/ocds"
)

// OCDSMetrics writes a specification's indicators as OCDS metrics (the
// metrics extension): the experience and outcome measures a tender asks
// bidders to meet, and the award and contract agree. Each carries its
// target, and its baseline when known, as observations; the measure's
// number is the decimal as written, never rounded through a float.
func OCDSMetrics(rows []IndicatorRow) []ocds.Metric {
	out := make([]ocds.Metric, 0, len(rows))
	for _, r := range rows {
		m := ocds.Metric{ID: r.MeasureID, Title: r.Title,
			Description: strings.TrimSpace(r.PlainEnglish + " Measured as: " + r.Definition + ".")}
		if n, ok := ocdsNumber(r.Target); ok {
			m.Observations = append(m.Observations, ocds.Observation{ID: r.MeasureID + "-target", Measure: n,
				Notes: "Target (" + r.Direction.Label() + ")."})
		}
		if n, ok := ocdsNumber(r.Baseline); ok {
			m.Observations = append(m.Observations, ocds.Observation{ID: r.MeasureID + "-baseline", Measure: n,
				Notes: "Baseline before the contract."})
		}
		out = append(out, m)
	}
	return out
}

// ocdsNumber is a decimal as a JSON number in its shortest exact form, and
// false for an empty or unreadable one.
func ocdsNumber(s string) (json.Number, bool) {
	r, err := ParseDecimal(s)
	if s == "" || err != nil {
		return "", false
	}
	return json.Number(Dec(r)), true
}
