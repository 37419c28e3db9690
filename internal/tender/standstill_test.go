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
		// An ordinary fortnight: Mon 1 June 2026 is day 1; days 1–5 that
		// week, 6–8 Mon–Wed of the next.
		{"ordinary", "2026-06-01", "2026-06-10"},
		// Christmas 2026: Fri 18 Dec (1); Mon 21 (2) Tue 22 (3) Wed 23 (4)
		// Thu 24 (5); Fri 25 Christmas; Mon 28 Boxing Day substitute;
		// Tue 29 (6) Wed 30 (7) Thu 31 (8).
		{"christmas 2026", "2026-12-18", "2026-12-31"},
		// Wed 23 Dec 2026 (1) Thu 24 (2); 25 and 28 are holidays; Tue 29 (3)
		// Wed 30 (4) Thu 31 (5); Fri 1 Jan New Year; Mon 4 (6) Tue 5 (7) Wed 6 (8).
		{"into 2027", "2026-12-23", "2027-01-06"},
		// Easter 2027: Wed 24 Mar (1) Thu 25 (2); Fri 26 Good Friday; Mon 29
		// Easter Monday; Tue 30 (3) Wed 31 (4) Thu 1 Apr (5) Fri 2 (6)
		// Mon 5 (7) Tue 6 (8).
		{"easter 2027", "2027-03-24", "2027-04-06"},
		// Published on Saturday 27 March 2027, in the Easter weekend: Tue 30
		// Mar is day 1 (Mon 29 is Easter Monday), so day 8 is Thu 8 Apr.
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
	// day 1 is the 2nd and day 8 Thursday 11 June.
	bst := time.FixedZone("BST", 3600)
	got, err := StandstillEnd(time.Date(2026, 6, 1, 23, 30, 0, 0, time.UTC).In(bst), cal)
	if err != nil || got.Format(time.DateOnly) != "2026-06-11" {
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
