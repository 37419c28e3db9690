package tasks

import (
	"testing"
	"time"
)

// The weekdays below were read from a calendar (GNU date), not from the code.
func TestDueWords(t *testing.T) {
	t.Parallel()
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	day := func(s string) time.Time {
		v, ok := Date(s)
		if !ok {
			t.Fatalf("Date(%q) refused", s)
		}
		return v
	}
	// Monday 7 June 2027, 09:00 in London (08:00 UTC, summer time).
	now := utc("2027-06-07T08:00:00Z")
	for _, c := range []struct {
		name string
		task Task
		now  time.Time
		want string
	}{
		{"no date", Task{}, now, ""},
		{"in three days", Task{Due: day("2027-06-10")}, now, "due in 3 days, on Thursday 10 June"},
		{"tomorrow", Task{Due: day("2027-06-08")}, now, "due tomorrow, Tuesday 8 June"},
		{"today", Task{Due: day("2027-06-07")}, now, "due today"},
		{"three days overdue", Task{Due: day("2027-06-04")}, now, "3 days overdue: it was due on Friday 4 June"},
		{"one day overdue", Task{Due: day("2027-06-06")}, now, "1 day overdue: it was due on Sunday 6 June"},
		{"next year says the year", Task{Due: day("2027-01-05")}, utc("2026-12-30T12:00:00Z"), "due in 6 days, on Tuesday 5 January 2027"},
		// 17:30 UTC is 18:30 in London in June.
		{"a moment in summer", Task{Due: utc("2027-06-10T17:30:00Z"), HasTime: true}, now, "due in 3 days, on Thursday 10 June at 18:30"},
		{"a moment today", Task{Due: utc("2027-06-07T16:00:00Z"), HasTime: true}, now, "due today, by 17:00"},
		{"a moment passed today", Task{Due: utc("2027-06-07T07:00:00Z"), HasTime: true}, now, "overdue: it was due today at 08:00"},
		// 23:30 UTC on Sunday 6 June is 00:30 on Monday 7 June in London: today, not yesterday.
		{"London's date, not UTC's", Task{Due: utc("2027-06-07T23:30:00Z"), HasTime: true}, utc("2027-06-06T23:30:00Z"), "due tomorrow, Tuesday 8 June at 00:30"},
		// Across the spring change (Sunday 28 March 2027): still whole calendar days.
		{"across the clocks going forward", Task{Due: day("2027-03-29")}, utc("2027-03-27T23:30:00Z"), "due in 2 days, on Monday 29 March"},
		// In winter London is UTC: 18:30 UTC is 18:30.
		{"a moment in winter", Task{Due: utc("2026-12-31T18:30:00Z"), HasTime: true}, utc("2026-12-30T12:00:00Z"), "due tomorrow, Thursday 31 December at 18:30"},
	} {
		if got := c.task.DueWords(c.now); got != c.want {
			t.Errorf("%s: DueWords = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestSortOverdueFirstThenSoonestThenUndated(t *testing.T) {
	t.Parallel()
	d := func(s string) time.Time { v, _ := Date(s); return v }
	ts := []Task{
		{Kind: Verdict, Subject: "undated b"},
		{Kind: Respond, Subject: "later", Due: d("2027-07-01")},
		{Kind: Score, Subject: "undated a"},
		{Kind: Overdue, Subject: "overdue", Due: d("2027-05-01")},
		{Kind: Report, Subject: "sooner", Due: d("2027-06-10")},
	}
	Sort(ts)
	want := []string{"overdue", "sooner", "later", "undated a", "undated b"}
	for i, w := range want {
		if ts[i].Subject != w {
			t.Fatalf("order = %v, want %v", subjects(ts), want)
		}
	}
}

func subjects(ts []Task) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Subject)
	}
	return out
}

func TestShorten(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"short", 20, "short"},
		{"  spaces   inside\nkept single  ", 40, "spaces inside kept single"},
		{"The waiting list for a wheelchair assessment was far too long, and nobody told us why.", 40, "The waiting list for a wheelchair…"},
		{"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 10, "Aaaaaaaaaa…"},
	} {
		if got := Shorten(c.in, c.max); got != c.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}
