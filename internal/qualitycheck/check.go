package qualitycheck

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
)

// Person is a quality checker, by name.
type Person struct{ ID, Name string }

// Check is one visit by a ULO's quality checkers to a provider's service.
type Check struct {
	ID                     string
	ULOID, ULOName         string
	ProviderID, ProviderOf string // the provider organisation and its name
	Service                string // the service visited, in words
	VisitOn                string // YYYY-MM-DD
	Checkers               []Person
	// ReportedAt is when the checkers finished the report; nil while the
	// visit is planned or the checklist is being answered. Only a finished
	// report reaches the provider.
	ReportedAt *time.Time
	CreatedAt  time.Time
}

// Reported reports whether the checkers have finished the report.
func (c Check) Reported() bool { return c.ReportedAt != nil }

// Point is the checkers' answer to one question, and the provider's.
type Point struct {
	Question  string // a key of Checklist
	Answer    Answer
	Saw       string // what the checkers saw: optional
	ItemID    string // the ledger voice item a "needs to change" point became
	Reply     string // the provider's answer: "" until given
	RepliedBy string
	RepliedAt *time.Time
}

// NewCheck is a visit as planned.
type NewCheck struct {
	ULOID, ProviderID, Service, VisitOn string
	CheckerIDs                          []string
}

// Validate tidies the input and returns every problem at once.
func (n *NewCheck) Validate() error {
	var fs []apperr.FieldError
	add := func(f, m string) { fs = append(fs, apperr.FieldError{Field: f, Message: m}) }
	if n.ULOID == "" {
		add("ulo", "Select the user-led organisation doing the check")
	}
	if n.ProviderID == "" {
		add("provider", "Select the provider to visit")
	}
	n.Service = strings.Join(strings.Fields(n.Service), " ")
	if m := round.CheckText("the service you will visit", n.Service, 200); m != "" {
		add("service", m)
	}
	if d, m := round.ParseDate(n.VisitOn); m != "" {
		add("visit_on", "Date of the visit: "+m)
	} else {
		n.VisitOn = d.Format(round.DateLayout)
	}
	if len(n.CheckerIDs) == 0 {
		add("checkers", "Select at least one quality checker")
	}
	return apperr.Fields(fs)
}

// MaxSaw is the most a "what we saw" note may hold.
const MaxSaw = 1000

// NewAnswer is one question answered.
type NewAnswer struct {
	Question string
	Answer   Answer
	Saw      string
}

// Validate checks the answer is one of the three and the note fits.
func (n *NewAnswer) Validate() error {
	if _, _, ok := QuestionAt(n.Question); !ok {
		return apperr.Errorf(apperr.NotFound, "There is no such question on the checklist.")
	}
	var fs []apperr.FieldError
	if !n.Answer.Valid() {
		fs = append(fs, apperr.FieldError{Field: "answer", Message: "Choose good, OK or needs to change"})
	}
	n.Saw = strings.TrimSpace(n.Saw)
	if utf8.RuneCountInString(n.Saw) > MaxSaw {
		fs = append(fs, apperr.FieldError{Field: "saw", Message: "What you saw must be 1,000 characters or fewer"})
	}
	return apperr.Fields(fs)
}

// NewReply is the provider's answer to one point.
type NewReply struct {
	Question string
	Reply    string
}

// Validate checks the point exists and the answer is given and fits.
func (n *NewReply) Validate() error {
	if _, _, ok := QuestionAt(n.Question); !ok {
		return apperr.Errorf(apperr.NotFound, "There is no such point in the report.")
	}
	n.Reply = strings.TrimSpace(n.Reply)
	if m := round.CheckText("your answer to this point", n.Reply, 2000); m != "" {
		return apperr.Fields([]apperr.FieldError{{Field: "reply", Message: m}})
	}
	return nil
}
