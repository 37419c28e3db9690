package measure

import (
	"os"
	"strings"
	"testing"
)

func TestParseReportsCSV(t *testing.T) {
	f, err := os.Open("testdata/cquin_reports.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	reps, err := ParseReportsCSV(f, "cquin_reports.csv", cquinProfile())
	if err != nil {
		t.Fatal(err)
	}
	res, err := Calculate(cquinProfile(), reps)
	if err != nil {
		t.Fatal(err)
	}
	if res.TotalPence != 41_400_000 {
		t.Errorf("total from CSV %d, want 41400000 as worked in TestCQUINWorkedExample", res.TotalPence)
	}
	if reps[1].Line != 3 || reps[1].Value.RatString() != "849/10" {
		t.Errorf("second report = %+v", reps[1])
	}
}

func TestParseReportsCSVTolerates(t *testing.T) {
	// A byte order mark, a capitalised header, CRLF line ends, spaces and blank lines.
	src := "\uFEFFPeriod, Indicator ,Value\r\n2027-Q1, X1 , 70 \r\n\r\n\"2027-Q1\",X2,12\r\n"
	reps, err := ParseReportsCSV(strings.NewReader(src), "r.csv", exampleProfile())
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 2 || reps[0].Indicator != "X1" || reps[1].Line != 4 {
		t.Errorf("reports %+v", reps)
	}
}

func TestParseReportsCSVErrors(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"empty", "", []string{"r.csv:1: the file is empty"}},
		{"wrong header", "quarter,indicator,value\n", []string{"r.csv:1: the first line must be the header period,indicator,value, found quarter,indicator,value"}},
		{"row problems", strings.Join([]string{
			"period,indicator,value",
			"2027-Q1,X1,70",        // 2
			"2027-Q9,X1,70",        // 3 unknown period
			"2027-Q1,Z1,70",        // 4 unknown indicator
			"2027-Q2,X1,72.5%",     // 5 not a number
			"2027-Q2,X2,",          // 6 empty
			"2027-Q1,X1,71",        // 7 duplicate of line 2
			"2027-Q3,X1",           // 8 too few cells
			"2027-Q3,X2,\"1,000\"", // 9 thousands comma
		}, "\n"), []string{
			`r.csv:3: period "2027-Q9" is not one of the profile's periods (2027-Q1, 2027-Q2, 2027-Q3, 2027-Q4)`,
			`r.csv:4: indicator "Z1" is not one of the profile's indicators (X1, X2)`,
			`r.csv:5: value "72.5%": write a number`,
			`r.csv:6: the value is empty`,
			`r.csv:7: indicator "X1" in period "2027-Q1" is already reported on line 2`,
			`r.csv:8: has 2 cells`,
			`r.csv:9: value "1,000"`,
		}},
		{"bad quoting", "period,indicator,value\n2027-Q1,\"X1,70\n", []string{"r.csv:2: this line is not valid CSV"}},
	} {
		_, err := ParseReportsCSV(strings.NewReader(c.src), "r.csv", exampleProfile())
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
}

func TestParseReportsCSVCapsProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("period,indicator,value\n")
	for range 200 {
		b.WriteString("nope,X1,1\n")
	}
	_, err := ParseReportsCSV(strings.NewReader(b.String()), "r.csv", exampleProfile())
	ie := err.(*InputError)
	if len(ie.Problems) != maxProblems {
		t.Errorf("%d problems kept, want %d", len(ie.Problems), maxProblems)
	}
	if !strings.HasSuffix(err.Error(), "r.csv: and 150 more problems") {
		t.Errorf("error ends %q", err.Error()[len(err.Error())-60:])
	}
}
