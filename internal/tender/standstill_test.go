package tender

import (
	"sort"
	"testing"
	"time"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// easter is Easter Sunday in the Gregorian calendar by the anonymous
// ("Meeus/Jones/Butcher") computus: an independent check on the table.
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), dd, 0, 0, 0, 0, time.UTC)
}

func nthMonday(y int, mo time.Month, n int) time.Time {
	d := time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Monday {
		d = d.AddDate(0, 0, 1)
	}
	return d.AddDate(0, 0, 7*(n-1))
}

func lastMonday(y int, mo time.Month) time.Time {
	d := time.Date(y, mo+1, 0, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Monday {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// substitute moves each fixed-date holiday that falls on a weekend to the
// next weekday not already a holiday, as the substitute day.
func substitute(dates ...time.Time) []time.Time {
	taken := map[time.Time]bool{}
	var out []time.Time
	for _, d := range dates {
		for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || taken[d] {
			d = d.AddDate(0, 0, 1)
		}
		taken[d] = true
		out = append(out, d)
	}
	return out
}

// TestBankHolidaysFollowTheRules rebuilds every year of the table from the
// rules of the England and Wales calendar and compares.
func TestBankHolidaysFollowTheRules(t *testing.T) {
	var want []string
	for y := englandWalesFirstYear; y <= englandWalesLastYear; y++ {
		e := easter(y)
		ds := substitute(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
		ds = append(ds, e.AddDate(0, 0, -2), e.AddDate(0, 0, 1),
			nthMonday(y, time.May, 1), lastMonday(y, time.May), lastMonday(y, time.August))
		ds = append(ds, substitute(time.Date(y, 12, 25, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 26, 0, 0, 0, 0, time.UTC))...)
		for _, d := range ds {
			want = append(want, d.Format(time.DateOnly))
		}
	}
	var got []string
	for _, h := range englandWalesBankHolidays {
		got = append(got, h.date)
		if wd := day(h.date).Weekday(); wd == time.Saturday || wd == time.Sunday {
			t.Errorf("%s (%s) is a %s", h.date, h.name, wd)
		}
	}
	sort.Strings(want)
	if len(got) != len(want) {
		t.Fatalf("table has %d dates, rules give %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("table %s, rules %s", got[i], want[i])
		}
	}
	// The dates people get wrong, spelled out.
	cal := EnglandAndWales()
	for _, d := range []string{"2026-12-28", "2027-12-27", "2027-12-28", "2028-01-03", "2027-03-26", "2027-03-29"} {
		if _, ok := cal.Holiday(day(d)); !ok {
			t.Errorf("%s is missing", d)
		}
	}
	for _, d := range []string{"2026-12-26", "2027-12-25", "2028-01-01"} {
		if _, ok := cal.Holiday(day(d)); ok {
			t.Errorf("%s is a weekend day listed as the holiday instead of its substitute", d)
		}
	}
}

func TestStandstillEnd(t *testing.T) {
	cal := EnglandAndWales()
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
	// Beyond the data: refused, not guessed.
	if _, err := StandstillEnd(day("2028-12-27"), cal); err == nil {
		t.Error("counted into 2029 without bank holiday data")
	}
	if _, err := cal.NthWorkingDay(day("2026-06-01"), 0); err == nil {
		t.Error("0 working days accepted")
	}
	custom := NewCalendar(2030, 2030, map[time.Time]string{day("2030-01-01"): "New Year’s Day"})
	if ok, err := custom.IsWorkingDay(day("2030-01-01")); ok || err != nil {
		t.Errorf("custom calendar: %v, %v", ok, err)
	}
}
