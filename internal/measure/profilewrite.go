package measure

import (
	"encoding/json"
	"math/big"
)

// The shapes profile.json is written in. Numbers are written as decimal
// strings, which ParseProfileJSON reads exactly.
type (
	curveJSON struct {
		Type   CurveType  `json:"type"`
		Target string     `json:"target,omitempty"`
		ZeroAt string     `json:"zero_at,omitempty"`
		FullAt string     `json:"full_at,omitempty"`
		Bands  []bandJSON `json:"bands,omitempty"`
	}
	bandJSON struct {
		Reach      string `json:"reach"`
		PayPercent string `json:"pay_percent"`
	}
	indicatorJSON struct {
		ID            string    `json:"id"`
		Name          string    `json:"name,omitempty"`
		MeasureID     string    `json:"measure_id,omitempty"`
		WeightPercent string    `json:"weight_percent"`
		Direction     Direction `json:"direction"`
		Curve         curveJSON `json:"curve"`
	}
	ratingJSON struct {
		Good                string `json:"good"`
		Approaching         string `json:"approaching"`
		RequiresImprovement string `json:"requires_improvement"`
	}
	profileJSON struct {
		ContractValuePence int64           `json:"contract_value_pence"`
		AtRiskPercent      string          `json:"at_risk_percent"`
		Periods            []string        `json:"periods"`
		Indicators         []indicatorJSON `json:"indicators"`
		Rating             ratingJSON      `json:"rating"`
	}
)

func decOrEmpty(r *big.Rat) string {
	if r == nil {
		return ""
	}
	return Dec(r)
}

func curveToJSON(c Curve) curveJSON {
	out := curveJSON{Type: c.Type}
	switch c.Type {
	case Threshold:
		out.Target = decOrEmpty(c.Target)
	case Linear:
		out.ZeroAt, out.FullAt = decOrEmpty(c.ZeroAt), decOrEmpty(c.FullAt)
	case Banded:
		out.Bands = []bandJSON{}
		for _, b := range c.Bands {
			out.Bands = append(out.Bands, bandJSON{Reach: decOrEmpty(b.Reach), PayPercent: decOrEmpty(b.PayPercent)})
		}
	}
	return out
}

// CurveJSON writes a validated curve as profile.json writes one, for
// storage: ParseCurveJSON reads it back exactly.
func CurveJSON(c Curve) string {
	b, _ := json.Marshal(curveToJSON(c))
	return string(b)
}

// ParseCurveJSON reads one curve written as in profile.json, with the same
// reader and the same checks as ParseProfileJSON.
func ParseCurveJSON(data []byte, field string) (Curve, error) {
	root, err := parseJSONTree(data)
	if err != nil {
		return Curve{}, &InputError{Source: field, Problems: []Problem{{Message: err.Error()}}}
	}
	r := profileReader{}
	c := r.curve(root, field)
	if err := r.ps.err(""); err != nil {
		return Curve{}, err
	}
	return c, nil
}

// ProfileJSON writes a validated profile in the profile.json format of
// "coprod payments calc", so a finance team can check a contract's numbers
// offline with exactly the engine the contract page uses. Rating
// thresholds are written out in full, defaults included.
func ProfileJSON(p *Profile) []byte {
	t := p.Rating.withDefaults()
	out := profileJSON{ContractValuePence: p.ContractValuePence, AtRiskPercent: decOrEmpty(p.AtRiskPercent),
		Periods: append([]string{}, p.Periods...), Indicators: []indicatorJSON{},
		Rating: ratingJSON{Good: Dec(t.Good), Approaching: Dec(t.Approaching), RequiresImprovement: Dec(t.RequiresImprovement)}}
	for _, ind := range p.Indicators {
		out.Indicators = append(out.Indicators, indicatorJSON{ID: ind.ID, Name: ind.Name, MeasureID: ind.MeasureID,
			WeightPercent: decOrEmpty(ind.WeightPercent), Direction: ind.Direction, Curve: curveToJSON(ind.Curve)})
	}
	b, _ := json.MarshalIndent(out, "", "  ")
	return append(b, '\n')
}
