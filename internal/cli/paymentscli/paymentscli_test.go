package paymentscli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/measure"
)

// run runs the command in-process and returns exit code, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// The fixtures are the CQUIN-style profile worked by hand in
// internal/measure/cquin_test.go: £48m, 1.25% at risk (£600,000), five
// indicators of 20%, quarterly; C5 unreported in Q2. The year pays
// 41,400,000 pence.

func TestCalcJSON(t *testing.T) {
	code, out, errOut := run(t, "", "calc", "--profile", "testdata/profile.json", "--reports", "testdata/reports.csv", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		AtRiskPence int64 `json:"at_risk_pence"`
		TotalPence  int64 `json:"total_pence"`
		Periods     []struct {
			Period             string      `json:"period"`
			TotalPence         int64       `json:"total_pence"`
			AchievementPercent json.Number `json:"achievement_percent"`
			Rating             string      `json:"rating"`
			Indicators         []struct {
				ID           string       `json:"id"`
				Value        *json.Number `json:"value"`
				PayPercent   json.Number  `json:"pay_percent"`
				PayFraction  string       `json:"pay_fraction"`
				PaymentPence int64        `json:"payment_pence"`
				Status       string       `json:"status"`
			} `json:"indicators"`
		} `json:"periods"`
	}
	// The shape of the issue, with every key present.
	var shape map[string]any
	if err := json.Unmarshal([]byte(out), &shape); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"at_risk_pence", "total_pence", "periods"} {
		if _, ok := shape[k]; !ok {
			t.Errorf("top level lacks %q", k)
		}
	}
	period := shape["periods"].([]any)[1].(map[string]any)
	for _, k := range []string{"period", "total_pence", "indicators"} {
		if _, ok := period[k]; !ok {
			t.Errorf("period lacks %q", k)
		}
	}
	for _, ind := range period["indicators"].([]any) {
		for _, k := range []string{"id", "value", "pay_percent", "payment_pence", "status"} {
			if _, ok := ind.(map[string]any)[k]; !ok {
				t.Errorf("indicator lacks %q", k)
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.AtRiskPence != 60_000_000 || got.TotalPence != 41_400_000 || len(got.Periods) != 4 {
		t.Fatalf("at risk %d, total %d, %d periods", got.AtRiskPence, got.TotalPence, len(got.Periods))
	}
	q1 := got.Periods[0]
	if q1.Period != "2027-Q1" || q1.TotalPence != 8_550_000 || q1.AchievementPercent != "57" || q1.Rating != "requires_improvement" {
		t.Errorf("Q1 = %+v", q1)
	}
	c1 := q1.Indicators[0]
	if c1.ID != "C1" || *c1.Value != "72" || c1.PayPercent != "60" || c1.PayFraction != "3/5" || c1.PaymentPence != 1_800_000 || c1.Status != "reported" {
		t.Errorf("Q1 C1 = %+v", c1)
	}
	if v := q1.Indicators[1].Value; *v != "84.9" {
		t.Errorf("Q1 C2 value %s, want 84.9 exactly", *v)
	}
	c5 := got.Periods[1].Indicators[4]
	if c5.Status != "missing" || c5.Value != nil || c5.PaymentPence != 0 || c5.PayPercent != "0" {
		t.Errorf("Q2 C5 = %+v", c5)
	}
	// value is JSON null, not absent, when missing.
	if !strings.Contains(out, `"value": null`) {
		t.Errorf("missing value not written as null")
	}
}

func TestCalcCSV(t *testing.T) {
	code, out, errOut := run(t, "", "calc", "--profile", "testdata/profile.json", "--reports", "testdata/reports.csv", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+4*5 || strings.Join(rows[0], ",") != "period,indicator,status,value,pay_percent,available_pence,payment_pence" {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	if got := strings.Join(rows[4], ","); got != "2027-Q1,C4,reported,17.5,75,3000000,2250000" {
		t.Errorf("Q1 C4 row %q", got)
	}
	if got := strings.Join(rows[10], ","); got != "2027-Q2,C5,missing,,0,3000000,0" {
		t.Errorf("Q2 C5 row %q", got)
	}
}

func TestCalcText(t *testing.T) {
	code, out, errOut := run(t, "", "calc", "--profile", "testdata/profile.json", "--reports", "testdata/reports.csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, w := range []string{
		"Contract value £48,000,000.00; 1.25% at risk = £600,000.00 over 4 periods",
		"2027-Q1: paid £85,500.00 of £150,000.00 (57% achieved), rating: Requires improvement",
		"2027-Q4: paid £148,500.00 of £150,000.00 (99% achieved), rating: Good",
		"MISSING",
		"1 report missing: no report, no payment.",
		"Total paid: £414,000.00 of £600,000.00 at risk",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("text output lacks %q:\n%s", w, out)
		}
	}
}

func TestCalcReportsFromStdin(t *testing.T) {
	reports, err := os.ReadFile("testdata/reports.csv")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, string(reports), "calc", "--profile", "testdata/profile.json", "--reports", "-", "--format", "json")
	if code != 0 || !strings.Contains(out, `"total_pence": 41400000`) {
		t.Errorf("exit %d, %s", code, errOut)
	}
}

func write(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCalcInvalidInput(t *testing.T) {
	badCurve := `{"contract_value_pence": 120000000, "at_risk_percent": "1.5", "periods": ["2027-Q1", "2027-Q2"],
 "indicators": [
  {"id": "X1", "weight_percent": 30, "direction": "higher", "curve": {"type": "linear", "zero_at": 50, "full_at": 75}},
  {"id": "X2", "weight_percent": 30, "direction": "lower", "curve": {"type": "threshold", "target": 14}},
  {"id": "X3", "weight_percent": 40, "direction": "higher", "curve": {"type": "linear", "zero_at": 80, "full_at": 60}}]}`
	goodProfile := strings.Replace(badCurve, `"zero_at": 80, "full_at": 60`, `"zero_at": 60, "full_at": 80`, 1)
	weights := strings.Replace(goodProfile, `"weight_percent": 40`, `"weight_percent": 35`, 1)
	reports := "period,indicator,value\n2027-Q1,X1,70\n2027-Q1,X2,12\n2027-Q1,X3,65\n2027-Q2,X1,71\n2027-Q2,X2,13\n2027-Q3,X3,1\n"
	dupReports := "period,indicator,value\n2027-Q1,X1,70\n2027-Q1,X1,71\n"
	okReports := write(t, "reports.csv", "period,indicator,value\n2027-Q1,X1,70\n")

	for _, c := range []struct {
		name    string
		args    []string
		code    int
		wantErr string
	}{
		{"curve against direction", []string{"--profile", write(t, "profile.json", badCurve), "--reports", okReports}, 2,
			"profile.json: indicators[2].curve.full_at: 60 is below zero_at 80"},
		{"weights", []string{"--profile", write(t, "profile.json", weights), "--reports", okReports}, 2,
			"profile.json: indicators: the weight_percent values add up to 95, not 100; add 5 to the weights"},
		{"unknown period names the line", []string{"--profile", write(t, "profile.json", goodProfile), "--reports", write(t, "reports.csv", reports)}, 2,
			`reports.csv:7: period "2027-Q3" is not one of the profile's periods`},
		{"duplicate row", []string{"--profile", write(t, "profile.json", goodProfile), "--reports", write(t, "reports.csv", dupReports)}, 2,
			`reports.csv:3: indicator "X1" in period "2027-Q1" is already reported on line 2`},
		{"no such file", []string{"--profile", "testdata/nope.json", "--reports", okReports}, 2, "cannot read testdata/nope.json: no such file or directory"},
		{"missing flag", []string{"--profile", "testdata/profile.json"}, 2, "give both --profile and --reports"},
		{"bad format", []string{"--profile", "testdata/profile.json", "--reports", okReports, "--format", "xml"}, 2, `unknown --format "xml"`},
		{"unknown flag", []string{"--bogus"}, 2, "flag provided but not defined: -bogus"},
		{"both stdin", []string{"--profile", "-", "--reports", "-"}, 2, "only one of --profile and --reports"},
	} {
		code, out, errOut := run(t, "", append([]string{"calc"}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.wantErr) || out != "" {
			t.Errorf("%s: exit %d, stderr %q, stdout %q; want exit %d and %q", c.name, code, errOut, out, c.code, c.wantErr)
		}
	}
	if code, _, errOut := run(t, "", "sum"); code != 2 || !strings.Contains(errOut, `unknown command "sum"`) {
		t.Errorf("unknown subcommand: %d %q", code, errOut)
	}
	if code, _, _ := run(t, ""); code != 2 {
		t.Errorf("no subcommand: exit %d", code)
	}
	if code, out, _ := run(t, "", "calc", "--help"); code != 0 || !strings.Contains(out, "Usage:") {
		t.Errorf("--help: exit %d", code)
	}
}

// TestCalcMatchesEngine checks the command prints exactly what the engine
// computes, cell by cell: the web calls the same engine, so the contract
// page and the finance team's check agree.
func TestCalcMatchesEngine(t *testing.T) {
	profileData, _ := os.ReadFile("testdata/profile.json")
	p, err := measure.ParseProfileJSON(profileData, "profile.json")
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open("testdata/reports.csv")
	defer f.Close()
	reps, err := measure.ParseReportsCSV(f, "reports.csv", p)
	if err != nil {
		t.Fatal(err)
	}
	res, err := measure.Calculate(p, reps)
	if err != nil {
		t.Fatal(err)
	}
	_, out, _ := run(t, "", "calc", "--profile", "testdata/profile.json", "--reports", "testdata/reports.csv", "--format", "csv")
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	k := 1
	for _, pr := range res.Periods {
		for _, ir := range pr.Indicators {
			if got, want := rows[k][6], strconv.FormatInt(ir.PaymentPence, 10); got != want {
				t.Errorf("%s %s: CLI %s, engine %s", pr.Period, ir.ID, got, want)
			}
			k++
		}
	}
}

// TestCalcHalfToEven runs the rounding cases of the engine tests through
// the command: 1,010 and 1,030 pence at 10% at risk, split 50/50, give
// exactly 50.5 and 51.5 pence, which round to the even 50 and 52.
func TestCalcHalfToEven(t *testing.T) {
	for _, c := range []struct {
		contract string
		want     string
	}{{"1010", `"payment_pence": 50`}, {"1030", `"payment_pence": 52`}} {
		profile := write(t, "profile.json", `{"contract_value_pence": `+c.contract+`, "at_risk_percent": 10, "periods": ["P1"],
  "indicators": [{"id": "A", "weight_percent": 50, "direction": "higher", "curve": {"type": "threshold", "target": 1}},
                 {"id": "B", "weight_percent": 50, "direction": "higher", "curve": {"type": "threshold", "target": 1}}]}`)
		reports := write(t, "reports.csv", "period,indicator,value\nP1,A,1\n")
		code, out, errOut := run(t, "", "calc", "--profile", profile, "--reports", reports, "--format", "json")
		if code != 0 || !strings.Contains(out, c.want+"\n") {
			t.Errorf("contract %s: exit %d %s\n%s", c.contract, code, errOut, out)
		}
	}
}
