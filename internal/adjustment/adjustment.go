// Package adjustment is the register of reasonable adjustments: for a group
// member, their communication and information needs and the adjustments
// that meet them, each in one of the NHS Reasonable Adjustment Flag's
// categories (the ones round.Adjustments already lists), with details, who
// recorded it and when, the person's consent to share it and with whom, and
// a review date. Every change keeps the version before it.
//
// Who may see an entry: the person, the facilitators of their group, and,
// only while the person consents, the organisation they chose to share it
// with; nobody else, not even a platform administrator. The facilitators'
// part is the policy (auth.ActionKeepAdjustments over the round); the
// person's and the sharing organisation's are found by the store from the
// session, as peer support's are.
package adjustment

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
)

// Status is whether an adjustment still applies.
type Status string

const (
	Active Status = "active"
	Ended  Status = "ended" // no longer needed; kept, with its history
)

// Entry is one adjustment in the register, as it is now.
type Entry struct {
	ID       string
	MemberID string
	RoundID  string
	// Person is the member's name for the group (their pseudonym).
	Person   string
	Category string // a key of round.Adjustments
	Need     string // what the person needs, in their words
	Details  string // the adjustment that meets it
	// Share is the person's consent to share this entry with ShareOrgID.
	Share        bool
	ShareOrgID   string
	ShareOrgName string
	ReviewOn     string // YYYY-MM-DD
	Status       Status
	StartedOn    string // YYYY-MM-DD, when it was first recorded
	EndedOn      string // YYYY-MM-DD when ended
	Version      int
	RecordedByID string
	RecordedBy   string // the name of who recorded this version
	RecordedAt   time.Time
}

// CategoryLabel names the entry's category.
func (e Entry) CategoryLabel() string {
	if l := round.Labels(round.Adjustments, []string{e.Category}); len(l) == 1 {
		return l[0]
	}
	return e.Category
}

// Shared reports whether the entry may leave the register: the person
// consents and has said with whom.
func (e Entry) Shared() bool { return e.Share && e.ShareOrgID != "" && e.Status == Active }

// Input is what is entered to record an adjustment or change it.
type Input struct {
	Category   string
	Need       string
	Details    string
	Share      bool
	ShareOrgID string
	ReviewOn   string
}

// Limits on what is typed.
const (
	maxNeed    = 500
	maxDetails = 2000
)

// Validate tidies the input and returns every problem at once, worded for
// the person filling in the form. today is the date the form is sent, in
// Europe/London, so a review date in the past is caught.
func (in *Input) Validate(today string) error {
	in.Need, in.Details = strings.TrimSpace(in.Need), strings.TrimSpace(in.Details)
	in.ReviewOn, in.ShareOrgID = strings.TrimSpace(in.ReviewOn), strings.TrimSpace(in.ShareOrgID)
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	if len(round.Labels(round.Adjustments, []string{in.Category})) != 1 {
		add("category", "Select the kind of adjustment")
	}
	switch n := utf8.RuneCountInString(in.Need); {
	case n == 0:
		add("need", "Enter what the person needs")
	case n > maxNeed:
		add("need", "What the person needs must be 500 characters or fewer")
	}
	switch n := utf8.RuneCountInString(in.Details); {
	case n == 0:
		add("details", "Enter the adjustment: what helps")
	case n > maxDetails:
		add("details", "The adjustment must be 2,000 characters or fewer")
	}
	if in.Share && in.ShareOrgID == "" {
		add("share_org", "Select who to share it with, or say not to share it")
	}
	if !in.Share {
		in.ShareOrgID = ""
	}
	if d, err := time.Parse(time.DateOnly, in.ReviewOn); err != nil {
		add("review_on", "Enter the review date as a real date, for example 2027-03-31")
	} else if d.Format(time.DateOnly) <= today {
		add("review_on", "The review date must be in the future")
	}
	return apperr.Fields(fs)
}

// Service is what the store implements for the register. Each method takes
// the acting user from the context (audit.WithActor) and checks, inside its
// transaction, that they may see or change the member's register.
type Service interface {
	// RecordAdjustment adds an entry for a member of the round.
	RecordAdjustment(ctx context.Context, memberID string, in Input) (*Entry, error)
	// ChangeAdjustment saves a new version of an entry, keeping the old.
	ChangeAdjustment(ctx context.Context, id string, in Input) (*Entry, error)
	// EndAdjustment marks an entry no longer needed, keeping it.
	EndAdjustment(ctx context.Context, id string) error
	// MemberAdjustments lists a member's register, newest first.
	MemberAdjustments(ctx context.Context, memberID string) ([]Entry, error)
	// MyAdjustments lists the register of the acting user, across their
	// groups.
	MyAdjustments(ctx context.Context) ([]Entry, error)
	// SharedAdjustments lists the active entries shared with organisations
	// the acting user holds a role in, while the person consents.
	SharedAdjustments(ctx context.Context) ([]Entry, error)
	// Adjustment is one entry, if the acting user may see it.
	Adjustment(ctx context.Context, id string) (*Entry, error)
	// AdjustmentHistory is every version of an entry, newest first.
	AdjustmentHistory(ctx context.Context, id string) ([]Entry, error)
}
