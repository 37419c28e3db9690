package ledger

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
)

// Limits on what people type.
const (
	MaxSaid     = 5000
	MaxThemes   = 5
	MaxTheme    = 60
	MaxText     = 5000
	MaxFileSize = 5 << 20
)

// fieldErrs collects problems with a form.
type fieldErrs []apperr.FieldError

func (f *fieldErrs) add(field, msg string) {
	*f = append(*f, apperr.FieldError{Field: field, Message: msg})
}

// text checks required (or optional) free text and returns it trimmed.
func (f *fieldErrs) text(field, what, s string, max int, required bool) string {
	s = strings.TrimSpace(s)
	switch n := utf8.RuneCountInString(s); {
	case n == 0 && required:
		f.add(field, "Enter "+what)
	case n > max:
		f.add(field, strings.ToUpper(what[:1])+what[1:]+" must be "+strconv.Itoa(max)+" characters or fewer")
	}
	return s
}

// date checks a date typed in any way rounds accept and returns it as
// YYYY-MM-DD; notAfter, when set, is the latest date allowed.
func (f *fieldErrs) date(field, what, s, notAfter string) string {
	t, m := round.ParseDate(s)
	if m != "" {
		f.add(field, what+": "+m)
		return strings.TrimSpace(s)
	}
	d := t.Format(DateLayout)
	if notAfter != "" && d > notAfter {
		f.add(field, what+" must be today or in the past")
	}
	return d
}

// NewItem is a voice item as entered or imported.
type NewItem struct {
	Said     string
	EasyRead string
	Source   Source
	SaidOn   string
	RoundID  string   // "" when the voice was not gathered in a round
	MemberID string   // the round member who said it; "" for the group
	OrgIDs   []string // the organisations it concerns
	Themes   []string
	// Today bounds SaidOn: voice cannot be gathered in the future.
	Today string
}

// Validate normalises the input and returns every problem at once.
func (n *NewItem) Validate() error {
	var fs fieldErrs
	n.Said = fs.text("said", "what was said", n.Said, MaxSaid, true)
	n.EasyRead = fs.text("easy_read", "the Easy Read version", n.EasyRead, MaxSaid, false)
	if n.Source.Label() == "" {
		fs.add("source", "Select where this was said")
	}
	n.SaidOn = fs.date("said_on", "Date said", n.SaidOn, n.Today)
	if n.MemberID != "" && n.RoundID == "" {
		fs.add("member_id", "Only members of a round's group can be named; choose the round, or say the group said it")
	}
	n.OrgIDs = dedupe(n.OrgIDs)
	if len(n.OrgIDs) == 0 {
		fs.add("org_ids", "Select at least one organisation this is for")
	}
	var err string
	if n.Themes, err = CleanThemes(n.Themes); err != "" {
		fs.add("themes", err)
	}
	return apperr.Fields(fs)
}

// CleanThemes trims and de-duplicates themes, returning a problem if any.
func CleanThemes(in []string) ([]string, string) {
	var out []string
	seen := map[string]bool{}
	for _, t := range in {
		t = strings.Join(strings.Fields(t), " ")
		if t == "" || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		if utf8.RuneCountInString(t) > MaxTheme {
			return nil, "Each theme must be " + strconv.Itoa(MaxTheme) + " characters or fewer"
		}
		out = append(out, t)
	}
	if len(out) > MaxThemes {
		return nil, "Give " + strconv.Itoa(MaxThemes) + " themes or fewer"
	}
	return out, ""
}

// SplitThemes reads themes typed on one line, separated by commas or semicolons.
func SplitThemes(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' })
}

func dedupe(ids []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// NewCommitment is what someone promises to change.
type NewCommitment struct {
	OwnerOrgID  string
	OwnerUserID string
	What        string
	DueOn       string
	// ContractID and IndicatorID optionally link the commitment to an
	// indicator of a contract the item concerns; the store checks it.
	ContractID  string
	IndicatorID string
	CommittedOn string // when it was promised; today by default
	Today       string
	// SaidOn is when the item was said (YYYY-MM-DD), when the caller knows
	// it: nothing can be promised, or fall due, before it was said.
	SaidOn string
}

// Validate normalises the commitment and returns every problem at once.
// Vague wording is allowed — it is flagged in public, not refused, so
// masked inaction stays visible instead of being reworded out of sight.
func (n *NewCommitment) Validate() error {
	var fs fieldErrs
	if n.OwnerOrgID == "" {
		fs.add("owner_org_id", "Select the organisation that owns this commitment")
	}
	if n.OwnerUserID == "" {
		fs.add("owner_user_id", "Select the person who owns this commitment")
	}
	n.What = fs.text("what", "what will change", n.What, MaxText, true)
	n.DueOn = fs.date("due_on", "Due date", n.DueOn, "")
	if strings.TrimSpace(n.CommittedOn) == "" {
		n.CommittedOn = n.Today
	}
	n.CommittedOn = fs.date("committed_on", "Date committed", n.CommittedOn, n.Today)
	if n.SaidOn != "" {
		fs.notBeforeSaid(n.SaidOn, n.DueOn, n.CommittedOn)
	}
	n.ContractID, n.IndicatorID = strings.TrimSpace(n.ContractID), strings.TrimSpace(n.IndicatorID)
	if (n.ContractID == "") != (n.IndicatorID == "") {
		fs.add("indicator", "Select a contract indicator from the list, or none")
	}
	return apperr.Fields(fs)
}

// CheckSaid applies the rule that needs the stored item: a commitment
// cannot be made, or be due, before the item was said. The store asks it
// inside the transaction that writes the commitment.
func (n *NewCommitment) CheckSaid(saidOn string) error {
	var fs fieldErrs
	fs.notBeforeSaid(saidOn, n.DueOn, n.CommittedOn)
	return apperr.Fields(fs)
}

// notBeforeSaid adds a problem for a due or committed date (already
// checked and in YYYY-MM-DD form) earlier than the day the item was said.
// Dates that did not parse already have their own problem.
func (f *fieldErrs) notBeforeSaid(saidOn, dueOn, committedOn string) {
	said := round.FormatDate(saidOn)
	if f.ok("due_on") && validDate(dueOn) && dueOn < saidOn {
		f.add("due_on", "The due date must be on or after "+said+", the day this was said")
	}
	if f.ok("committed_on") && validDate(committedOn) && committedOn < saidOn {
		f.add("committed_on", "The date committed must be on or after "+said+", the day this was said")
	}
}

// ok reports whether field has no problem yet.
func (f *fieldErrs) ok(field string) bool {
	for _, e := range *f {
		if e.Field == field {
			return false
		}
	}
	return true
}

func validDate(s string) bool {
	_, err := time.Parse(DateLayout, s)
	return err == nil
}

// StatusChange moves an item to a new status.
type StatusChange struct {
	Status Status
	Reason string // required for not_doing
	On     string // when it happened; today by default
	Today  string
}

// Validate applies the status rules that need no stored state: a status
// must be one of the list, and not doing something needs a reason.
func (c *StatusChange) Validate() error {
	var fs fieldErrs
	switch c.Status {
	case StatusCommitted, StatusInProgress, StatusDone, StatusNotDoing:
	case StatusOpen:
		fs.add("status", "An item becomes open only when it is first recorded")
	default:
		fs.add("status", "Select a status")
	}
	c.Reason = fs.text("reason", "why it will not be done", c.Reason, MaxText, c.Status == StatusNotDoing)
	if c.Status != StatusNotDoing {
		c.Reason = ""
	}
	if strings.TrimSpace(c.On) == "" {
		c.On = c.Today
	}
	c.On = fs.date("on", "Date", c.On, c.Today)
	return apperr.Fields(fs)
}

// Check applies the rules that need the item: only not doing is possible
// before anything was committed, and a status cannot be set twice.
func (c *StatusChange) Check(it *Item) error {
	if c.Status == it.Status {
		return apperr.Fields([]apperr.FieldError{{Field: "status", Message: "The status is already " + strings.ToLower(it.Status.Label())}})
	}
	if c.Status != StatusNotDoing && it.Commitment == nil {
		return apperr.Fields([]apperr.FieldError{{Field: "status",
			Message: "Record a commitment first: what will change, who owns it and by when. Or choose “Not doing” and say why."}})
	}
	return nil
}

// NewAction is a step taken.
type NewAction struct {
	On    string
	What  string
	Today string
}

// Validate normalises the action.
func (n *NewAction) Validate() error {
	var fs fieldErrs
	n.On = fs.date("on", "Date", n.On, n.Today)
	n.What = fs.text("what", "what was done", n.What, MaxText, true)
	return apperr.Fields(fs)
}

// NewEvidence is a piece of evidence.
type NewEvidence struct {
	Kind     EvidenceKind
	Text     string
	URL      string
	FileName string
	FileType string
	FileData []byte
	// For indicator values: the contract and indicator. The store records
	// the values reported for it at the time the evidence is added.
	ContractID  string
	IndicatorID string
}

// Validate checks that the evidence has what its kind needs.
func (n *NewEvidence) Validate() error {
	var fs fieldErrs
	switch n.Kind {
	case EvidenceText:
		n.Text = fs.text("text", "the evidence", n.Text, MaxText, true)
	case EvidenceLink:
		n.URL = strings.TrimSpace(n.URL)
		u, err := url.Parse(n.URL)
		if n.URL == "" || err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			fs.add("url", "Enter a web address that starts with https://")
		}
		n.Text = fs.text("text", "a description", n.Text, MaxText, false)
	case EvidenceFile:
		n.FileName = strings.TrimSpace(n.FileName)
		switch {
		case len(n.FileData) == 0:
			fs.add("file", "Choose a file that is not empty")
		case len(n.FileData) > MaxFileSize:
			fs.add("file", "The file must be 5 MB or smaller")
		}
		n.Text = fs.text("text", "a description", n.Text, MaxText, false)
	case EvidenceIndicator:
		n.ContractID, n.IndicatorID = strings.TrimSpace(n.ContractID), strings.TrimSpace(n.IndicatorID)
		if n.ContractID == "" || n.IndicatorID == "" {
			fs.add("indicator", "Select the contract indicator whose reported values are the evidence")
		}
	default:
		fs.add("kind", "Select what kind of evidence this is")
	}
	return apperr.Fields(fs)
}

// NewVerdict is one member's judgement, with an optional reason: typed
// (Comment), chosen from the pictured reasons (Reason, a VerdictReason's
// key), both, or neither — a member need not type anything (issue 15).
type NewVerdict struct {
	Verdict Verdict
	Comment string
	Reason  string
}

// Validate checks the verdict is one of the four and any reason is one of
// the list; a chosen reason's words lead the comment that is kept.
func (n *NewVerdict) Validate() error {
	var fs fieldErrs
	valid := false
	for _, v := range Verdicts {
		valid = valid || v == n.Verdict
	}
	if !valid {
		fs.add("verdict", "Select whether it changed")
	}
	n.Comment = fs.text("comment", "a comment that says why", n.Comment, MaxText, false)
	if n.Reason = strings.TrimSpace(n.Reason); n.Reason != "" {
		words, ok := verdictReasonWords(n.Reason)
		switch {
		case !ok:
			fs.add("reason", "Choose a reason from the list, or none")
		case n.Comment == "":
			n.Comment = words
		default:
			n.Comment = words + ". " + n.Comment
		}
	}
	return apperr.Fields(fs)
}

// Today is the date of t in UTC, as the ledger stores dates.
func Today(t time.Time) string { return t.UTC().Format(DateLayout) }
