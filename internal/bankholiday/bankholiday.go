// Package bankholiday computes the bank holidays of the three UK
// jurisdictions by their rules — fixed dates with substitute days, Easter,
// first and last Mondays — so working-day deadlines never run off the end
// of a table. One-off holidays proclaimed by the sovereign (jubilees,
// coronations, a state funeral, a moved May holiday) cannot be derived and
// are listed in oneoffs.go; a new proclamation is added there.
//
// The package is pure and imports nothing from the application.
package bankholiday

import (
	"fmt"
	"slices"
	"time"
)

// Division is one of the UK's bank holiday jurisdictions.
type Division int

const (
	EnglandAndWales Division = iota
	Scotland
	NorthernIreland
)

// Divisions lists every division, in GOV.UK's order.
var Divisions = []Division{EnglandAndWales, Scotland, NorthernIreland}

func (d Division) String() string {
	switch d {
	case EnglandAndWales:
		return "England and Wales"
	case Scotland:
		return "Scotland"
	case NorthernIreland:
		return "Northern Ireland"
	}
	return fmt.Sprintf("Division(%d)", int(d))
}

// FirstYear is the first year the rules here are complete for: one-off
// holidays before it are not listed.
const FirstYear = 2000

// Holiday is one bank holiday: a date (midnight UTC, read as a calendar
// date) and its name as GOV.UK words it.
type Holiday struct {
	Date time.Time
	Name string
}

// rule is a holiday as its law states it, before weekends are dealt with.
type rule struct {
	name string
	date func(year int) time.Time
	// fixed holidays that fall on a weekend are replaced by a substitute
	// weekday; Monday and Easter holidays never fall on one.
	fixed bool
}

func fixedDay(name string, m time.Month, d int) rule {
	return rule{name, func(y int) time.Time { return date(y, m, d) }, true}
}

var (
	newYear      = fixedDay("New Year’s Day", time.January, 1)
	secondJan    = fixedDay("2nd January", time.January, 2)
	stPatrick    = fixedDay("St Patrick’s Day", time.March, 17)
	goodFriday   = rule{"Good Friday", func(y int) time.Time { return Easter(y).AddDate(0, 0, -2) }, false}
	easterMonday = rule{"Easter Monday", func(y int) time.Time { return Easter(y).AddDate(0, 0, 1) }, false}
	earlyMay     = rule{"Early May bank holiday", func(y int) time.Time { return nthMonday(y, time.May, 1) }, false}
	springBank   = rule{"Spring bank holiday", func(y int) time.Time { return lastMonday(y, time.May) }, false}
	boyne        = fixedDay("Battle of the Boyne (Orangemen’s Day)", time.July, 12)
	summerLast   = rule{"Summer bank holiday", func(y int) time.Time { return lastMonday(y, time.August) }, false}
	summerFirst  = rule{"Summer bank holiday", func(y int) time.Time { return nthMonday(y, time.August, 1) }, false}
	stAndrew     = fixedDay("St Andrew’s Day", time.November, 30)
	christmas    = fixedDay("Christmas Day", time.December, 25)
	boxingDay    = fixedDay("Boxing Day", time.December, 26)
)

// rules are each division's holidays under the Banking and Financial
// Dealings Act 1971 and its proclamations, and the St Andrew's Day Bank
// Holiday (Scotland) Act 2007.
var rules = map[Division][]rule{
	EnglandAndWales: {newYear, goodFriday, easterMonday, earlyMay, springBank, summerLast, christmas, boxingDay},
	Scotland:        {newYear, secondJan, goodFriday, earlyMay, springBank, summerFirst, stAndrew, christmas, boxingDay},
	NorthernIreland: {newYear, stPatrick, goodFriday, easterMonday, earlyMay, springBank, boyne, summerLast, christmas, boxingDay},
}

// ForYear returns the division's bank holidays in year, in date order.
// Years before FirstYear are refused: their one-off holidays are not listed.
func ForYear(d Division, year int) ([]Holiday, error) {
	rs, ok := rules[d]
	if !ok {
		return nil, fmt.Errorf("no such division: %d", int(d))
	}
	if year < FirstYear {
		return nil, fmt.Errorf("bank holidays before %d are not known here (asked for %d)", FirstYear, year)
	}
	taken := map[time.Time]bool{}
	var out []Holiday
	var moved []rule
	// A fixed holiday on a weekday keeps its day first, so a substitute
	// never takes it: when New Year's Day is a Sunday in Scotland, Monday
	// stays "2nd January" and New Year's Day moves to Tuesday, as GOV.UK
	// lists it.
	for _, r := range rs {
		day := r.date(year)
		if isWeekend(day) {
			moved = append(moved, r)
			continue
		}
		taken[day] = true
		out = append(out, Holiday{day, r.name})
	}
	for _, r := range moved {
		day := r.date(year)
		for isWeekend(day) || taken[day] {
			day = day.AddDate(0, 0, 1)
		}
		taken[day] = true
		out = append(out, Holiday{day, r.name + " (substitute day)"})
	}
	out = applyOneOffs(year, out)
	slices.SortFunc(out, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return out, nil
}

// Easter is Easter Sunday of year in the Gregorian calendar, by the
// computus of Oudin (1940) as Tøndering sets it out.
func Easter(year int) time.Time {
	g := year % 19
	c := year / 100
	h := (c - c/4 - (8*c+13)/25 + 19*g + 15) % 30
	i := h - (h/28)*(1-(h/28)*(29/(h+1))*((21-g)/11))
	j := (year + year/4 + i + 2 - c + c/4) % 7
	l := i - j
	month := 3 + (l+40)/44
	day := l + 28 - 31*(month/4)
	return date(year, time.Month(month), day)
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func isWeekend(d time.Time) bool { return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday }

func nthMonday(y int, m time.Month, n int) time.Time {
	d := date(y, m, 1)
	for d.Weekday() != time.Monday {
		d = d.AddDate(0, 0, 1)
	}
	return d.AddDate(0, 0, 7*(n-1))
}

func lastMonday(y int, m time.Month) time.Time {
	d := date(y, m+1, 0)
	for d.Weekday() != time.Monday {
		d = d.AddDate(0, 0, -1)
	}
	return d
}
