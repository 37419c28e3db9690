package peer

import (
	"fmt"
	"slices"
	"time"
)

// Facts are what the measures need of one referral.
type Facts struct {
	Trigger  Trigger
	Standard Standard // the standard in force when the referral was made
	Referred time.Time
	Contact  time.Time // first contact; zero when none yet
	State    State
	Chose    bool      // the person chose a supporter at some point
	Ended    EndReason // when State is StateEnded
}

// Measures are one trigger point's figures, before suppression.
type Measures struct {
	Trigger   Trigger
	Referrals int
	// Due are the referrals whose standard has come due: contacted, or not
	// contacted and past the standard. Referrals still inside their
	// standard are not yet counted either way.
	Due    int
	Within int // of Due, contacted within the standard
	// Overdue are waiting for first contact and already past the standard.
	Overdue     int
	Hours       Spread // time to first contact, in hours
	WorkingDays Spread // time to first contact, in working days
	// Uptake: of those who have answered the offer, how many chose a
	// supporter (TookUp) and how many said no (Declined).
	TookUp, Declined int
	Ended            map[EndReason]int
}

// Spread is a median and a 90th percentile of a list of values.
type Spread struct {
	N           int
	Median, P90 float64
}

// Compute returns the measures for each trigger point, in Triggers order,
// judged at now.
func Compute(facts []Facts, now time.Time) ([]Measures, error) {
	by := map[Trigger]*Measures{}
	hours := map[Trigger][]float64{}
	days := map[Trigger][]float64{}
	for _, t := range Triggers {
		by[t] = &Measures{Trigger: t, Ended: map[EndReason]int{}}
	}
	for _, f := range facts {
		m, ok := by[f.Trigger]
		if !ok {
			return nil, fmt.Errorf("a referral has an unknown trigger point %q", f.Trigger)
		}
		m.Referrals++
		if !f.Contact.IsZero() {
			within, err := f.Standard.Within(f.Referred, f.Contact)
			if err != nil {
				return nil, err
			}
			e, err := ElapsedBetween(f.Standard.Division, f.Referred, f.Contact)
			if err != nil {
				return nil, err
			}
			m.Due++
			if within {
				m.Within++
			}
			hours[f.Trigger] = append(hours[f.Trigger], e.Hours())
			days[f.Trigger] = append(days[f.Trigger], float64(e.WorkingDays))
		} else if f.State == StateWaiting && !now.Before(f.Referred) {
			within, err := f.Standard.Within(f.Referred, now)
			if err != nil {
				return nil, err
			}
			if !within {
				m.Due++
				m.Overdue++
			}
		}
		switch {
		case f.Chose:
			m.TookUp++
		case f.State == StateDeclined:
			m.Declined++
		}
		if f.State == StateEnded {
			m.Ended[f.Ended]++
		}
	}
	out := make([]Measures, 0, len(Triggers))
	for _, t := range Triggers {
		m := by[t]
		m.Hours, m.WorkingDays = spreadOf(hours[t]), spreadOf(days[t])
		out = append(out, *m)
	}
	return out, nil
}

// spreadOf is the median (the middle value, or the mean of the two middle
// values) and the 90th percentile by nearest rank (the smallest value that
// at least 90% of the values are at or below: the value at position
// ⌈0.9 n⌉ in order), so both are values a reader can find by hand.
func spreadOf(xs []float64) Spread {
	n := len(xs)
	if n == 0 {
		return Spread{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	rank := (9*n + 9) / 10 // ⌈9n/10⌉ in whole numbers, free of rounding
	return Spread{N: n, Median: med, P90: s[rank-1]}
}

// Discharged is how many ended support because a service discharged them.
func (m Measures) Discharged() int { return m.Ended[EndDischarged] }
