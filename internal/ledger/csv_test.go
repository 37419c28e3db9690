package ledger

import (
	"strconv"
	"strings"
	"testing"
)

func TestParseCSVRowErrors(t *testing.T) {
	const file = "said,said_on,source,said_by,themes\n" +
		"Nobody called me back,2027-01-05,session,Robin,Crisis care; Waiting\n" +
		",2027-01-05,survey,,\n" +
		"Too far to travel,5 January 2027,,the group,Transport\n" +
		"The letter was confusing,2027-13-01,post,,\n" +
		"I could not get an interpreter,2027-01-06,peer_feedback,Robin Adeyemi,\n" +
		"\n" +
		"Said in the future,2027-02-01,survey,,\n" +
		"Passed off as research,2027-01-05,research,,\n" +
		"Passed off as a quality check,2027-01-05,quality_check,,\n"
	base := NewItem{RoundID: "r1", OrgIDs: []string{"o1"}, Today: "2027-01-31"}
	got, err := ParseCSV(strings.NewReader(file), base, map[string]string{"robin": "m-robin"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != 2 {
		t.Fatalf("rows = %+v", got.Rows)
	}
	r0, r1 := got.Rows[0], got.Rows[1]
	if r0.Line != 2 || r0.Item.MemberID != "m-robin" || strings.Join(r0.Item.Themes, "|") != "Crisis care|Waiting" || r0.Item.RoundID != "r1" {
		t.Errorf("row 2 = %+v", r0)
	}
	if r1.Line != 4 || r1.Item.MemberID != "" || r1.SaidBy != "" || r1.Item.Source != SourceImport || r1.Item.SaidOn != "2027-01-05" {
		t.Errorf("row 4 = %+v", r1)
	}
	var lines []string
	for _, e := range got.Errors {
		lines = append(lines, e.Column+"@"+strconv.Itoa(e.Line))
	}
	// line 3: no text; line 5: bad date and bad source; line 6: a real
	// name is not a group name; line 8: a date in the future; lines 9 and
	// 10: sources only Coprod itself records.
	if want := "said@3,source@5,said_on@5,said_by@6,said_on@8,source@9,source@10"; strings.Join(lines, ",") != want {
		t.Errorf("errors = %s, want %s", strings.Join(lines, ","), want)
	}
	if _, err := ParseCSV(strings.NewReader("text,date\nx,y\n"), base, nil); err == nil {
		t.Error("a file without the required columns was accepted")
	}
}
