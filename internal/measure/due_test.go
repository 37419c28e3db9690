package measure

import (
	"testing"
	"time"
)

// TestDueTimesAreTheEndOfTheUKDay: a report due on a day is due by
// midnight UK time, which is 23:00 UTC in summer (BST) and midnight UTC in
// winter (GMT).
func TestDueTimesAreTheEndOfTheUKDay(t *testing.T) {
	c := Contract{Due: map[string]string{"2027-Q1": "2027-04-30", "2027-Q3": "2027-12-31", "2027-Q2": "2027-03-28"}}
	got := c.DueTimes()
	for p, want := range map[string]string{
		"2027-Q1": "2027-04-30T23:00:00Z",
		"2027-Q3": "2028-01-01T00:00:00Z",
		"2027-Q2": "2027-03-28T23:00:00Z", // the clocks went forward that morning
	} {
		if got[p].Format(time.RFC3339) != want || got[p].Location() != time.UTC {
			t.Errorf("%s is due at %v, want %s", p, got[p], want)
		}
	}
}
