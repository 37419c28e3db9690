package round

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/money"
)

// Activities are the kinds of activity a session may hold.
var Activities = []Option{
	{"getting_to_know", "Getting to know each other"},
	{"life_stories", "Life stories"},
	{"factors", "Risk and protective factors"},
	{"existing_services", "Existing services"},
	{"vision", "Vision"},
	{"measures", "Measures"},
	{"coprocurement_training", "Co-procurement training"},
	{"scoring", "Scoring"},
	{"other", "Other"},
}

// Session is one meeting of the group.
type Session struct {
	ID                 string
	RoundID            string
	StartsAt           time.Time
	Place              string
	OnlineLink         string
	Activities         []string
	AccessArrangements string
	Notes              string
	Attendees          []string // member ids
	Payments           []Payment
	CreatedAt          time.Time
}

// NewSession is what a facilitator enters to plan or record a session.
type NewSession struct {
	Date, Time         string
	Place, OnlineLink  string
	Activities         []string
	AccessArrangements string
	Notes              string

	startsAt time.Time
}

// StartsAt is the session's start once Validate has accepted it: the
// date and time entered are UK time, the start is in UTC.
func (n *NewSession) StartsAt() time.Time { return n.startsAt }

// Validate normalises the input and returns every problem at once.
func (n *NewSession) Validate() error {
	n.Place, n.OnlineLink = strings.TrimSpace(n.Place), strings.TrimSpace(n.OnlineLink)
	n.AccessArrangements, n.Notes = strings.TrimSpace(n.AccessArrangements), strings.TrimSpace(n.Notes)
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	d, m := ParseDate(n.Date)
	if m != "" {
		add("date", "Date: "+m)
	}
	clock, err := time.Parse("15:04", strings.TrimSpace(n.Time))
	if err != nil {
		add("time", "Enter the start time in 24-hour format, like 14:30")
	}
	if m == "" && err == nil {
		// The date and time are UK time; the start is kept in UTC.
		at, m := ParseLondon(d.Format(DateLayout), clock.Format("15:04"))
		if m != "" {
			add("time", "Start time: "+m)
		}
		n.startsAt = at
	}
	if n.Place == "" && n.OnlineLink == "" {
		add("place", "Enter where the session is, or a link to join online")
	}
	if m := checkOptional("the place", n.Place, 300); m != "" {
		add("place", m)
	}
	if n.OnlineLink != "" {
		if u, err := url.Parse(n.OnlineLink); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			add("online_link", "Enter the online link as a web address starting with https://")
		}
	}
	if len(n.Activities) == 0 {
		add("activities", "Select at least one activity")
	} else if !onlyKnown(Activities, n.Activities) {
		add("activities", "Select activities from the list")
	}
	if m := checkOptional("the access arrangements", n.AccessArrangements, 2000); m != "" {
		add("access_arrangements", m)
	}
	if m := checkOptional("the notes", n.Notes, 10000); m != "" {
		add("notes", m)
	}
	return apperr.Fields(fs)
}

// PaymentMethods are the ways involvement payments are made.
var PaymentMethods = []Option{
	{"bank_transfer", "Bank transfer"},
	{"voucher", "Voucher"},
	{"cash", "Cash"},
	{"cheque", "Cheque"},
}

// Payment is an involvement payment to a member for a session.
type Payment struct {
	ID          string
	SessionID   string
	MemberID    string
	AmountPence int64
	Method      string
	PaidOn      string // YYYY-MM-DD
	CreatedAt   time.Time
}

// NewPayment is what a facilitator enters to record a payment.
type NewPayment struct {
	MemberID string
	Amount   string // pounds as typed: "25" or "25.50"
	Method   string
	PaidOn   string

	pence int64
}

// Pence is the amount once Validate has accepted it.
func (n *NewPayment) Pence() int64 { return n.pence }

// Validate normalises the input and returns every problem at once.
func (n *NewPayment) Validate() error {
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	if n.MemberID == "" {
		add("member_id", "Select who was paid")
	}
	var m string
	if n.pence, m = ParsePounds(n.Amount); m != "" {
		add("amount", m)
	}
	if len(Labels(PaymentMethods, []string{n.Method})) == 0 {
		add("method", "Select how it was paid")
	}
	if d, m := ParseDate(n.PaidOn); m != "" {
		add("paid_on", "Date paid: "+m)
	} else {
		n.PaidOn = d.Format(DateLayout)
	}
	return apperr.Fields(fs)
}

// ParsePounds reads an amount of money in pounds ("25", "£25.50") into
// whole pence, exactly.
func ParsePounds(s string) (int64, string) {
	s = strings.ReplaceAll(strings.TrimPrefix(strings.TrimSpace(s), "£"), ",", "")
	if s == "" {
		return 0, "Enter the amount paid, like 25.00"
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || !digits(whole) || !digits(frac) || (hasDot && len(frac) != 2) || len(whole) > 9 {
		return 0, "Enter the amount in pounds, like 25 or 25.50"
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f, _ := strconv.ParseInt(frac+strings.Repeat("0", 2-len(frac)), 10, 64)
	if p := w*100 + f; p > 0 {
		return p, ""
	}
	return 0, "The amount must be more than £0"
}

// FormatPence shows pence as pounds: 2550 is "£25.50", 118000000 is
// "£1,180,000.00" (money.Pounds, so money reads the same everywhere).
func FormatPence(p int64) string { return money.Pounds(p) }
