package ledger

import (
	"sort"
	"strconv"
	"time"
)

// Contribution is what one item adds to the board's maintained counts.
// Storage subtracts an item's old contribution and adds its new one on
// every change, so the board never recounts a million items.
type Contribution struct {
	Items            int
	Committed        int // has a commitment (whatever happened since)
	Done             int
	DoneWithEvidence int
	Judged           int // at least one verdict
	Changed          int // every verdict given says it changed
	DaysToCommit     int // whole days from said to committed; -1 when not committed
	DaysToDone       int // whole days from said to done; -1 when not done
}

// ContributionFacts are what a contribution is computed from.
type ContributionFacts struct {
	Visible       bool // shown in public; hidden items count for nothing
	Status        Status
	SaidOn        string
	CommittedOn   string
	DoneOn        string
	EvidenceCount int
	Verdict       Verdict // the summary
}

// ContributionOf returns what an item contributes.
func ContributionOf(f ContributionFacts) Contribution {
	c := Contribution{DaysToCommit: -1, DaysToDone: -1}
	if !f.Visible {
		return c
	}
	c.Items = 1
	if f.CommittedOn != "" {
		c.Committed = 1
		c.DaysToCommit = daysBetween(f.SaidOn, f.CommittedOn)
	}
	if f.Status == StatusDone {
		c.Done = 1
		c.DaysToDone = daysBetween(f.SaidOn, f.DoneOn)
		if f.EvidenceCount > 0 {
			c.DoneWithEvidence = 1
		}
	}
	if f.Verdict != "" {
		c.Judged = 1
		if f.Verdict == VerdictChanged {
			c.Changed = 1
		}
	}
	return c
}

// daysBetween counts whole days from a to b (dates), never below zero: a
// response recorded as earlier than the voice is counted as the same day.
func daysBetween(a, b string) int {
	ta, err1 := time.Parse(DateLayout, a)
	tb, err2 := time.Parse(DateLayout, b)
	if err1 != nil || err2 != nil || tb.Before(ta) {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

// Stats are the board's figures for one scope: everything, one
// organisation or one round.
type Stats struct {
	Items, Committed, Done, DoneWithEvidence, Judged, Changed int
	// Histograms of whole days: days → number of items.
	DaysToCommit map[int]int
	DaysToDone   map[int]int
}

// Rate is a share with the counts it comes from, so pages can show both.
type Rate struct {
	Part, Whole int
}

// Percent is the share as a whole percentage, rounded half up; -1 when
// there is nothing to divide by.
func (r Rate) Percent() int {
	if r.Whole == 0 {
		return -1
	}
	return (200*r.Part + r.Whole) / (2 * r.Whole)
}

// CommitmentRate is the share of items with a commitment.
func (s Stats) CommitmentRate() Rate { return Rate{s.Committed, s.Items} }

// EvidenceRate is the share of done items that have evidence.
func (s Stats) EvidenceRate() Rate { return Rate{s.DoneWithEvidence, s.Done} }

// ChangedRate is the share of judged items that every verdict says changed.
func (s Stats) ChangedRate() Rate { return Rate{s.Changed, s.Judged} }

// MedianDaysToCommit is the median of days from voice to commitment.
func (s Stats) MedianDaysToCommit() Median { return MedianOf(s.DaysToCommit) }

// MedianDaysToDone is the median of days from voice to done.
func (s Stats) MedianDaysToDone() Median { return MedianOf(s.DaysToDone) }

// Median is a median number of days, in halves so an even count is exact.
type Median struct {
	Halves int  // twice the median
	OK     bool // false when there are no values
}

// Days is the median as a number.
func (m Median) Days() float64 { return float64(m.Halves) / 2 }

// String shows the median in days.
func (m Median) String() string {
	if !m.OK {
		return "no items yet"
	}
	if m.Halves == 2 {
		return "1 day"
	}
	s := strconv.Itoa(m.Halves / 2)
	if m.Halves%2 == 1 {
		s += ".5"
	}
	return s + " days"
}

// MedianOf returns the median of a histogram: the middle value, or the
// mean of the two middle values when the count is even.
func MedianOf(h map[int]int) Median {
	n := 0
	keys := make([]int, 0, len(h))
	for k, c := range h {
		if c > 0 {
			keys = append(keys, k)
			n += c
		}
	}
	if n == 0 {
		return Median{}
	}
	sort.Ints(keys)
	// nth returns the value at 0-based position i in sorted order.
	nth := func(i int) int {
		for _, k := range keys {
			if i < h[k] {
				return k
			}
			i -= h[k]
		}
		return keys[len(keys)-1]
	}
	if n%2 == 1 {
		return Median{Halves: 2 * nth(n/2), OK: true}
	}
	return Median{Halves: nth(n/2-1) + nth(n/2), OK: true}
}

// ScopeStats is the statistics of one organisation or round.
type ScopeStats struct {
	Kind  string // "all", "org" or "round"
	ID    string
	Name  string
	Stats Stats
}
