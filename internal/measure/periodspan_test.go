package measure

import (
	"strings"
	"testing"
	"time"
)

// A year from 1 April in four periods: each three months, starting at
// midnight UK time (23:00 UTC the day before in summer).
func TestPeriodSpans(t *testing.T) {
	c := &Contract{StartsOn: "2027-04-01", EndsOn: "2028-03-31", Profile: &Profile{Periods: []string{"Q1", "Q2", "Q3", "Q4"}}}
	spans, err := c.PeriodSpans()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2027-03-31T23:00:00Z", "2027-06-30T23:00:00Z", "2027-09-30T23:00:00Z", "2028-01-01T00:00:00Z", "2028-03-31T23:00:00Z"}
	for i, s := range spans {
		if got := s.Start.Format(time.RFC3339); got != want[i] {
			t.Errorf("%s starts %s, want %s", s.Period, got, want[i])
		}
		if got := s.End.Format(time.RFC3339); got != want[i+1] {
			t.Errorf("%s ends %s, want %s", s.Period, got, want[i+1])
		}
	}
	for _, tc := range []struct{ starts, ends, why string }{
		{"2027-04-01", "2028-03-30", "not a whole number of months"},
		{"2027-04-02", "2028-03-31", "not a whole number of months"},
		{"2027-04-01", "2027-08-31", "5 months does not divide into 4 periods"},
	} {
		c.StartsOn, c.EndsOn = tc.starts, tc.ends
		if _, err := c.PeriodSpans(); err == nil || !strings.Contains(err.Error(), tc.why) {
			t.Errorf("%s to %s: error %v, want one saying %q", tc.starts, tc.ends, err, tc.why)
		}
	}
}
