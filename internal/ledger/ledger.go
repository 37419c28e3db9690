// Package ledger is the accountability ledger: "you said, we did — did it
// change?". Every voice item (something the group said) is traced to a
// response — a commitment with an owner and a due date, a status, the
// actions taken and the evidence — and to the verdict that only the lived
// experience group concerned can give. Flags expose what masks inaction,
// and board statistics summarise it for the public. The package is pure:
// internal/store implements Service.
package ledger

import (
	"slices"
	"time"
)

// Source is where a voice item was gathered.
type Source string

const (
	SourceSession  Source = "session"
	SourceSurvey   Source = "survey"
	SourceFeedback Source = "peer_feedback"
	SourceStory    Source = "story"
	SourceImport   Source = "import"
	// SourceQualityCheck is a "needs to change" point of a quality check
	// led by a user-led organisation (internal/qualitycheck), and
	// SourceAuditAction an action planned after an audit of reasonable
	// adjustments. The product makes both itself, so forms do not offer
	// them (Sources).
	SourceQualityCheck Source = "quality_check"
	SourceAuditAction  Source = "audit_action"
)

// Sources lists the sources in the order forms show them.
var Sources = []Source{SourceSession, SourceSurvey, SourceFeedback, SourceStory, SourceImport}

// Entered is a source a person chose or typed, kept only when it is one of
// Sources; the sources Coprod records itself (research offered to a round,
// a quality check's point, an audit's action) become "", which Validate
// refuses, so nobody can present their own words as research or as a
// quality check by hand or by importing a file.
func Entered(raw string) Source {
	if s := Source(raw); slices.Contains(Sources, s) {
		return s
	}
	return ""
}

// Label is the source in plain English.
func (s Source) Label() string {
	switch s {
	case SourceResearch:
		return "Research"
	case SourceSession:
		return "Group session"
	case SourceSurvey:
		return "Survey"
	case SourceFeedback:
		return "Peer feedback"
	case SourceStory:
		return "Story"
	case SourceImport:
		return "Imported from another record"
	case SourceQualityCheck:
		return "Quality check by a user-led organisation"
	case SourceAuditAction:
		return "Action plan of an audit of reasonable adjustments"
	}
	return ""
}

// Status is where the response to a voice item stands.
type Status string

const (
	StatusOpen       Status = "open"
	StatusCommitted  Status = "committed"
	StatusInProgress Status = "in_progress"
	StatusDone       Status = "done"
	StatusNotDoing   Status = "not_doing"
)

// Statuses lists every status in the order the work moves through them.
var Statuses = []Status{StatusOpen, StatusCommitted, StatusInProgress, StatusDone, StatusNotDoing}

// Label is the status in plain English.
func (s Status) Label() string {
	switch s {
	case StatusOpen:
		return "Open: no commitment yet"
	case StatusCommitted:
		return "Committed"
	case StatusInProgress:
		return "In progress"
	case StatusDone:
		return "Done"
	case StatusNotDoing:
		return "Not doing"
	}
	return ""
}

// EasyRead is the status said simply, for the Easy Read view.
func (s Status) EasyRead() string {
	switch s {
	case StatusOpen:
		return "No one has made a promise yet."
	case StatusCommitted:
		return "Someone has promised to do something."
	case StatusInProgress:
		return "They are doing it now."
	case StatusDone:
		return "They say it is done."
	case StatusNotDoing:
		return "They said they will not do it. They must say why."
	}
	return ""
}

// Verdict is the group's judgement of whether things changed.
type Verdict string

const (
	VerdictChanged    Verdict = "changed"
	VerdictPartly     Verdict = "partly"
	VerdictNotChanged Verdict = "not_changed"
	VerdictTooEarly   Verdict = "too_early"
	// VerdictMixed summarises an item whose members disagree. It is never
	// recorded, only shown, with every member's verdict beside it.
	VerdictMixed Verdict = "mixed"
)

// Verdicts lists the verdicts a member may give.
var Verdicts = []Verdict{VerdictChanged, VerdictPartly, VerdictNotChanged, VerdictTooEarly}

// Label is the verdict in plain English.
func (v Verdict) Label() string {
	switch v {
	case VerdictChanged:
		return "It changed"
	case VerdictPartly:
		return "It partly changed"
	case VerdictNotChanged:
		return "It did not change"
	case VerdictTooEarly:
		return "Too early to say"
	case VerdictMixed:
		return "Members disagree: see each verdict"
	}
	return ""
}

// OrgRef names an organisation an item concerns.
type OrgRef struct {
	ID, Name string
	UserLed  bool // a user-led organisation: its members may give verdicts on items with no round
}

// Item is one voice item with its response.
type Item struct {
	ID       string
	Said     string
	EasyRead string // optional Easy Read version of what was said
	Source   Source
	SaidOn   string // YYYY-MM-DD
	// SaidBy is who it is shown as said by: a member's group name when they
	// agreed to be named, "A group member" otherwise, or "The group".
	SaidBy     string
	MemberID   string // the round member who said it; never shown in public
	RoundID    string
	RoundTitle string
	Orgs       []OrgRef
	Themes     []string
	// Withdrawn is set when the consent to show this item was withdrawn;
	// such items never reach the public board.
	Withdrawn bool

	Status         Status
	NotDoingReason string
	Commitment     *Commitment
	DoneOn         string // YYYY-MM-DD, set while done

	EvidenceCount int
	VerdictCount  int
	Verdict       Verdict // the summary of members' verdicts; "" when none
	Vague         bool    // the commitment's wording is vague (see Vague)

	Actions  []Action
	Evidence []Evidence
	Verdicts []VerdictRecord

	CreatedAt time.Time
	UpdatedAt time.Time
}

// Commitment is what someone promised to change.
type Commitment struct {
	OwnerOrgID   string
	OwnerOrgName string
	OwnerUserID  string // the person who owns it; named only to signed-in staff
	OwnerName    string
	What         string
	DueOn        string // YYYY-MM-DD
	CommittedOn  string // YYYY-MM-DD
	// Indicator is the name of the contract indicator that will show the
	// change: optional. When linked (ContractID set) it is the name in the
	// contract's payment profile; older commitments may hold free text.
	Indicator   string
	IndicatorID string // the indicator's code in the contract, e.g. "I1"
	// The linked contract, for those allowed to see it; never public.
	ContractID            string
	ContractTitle         string
	ContractRoundID       string
	ContractProviderOrgID string
}

// IndicatorValue is one value a provider reported for an indicator.
type IndicatorValue struct {
	Period string
	Value  string // a decimal, as reported
}

// IndicatorOption is an indicator in the payment profile of a contract an
// item concerns (under its round, or held by one of its organisations).
type IndicatorOption struct {
	ContractID    string
	ContractTitle string
	RoundID       string
	ProviderOrgID string
	IndicatorID   string
	Name          string
}

// Action is one dated step taken.
type Action struct {
	ID        string
	On        string // YYYY-MM-DD
	What      string
	CreatedAt time.Time
}

// EvidenceKind is what form a piece of evidence takes.
type EvidenceKind string

const (
	EvidenceText      EvidenceKind = "text"
	EvidenceLink      EvidenceKind = "link"
	EvidenceFile      EvidenceKind = "file"
	EvidenceIndicator EvidenceKind = "indicator"
)

// EvidenceKinds lists the kinds in the order forms show them.
var EvidenceKinds = []EvidenceKind{EvidenceText, EvidenceLink, EvidenceFile, EvidenceIndicator}

// Label is the kind in plain English.
func (k EvidenceKind) Label() string {
	switch k {
	case EvidenceText:
		return "A written description"
	case EvidenceLink:
		return "A link to a web page"
	case EvidenceFile:
		return "A file"
	case EvidenceIndicator:
		return "Indicator values from a contract"
	}
	return ""
}

// Evidence is one piece of evidence that something was done.
type Evidence struct {
	ID        string
	Kind      EvidenceKind
	Text      string
	URL       string
	FileName  string
	FileType  string
	FileSize  int
	Indicator string // for indicator values: the indicator's name,
	Value     string // the latest value reported (older evidence: as typed),
	Period    string // and the period it covers
	// For indicator values linked to a contract: which contract and
	// indicator, and every value reported when the evidence was added,
	// kept as it was then.
	ContractID  string
	IndicatorID string
	Values      []IndicatorValue
	CreatedAt   time.Time
}

// VerdictRecord is one member's verdict.
type VerdictRecord struct {
	ID       string
	Verdict  Verdict
	Comment  string
	By       string // as shown: a group name, or "A group member"
	UserID   string // never shown in public
	GivenOn  string // YYYY-MM-DD
	Recorded time.Time
}

// Summarise is the verdict shown for an item: none, the one verdict every
// member gave, or "mixed" — never an average that hides a disagreement.
func Summarise(vs []Verdict) Verdict {
	if len(vs) == 0 {
		return ""
	}
	for _, v := range vs[1:] {
		if v != vs[0] {
			return VerdictMixed
		}
	}
	return vs[0]
}

// TheGroup is how an item said by the group as a whole is attributed.
const TheGroup = "The group"
