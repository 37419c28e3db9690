package notify

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/coprod/coprod/internal/apperr"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"sort"
	"strings"
	"time"
)

// Email choices a person makes on their account page.
type EmailChoice string

const (
	EmailEach   EmailChoice = "each"  // one email for each notification
	EmailDaily  EmailChoice = "daily" // one summary a day, if there is anything
	EmailNone   EmailChoice = "none"  // no email: notifications stay in the product
	EmailUnsure EmailChoice = ""      // not chosen yet: DefaultChoice applies
)

// DefaultChoice is what someone who has not chosen gets. Each event, because
// most notifications ask the person to do something by a date (answer a
// proposal before it closes, score before moderation) and a summary a day
// later can be too late; anyone can change it on their account page.
const DefaultChoice = EmailEach

// EmailChoices lists the choices in the order the form shows them.
var EmailChoices = []EmailChoice{EmailEach, EmailDaily, EmailNone}

// Label is the choice in words.
func (c EmailChoice) Label() string {
	switch c {
	case EmailEach:
		return "An email each time"
	case EmailDaily:
		return "One email a day with everything new"
	case EmailNone:
		return "No emails: I will look in Coprod"
	}
	return string(c)
}

// Valid reports whether c is one of the choices.
func (c EmailChoice) Valid() bool { return c == EmailEach || c == EmailDaily || c == EmailNone }

// Format choices: the wording of notifications and emails.
type Format string

const (
	FormatAuto     Format = ""          // Easy Read when a round membership lists it as a preferred format
	FormatPlain    Format = "plain"     // plain English
	FormatEasyRead Format = "easy_read" // Easy Read
)

// Prefs are one person's choices.
type Prefs struct {
	Email  EmailChoice
	Format Format
}

// Validate checks the choices are ones the form offers.
func (p Prefs) Validate() error {
	var errs []apperr.FieldError
	if !p.Email.Valid() {
		errs = append(errs, apperr.FieldError{Field: "email", Message: "Choose how often we email you, or no emails"})
	}
	if p.Format != FormatAuto && p.Format != FormatPlain && p.Format != FormatEasyRead {
		errs = append(errs, apperr.FieldError{Field: "format", Message: "Choose how we write your notifications"})
	}
	if errs != nil {
		return apperr.Fields(errs)
	}
	return nil
}

// Effective returns the email choice that applies.
func (p Prefs) Effective() EmailChoice {
	if p.Email.Valid() {
		return p.Email
	}
	return DefaultChoice
}

// EasyRead says whether this person gets Easy Read words, given whether
// any of their round memberships lists Easy Read as a preferred format.
func (p Prefs) EasyRead(memberPrefersEasyRead bool) bool {
	switch p.Format {
	case FormatPlain:
		return false
	case FormatEasyRead:
		return true
	}
	return memberPrefersEasyRead
}

// Subjects say only that there is something, never what or whom it is about:
// a subject line is shown on lock screens and in shared inboxes.
const (
	SubjectTask   = "You have a new task in Coprod"
	SubjectNews   = "There is news for you in Coprod"
	SubjectDigest = "Your daily summary from Coprod"
)

// Subject is the subject line for one notification's email.
func Subject(k Kind) string {
	if k.IsTask() {
		return SubjectTask
	}
	return SubjectNews
}

// Email is one message ready to send.
type Email struct {
	From, To  string
	Subject   string
	Body      string // plain text
	MessageID string // stable for the outbox row, so a resend is recognisable as the same message
	Date      time.Time
}

// MessageID returns a Message-ID for an outbox row: the same row always gets
// the same one, so a receiving system that sees the message twice (after a
// crash between the server's acceptance and our record of it) can tell.
func MessageID(outboxID, from string) string {
	domain := "coprod.invalid"
	if a, err := mail.ParseAddress(from); err == nil {
		if _, d, ok := strings.Cut(a.Address, "@"); ok && d != "" {
			domain = d
		}
	}
	return "<notify." + outboxID + "@" + domain + ">"
}

// Bytes is the message in RFC 5322 form with CRLF line ends, its body
// quoted-printable UTF-8 so any line length and character is safe.
func (m Email) Bytes() []byte {
	var b bytes.Buffer
	h := func(k, v string) { b.WriteString(k + ": " + v + "\r\n") }
	h("From", m.From)
	h("To", m.To)
	h("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	h("Date", m.Date.UTC().Format(time.RFC1123Z))
	h("Message-ID", m.MessageID)
	h("MIME-Version", "1.0")
	h("Content-Type", "text/plain; charset=utf-8")
	h("Content-Transfer-Encoding", "quoted-printable")
	h("Auto-Submitted", "auto-generated")
	b.WriteString("\r\n")
	w := quotedprintable.NewWriter(&b)
	w.Write([]byte(strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\n", "\r\n")))
	w.Close()
	return b.Bytes()
}

// Body writes the email for one notification. baseURL is the service's
// public address ("" when not configured: the email then says to sign in).
func Body(n Notification, easyRead bool, baseURL string) string {
	var b strings.Builder
	b.WriteString("Hello,\n\n")
	b.WriteString(n.Text.For(easyRead) + "\n\n")
	writeLink(&b, n.Link, baseURL, easyRead)
	writeFooter(&b, baseURL, easyRead)
	return b.String()
}

// Digest writes one summary of several notifications, grouped by kind (in
// the order of Kinds), oldest first within each group.
func Digest(items []Notification, easyRead bool, baseURL string) string {
	groups := map[Kind][]Notification{}
	for _, n := range items {
		groups[n.Kind] = append(groups[n.Kind], n)
	}
	var b strings.Builder
	b.WriteString("Hello,\n\n")
	if easyRead {
		fmt.Fprintf(&b, "You have %d new things in Coprod.\n\n", len(items))
	} else {
		fmt.Fprintf(&b, "Here is what is new for you in Coprod since your last summary (%d in all).\n\n", len(items))
	}
	for _, k := range Kinds {
		g := groups[k]
		if len(g) == 0 {
			continue
		}
		sort.SliceStable(g, func(i, j int) bool { return g[i].Created.Before(g[j].Created) })
		fmt.Fprintf(&b, "%s (%d)\n", k.Label(), len(g))
		for _, n := range g {
			b.WriteString("- " + n.Text.For(easyRead) + "\n")
			if n.Link != "" && baseURL != "" {
				b.WriteString("  " + strings.TrimRight(baseURL, "/") + n.Link + "\n")
			}
		}
		b.WriteString("\n")
	}
	writeLink(&b, "/notifications", baseURL, easyRead)
	writeFooter(&b, baseURL, easyRead)
	return b.String()
}

func writeLink(b *strings.Builder, link, baseURL string, easyRead bool) {
	switch {
	case link != "" && baseURL != "":
		if easyRead {
			b.WriteString("Open this link to see it:\n")
		} else {
			b.WriteString("See it in Coprod:\n")
		}
		b.WriteString(strings.TrimRight(baseURL, "/") + link + "\n\n")
	default:
		b.WriteString("Sign in to Coprod to see it.\n\n")
	}
}

func writeFooter(b *strings.Builder, baseURL string, easyRead bool) {
	if easyRead {
		b.WriteString("You get this email because you use Coprod.\nYou can choose fewer emails or no emails on your account page")
	} else {
		b.WriteString("You get this email because of your notification choices in Coprod.\nYou can change them, or turn emails off, on your account page")
	}
	if baseURL != "" {
		b.WriteString(":\n" + strings.TrimRight(baseURL, "/") + "/account/notifications\n")
	} else {
		b.WriteString(".\n")
	}
}

// Backoff is how long to wait before trying a message again after its
// attempt-th temporary failure (1, 2, …): 1, 5 and 15 minutes, then an hour,
// doubling to at most 12 hours.
func Backoff(attempt int) time.Duration {
	switch {
	case attempt <= 1:
		return time.Minute
	case attempt == 2:
		return 5 * time.Minute
	case attempt == 3:
		return 15 * time.Minute
	}
	d := time.Hour
	for i := 4; i < attempt && d < 12*time.Hour; i++ {
		d *= 2
	}
	return min(d, 12*time.Hour)
}

// MaxAttempts is how many times a message is tried before it is given up
// as failed (about 3 days of retries with Backoff).
const MaxAttempts = 12

// SendError is a failed delivery, as a mail sender reports it.
type SendError struct {
	// Code is the SMTP reply code when the server refused (4xx: try again
	// later; 5xx: it will never be accepted), 0 when there was no reply.
	Code int
	// Uncertain: the whole message was handed over but no reply came, so it
	// may have been accepted. It is never sent again automatically.
	Uncertain bool
	Err       error
}

func (e *SendError) Error() string {
	if e.Code != 0 {
		return fmt.Sprintf("the mail server answered %d: %v", e.Code, e.Err)
	}
	return e.Err.Error()
}

func (e *SendError) Unwrap() error { return e.Err }

// Outcome is what to do with an outbox row after one attempt.
type Outcome string

const (
	Sent    Outcome = "sent"    // accepted: never send it again
	Retry   Outcome = "retry"   // a temporary failure before the message was accepted: try later
	Failed  Outcome = "failed"  // refused for good (5xx), or out of attempts: shown to the operator
	Unknown Outcome = "unknown" // may have been accepted: shown to the operator, never resent
)

// Classify turns one attempt's error into what to do next; attempt counts
// from 1.
func Classify(err error, attempt int) Outcome {
	if err == nil {
		return Sent
	}
	var se *SendError
	if errors.As(err, &se) {
		switch {
		case se.Uncertain:
			return Unknown
		case se.Code >= 500:
			return Failed
		}
	}
	if attempt >= MaxAttempts {
		return Failed
	}
	return Retry
}
