package measure

import (
	"reflect"
	"testing"
	"time"
)

func TestReportFlags(t *testing.T) {
	p := exampleProfile()
	day := func(m time.Month, d, h int) time.Time { return time.Date(2027, m, d, h, 0, 0, 0, time.UTC) }
	due := map[string]time.Time{
		"2027-Q1": day(4, 30, 23), // Q1 due 30 April 23:00
		"2027-Q2": day(7, 31, 23),
		"2027-Q3": day(10, 31, 23), // not yet due at "now"
		// Q4 has no due date yet: never flagged.
	}
	now := day(8, 10, 12)
	subs := []Submission{
		{"2027-Q1", "X1", day(4, 29, 9)}, // on time
		{"2027-Q1", "X2", day(5, 1, 0)},  // 1 hour late → 1 day
		{"2027-Q1", "X2", day(5, 9, 0)},  // a resubmission; the first counts
		{"2027-Q2", "X1", day(8, 3, 10)}, // 2 days 11 hours late → 3 days
	}
	got := ReportFlags(p, due, subs, now)
	want := []Flag{
		{Kind: Late, Period: "2027-Q1", Indicator: "X2", Due: due["2027-Q1"], Submitted: day(5, 1, 0), DaysLate: 1},
		{Kind: Late, Period: "2027-Q2", Indicator: "X1", Due: due["2027-Q2"], Submitted: day(8, 3, 10), DaysLate: 3},
		// X2 for Q2: nothing by 10 August 12:00, due 31 July 23:00 → 9 days 13 hours → 10 days.
		{Kind: MissingFlag, Period: "2027-Q2", Indicator: "X2", Due: due["2027-Q2"], DaysLate: 10},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("flags:\n got %+v\nwant %+v", got, want)
	}
}
