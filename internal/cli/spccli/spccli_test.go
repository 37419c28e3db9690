package spccli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// The shift series of internal/spc's TestShiftOfSevenNotSix with monthly
// dates, where lower is better. Worked by hand there: mean 77/15 =
// 5.133333, mean moving range 64/14 = 4.571429, limits 77/15 ± 2.66 × 32/7
// = −7.026667 and 17.293333, two-thirds 13.24 and −2.973333; points 8–14
// are seven in a row above the mean: concern.
func TestTextOutput(t *testing.T) {
	code, out, errs := run(t, "", "--direction", "down", "testdata/shift.csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := `XmR chart of 15 points (lower is better)
Mean 5.133333; mean moving range 4.571429
Process limits: lower -7.026667, upper 17.293333
Two-thirds of the way to them: -2.973333 and 13.24

Special cause variation: no signals of improvement and one signal of concern. The latest point shows common cause variation.

Signals:
  1. 7 points in a row are above the mean, from August 2025 to February 2026: concern

point  date     value  moving range  variation     signals
1      2025-01  1      -             common cause  -
2      2025-02  9      8             common cause  -
3      2025-03  1      8             common cause  -
4      2025-04  9      8             common cause  -
5      2025-05  1      8             common cause  -
6      2025-06  9      8             common cause  -
7      2025-07  1      8             common cause  -
8      2025-08  6      5             concern       shift
9      2025-09  7      1             concern       shift
10     2025-10  6      1             concern       shift
11     2025-11  7      1             concern       shift
12     2025-12  6      1             concern       shift
13     2026-01  7      1             concern       shift
14     2026-02  6      1             concern       shift
15     2026-03  1      5             common cause  -
`
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

// The same file as JSON, from standard input, with up as the direction:
// the shift becomes improvement.
func TestJSONOutput(t *testing.T) {
	data, err := os.ReadFile("testdata/shift.csv")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, string(data), "--direction", "up", "--format", "json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got jsonChart
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Mean != "5.133333" || got.UpperLimit != "17.293333" || got.LowerLimit != "-7.026667" || got.Points != 15 || got.FewPoints {
		t.Errorf("lines: %+v", got)
	}
	if len(got.Signals) != 1 || got.Signals[0].Rule != "shift" || got.Signals[0].Meaning != "improvement" ||
		len(got.Signals[0].Points) != 7 || got.Signals[0].Points[0] != 8 {
		t.Errorf("signals: %+v", got.Signals)
	}
	p8 := got.Series[7]
	if p8.Date != "2025-08" || p8.Value != "6" || p8.MovingRange == nil || *p8.MovingRange != "5" ||
		p8.Side != "above" || p8.Meaning != "improvement" || len(p8.Signals) != 1 {
		t.Errorf("point 8: %+v", p8)
	}
	if got.Series[0].MovingRange != nil || got.Series[0].Signals == nil {
		t.Errorf("point 1: %+v", got.Series[0])
	}
}

// One column without a header or dates, as CSV: the point on the limit
// of internal/spc's TestPointOnTheLimit (upper limit exactly 11) is inside,
// and 11.01 is outside.
func TestCSVOutputAndOneColumn(t *testing.T) {
	base := strings.Repeat("0\n3\n", 9) + "0\n"
	code, out, _ := run(t, base+"11\n", "--format", "csv", "-")
	if code != 0 || !strings.HasPrefix(out, "point,date,value,moving_range,mean,lower_process_limit,upper_process_limit,variation,meaning,signals\n1,,0,,1.9,-7.2,11,common cause,no signal,\n") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	if !strings.HasSuffix(out, "\n20,,11,11,1.9,-7.2,11,common cause,no signal,\n") {
		t.Errorf("last row:\n%s", out)
	}
	code, out, _ = run(t, "value\n"+base+"11.01\n", "--format", "csv", "--direction", "up", "-")
	if code != 0 || !strings.HasSuffix(out, "\n20,,11.01,11.01,1.9005,-7.2009,11.0019,\"special cause, high\",improvement,outside\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// Every refusal names the line and says what is wrong.
func TestInputErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"1\n2\nx\n", "standard input:3: value \"x\" is not a number"},
		{"1\n2\n1,234\n", "standard input:3: 2 columns where the first row has 1"},
		{"date,value\n2026-01,1\n2026-02,\n", "standard input:3: no value"},
		{"date,value\n2026-02,1\n2026-01,2\n", "standard input:3: date 2026-01 is not after 2026-02"},
		{"date,value\n2026-02,1\n2026-02-03,2\n", "standard input:3: date 2026-02-03 is a day where the rows before give a month"},
		{"date,value\n31/02/2026,1\n", "standard input:2: date \"31/02/2026\" is not a date"},
		{"when,how many\n2026-01,1\n", "standard input:1: with two columns the header must name them date and value"},
		{"a,b,c\n", "standard input:1: 3 columns"},
		{"value\n5\n", "standard input: only one value; an XmR chart needs at least two"},
		{"date,value\n", "standard input: no values"},
		{"1\n\"2\n", "standard input:2: extraneous or missing \" in quoted-field"},
		{"1\n1e999\n", "standard input:2: value \"1e999\" is too long or too large"},
	}
	for _, c := range cases {
		code, _, errs := run(t, c.in, "-")
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, %q; want %q", c.in, code, errs, c.want)
		}
	}
}

func TestHeaderInEitherOrderAndUKDates(t *testing.T) {
	in := "Value,Date\n3,01/03/2026\n5,02/03/2026\n4,03/03/2026\n"
	code, out, errs := run(t, in, "--format", "json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got jsonChart
	if err := json.Unmarshal([]byte(out), &got); err != nil || got.Series[2].Date != "2026-03-03" || got.Mean != "4" {
		t.Errorf("%v %+v", err, got)
	}
	// Fewer than 15 points: the summary says the limits are not reliable.
	if !got.FewPoints || !strings.Contains(got.Summary, "not yet reliable") {
		t.Errorf("summary %q", got.Summary)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--format", "xml", "f.csv"}, {"--direction", "sideways", "f.csv"}, {}, {"a.csv", "b.csv"}, {"--nope"},
		{filepath.Join(t.TempDir(), "missing.csv")},
	} {
		if code, _, errs := run(t, "", args...); code != 2 || errs == "" {
			t.Errorf("%q: exit %d, %q", args, code, errs)
		}
	}
	if code, out, _ := run(t, "", "--help"); code != 0 || !strings.Contains(out, "coprod spc [--direction") {
		t.Errorf("--help: exit %d", code)
	}
}
