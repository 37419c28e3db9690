package measure

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// The fuzz targets check that no input makes the parsers panic, hang or
// accept something the engine then cannot handle, and that every refusal
// is an *InputError with a message.

func FuzzParseProfileJSON(f *testing.F) {
	if data, err := os.ReadFile("testdata/cquin_profile.json"); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		`{}`, `[]`, `{"periods": [], "periods": []}`, `{"contract_value_pence": 1e999999}`,
		`{"contract_value_pence": 100, "at_risk_percent": 0.1, "periods": ["P"], "indicators": [{"id": "A", "weight_percent": 100, "direction": "lower", "curve": {"type": "bands", "bands": [{"reach": 10, "pay_percent": 50}, {"reach": 5, "pay_percent": 100}]}}], "rating": {"good": 95}}`,
		`{"contract_value_pence": "1030", "at_risk_percent": "10", "periods": ["P1"], "indicators": [{"id": "A", "weight_percent": "50", "direction": "higher", "curve": {"type": "linear", "zero_at": "0", "full_at": "3"}}, {"id": "B", "weight_percent": 50, "direction": "higher", "curve": {"type": "threshold", "target": -1.5e-3}}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseProfileJSON(data, "p.json")
		if err != nil {
			checkInputError(t, err)
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("parsed profile does not validate: %v", err)
		}
		if len(p.Periods)*len(p.Indicators) > 10_000 {
			return
		}
		// Every cell reported with the same value: payments stay within 0..available.
		var reps []Report
		for _, period := range p.Periods {
			for _, ind := range p.Indicators {
				reps = append(reps, Report{Period: period, Indicator: ind.ID, Value: mustDec("50")})
			}
		}
		res, err := Calculate(p, reps)
		if err != nil {
			t.Fatalf("Calculate: %v", err)
		}
		for _, pr := range res.Periods {
			for _, ir := range pr.Indicators {
				if ir.PaymentPence < 0 || ir.PaymentPence > ir.AvailablePence {
					t.Fatalf("%s %s pays %d of %d", pr.Period, ir.ID, ir.PaymentPence, ir.AvailablePence)
				}
			}
		}
	})
}

func FuzzParseReportsCSV(f *testing.F) {
	if data, err := os.ReadFile("testdata/cquin_reports.csv"); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		"", "period,indicator,value\n", "\uFEFFPeriod, Indicator ,Value\r\n2027-Q1, X1 , 70 \r\n\r\n\"2027-Q1\",X2,12\r\n",
		"period,indicator,value\n2027-Q1,X1,70\n2027-Q9,X1,70\n2027-Q1,Z1,70\n2027-Q2,X1,72.5%\n2027-Q2,X2,\n2027-Q1,X1,71\n2027-Q3,X1\n",
		"period,indicator,value\n2027-Q1,\"X1,70\n", "period,indicator,value\n2027-Q4,X2,1e30\n2027-Q4,X1,-0.000001\n",
	} {
		f.Add([]byte(s))
	}
	profiles := []*Profile{exampleProfile(), cquinProfile()}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, p := range profiles {
			reps, err := ParseReportsCSV(bytes.NewReader(data), "r.csv", p)
			if err != nil {
				checkInputError(t, err)
				continue
			}
			res, err := Calculate(p, reps)
			if err != nil {
				t.Fatalf("reports the parser accepted are refused: %v", err)
			}
			var sum int64
			for _, pr := range res.Periods {
				sum += pr.TotalPence
				if pr.TotalPence > pr.AvailablePence {
					t.Fatalf("%s pays %d of %d", pr.Period, pr.TotalPence, pr.AvailablePence)
				}
			}
			if sum != res.TotalPence {
				t.Fatalf("periods add up to %d, total %d", sum, res.TotalPence)
			}
		}
	})
}

func FuzzDiffWords(f *testing.F) {
	f.Add("the quick brown fox", "the slow red fox")
	f.Add("Seen within 6 weeks.", "Seen within 4 weeks!")
	f.Add("we don't know", "we do know")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		runs := DiffWords(a, b)
		old, new := rebuild(runs)
		if old != a || new != b {
			t.Fatalf("rebuilt %q, %q from %q, %q", old, new, a, b)
		}
		for i, r := range runs {
			if r.Text == "" {
				t.Fatalf("empty run %d", i)
			}
			if i > 0 && runs[i-1].Op == r.Op {
				t.Fatalf("runs %d and %d have the same op", i-1, i)
			}
		}
	})
}

func checkInputError(t *testing.T, err error) {
	t.Helper()
	ie, ok := err.(*InputError)
	if !ok {
		t.Fatalf("error is %T, not *InputError: %v", err, err)
	}
	if len(ie.Problems) == 0 {
		t.Fatal("InputError without problems")
	}
	for _, p := range ie.Problems {
		if strings.TrimSpace(p.Message) == "" {
			t.Fatalf("problem without a message: %+v", p)
		}
	}
}
