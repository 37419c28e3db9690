package tender

import (
	"fmt"
	"time"
)

// StandstillWorkingDays is the length of the mandatory standstill period
// after a contract award notice (Procurement Act 2023, section 51).
const StandstillWorkingDays = 8

// Calendar knows which days are working days: Monday to Friday, except
// bank holidays, for the years it has data for.
type Calendar struct {
	holidays  map[string]string // "YYYY-MM-DD" → name
	firstYear int
	lastYear  int
}

// NewCalendar makes a calendar from bank holidays given as data, covering
// firstYear to lastYear in full. Dates outside those years are refused by
// the calendar's methods rather than silently treated as having no holidays.
func NewCalendar(firstYear, lastYear int, holidays map[time.Time]string) Calendar {
	c := Calendar{holidays: map[string]string{}, firstYear: firstYear, lastYear: lastYear}
	for d, name := range holidays {
		c.holidays[d.Format(time.DateOnly)] = name
	}
	return c
}

// EnglandAndWales is the calendar of England and Wales bank holidays
// 2025–2028 (see englandWalesBankHolidays for the source).
func EnglandAndWales() Calendar {
	c := Calendar{holidays: map[string]string{}, firstYear: englandWalesFirstYear, lastYear: englandWalesLastYear}
	for _, h := range englandWalesBankHolidays {
		c.holidays[h.date] = h.name
	}
	return c
}

// Holiday returns the name of the bank holiday on day d, if it is one.
func (c Calendar) Holiday(d time.Time) (string, bool) {
	name, ok := c.holidays[d.Format(time.DateOnly)]
	return name, ok
}

// Covers reports whether the calendar has bank holiday data for d's year.
func (c Calendar) Covers(d time.Time) bool {
	return d.Year() >= c.firstYear && d.Year() <= c.lastYear
}

// IsWorkingDay reports whether d is a weekday and not a bank holiday; an
// error when the calendar has no data for d's year.
func (c Calendar) IsWorkingDay(d time.Time) (bool, error) {
	if !c.Covers(d) {
		return false, fmt.Errorf("no bank holiday data for %d: this calendar covers %d to %d", d.Year(), c.firstYear, c.lastYear)
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false, nil
	}
	_, hol := c.Holiday(d)
	return !hol, nil
}

// NthWorkingDay returns the n-th working day of a period that begins on
// the day of start (n ≥ 1): start itself is day 1 when it is a working day;
// when it is not, the first working day after it is. Only the date of start
// matters, in start's own location, so pass the time in Europe/London.
func (c Calendar) NthWorkingDay(start time.Time, n int) (time.Time, error) {
	if n < 1 {
		return time.Time{}, fmt.Errorf("a period needs at least 1 working day, not %d", n)
	}
	d := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	for {
		ok, err := c.IsWorkingDay(d)
		if err != nil {
			return time.Time{}, err
		}
		if ok {
			if n--; n == 0 {
				return d, nil
			}
		}
		d = d.AddDate(0, 0, 1)
	}
}

// StandstillEnd is the last day of the mandatory standstill period: the
// eighth working day after the day the contract award notice is published,
// as issue 5 specifies ("8 working days after the award notice"); the
// notice day itself is not counted. (Section 51 of the Procurement Act 2023
// counts from the day of publication; the day-after reading is the
// stricter of the two, so a standstill that meets it meets the Act too.)
// The contract may be entered into once that day has ended. The result is
// a date (midnight UTC, to be read as a calendar date), worked out from the
// notice's date in its own location.
func StandstillEnd(notice time.Time, cal Calendar) (time.Time, error) {
	next := time.Date(notice.Year(), notice.Month(), notice.Day()+1, 0, 0, 0, 0, time.UTC)
	return cal.NthWorkingDay(next, StandstillWorkingDays)
}
