package measure

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParseProfileJSONMatchesGoProfile(t *testing.T) {
	data, err := os.ReadFile("testdata/cquin_profile.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseProfileJSON(data, "cquin_profile.json")
	if err != nil {
		t.Fatal(err)
	}
	want := cquinProfile()
	if !reflect.DeepEqual(canon(got), canon(want)) {
		t.Errorf("parsed profile differs:\n got %+v\nwant %+v", canon(got), canon(want))
	}
}

// canon renders a profile with exact rationals as strings, for comparison.
func canon(p *Profile) string {
	var b strings.Builder
	b.WriteString(Dec(p.AtRiskPercent))
	b.WriteString(strings.Join(p.Periods, ","))
	for _, ind := range p.Indicators {
		b.WriteString("|" + ind.ID + ind.Name + Dec(ind.WeightPercent) + string(ind.Direction) + string(ind.Curve.Type) +
			Dec(ind.Curve.Target) + Dec(ind.Curve.ZeroAt) + Dec(ind.Curve.FullAt))
		for _, band := range ind.Curve.Bands {
			b.WriteString(Dec(band.Reach) + ":" + Dec(band.PayPercent))
		}
	}
	return b.String()
}

func TestParseProfileJSONExactNumbers(t *testing.T) {
	// 0.1 + 0.2 is exactly 0.3 here; in float64 it is not, and these
	// weights would not add up to 100.
	src := `{"contract_value_pence": 100, "at_risk_percent": 0.1, "periods": ["P"],
	  "indicators": [{"id": "A", "weight_percent": 0.1, "direction": "higher", "curve": {"type": "threshold", "target": 1}},
	                 {"id": "B", "weight_percent": 0.2, "direction": "higher", "curve": {"type": "threshold", "target": 1}},
	                 {"id": "C", "weight_percent": 99.7, "direction": "higher", "curve": {"type": "threshold", "target": 1}}]}`
	p, err := ParseProfileJSON([]byte(src), "p.json")
	if err != nil {
		t.Fatal(err)
	}
	if p.AtRiskPercent.RatString() != "1/10" {
		t.Errorf("at_risk_percent = %s", p.AtRiskPercent.RatString())
	}
}

func TestParseProfileJSONErrors(t *testing.T) {
	base := func(curve string) string {
		return `{"contract_value_pence": 120000000, "at_risk_percent": "1.5", "periods": ["Q1"], "indicators": [
  {"id": "A", "weight_percent": 50, "direction": "higher", "curve": {"type": "threshold", "target": 1}},
  {"id": "B", "weight_percent": 25, "direction": "higher", "curve": {"type": "threshold", "target": 1}},
  {"id": "C", "weight_percent": 25, "direction": "higher", "curve": ` + curve + `}]}`
	}
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"linear against direction", base(`{"type": "linear", "zero_at": 75, "full_at": 50}`),
			[]string{`p.json: indicators[2].curve.full_at: 50 is below zero_at 75`}},
		{"number as wrong type", base(`{"type": "linear", "zero_at": true, "full_at": 50}`),
			[]string{`p.json: indicators[2].curve.zero_at: must be a number, such as 1.5 or "1.5", not true`}},
		{"bad decimal string", base(`{"type": "linear", "zero_at": "50%", "full_at": 75}`),
			[]string{`p.json: indicators[2].curve.zero_at: "50%": write a number`}},
		{"field of another curve", base(`{"type": "linear", "zero_at": 5, "full_at": 7, "target": 6}`),
			[]string{`p.json: indicators[2].curve.target: is not used by a linear curve`}},
		{"unknown field", base(`{"type": "linear", "zero": 5, "full_at": 7}`),
			[]string{`p.json: indicators[2].curve.zero: unknown field`, `indicators[2].curve.zero_at: enter zero_at`}},
		{"syntax error names the line", "{\n\"periods\": [\"Q1\",]\n}", []string{`p.json:2: this is not valid JSON`}},
		{"duplicate key", `{"periods": [], "periods": []}`, []string{`p.json:1: the field "periods" appears twice`}},
		{"truncated", `{"periods": [`, []string{`p.json:1: the JSON ends too soon`}},
		{"trailing text", `{} {}`, []string{`unexpected text after the end`}},
		{"not an object", `[]`, []string{`p.json: the file must be a JSON object`}},
		{"fractional pence", `{"contract_value_pence": 100.5}`, []string{`contract_value_pence: 100.5 is not a whole number of pence`}},
		{"huge exponent", `{"contract_value_pence": 1e999999}`, []string{`contract_value_pence: "1e999999": has an exponent that is too large`}},
		{"missing everything", `{}`, []string{"contract_value_pence: must be more than 0", "at_risk_percent: enter", "periods: list at least one", "indicators: list at least one"}},
	} {
		_, err := ParseProfileJSON([]byte(c.src), "p.json")
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: want %q in:\n%v", c.name, w, err)
			}
		}
	}
	// A type problem is reported once, not again by validation.
	_, err := ParseProfileJSON([]byte(base(`{"type": "linear", "zero_at": true, "full_at": 50}`)), "p.json")
	if n := strings.Count(err.Error(), "zero_at"); n != 1 {
		t.Errorf("zero_at reported %d times:\n%v", n, err)
	}
}

func TestParseProfileJSONBounds(t *testing.T) {
	deep := strings.Repeat("[", 30) + strings.Repeat("]", 30)
	if _, err := ParseProfileJSON([]byte(deep), "p.json"); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Errorf("deep nesting: %v", err)
	}
	wide := "[" + strings.Repeat("1,", maxJSONNodes) + "1]"
	if _, err := ParseProfileJSON([]byte(wide), "p.json"); err == nil || !strings.Contains(err.Error(), "more than 200000 values") {
		t.Errorf("wide array: %v", err)
	}
}
