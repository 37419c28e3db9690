package csvcell

import (
	"encoding/csv"
	"strings"
	"testing"
)

func TestSafe(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+44 117": "'+44 117", "@SUM(A1)": "'@SUM(A1)",
		"-1+1": "'-1+1", "-2+3": "'-2+3", "+1+1": "'+1+1", "-": "'-", "=1": "'=1",
		"\tx": "'\tx", "\rx": "'\rx", "plain": "plain", "": "", "a=b": "a=b",
		// Plain numbers stay numbers: a negative amount is not a formula.
		"-1": "-1", "-1180000.50": "-1180000.50", "+3": "+3", "42": "42",
	} {
		if got := Safe(in); got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriterMakesEveryCellSafe(t *testing.T) {
	var b strings.Builder
	w := NewWriter(&b)
	row := []string{"=cmd|' /C calc'!A0", "fine", "@SUM(1)", "-5"}
	if err := w.Write(row); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if row[0] != "=cmd|' /C calc'!A0" {
		t.Error("the caller's row was changed")
	}
	got, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"'=cmd|' /C calc'!A0", "fine", "'@SUM(1)", "-5"}
	if strings.Join(got[0], "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got[0], want)
	}
}
