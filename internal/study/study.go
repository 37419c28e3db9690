// Package study holds the research studies of the conversation analysis
// strand: a study belongs to a research organisation and keeps transcripts
// of support interactions (a supporter and a person supported), each with
// how consent was given, the roles of its participants and the date of the
// session, so sessions can be compared before and after an intervention.
// The analysis itself is the transcript package; this package holds what
// is stored, the rules for storing it, replacing names by roles, and the
// before-and-after comparison. It is pure: storage implements Service
// elsewhere.
package study

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
)

// DateLayout is how dates are stored and sent: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// dateLayouts are the ways people may type a date.
var dateLayouts = []string{DateLayout, "2/1/2006", "2 January 2006", "2 Jan 2006"}

// ParseDate reads a date typed as 2027-03-31, 31/3/2027 or 31 March 2027
// and returns it as YYYY-MM-DD, or a message saying what is wrong.
func ParseDate(s string) (string, string) {
	s = strings.Join(strings.Fields(s), " ")
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(DateLayout), ""
		}
	}
	return "", "Enter a real date, like 31 March 2027"
}

// FormatDate shows a stored YYYY-MM-DD date for people: "31 March 2027".
func FormatDate(s string) string {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return s
	}
	return t.Format("2 January 2006")
}

// Study is one piece of research: its transcripts and the date of the
// change it studies.
type Study struct {
	ID          string
	OrgID       string // the research organisation that owns it
	OrgName     string
	Title       string
	Description string
	// InterventionDate (YYYY-MM-DD, or "" for none) splits the sessions
	// into before and after.
	InterventionDate string
	CreatedBy        string
	CreatedAt        time.Time
}

// NewStudy is what a researcher creates.
type NewStudy struct {
	OrgID            string
	Title            string
	Description      string
	InterventionDate string // as typed; Validate stores it as YYYY-MM-DD
}

// Validate normalises the input and returns every problem at once.
func (n *NewStudy) Validate() error {
	n.Title = strings.TrimSpace(n.Title)
	n.Description = strings.TrimSpace(n.Description)
	var fs []apperr.FieldError
	if n.OrgID == "" {
		fs = append(fs, apperr.FieldError{Field: "org_id", Message: "Select the research organisation the study belongs to"})
	}
	fs = append(fs, checkTitle(n.Title, "title", "Enter a title for the study, for example “Choice in everyday support”")...)
	if utf8.RuneCountInString(n.Description) > 5000 {
		fs = append(fs, apperr.FieldError{Field: "description", Message: "Description must be 5,000 characters or fewer"})
	}
	if strings.TrimSpace(n.InterventionDate) != "" {
		d, msg := ParseDate(n.InterventionDate)
		if msg != "" {
			fs = append(fs, apperr.FieldError{Field: "intervention_date", Message: "Date of the intervention: " + msg})
		}
		n.InterventionDate = d
	} else {
		n.InterventionDate = ""
	}
	return apperr.Fields(fs)
}

func checkTitle(title, field, empty string) []apperr.FieldError {
	switch c := utf8.RuneCountInString(title); {
	case c == 0:
		return []apperr.FieldError{{Field: field, Message: empty}}
	case c > 200:
		return []apperr.FieldError{{Field: field, Message: "Title must be 200 characters or fewer"}}
	}
	return nil
}

// Phase says where a session falls against the study's intervention.
type Phase string

const (
	PhaseBefore Phase = "before"
	PhaseAfter  Phase = "after"
	// PhaseNone: the study has no intervention date.
	PhaseNone Phase = "none"
)

// Label is the phase in plain English.
func (p Phase) Label() string {
	switch p {
	case PhaseBefore:
		return "Before"
	case PhaseAfter:
		return "After"
	}
	return "No intervention date"
}

// PhaseOf places a session: before the intervention when it took place
// earlier than the intervention date; after when on that day or later,
// because an intervention changes practice from the day it starts.
// Dates are YYYY-MM-DD, which compare as strings.
func PhaseOf(sessionDate, interventionDate string) Phase {
	switch {
	case interventionDate == "" || sessionDate == "":
		return PhaseNone
	case sessionDate < interventionDate:
		return PhaseBefore
	}
	return PhaseAfter
}

// Page is one page of a list and the cursor of the next ("" on the last).
type Page[T any] struct {
	Items []T
	Next  string
}

// StudyQuery lists studies: every study when All, else those of OrgIDs.
type StudyQuery struct {
	OrgIDs []string
	All    bool
	After  string
	Limit  int
}

// TranscriptQuery lists a study's transcripts in session order.
type TranscriptQuery struct {
	StudyID string
	After   string
	Limit   int
	// WithSource loads each transcript's text, for analysis; lists leave it out.
	WithSource bool
}

// Service stores studies and transcripts; internal/store implements it.
// The acting user for the audit log comes from audit.WithActor.
type Service interface {
	CreateStudy(ctx context.Context, n NewStudy) (*Study, error)
	StudyByID(ctx context.Context, id string) (*Study, error)
	ListStudies(ctx context.Context, q StudyQuery) (Page[Study], error)

	CreateTranscript(ctx context.Context, n NewTranscript) (*Transcript, error)
	TranscriptByID(ctx context.Context, id string) (*Transcript, error)
	ListTranscripts(ctx context.Context, q TranscriptQuery) (Page[Transcript], error)
	SetRoles(ctx context.Context, transcriptID string, roles map[string]string) error
}
