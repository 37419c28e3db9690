package training

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
)

// Course is a course delivered by people with lived experience, run by a
// user-led organisation, with its materials in plain English and Easy Read
// and the confidence questions asked before and after every session.
type Course struct {
	ID, OrgID, OrgName string
	Title              string
	About              string // plain English
	EasyRead           string
	Questions          []Question
	// RatePence is what each trainer with an account is paid for
	// delivering one session, as an involvement payment; 0 when unpaid.
	RatePence int64
}

// NewCourse is a course as entered; Questions are one a line; Rate is the
// pounds paid to each trainer for a session as typed ("75", "75.50"), or
// empty when the trainers are not paid.
type NewCourse struct {
	Title, About, EasyRead, Questions string
	Rate                              string

	ratePence int64
}

// RatePence is the rate once Validate has accepted it.
func (n *NewCourse) RatePence() int64 { return n.ratePence }

// MaxQuestions keeps the before-and-after questionnaire short.
const MaxQuestions = 8

// Validate tidies the course and returns every problem at once, with the
// questions read.
func (n *NewCourse) Validate() ([]string, error) {
	var fs []apperr.FieldError
	add := func(f, m string) { fs = append(fs, apperr.FieldError{Field: f, Message: m}) }
	n.Title, n.About, n.EasyRead = strings.TrimSpace(n.Title), strings.TrimSpace(n.About), strings.TrimSpace(n.EasyRead)
	if m := round.CheckText("the course's title", n.Title, 200); m != "" {
		add("title", m)
	}
	if m := round.CheckText("what the course is about, in plain English", n.About, 4000); m != "" {
		add("about", m)
	}
	if utf8.RuneCountInString(n.EasyRead) > 4000 {
		add("easy_read", "The Easy Read version must be 4000 characters or fewer")
	}
	var qs []string
	for _, l := range strings.Split(n.Questions, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			qs = append(qs, l)
		}
	}
	switch {
	case len(qs) == 0:
		add("questions", "Enter at least one confidence question, one a line")
	case len(qs) > MaxQuestions:
		add("questions", "Enter at most "+strconv.Itoa(MaxQuestions)+" questions: people answer them twice")
	}
	n.ratePence = 0
	if strings.TrimSpace(n.Rate) != "" {
		var m string
		if n.ratePence, m = round.ParsePounds(n.Rate); m != "" {
			add("rate", "What each trainer is paid for a session: "+m)
		}
	}
	for _, q := range qs {
		if utf8.RuneCountInString(q) > 300 {
			add("questions", "Each question must be 300 characters or fewer")
			break
		}
	}
	return qs, apperr.Fields(fs)
}

// Session is one delivery of a course.
type Session struct {
	ID, CourseID, CourseTitle, OrgID, OrgName string
	StartsAt                                  time.Time
	Place                                     string
	Trainers                                  []string // people with lived experience, by name
	// TrainerIDs are the trainers' accounts at the ULO: they are paid as
	// involvement once the session is recorded as delivered.
	TrainerIDs  []string
	DeliveredAt time.Time // zero until recorded
}

// NewSession is a session as entered: trainers with an account at the ULO
// (TrainerIDs), and others by name, one a line (Trainers).
type NewSession struct {
	StartsAt   time.Time
	Place      string
	Trainers   string
	TrainerIDs []string
}

// Validate reads the trainers and says what is wrong.
func (n *NewSession) Validate() ([]string, error) {
	var fs []apperr.FieldError
	n.Place = strings.TrimSpace(n.Place)
	if n.StartsAt.IsZero() {
		fs = append(fs, apperr.FieldError{Field: "starts_at", Message: "Enter when the session starts"})
	}
	if m := round.CheckText("where the session is (or that it is online)", n.Place, 200); m != "" {
		fs = append(fs, apperr.FieldError{Field: "place", Message: m})
	}
	var ts []string
	for _, l := range strings.Split(n.Trainers, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			ts = append(ts, l)
		}
	}
	if len(ts) == 0 && len(n.TrainerIDs) == 0 {
		fs = append(fs, apperr.FieldError{Field: "trainers", Message: "Choose the trainers with lived experience who deliver it, or enter their names, one a line"})
	}
	return ts, apperr.Fields(fs)
}

// Record is one attendee of one session.
type Record struct {
	ID, SessionID      string
	Name               string
	OrgID, OrgName     string // the provider they work for
	Role               string
	UserID             string // their account, "" when none
	AnsweredBefore     bool
	AnsweredAfter      bool
	CourseTitle, Place string
	StartsAt           time.Time
	Trainers           []string
	TrainingOrg        string
}

// NewAttendee is an attendee as entered.
type NewAttendee struct {
	Name, OrgID, Role string
}

// Validate tidies the attendee and says what is wrong.
func (n *NewAttendee) Validate() error {
	var fs []apperr.FieldError
	n.Name, n.Role = strings.TrimSpace(n.Name), strings.TrimSpace(n.Role)
	if m := round.CheckText("the attendee's name", n.Name, 100); m != "" {
		fs = append(fs, apperr.FieldError{Field: "name", Message: m})
	}
	if n.OrgID == "" {
		fs = append(fs, apperr.FieldError{Field: "org", Message: "Choose the organisation they work for"})
	}
	if m := round.CheckText("their role, for example support worker", n.Role, 100); m != "" {
		fs = append(fs, apperr.FieldError{Field: "role", Message: m})
	}
	return apperr.Fields(fs)
}

// Feedback is what someone who attended told the trainers, kept without
// their name.
type Feedback struct {
	Words string
	At    time.Time
}

// CheckFeedback tidies feedback and says what is wrong with it.
func CheckFeedback(words string) (string, error) {
	words = strings.TrimSpace(words)
	if m := round.CheckText("your feedback to the trainers", words, 2000); m != "" {
		return "", apperr.Fields([]apperr.FieldError{{Field: "feedback", Message: m}})
	}
	return words, nil
}

// Payment is an involvement payment claim a trainer has for delivering a
// session, made when the session is recorded as delivered.
type Payment struct {
	ID, SessionID, UserID string
	Trainer               string // their name
	AmountPence           int64
	ClaimedAt             time.Time
	CourseTitle           string
	SessionStartsAt       time.Time
}
