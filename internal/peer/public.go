package peer

import (
	"slices"
	"strconv"
)

// Small is the smallest count published: counts from 1 to Small−1 are
// hidden, and so is any figure from which one could be worked out. Zero is
// shown: it tells nobody anything about a person.
const Small = 5

// Count is a published count.
type Count struct {
	N      int
	Hidden bool
}

// String is the count, or "fewer than 5" when it is hidden.
func (c Count) String() string {
	if c.Hidden {
		return "fewer than " + strconv.Itoa(Small)
	}
	return strconv.Itoa(c.N)
}

// Share is a published share: Part of Whole.
type Share struct {
	Part, Whole int
	Hidden      bool
}

// Percent is the share as a whole percentage, rounded half up; -1 when
// hidden or there is nothing to divide by.
func (s Share) Percent() int {
	if s.Hidden || s.Whole == 0 {
		return -1
	}
	return (200*s.Part + s.Whole) / (2 * s.Whole)
}

// Public is one trigger point's figures as the public board shows them.
type Public struct {
	Trigger     Trigger
	Referrals   Count
	Within      Share // of referrals due, contacted within the standard
	Overdue     Count
	Hours       Spread // empty when TimesHidden
	WorkingDays Spread
	TimesHidden bool // fewer than Small first contacts: the times are not shown
	Uptake      Share
	Ended       []EndCount // in EndReasons order
}

// EndCount is how many ended support for one reason.
type EndCount struct {
	Reason EndReason
	Count  Count
}

// small reports whether n would identify people: 1 to Small−1.
func small(n int) bool { return n > 0 && n < Small }

// Publish hides what is too small to publish. A count from 1 to 4 is
// hidden; a share is hidden when its part, its whole or the rest of it
// would be such a count, since any one of them with the other two shown
// gives away the third; a median and 90th percentile of fewer than 5
// values are hidden, since each is someone's own wait. In the reasons
// support ended, when only one count is hidden the smallest other
// non-zero count is hidden with it, so the total cannot give it away.
func (m Measures) Publish() Public {
	p := Public{
		Trigger:   m.Trigger,
		Referrals: count(m.Referrals),
		Within:    share(m.Within, m.Due),
		Overdue:   count(m.Overdue),
		Uptake:    share(m.TookUp, m.TookUp+m.Declined),
	}
	p.TimesHidden = small(m.Hours.N)
	if !p.TimesHidden {
		p.Hours, p.WorkingDays = m.Hours, m.WorkingDays
	}
	hide := map[EndReason]bool{}
	for _, r := range EndReasons {
		hide[r] = small(m.Ended[r])
	}
	if n := len(slices.DeleteFunc(slices.Clone(EndReasons), func(r EndReason) bool { return !hide[r] })); n == 1 {
		var next EndReason
		for _, r := range EndReasons {
			if !hide[r] && m.Ended[r] > 0 && (next == "" || m.Ended[r] < m.Ended[next]) {
				next = r
			}
		}
		if next != "" {
			hide[next] = true
		}
	}
	for _, r := range EndReasons {
		c := Count{N: m.Ended[r]}
		if hide[r] {
			c = Count{Hidden: true}
		}
		p.Ended = append(p.Ended, EndCount{r, c})
	}
	return p
}

// count and share carry no number when hidden, so no page or export can
// let one slip.
func count(n int) Count {
	if small(n) {
		return Count{Hidden: true}
	}
	return Count{N: n}
}

func share(part, whole int) Share {
	if small(part) || small(whole) || small(whole-part) {
		return Share{Hidden: true}
	}
	return Share{Part: part, Whole: whole}
}

// Discharged is the published count of those whose support ended because
// a service discharged them.
func (p Public) Discharged() Count {
	for _, e := range p.Ended {
		if e.Reason == EndDischarged {
			return e.Count
		}
	}
	return Count{}
}
