package peer

import (
	"fmt"
	"slices"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/bankholiday"
	"github.com/coprod/coprod/internal/round"
)

// Unit is what a time standard counts.
type Unit string

const (
	// Hours are elapsed hours, read off a stopwatch. Across a change of the
	// clocks 72 hours is not "the same time three days later": a crisis
	// referral at 10:00 on the Friday before the clocks go forward is due by
	// 11:00 on the Monday, and one before they go back by 09:00. The person
	// waiting lives through every one of those hours, and the wall clock
	// changing does not give them one back or take one away.
	Hours Unit = "hours"
	// WorkingDays are the working days (Monday to Friday, not a bank holiday
	// in the offer's division) after the day of the referral, up to and
	// including the day of contact, both days read in Europe/London: a
	// referral on Friday answered on Monday took 1 working day. A contact on a
	// weekend or bank holiday takes no working day, so it counts as within the
	// standard if the working day before it would have.
	WorkingDays Unit = "working_days"
)

// Limits on a standard, so a typing slip cannot make one meaningless.
const (
	MaxHours       = 90 * 24
	MaxWorkingDays = 60
)

// Standard is the time to first contact that a ULO and the commissioner
// agree for one trigger point: for example 72 hours after a crisis
// referral, 10 working days after a new diagnosis.
type Standard struct {
	Amount   int
	Unit     Unit
	Division bankholiday.Division // whose bank holidays working days skip
}

// Validate says what is wrong with the standard, if anything, as field
// errors for the form that sets it.
func (s Standard) Validate() error {
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	switch s.Unit {
	case Hours:
		if s.Amount < 1 || s.Amount > MaxHours {
			add("amount", fmt.Sprintf("Enter a number of hours from 1 to %d", MaxHours))
		}
	case WorkingDays:
		if s.Amount < 1 || s.Amount > MaxWorkingDays {
			add("amount", fmt.Sprintf("Enter a number of working days from 1 to %d", MaxWorkingDays))
		}
	default:
		add("unit", "Choose hours or working days")
	}
	if !slices.Contains(bankholiday.Divisions, s.Division) {
		add("division", "Choose England and Wales, Scotland or Northern Ireland")
	}
	return apperr.Fields(fs)
}

// String is the standard in words: "72 hours", "1 working day".
func (s Standard) String() string {
	word := "hour"
	if s.Unit == WorkingDays {
		word = "working day"
	}
	if s.Amount != 1 {
		word += "s"
	}
	return fmt.Sprintf("%d %s", s.Amount, word)
}

// Elapsed is the time from a referral to its first contact, in both of the
// ways the board reports it.
type Elapsed struct {
	Duration    time.Duration // elapsed time
	WorkingDays int           // working days after the referral's day up to the contact's day
}

// Hours is the elapsed time in hours.
func (e Elapsed) Hours() float64 { return e.Duration.Hours() }

// ElapsedBetween measures from the referral to the first contact. A
// contact recorded before its referral is refused: one of the two times is
// wrong, and counting it would flatter the figures.
func ElapsedBetween(div bankholiday.Division, referred, contact time.Time) (Elapsed, error) {
	if contact.Before(referred) {
		return Elapsed{}, apperr.Errorf(apperr.Invalid, "The first contact is recorded before the referral: check both dates")
	}
	wd, err := div.WorkingDaysBetween(referred.In(London), contact.In(London))
	if err != nil {
		return Elapsed{}, err
	}
	return Elapsed{Duration: contact.Sub(referred), WorkingDays: wd}, nil
}

// Within reports whether contact at the given time meets the standard for
// a referral made at referred. Exactly 72 hours meets a 72-hour standard.
func (s Standard) Within(referred, contact time.Time) (bool, error) {
	e, err := ElapsedBetween(s.Division, referred, contact)
	if err != nil {
		return false, err
	}
	if s.Unit == Hours {
		return e.Duration <= time.Duration(s.Amount)*time.Hour, nil
	}
	return e.WorkingDays <= s.Amount, nil
}

// DueBy is when first contact is due, for showing to people: for hours the
// instant the standard runs out; for working days the start (midnight,
// London) of the last working day, which pages show as "by the end of" it.
func (s Standard) DueBy(referred time.Time) (time.Time, error) {
	if s.Unit == Hours {
		return referred.Add(time.Duration(s.Amount) * time.Hour), nil
	}
	day := referred.In(London)
	next := time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, time.UTC)
	last, err := s.Division.NthWorkingDay(next, s.Amount)
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, London), nil
}

// London is the zone calendar questions are answered in: the product's
// one UK zone, as rounds enter and show times in it.
var London = round.London
