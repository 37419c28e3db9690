package tender

import (
	"time"

	"github.com/coprod/coprod/internal/bankholiday"
)

// StandstillWorkingDays is the length of the mandatory standstill period
// after a contract award notice (Procurement Act 2023, section 51).
const StandstillWorkingDays = 8

// StandstillEnd is the last day of the mandatory standstill period: the
// eighth working day after the day the contract award notice is published,
// as issue 5 specifies ("8 working days after the award notice"); the
// notice day itself is not counted. (Section 51 of the Procurement Act 2023
// counts from the day of publication; the day-after reading is the
// stricter of the two, so a standstill that meets it meets the Act too.)
// The contract may be entered into once that day has ended. The result is
// a date (midnight UTC, to be read as a calendar date), worked out from the
// notice's date in its own location, with the bank holidays of division.
func StandstillEnd(notice time.Time, division bankholiday.Division) (time.Time, error) {
	next := time.Date(notice.Year(), notice.Month(), notice.Day()+1, 0, 0, 0, 0, time.UTC)
	return division.NthWorkingDay(next, StandstillWorkingDays)
}
