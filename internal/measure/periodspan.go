package measure

import (
	"fmt"
	"time"
)

// Span is the time one reporting period covers: from Start up to, not
// including, End (both midnight UK time).
type Span struct {
	Period     string
	Start, End time.Time
}

// PeriodSpans divides the contract's term into its profile's periods, in
// order, each the same number of whole months: a value computed from
// Coprod's own records needs to know which days a period covers, and a
// profile names its periods only ("2027-Q1"). A term that is not a whole
// number of months, or does not divide into the periods evenly, is
// refused with words saying why, rather than guessed at.
func (c *Contract) PeriodSpans() ([]Span, error) {
	if c.Profile == nil || len(c.Profile.Periods) == 0 {
		return nil, fmt.Errorf("the contract has no payment profile yet")
	}
	start, err1 := time.ParseInLocation("2006-01-02", c.StartsOn, london)
	last, err2 := time.ParseInLocation("2006-01-02", c.EndsOn, london)
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("the contract's dates cannot be read")
	}
	end := last.AddDate(0, 0, 1)
	months := (end.Year()-start.Year())*12 + int(end.Month()-start.Month())
	if months <= 0 || !start.AddDate(0, months, 0).Equal(end) {
		return nil, fmt.Errorf("the contract's term, %s to %s, is not a whole number of months", c.StartsOn, c.EndsOn)
	}
	n := len(c.Profile.Periods)
	if months%n != 0 {
		return nil, fmt.Errorf("the contract's term of %d months does not divide into %d periods of whole months", months, n)
	}
	each := months / n
	out := make([]Span, n)
	for i, p := range c.Profile.Periods {
		out[i] = Span{Period: p, Start: start.AddDate(0, i*each, 0).UTC(), End: start.AddDate(0, (i+1)*each, 0).UTC()}
	}
	return out, nil
}
