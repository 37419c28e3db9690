package peer

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
)

// Offer is a ULO's peer support at one trigger point, with its standard.
type Offer struct {
	OrgID, OrgName string
	Trigger        Trigger
	Standard       Standard
}

// Validate checks the offer's trigger point and standard.
func (o *Offer) Validate() error {
	var fs []apperr.FieldError
	if !o.Trigger.Valid() {
		fs = append(fs, apperr.FieldError{Field: "trigger", Message: "Choose the point in someone's life this offer is for"})
	}
	fs = append(fs, apperr.FieldsOf(o.Standard.Validate())...)
	return apperr.Fields(fs)
}

// SupporterRecord is a peer supporter as their ULO keeps them: the
// matching facts, and their training, supervision and DBS check. Of the
// DBS check only its date is kept, never what it said.
type SupporterRecord struct {
	Supporter
	OrgID        string
	UserID       string // their account, "" when they have none
	Training     string
	Supervisions []string // dates of supervision, YYYY-MM-DD, newest first
	Paid         bool     // paid through involvement payments; false: volunteering
	DBSCheckedOn string   // YYYY-MM-DD, "" when not yet checked
}

// NewSupporter is what a coordinator enters for a peer supporter. Lists
// are one item a line.
type NewSupporter struct {
	Name, Experiences, Languages, AccessNeeds, Places string
	Phone, Video                                      bool
	Capacity                                          string
	Training, Supervisions, DBSCheckedOn              string
	Paid                                              bool
}

// Validate reads the form into a record, with every problem at once.
func (n NewSupporter) Validate(orgID string) (SupporterRecord, error) {
	var fs []apperr.FieldError
	add := func(f, m string) { fs = append(fs, apperr.FieldError{Field: f, Message: m}) }
	s := SupporterRecord{OrgID: orgID, Paid: n.Paid, Training: strings.TrimSpace(n.Training)}
	s.Name = strings.TrimSpace(n.Name)
	if m := round.CheckText("the peer supporter's name", s.Name, 100); m != "" {
		add("name", m)
	}
	s.Experiences, s.Languages, s.AccessNeeds = Lines(n.Experiences), Lines(n.Languages), Lines(n.AccessNeeds)
	if len(s.Experiences) == 0 {
		add("experiences", "Enter at least one area of lived experience they share, one a line")
	}
	if len(s.Languages) == 0 {
		add("languages", "Enter the languages they speak, one a line")
	}
	s.Meeting = Meeting{Places: Lines(n.Places), Phone: n.Phone, Video: n.Video}
	if s.Meeting.empty() {
		add("places", "Enter where they can meet people, or tick phone or video")
	}
	c, err := strconv.Atoi(strings.TrimSpace(n.Capacity))
	if err != nil || c < 0 || c > 50 {
		add("capacity", "Enter how many people they can support at once, as a number from 0 to 50")
	}
	s.Capacity = c
	if utf8.RuneCountInString(s.Training) > 2000 {
		add("training", "Training must be 2000 characters or fewer")
	}
	for _, d := range Lines(n.Supervisions) {
		t, m := round.ParseDate(d)
		if m != "" {
			add("supervisions", "Supervision dates: "+m+", one a line")
			break
		}
		s.Supervisions = append(s.Supervisions, t.Format(round.DateLayout))
	}
	slices.Sort(s.Supervisions)
	slices.Reverse(s.Supervisions)
	if d := strings.TrimSpace(n.DBSCheckedOn); d != "" {
		t, m := round.ParseDate(d)
		if m != "" {
			add("dbs_checked_on", "DBS check date: "+m)
		}
		s.DBSCheckedOn = t.Format(round.DateLayout)
	}
	return s, apperr.Fields(fs)
}

// Lines splits text into its non-empty lines, trimmed, without repeats.
func Lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !containsFold(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// Source says who made a referral.
type Source string

const (
	SourceSelf         Source = "self"
	SourceProfessional Source = "professional"
)

// ContactWay is how the person would like to be contacted.
type ContactWay string

const (
	ContactPhone ContactWay = "phone"
	ContactText  ContactWay = "text"
	ContactEmail ContactWay = "email"
)

// ContactWays lists the ways in the order forms show them.
var ContactWays = []ContactWay{ContactPhone, ContactText, ContactEmail}

// Label is the way in plain words.
func (c ContactWay) Label() string {
	switch c {
	case ContactPhone:
		return "Phone call"
	case ContactText:
		return "Text message"
	case ContactEmail:
		return "Email"
	}
	return string(c)
}

// NewReferral is a referral as it is made: by the person themselves (no
// account needed) or by a professional with the person's consent.
type NewReferral struct {
	OrgID       string
	Trigger     Trigger
	Source      Source
	Name        string // what to call the person
	ContactWay  ContactWay
	Contact     string // the number or address
	Need        Need
	Consent     bool   // the person agrees to be contacted and to these details being kept
	ReferrerFor string // a professional's name and organisation; "" for a self-referral
}

// Validate tidies the referral and returns every problem at once.
func (n *NewReferral) Validate() error {
	var fs []apperr.FieldError
	add := func(f, m string) { fs = append(fs, apperr.FieldError{Field: f, Message: m}) }
	n.Name, n.Contact, n.ReferrerFor = strings.TrimSpace(n.Name), strings.TrimSpace(n.Contact), strings.TrimSpace(n.ReferrerFor)
	if n.OrgID == "" {
		add("org", "Choose who you would like peer support from")
	}
	if !n.Trigger.Valid() {
		add("trigger", "Choose what is happening")
	}
	if m := round.CheckText("a name we can call you", n.Name, 100); m != "" {
		if n.Source == SourceProfessional {
			m = strings.Replace(m, "you", "the person", 1)
		}
		add("name", m)
	}
	if !slices.Contains(ContactWays, n.ContactWay) {
		add("contact_way", "Choose how we should contact you")
	} else if m := checkContact(n.ContactWay, n.Contact); m != "" {
		add("contact", m)
	}
	if !n.Consent {
		if n.Source == SourceProfessional {
			add("consent", "Record that the person agrees to this referral. We cannot take a referral without it")
		} else {
			add("consent", "Tick the box to say yes. We can only contact you if you agree")
		}
	}
	switch n.Source {
	case SourceSelf:
		n.ReferrerFor = ""
	case SourceProfessional:
		if m := round.CheckText("your name and organisation", n.ReferrerFor, 200); m != "" {
			add("referrer", m)
		}
	default:
		add("source", "Say who is making the referral")
	}
	return apperr.Fields(fs)
}

// checkContact says what is wrong with a phone number or email address.
func checkContact(way ContactWay, s string) string {
	if way == ContactEmail {
		if at := strings.Index(s, "@"); at < 1 || at == len(s)-1 || strings.ContainsAny(s, " \t") || len(s) > 254 {
			return "Enter an email address, like name@example.com"
		}
		return ""
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +-()", r):
		default:
			return "Enter a phone number using numbers only, like 07700 900123"
		}
	}
	if digits < 10 || digits > 15 {
		return "Enter a phone number with 10 to 15 numbers, like 07700 900123"
	}
	return ""
}

// Referral is a referral as the ULO holds it.
type Referral struct {
	NewReferral
	ID              string
	OrgName         string
	Standard        Standard // the standard in force when it was made
	Referred        time.Time
	FirstContact    time.Time // zero until first contact
	State           State
	SupporterID     string // the supporter the person chose; "" until then
	Supporter       string // their name
	SupporterUserID string // their account, "" when none
	Chose           bool
	Ended           EndReason
	PersonUserID    string // the person's account, when they have one
}

// Facts are the referral's facts for the measures.
func (r Referral) Facts() Facts {
	return Facts{Trigger: r.Trigger, Standard: r.Standard, Referred: r.Referred, Contact: r.FirstContact,
		State: r.State, Chose: r.Chose, Ended: r.Ended}
}

// How is how a contact happened.
type How string

const (
	HowInPerson How = "in_person"
	HowPhone    How = "phone"
	HowVideo    How = "video"
	HowMessage  How = "message"
)

// Hows lists the ways in the order forms show them.
var Hows = []How{HowInPerson, HowPhone, HowVideo, HowMessage}

// Label is the way in plain words.
func (h How) Label() string {
	switch h {
	case HowInPerson:
		return "In person"
	case HowPhone:
		return "Phone"
	case HowVideo:
		return "Video"
	case HowMessage:
		return "Messages"
	}
	return string(h)
}

// Contact is one contact with the person: when, how, how long, and only
// the notes the person agreed to have written down.
type Contact struct {
	ID      string
	On      string // YYYY-MM-DD
	How     How
	Minutes int
	Notes   string
	By      string // who recorded it
}

// NewContact is a contact as entered.
type NewContact struct {
	On, How, Minutes, Notes string
	Agreed                  bool // the person agreed to the notes being written
}

// Validate reads the contact, with every problem at once. today is the
// London date now: a contact cannot be recorded for a day to come.
func (n NewContact) Validate(today time.Time) (Contact, error) {
	var fs []apperr.FieldError
	add := func(f, m string) { fs = append(fs, apperr.FieldError{Field: f, Message: m}) }
	var c Contact
	on, m := round.ParseDate(n.On)
	switch {
	case m != "":
		add("on", "Date: "+m)
	case on.After(today):
		add("on", "The date must be today or before")
	default:
		c.On = on.Format(round.DateLayout)
	}
	c.How = How(n.How)
	if !slices.Contains(Hows, c.How) {
		add("how", "Choose how you were in contact")
	}
	mins, err := strconv.Atoi(strings.TrimSpace(n.Minutes))
	if err != nil || mins < 1 || mins > 600 {
		add("minutes", "Enter how long it took in minutes, from 1 to 600")
	}
	c.Minutes = mins
	c.Notes = strings.TrimSpace(n.Notes)
	switch {
	case utf8.RuneCountInString(c.Notes) > 2000:
		add("notes", "Notes must be 2000 characters or fewer")
	case c.Notes != "" && !n.Agreed:
		add("agreed", "Write notes only if the person agreed to them: tick the box, or leave the notes empty")
	}
	return c, apperr.Fields(fs)
}

// GoalMet is whether the person says a goal was met.
type GoalMet string

const (
	GoalOpen   GoalMet = ""
	GoalMetYes GoalMet = "met"
	GoalPartly GoalMet = "partly"
	GoalNotMet GoalMet = "not_met"
)

// Label is the answer in plain words.
func (g GoalMet) Label() string {
	switch g {
	case GoalMetYes:
		return "Met"
	case GoalPartly:
		return "Partly met"
	case GoalNotMet:
		return "Not met"
	}
	return "Working on it"
}

// Goal is one of the person's goals, in their own words.
type Goal struct {
	ID    string
	Words string
	Met   GoalMet
}

// CheckGoal says what is wrong with a goal's words.
func CheckGoal(words string) (string, error) {
	words = strings.TrimSpace(words)
	if m := round.CheckText("the goal in the person's own words", words, 500); m != "" {
		return "", apperr.Fields([]apperr.FieldError{{Field: "words", Message: m}})
	}
	return words, nil
}

// Concern is a safeguarding concern about a person in peer support.
type Concern struct {
	ID, ReferralID string
	Text           string
	RaisedBy       string // name
	RaisedAt       time.Time
	PersonName     string
}

// CheckConcern says what is wrong with a concern's words.
func CheckConcern(text string) (string, error) {
	text = strings.TrimSpace(text)
	if m := round.CheckText("what the concern is", text, 4000); m != "" {
		return "", apperr.Fields([]apperr.FieldError{{Field: "concern", Message: m}})
	}
	return text, nil
}
