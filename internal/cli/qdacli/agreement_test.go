package qdacli

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/agreement"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "data.csv")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// testdata/krippendorff2011.csv is the reliability data of Krippendorff,
// "Computing Krippendorff's alpha-reliability" (2011): observers A to D as
// columns, the twelve units as rows, blanks where an observer gave no
// value. The paper gives alpha .743 nominal, .815 ordinal, .849 interval,
// .797 ratio over 40 pairable values.
func TestAgreementPublishedExample(t *testing.T) {
	for level, want := range map[string]float64{"nominal": .743, "ordinal": .815, "interval": .849, "ratio": .797} {
		code, out, errOut := run(t, "", "agreement", "--level", level, "--format", "json", "testdata/krippendorff2011.csv")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", level, code, errOut)
		}
		var got jsonReport
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%s: %v\n%s", level, err, out)
		}
		if got.Value == nil || math.Round(*got.Value*1000)/1000 != want {
			t.Errorf("%s: alpha %v, the paper gives %.3f", level, got.Value, want)
		}
		if got.Units != 12 || got.PairableUnits != 11 || got.PairableValues != 40 || strings.Join(got.Coders, "") != "ABCD" || got.Level != level {
			t.Errorf("%s: counts %+v", level, got)
		}
		if got.Interval == nil || got.Interval.Samples != 1000 || got.Interval.Seed != agreement.DefaultSeed ||
			!(got.Interval.Low <= *got.Value && *got.Value <= got.Interval.High) {
			t.Errorf("%s: interval %+v", level, got.Interval)
		}
	}
	code, out, _ := run(t, "", "agreement", "testdata/krippendorff2011.csv")
	for _, want := range []string{
		"Krippendorff's alpha (nominal): 0.743\n",
		"95% interval: 0.615 to 0.872 (bootstrap of 1000 samples of 60 pairs, seed 20070101)\n",
		"Units: 12, of which 11 have values from two or more coders\n",
		"Coders: 4\n",
		"Pairable values: 40, in 55 pairs\n",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

// TestAgreementMatchesPackage runs every metric through the command and
// through internal/agreement on the same data: the command is a face and
// must print the package's figure.
func TestAgreementMatchesPackage(t *testing.T) {
	csv := "first,second\n1,1\n2,2\n3,2\n1,\n2,1\n3,3\n"
	b := agreement.NewBuilder(2)
	for _, row := range strings.Split(strings.TrimSpace(csv), "\n")[1:] {
		_ = b.Add(strings.Split(row, ","))
	}
	tab := b.Table()
	for _, m := range agreement.Metrics {
		want, err := agreement.Compute(m, tab, agreement.Nominal)
		if err != nil {
			t.Fatal(err)
		}
		code, out, errOut := run(t, csv, "agreement", "--metric", m, "--format", "json", "-")
		var got jsonReport
		if code != 0 || json.Unmarshal([]byte(out), &got) != nil || got.Value == nil || *got.Value != want.Value {
			t.Errorf("%s: exit %d, %s %s; want %v", m, code, out, errOut, want.Value)
		}
		if got.Metric != m || got.PairableUnits != want.PairableUnits || got.Pairs != want.Pairs {
			t.Errorf("%s: %+v, want %+v", m, got, want)
		}
	}
}

func TestAgreementUndefined(t *testing.T) {
	// Cohen's kappa on four coders: the counts are printed with the reason.
	code, out, errOut := run(t, "", "agreement", "--metric", "cohen", "testdata/krippendorff2011.csv")
	if code != 1 || !strings.Contains(out, "Cohen's kappa: undefined, because Cohen's kappa compares exactly two coders") ||
		!strings.Contains(out, "Units: 12") || !strings.Contains(errOut, "cohen is undefined") {
		t.Errorf("exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = run(t, "a,b\n3,3\n3,3\n", "agreement", "--format", "json", "-")
	var got jsonReport
	if code != 1 || json.Unmarshal([]byte(out), &got) != nil || got.Value != nil || got.Undefined == "" || got.PairableValues != 4 {
		t.Errorf("no variation: exit %d\n%s", code, out)
	}
}

func TestAgreementBadInput(t *testing.T) {
	for name, c := range map[string]struct {
		csv, level string
		want       string
	}{
		"empty":          {"", "nominal", "data.csv: empty: the first line must name the coders"},
		"header only":    {"a,b\n", "nominal", "data.csv: no units"},
		"nameless coder": {"a,,c\n1,2,3\n", "nominal", "data.csv:1:3: coder 2 has no name"},
		"twice":          {"a,b,a\n1,2,3\n", "nominal", `data.csv:1:5: coder "a" is named twice (columns 1 and 3)`},
		"semicolons":     {"a;b\n1;2\n", "nominal", "data.csv:1: the header is not separated by commas"},
		"short row":      {"a,b\n1,2\n1\n", "nominal", "data.csv:3: 1 cells; the header names 2 coders"},
		"stray quote":    {"a,b\n1,2\n\"1,2\n", "nominal", "data.csv:3:6: the quoted cell that starts on line 3 has a stray quote mark or no closing one"},
		"bare quote":     {"a,b\n1,2\n1,2\"x\n", "nominal", "data.csv:3:4: a quote mark inside a cell that is not quoted"},
		"not a number":   {"a,b\n1,2\n3, high\n", "interval", `data.csv:3:3: "high" (coder b) is not a number; the interval level needs numbers`},
		"negative ratio": {"a,b\n1,-2\n", "ratio", "data.csv:2:3: -2 (coder b) is below zero; the ratio level needs values of zero or more"},
	} {
		code, out, errOut := run(t, "", "agreement", "--level", c.level, writeFile(t, c.csv))
		if code != 1 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %q", name, code, out, errOut, c.want)
		}
	}
	if code, _, errOut := run(t, "", "agreement", filepath.Join(t.TempDir(), "none.csv")); code != 1 || !strings.Contains(errOut, "no such file") {
		t.Errorf("missing file: %d %s", code, errOut)
	}
}

func TestAgreementUsage(t *testing.T) {
	for _, args := range [][]string{
		{}, {"nonsense"}, {"agreement"}, {"agreement", "a.csv", "b.csv"},
		{"agreement", "--metric", "kappa", "a.csv"},
		{"agreement", "--level", "Ordinal", "a.csv"},
		{"agreement", "--metric", "fleiss", "--level", "ordinal", "a.csv"},
		{"agreement", "--metric", "cohen", "--bootstrap", "1000", "a.csv"},
		{"agreement", "--bootstrap", "10", "a.csv"},
		{"agreement", "--format", "xml", "a.csv"},
	} {
		if code, _, errOut := run(t, "", args...); code != 2 || errOut == "" {
			t.Errorf("%q: exit %d, %q", args, code, errOut)
		}
	}
	if code, out, _ := run(t, "", "agreement", "-h"); code != 0 || !strings.Contains(out, "coprod qda agreement") {
		t.Errorf("help: %d %s", code, out)
	}
	code, out, _ := run(t, "\ufeffa,b\n1,1\n2,2\n", "agreement", "--bootstrap", "0", "-")
	if code != 0 || strings.Contains(out, "interval") || !strings.Contains(out, "alpha (nominal): 1.000") {
		t.Errorf("BOM and no bootstrap: %d %s", code, out)
	}
}
