package tender

import (
	"testing"
	"time"

	"github.com/coprod/coprod/internal/bankholiday"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestStandstillEnd(t *testing.T) {
	cal := bankholiday.EnglandAndWales
	cases := []struct {
		name, notice, want string
	}{
		// Counting starts the day after the notice. An ordinary fortnight:
		// notice Mon 1 June 2026; Tue 2 (1) Wed 3 (2) Thu 4 (3) Fri 5 (4)
		// Mon 8 (5) Tue 9 (6) Wed 10 (7) Thu 11 (8).
		{"ordinary", "2026-06-01", "2026-06-11"},
		// Christmas 2026: notice Fri 18 Dec; Mon 21 (1) Tue 22 (2) Wed 23 (3)
		// Thu 24 (4); Fri 25 Christmas; Mon 28 Boxing Day substitute;
		// Tue 29 (5) Wed 30 (6) Thu 31 (7); Fri 1 Jan New Year; Mon 4 Jan (8).
		{"christmas 2026", "2026-12-18", "2027-01-04"},
		// Notice Wed 23 Dec 2026: Thu 24 (1); 25 and 28 are holidays; Tue 29 (2)
		// Wed 30 (3) Thu 31 (4); 1 Jan New Year; Mon 4 (5) Tue 5 (6) Wed 6 (7) Thu 7 (8).
		{"into 2027", "2026-12-23", "2027-01-07"},
		// Easter 2027: notice Wed 24 Mar; Thu 25 (1); Fri 26 Good Friday; Mon 29
		// Easter Monday; Tue 30 (2) Wed 31 (3) Thu 1 Apr (4) Fri 2 (5)
		// Mon 5 (6) Tue 6 (7) Wed 7 (8).
		{"easter 2027", "2027-03-24", "2027-04-07"},
		// Published on Saturday 27 March 2027, in the Easter weekend: Sun 28,
		// Mon 29 (Easter Monday) do not count; Tue 30 Mar is day 1, so day 8
		// is Thu 8 Apr.
		{"weekend notice", "2027-03-27", "2027-04-08"},
	}
	for _, c := range cases {
		got, err := StandstillEnd(day(c.notice), cal)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got.Format(time.DateOnly) != c.want {
			t.Errorf("%s: notice %s ends %s, want %s", c.name, c.notice, got.Format(time.DateOnly), c.want)
		}
	}
	// Only the date of the notice counts, in its own location: 23:30 UTC
	// on Monday 1 June 2026 is 00:30 on Tuesday 2 June in London (BST), so
	// day 1 is Wednesday 3rd and day 8 Friday 12 June.
	bst := time.FixedZone("BST", 3600)
	got, err := StandstillEnd(time.Date(2026, 6, 1, 23, 30, 0, 0, time.UTC).In(bst), cal)
	if err != nil || got.Format(time.DateOnly) != "2026-06-12" {
		t.Errorf("late notice: %v, %v", got, err)
	}
	// Past the end of the table the tender used to carry (2025–2028), the
	// rules go on: notice Wed 27 Dec 2028; Thu 28 (1) Fri 29 (2); Mon 1 Jan
	// 2029 New Year's Day; Tue 2 (3) … Fri 5 (6) Mon 8 (7) Tue 9 (8).
	if got, err := StandstillEnd(day("2028-12-27"), cal); err != nil || got.Format(time.DateOnly) != "2029-01-09" {
		t.Errorf("into 2029: %v, %v", got, err)
	}
}
