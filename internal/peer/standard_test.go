package peer

import (
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/bankholiday"
)

// at reads a Europe/London wall-clock time.
func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, London)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestHoursStandardBoundaries(t *testing.T) {
	crisis := Standard{Amount: 72, Unit: Hours}
	for _, c := range []struct {
		name              string
		referred, contact string
		within            bool
		hours             float64
	}{
		// Summer time throughout: 72 hours is the same time three days on.
		{"exactly 72 hours", "2026-06-01 10:00", "2026-06-04 10:00", true, 72},
		{"a minute over", "2026-06-01 10:00", "2026-06-04 10:01", false, 72 + 1.0/60},
		{"the same hour", "2026-06-01 10:00", "2026-06-01 10:59", true, 59.0 / 60},
		// The clocks went forward at 01:00 GMT on Sunday 29 March 2026: from
		// 10:00 GMT on Friday, 72 hours run out at 11:00 BST on Monday, and
		// 10:30 BST on Monday is only 71½ hours.
		{"spring: same wall time is 71 hours", "2026-03-27 10:00", "2026-03-30 10:00", true, 71},
		{"spring: 10:30 on Monday", "2026-03-27 10:00", "2026-03-30 10:30", true, 71.5},
		{"spring: exactly 72 hours is 11:00", "2026-03-27 10:00", "2026-03-30 11:00", true, 72},
		{"spring: 11:01 is late", "2026-03-27 10:00", "2026-03-30 11:01", false, 72 + 1.0/60},
		// The clocks went back at 02:00 BST on Sunday 25 October 2026: from
		// 10:00 BST on Friday, 72 hours run out at 09:00 GMT on Monday, so
		// 09:30 is late though it is earlier on the clock than 10:00.
		{"autumn: exactly 72 hours is 09:00", "2026-10-23 10:00", "2026-10-26 09:00", true, 72},
		{"autumn: 09:30 on Monday is late", "2026-10-23 10:00", "2026-10-26 09:30", false, 72.5},
		{"autumn: same wall time is 73 hours", "2026-10-23 10:00", "2026-10-26 10:00", false, 73},
	} {
		r, ct := at(t, c.referred), at(t, c.contact)
		got, err := crisis.Within(r, ct)
		if err != nil || got != c.within {
			t.Errorf("%s: within = %v, %v; want %v", c.name, got, err, c.within)
		}
		e, err := ElapsedBetween(crisis.Division, r, ct)
		if err != nil || e.Hours() != c.hours {
			t.Errorf("%s: %v hours, %v; want %v", c.name, e.Hours(), err, c.hours)
		}
	}
	due, _ := crisis.DueBy(at(t, "2026-03-27 10:00"))
	if want := at(t, "2026-03-30 11:00"); !due.Equal(want) {
		t.Errorf("spring due by %s, want %s", due.In(London), want)
	}
}

func TestWorkingDaysStandardBoundaries(t *testing.T) {
	two := Standard{Amount: 2, Unit: WorkingDays, Division: bankholiday.EnglandAndWales}
	one := Standard{Amount: 1, Unit: WorkingDays, Division: bankholiday.EnglandAndWales}
	oneScot := Standard{Amount: 1, Unit: WorkingDays, Division: bankholiday.Scotland}
	for _, c := range []struct {
		name              string
		s                 Standard
		referred, contact string
		within            bool
		days              int
	}{
		// Friday to Monday across a weekend is 1 working day.
		{"weekend: Monday", one, "2026-06-12 16:00", "2026-06-15 09:00", true, 1},
		{"weekend: Tuesday", one, "2026-06-12 16:00", "2026-06-16 09:00", false, 2},
		{"weekend: Saturday", one, "2026-06-12 16:00", "2026-06-13 12:00", true, 0},
		// Easter 2026: Good Friday 3 April and Easter Monday 6 April. From
		// Thursday 2 April, the two working days are Tuesday 7 and Wednesday 8.
		{"Easter: last minute of Wednesday", two, "2026-04-02 11:00", "2026-04-08 23:59", true, 2},
		{"Easter: Thursday", two, "2026-04-02 11:00", "2026-04-09 00:00", false, 3},
		{"Easter: Easter Monday", two, "2026-04-02 11:00", "2026-04-06 10:00", true, 0},
		// Days are London days: 00:30 BST on Monday is 23:30 GMT on Sunday,
		// and Tuesday is the first working day after Monday.
		{"London day, not UTC", one, "2026-06-15 00:30", "2026-06-16 10:00", true, 1},
		// St Andrew's Day, Monday 30 November 2026, is a bank holiday in
		// Scotland only.
		{"England: Monday 30 November", one, "2026-11-27 10:00", "2026-11-30 10:00", true, 1},
		{"England: Tuesday 1 December", one, "2026-11-27 10:00", "2026-12-01 10:00", false, 2},
		{"Scotland: Tuesday 1 December", oneScot, "2026-11-27 10:00", "2026-12-01 10:00", true, 1},
	} {
		r, ct := at(t, c.referred), at(t, c.contact)
		got, err := c.s.Within(r, ct)
		if err != nil || got != c.within {
			t.Errorf("%s: within = %v, %v; want %v", c.name, got, err, c.within)
		}
		e, err := ElapsedBetween(c.s.Division, r, ct)
		if err != nil || e.WorkingDays != c.days {
			t.Errorf("%s: %d working days, %v; want %d", c.name, e.WorkingDays, err, c.days)
		}
	}
	due, err := two.DueBy(at(t, "2026-04-02 11:00"))
	if want := at(t, "2026-04-08 00:00"); err != nil || !due.Equal(want) {
		t.Errorf("Easter due by %s (%v), want the start of %s", due.In(London), err, want)
	}
}

func TestContactBeforeReferralRefused(t *testing.T) {
	s := Standard{Amount: 72, Unit: Hours}
	if _, err := s.Within(at(t, "2026-06-02 10:00"), at(t, "2026-06-01 10:00")); err == nil {
		t.Fatal("a first contact before the referral was accepted")
	}
}

func TestStandardValidate(t *testing.T) {
	for _, c := range []struct {
		s    Standard
		bad  string
		word string
	}{
		{Standard{72, Hours, bankholiday.EnglandAndWales}, "", "72 hours"},
		{Standard{1, WorkingDays, bankholiday.Scotland}, "", "1 working day"},
		{Standard{0, Hours, bankholiday.EnglandAndWales}, "amount", "0 hours"},
		{Standard{MaxWorkingDays + 1, WorkingDays, bankholiday.EnglandAndWales}, "amount", "61 working days"},
		{Standard{3, "days", bankholiday.EnglandAndWales}, "unit", "3 hours"},
		{Standard{3, Hours, bankholiday.Division(7)}, "division", "3 hours"},
	} {
		err := c.s.Validate()
		if fs := apperr.FieldsOf(err); (err == nil) != (c.bad == "") || (err != nil && fs[0].Field != c.bad) {
			t.Errorf("%+v: %v, want a problem with %q", c.s, fs, c.bad)
		}
		if c.s.String() != c.word {
			t.Errorf("%+v reads %q, want %q", c.s, c.s.String(), c.word)
		}
	}
}
