package round

import (
	"strings"

	"github.com/coprod/coprod/internal/apperr"
)

// RoundEdit changes what a round is called and when it runs. Its care
// area, purpose, stake and decision rule are not here: the stake and the
// rule have their own page and, once published, belong to the group.
type RoundEdit struct {
	Title    string
	StartsOn string
	EndsOn   string
}

// Validate normalises the edit and returns every problem at once, in the
// words the form for a new round uses.
func (e *RoundEdit) Validate() error {
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	e.Title = strings.TrimSpace(e.Title)
	if m := checkText("the round's title", e.Title, 200); m != "" {
		add("title", m)
	}
	start, m1 := ParseDate(e.StartsOn)
	if m1 != "" {
		add("starts_on", "Start date: "+m1)
	}
	end, m2 := ParseDate(e.EndsOn)
	if m2 != "" {
		add("ends_on", "End date: "+m2)
	}
	if m1 == "" && m2 == "" && end.Before(start) {
		add("ends_on", "The end date must be on or after the start date")
	}
	if m1 == "" {
		e.StartsOn = start.Format(DateLayout)
	}
	if m2 == "" {
		e.EndsOn = end.Format(DateLayout)
	}
	return apperr.Fields(fs)
}

// Refusals of changes to the round itself, shown as they are.
const (
	ErrEditClosed      = "This round has closed, so its title and dates can no longer change."
	ErrDeletePublished = "This round has been published: its stake is locked and the group relies on it, so it cannot be deleted. You can still change its title or dates."
	ErrDeleteNotEmpty  = "This draft already holds work: members, sessions, evidence, measures, tenders or decisions. Only an empty draft can be deleted. You can still change its title or dates."
)

// CheckEdit says whether the round's title and dates may change: at any
// time until it closes.
func CheckEdit(r *Round) error {
	if r.Closed() {
		return apperr.Errorf(apperr.Conflict, "%s", ErrEditClosed)
	}
	return nil
}

// CheckDelete says whether the round may be deleted: only a draft, never
// once published (the stake is locked and people rely on it).
func CheckDelete(r *Round) error {
	if r.Published() || r.Closed() {
		return apperr.Errorf(apperr.Conflict, "%s", ErrDeletePublished)
	}
	return nil
}
