// Package tasks is what is waiting for one person across rounds and
// tenders: proposals to respond to, bids to score, moderation to open,
// indicator values to report, verdicts to give and overdue commitments.
// The store finds them (one query per kind); this package orders them and
// says when each is due in words, in UK time. It is pure.
package tasks

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/round"
)

// Kind is what a task asks the person to do.
type Kind string

const (
	Respond  Kind = "respond"  // answer a proposal put to the group
	Score    Kind = "score"    // declare interests and score the bids of a tender
	Moderate Kind = "moderate" // open moderation: everyone on the panel has submitted
	Report   Kind = "report"   // report a contract's indicator values for a period
	Verdict  Kind = "verdict"  // say whether a thing that was done changed anything
	Overdue  Kind = "overdue"  // a commitment the person owns is past its due date
	Join     Kind = "join"     // an invitation to a round, made out to the person's email address
)

// Kinds lists every kind, in the order the home page explains them.
var Kinds = []Kind{Join, Respond, Score, Moderate, Report, Verdict, Overdue}

// Action is the task's instruction in plain English.
func (k Kind) Action() string {
	switch k {
	case Respond:
		return "Respond to a proposal"
	case Score:
		return "Score the bids"
	case Moderate:
		return "Open moderation"
	case Report:
		return "Report indicator values"
	case Verdict:
		return "Say whether it changed"
	case Overdue:
		return "Update an overdue commitment"
	case Join:
		return "Join a round you are invited to"
	}
	return string(k)
}

// Task is one thing waiting for the person.
type Task struct {
	Kind    Kind
	Subject string // what it is about: a proposal's title, a tender, what was said
	Where   string // the round or tender it belongs to ("" when none)
	Href    string // where to do it
	Note    string // a fact that helps, like "Bids closed on 3 March 2027"
	// Due is when it is due: a moment when HasTime, otherwise a UK
	// calendar date (any time of that day). Zero when there is no date.
	Due     time.Time
	HasTime bool
}

// Service finds what waits for a person, as of the store's clock.
type Service interface {
	Tasks(ctx context.Context, userID string) ([]Task, error)
	YourTenders(ctx context.Context, userID string, all bool) ([]TenderPlace, error)
}

// TenderPlace is a tender the person takes part in other than as a bidder,
// with what they do there, for the "Your tenders" page.
type TenderPlace struct {
	TenderID, Title string
	RoundID         string
	RoundTitle      string
	Roles           []string // "Commissioner lead", "Evaluator", "Chair of the lived experience panel"…
	Published       bool
	Awarded         bool
}

// Date returns a UK calendar date (YYYY-MM-DD) as a Due value; ok is false
// when s is not a date.
func Date(s string) (time.Time, bool) {
	t, err := time.ParseInLocation(round.DateLayout, s, round.London)
	return t, err == nil
}

// civil is a calendar date with no zone, for counting days.
func civil(t time.Time) time.Time {
	l := t.In(round.London)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
}

// DaysLeft is the number of UK calendar days from now to the task's due
// date: 0 today, negative once overdue. ok is false when there is no date.
func (t Task) DaysLeft(now time.Time) (days int, ok bool) {
	if t.Due.IsZero() {
		return 0, false
	}
	return int(civil(t.Due).Sub(civil(now)).Hours() / 24), true
}

// IsOverdue reports whether the task's due date (or moment) has passed.
func (t Task) IsOverdue(now time.Time) bool {
	if t.Due.IsZero() {
		return false
	}
	if t.HasTime {
		return !t.Due.After(now)
	}
	d, _ := t.DaysLeft(now)
	return d < 0
}

// DueWords says when the task is due, in words, in UK time: "due in 3 days,
// on Friday 10 June", "due today, by 17:00", "3 days overdue, it was due on
// Monday 7 June", or "" when it has no date. The year is said only when it
// is not this year.
func (t Task) DueWords(now time.Time) string {
	days, ok := t.DaysLeft(now)
	if !ok {
		return ""
	}
	on := dayName(t.Due, now)
	by := ""
	if t.HasTime {
		by = " at " + t.Due.In(round.London).Format("15:04")
	}
	switch {
	case t.IsOverdue(now) && days >= 0:
		return "overdue: it was due today" + by
	case days < 0:
		return fmt.Sprintf("%s overdue: it was due on %s", plural(-days, "day"), on)
	case days == 0:
		if t.HasTime {
			return "due today, by " + t.Due.In(round.London).Format("15:04")
		}
		return "due today"
	case days == 1:
		return "due tomorrow, " + on + by
	}
	return fmt.Sprintf("due in %s, on %s%s", plural(days, "day"), on, by)
}

// dayName is "Friday 10 June", with the year when it is not now's year.
func dayName(due, now time.Time) string {
	d := due.In(round.London)
	if d.Year() != now.In(round.London).Year() {
		return d.Format("Monday 2 January 2006")
	}
	return d.Format("Monday 2 January")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Sort orders tasks for the person: overdue first, then by due date
// (soonest first), then those with no date, each kind in the order of
// Kinds, and by subject so the order is stable.
func Sort(ts []Task) {
	rank := func(k Kind) int { return slices.Index(Kinds, k) }
	slices.SortStableFunc(ts, func(a, b Task) int {
		switch {
		case a.Due.IsZero() != b.Due.IsZero():
			if a.Due.IsZero() {
				return 1
			}
			return -1
		case !a.Due.Equal(b.Due):
			return a.Due.Compare(b.Due)
		case a.Kind != b.Kind:
			return rank(a.Kind) - rank(b.Kind)
		}
		return strings.Compare(a.Subject, b.Subject)
	})
}

// Shorten cuts text people wrote to about max characters at a word
// boundary, with an ellipsis, for a task's subject.
func Shorten(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) <= max {
		return s
	}
	r := []rune(s)[:max]
	cut := strings.LastIndex(string(r), " ")
	if cut < max/2 {
		cut = len(string(r))
	}
	return strings.TrimRight(string(r)[:cut], " ,.;:") + "…"
}
