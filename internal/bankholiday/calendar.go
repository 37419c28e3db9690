package bankholiday

import (
	"fmt"
	"time"
)

// Holiday returns the name of the division's bank holiday on day, if it is
// one. Only day's calendar date counts, in day's own location.
func (d Division) Holiday(day time.Time) (string, bool, error) {
	day = dateOf(day)
	hs, err := ForYear(d, day.Year())
	if err != nil {
		return "", false, err
	}
	for _, h := range hs {
		if h.Date.Equal(day) {
			return h.Name, true, nil
		}
	}
	return "", false, nil
}

// IsWorkingDay reports whether day is Monday to Friday and not a bank
// holiday in the division.
func (d Division) IsWorkingDay(day time.Time) (bool, error) {
	if isWeekend(dateOf(day)) {
		return false, nil
	}
	_, hol, err := d.Holiday(day)
	return !hol, err
}

// NthWorkingDay returns the n-th working day of a period that begins on
// start's date (n ≥ 1): start is day 1 when it is a working day; when it is
// not, the first working day after it is. The answer is a date at midnight
// UTC.
func (d Division) NthWorkingDay(start time.Time, n int) (time.Time, error) {
	if n < 1 {
		return time.Time{}, fmt.Errorf("a period needs at least 1 working day, not %d", n)
	}
	day := dateOf(start)
	for {
		ok, err := d.IsWorkingDay(day)
		if err != nil {
			return time.Time{}, err
		}
		if ok {
			if n--; n == 0 {
				return day, nil
			}
		}
		day = day.AddDate(0, 0, 1)
	}
}

// WorkingDaysBetween counts the working days after from's date up to and
// including to's date: a referral on Friday answered on Monday took 1
// working day, one answered the same day took 0. Negative when to is
// before from.
func (d Division) WorkingDaysBetween(from, to time.Time) (int, error) {
	a, b := dateOf(from), dateOf(to)
	sign := 1
	if b.Before(a) {
		a, b, sign = b, a, -1
	}
	n := 0
	for day := a.AddDate(0, 0, 1); !day.After(b); day = day.AddDate(0, 0, 1) {
		ok, err := d.IsWorkingDay(day)
		if err != nil {
			return 0, err
		}
		if ok {
			n++
		}
	}
	return sign * n, nil
}

// dateOf is t's calendar date, in t's own location, at midnight UTC.
func dateOf(t time.Time) time.Time { return date(t.Year(), t.Month(), t.Day()) }
