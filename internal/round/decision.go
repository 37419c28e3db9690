package round

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"time"
	// Proposals open and close in UK time wherever the server runs, so the
	// zone data is built into the binary.
	_ "time/tzdata"

	"github.com/coprod/coprod/internal/apperr"
)

// ProposalKind is what a proposal asks the group to decide.
type ProposalKind string

const (
	KindLowerStake     ProposalKind = "lower_stake"
	KindSignOffMeasure ProposalKind = "sign_off_measure"
	KindSignOffSpec    ProposalKind = "sign_off_spec"
	KindAgreeTender    ProposalKind = "agree_tender"
	KindAgreeImpact    ProposalKind = "agree_impact"
	KindChangeRule     ProposalKind = "change_rule"
	KindQuestion       ProposalKind = "question"
)

// ProposalKinds lists the kinds in the order forms show them.
var ProposalKinds = []ProposalKind{KindSignOffMeasure, KindSignOffSpec, KindAgreeTender, KindAgreeImpact,
	KindLowerStake, KindChangeRule, KindQuestion}

// Label is the kind in plain English.
func (k ProposalKind) Label() string {
	switch k {
	case KindLowerStake:
		return "Lower the group's stake"
	case KindSignOffMeasure:
		return "Sign off a measure"
	case KindSignOffSpec:
		return "Sign off a version of the service specification"
	case KindAgreeTender:
		return "Agree the questions and weights the group will score in a tender"
	case KindAgreeImpact:
		return "Agree the round's impact and close the round"
	case KindChangeRule:
		return "Change how the group decides"
	case KindQuestion:
		return "A question for the group"
	}
	return ""
}

// ProposalStatus is what the store keeps about a proposal's result.
type ProposalStatus string

const (
	StatusOpen      ProposalStatus = "open" // not yet counted
	StatusPassed    ProposalStatus = "passed"
	StatusNotPassed ProposalStatus = "not_passed"
	StatusWithdrawn ProposalStatus = "withdrawn"
)

// ProposalState is where a proposal is at a moment, for lists.
type ProposalState string

const (
	StateUpcoming  ProposalState = "upcoming" // not yet open for responses
	StateOpen      ProposalState = "open"     // members may respond
	StateToCount   ProposalState = "to_count" // closed, outcome not yet stored
	StatePassed    ProposalState = "passed"   // counted and passed
	StateNotPassed ProposalState = "not_passed"
	StateWithdrawn ProposalState = "withdrawn"
)

// OutcomeKind is a kind of real outcome an impact statement links to.
type OutcomeKind string

const (
	// OutcomeContract is a contract of the round that adopted a signed-off
	// specification version and has indicators in its payment profile.
	OutcomeContract OutcomeKind = "contract"
	// OutcomeAward is the award of one of the round's tenders (id: the tender).
	OutcomeAward OutcomeKind = "award"
	// OutcomeLedgerItem is a ledger item of the round done with evidence.
	OutcomeLedgerItem OutcomeKind = "ledger_item"
)

// Label names the kind for people.
func (k OutcomeKind) Label() string {
	switch k {
	case OutcomeContract:
		return "A contract with the signed-off specification"
	case OutcomeAward:
		return "A tender award"
	case OutcomeLedgerItem:
		return "Something done, with evidence"
	}
	return ""
}

// OutcomeRef points at one real outcome of the round; the store checks it.
type OutcomeRef struct {
	Kind OutcomeKind
	ID   string
}

// GroupQuestion is one tender criterion the lived experience panel scores,
// as the group agrees it: weights are exact decimals as text.
type GroupQuestion struct {
	Ref      string `json:"ref"`
	Question string `json:"question"`
	Panel    string `json:"panel"`
	Weight   string `json:"weight_percent"`
	LEPShare string `json:"lep_share,omitempty"`
}

// TenderAgreement is what a group agrees about a tender: the questions it
// will score with their weights, and the stake. Its canonical text is kept
// with the proposal, so any later change of the ITT is detectable.
type TenderAgreement struct {
	Stake     string          `json:"stake_percent"`
	Questions []GroupQuestion `json:"questions"`
}

// Canonical is the agreement as text that is the same for the same
// agreement: questions in the ITT's order, fields in a fixed order.
func (a TenderAgreement) Canonical() string {
	b, _ := json.Marshal(a) // a struct of strings always marshals
	return string(b)
}

// Hash is the SHA-256 of the canonical text, in hex, for audit records.
func (a TenderAgreement) Hash() string { return HashAgreement(a.Canonical()) }

// HashAgreement hashes a stored canonical agreement.
func HashAgreement(canonical string) string {
	h := sha256.Sum256([]byte(canonical))
	return hex.EncodeToString(h[:])
}

// Subject is what a proposal is about; which fields are set depends on its kind.
type Subject struct {
	Stake       Stake        // lower_stake: the new, lower stake
	MeasureID   string       // sign_off_measure
	SpecID      string       // sign_off_spec
	SpecVersion int          // sign_off_spec
	TenderID    string       // agree_tender
	Agreement   string       // agree_tender: TenderAgreement.Canonical, filled in by the store
	Impact      string       // agree_impact: what changed, in plain English
	Outcomes    []OutcomeRef // agree_impact
	Rule        DecisionRule // change_rule: the new rule
}

// Proposal is one question put to a round's lived experience group.
type Proposal struct {
	ID           string
	RoundID      string
	Kind         ProposalKind
	Title        string
	PlainEnglish string
	EasyRead     string
	ProposedBy   string // user id
	// ProposerName is the member's group name when a member proposed it,
	// otherwise the proposer's account name.
	ProposerName string
	OpensAt      time.Time // UTC
	ClosesAt     time.Time // UTC
	// Rule is the round's rule when the proposal was made; it is decided
	// under that rule even if the round's rule changes meanwhile.
	Rule         DecisionRule
	Subject      Subject
	Status       ProposalStatus
	DecidedAt    *time.Time
	Outcome      *Outcome // when counted
	CarriedOutAt *time.Time
	CreatedAt    time.Time
}

// State is where the proposal is at now.
func (p *Proposal) State(now time.Time) ProposalState {
	switch p.Status {
	case StatusPassed:
		return StatePassed
	case StatusNotPassed:
		return StateNotPassed
	case StatusWithdrawn:
		return StateWithdrawn
	}
	switch {
	case now.Before(p.OpensAt):
		return StateUpcoming
	case now.Before(p.ClosesAt):
		return StateOpen
	}
	return StateToCount
}

// NewProposal is a proposal as entered in a form. Times are typed in UK
// time as a date (YYYY-MM-DD or as ParseDate reads it) and a clock time (HH:MM).
type NewProposal struct {
	Kind         ProposalKind
	Title        string
	PlainEnglish string
	EasyRead     string
	ProposedBy   string // user id, set by the face from the session
	OpensDate    string
	OpensTime    string
	ClosesDate   string
	ClosesTime   string

	Stake       string // lower_stake, as typed
	MeasureID   string
	SpecID      string
	SpecVersion string
	TenderID    string
	Impact      string
	Outcomes    []OutcomeRef
	RuleKind    string // change_rule
	Quorum      string

	parsed Proposal
}

// Parsed is the proposal once Validate has accepted it (no id yet).
func (n *NewProposal) Parsed() Proposal { return n.parsed }

// Validate normalises the input and returns every problem at once, with
// the kind's subject checked against the round as it is now. A proposal
// whose opening time has passed opens now: it cannot have been open
// before it existed. Whether the subject is real is the store's to check.
func (n *NewProposal) Validate(rd *Round, now time.Time) error {
	n.Title, n.PlainEnglish, n.EasyRead = strings.TrimSpace(n.Title), strings.TrimSpace(n.PlainEnglish), strings.TrimSpace(n.EasyRead)
	n.Impact = strings.TrimSpace(n.Impact)
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	if n.Kind.Label() == "" {
		add("kind", "Select what the group is asked to decide")
	}
	if m := checkText("a title", n.Title, 200); m != "" {
		add("title", m)
	}
	if m := checkText("the proposal in plain English", n.PlainEnglish, 10000); m != "" {
		add("plain_english", m)
	}
	// Easy Read is written by the facilitator or commissioner, now or
	// later (ProposalEasyRead); a member proposing is never asked for it.
	if m := checkOptional("the proposal in Easy Read", n.EasyRead, 10000); m != "" {
		add("easy_read", m)
	}
	if n.ProposedBy == "" {
		add("proposed_by", "Say who proposes it")
	}
	opens, m1 := ParseLondon(n.OpensDate, n.OpensTime)
	if m1 != "" {
		add("opens", "Opens: "+m1)
	}
	closes, m2 := ParseLondon(n.ClosesDate, n.ClosesTime)
	if m2 != "" {
		add("closes", "Closes: "+m2)
	}
	if opens.Before(now) {
		opens = now
	}
	switch {
	case m2 != "":
	case !closes.After(now):
		add("closes", "The closing time must be in the future")
	case m1 == "" && !closes.After(opens):
		add("closes", "The closing time must be after the opening time")
	}
	p := Proposal{RoundID: rd.ID, Kind: n.Kind, Title: n.Title, PlainEnglish: n.PlainEnglish, EasyRead: n.EasyRead,
		ProposedBy: n.ProposedBy, OpensAt: opens, ClosesAt: closes, Rule: rd.Rule, Status: StatusOpen}
	switch n.Kind {
	case KindLowerStake:
		st, m := ParseStake(n.Stake)
		switch {
		case m != "":
			add("stake", m)
		case st >= rd.Stake:
			add("stake", "The new stake must be lower than the current stake of "+rd.Stake.String())
		}
		p.Subject.Stake = st
	case KindSignOffMeasure:
		if n.MeasureID = strings.TrimSpace(n.MeasureID); n.MeasureID == "" {
			add("measure_id", "Select the measure to sign off")
		}
		p.Subject.MeasureID = n.MeasureID
	case KindSignOffSpec:
		if n.SpecID = strings.TrimSpace(n.SpecID); n.SpecID == "" {
			add("spec_id", "Select the specification")
		}
		v, err := strconv.Atoi(strings.TrimSpace(n.SpecVersion))
		if err != nil || v < 1 {
			add("spec_version", "Select the version to sign off")
		}
		p.Subject.SpecID, p.Subject.SpecVersion = n.SpecID, v
	case KindAgreeTender:
		if n.TenderID = strings.TrimSpace(n.TenderID); n.TenderID == "" {
			add("tender_id", "Select the tender")
		}
		p.Subject.TenderID = n.TenderID
	case KindAgreeImpact:
		if m := checkText("what changed", n.Impact, 5000); m != "" {
			add("impact", m)
		}
		if len(n.Outcomes) == 0 {
			add("outcomes", "Link at least one real outcome of the round: a contract, a tender award, or something done with evidence")
		}
		for _, o := range n.Outcomes {
			if o.Kind.Label() == "" || strings.TrimSpace(o.ID) == "" {
				add("outcomes", "Select outcomes from the list")
				break
			}
		}
		p.Subject.Impact, p.Subject.Outcomes = n.Impact, n.Outcomes
	case KindChangeRule:
		rule, err := ParseDecisionRule(n.RuleKind, n.Quorum)
		fs = append(fs, apperr.FieldsOf(err)...)
		if err == nil && rule == rd.Rule {
			add("rule_kind", "The decision rule is already "+rule.String())
		}
		p.Subject.Rule = rule
	}
	n.parsed = p
	return apperr.Fields(fs)
}

// Answer is a member's response to a proposal.
type Answer string

const (
	AnswerAgree    Answer = "agree"
	AnswerNotSure  Answer = "not_sure"
	AnswerDisagree Answer = "disagree"
	AnswerBlock    Answer = "block"
)

// Answers lists the answers in the order forms show them.
var Answers = []Answer{AnswerAgree, AnswerNotSure, AnswerDisagree, AnswerBlock}

// Label is the answer in plain English.
func (a Answer) Label() string {
	switch a {
	case AnswerAgree:
		return "Agree"
	case AnswerNotSure:
		return "Not sure"
	case AnswerDisagree:
		return "Disagree"
	case AnswerBlock:
		return "Block"
	}
	return ""
}

// Response is one member's current response to a proposal.
type Response struct {
	MemberID  string
	Pseudonym string // the name the member chose for the group
	// Active says the member still takes part; a member who has left is
	// not counted.
	Active      bool
	Answer      Answer
	Reason      string
	RespondedAt time.Time
	// GivenOn is the date (YYYY-MM-DD) a member gave the response in person,
	// when a facilitator recorded it; "" when the member answered here.
	GivenOn        string
	RecordedBy     string // user id
	RecordedByName string // the facilitator's name, for in-person responses
}

// InPerson reports whether a facilitator recorded the response.
func (r Response) InPerson() bool { return r.GivenOn != "" }

// Provenance says how an in-person response was given: "given in person
// on 3 March 2027, recorded by Alex Smith"; "" for a member's own.
func (r Response) Provenance() string {
	if !r.InPerson() {
		return ""
	}
	return "given in person on " + FormatDate(r.GivenOn) + ", recorded by " + r.RecordedByName
}

// NewResponse is a response as entered: by the member, or by a facilitator
// for a member who gave it in person (then GivenOn is required).
type NewResponse struct {
	Answer  Answer
	Reason  string
	GivenOn string // as typed; in-person responses only
}

// Validate checks the response: a reason is optional except for a block,
// which must say why. inPerson says a facilitator is recording it; the
// date given must then be a real date, not after today in the UK and not
// before the proposal opened.
func (n *NewResponse) Validate(p *Proposal, inPerson bool, now time.Time) error {
	n.Reason = strings.TrimSpace(n.Reason)
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	if n.Answer.Label() == "" {
		add("answer", "Choose agree, not sure, disagree or block")
	}
	if n.Answer == AnswerBlock && n.Reason == "" {
		add("reason", "Say why you block it, so the group can try to resolve it")
	} else if m := checkOptional("the reason", n.Reason, 2000); m != "" {
		add("reason", m)
	}
	if !inPerson {
		n.GivenOn = ""
		return apperr.Fields(fs)
	}
	d, m := ParseDate(n.GivenOn)
	switch {
	case m != "":
		add("given_on", "Date given: "+m)
	case d.Format(DateLayout) > LondonDate(now):
		add("given_on", "The date given cannot be in the future")
	case d.Format(DateLayout) < LondonDate(p.OpensAt):
		add("given_on", "The date given cannot be before the proposal opened on "+FormatDate(LondonDate(p.OpensAt)))
	default:
		n.GivenOn = d.Format(DateLayout)
	}
	return apperr.Fields(fs)
}

// BlockResolution is how a facilitator recorded a block as resolved. It
// belongs to the block made at ResponseAt.
type BlockResolution struct {
	MemberID       string
	ResponseAt     time.Time
	Resolution     string
	ResolvedBy     string // user id
	ResolvedByName string
	ResolvedAt     time.Time
}

// CheckResolution normalises and checks how a block was resolved.
func CheckResolution(s string) (string, error) {
	s = strings.TrimSpace(s)
	if m := checkText("how the block was resolved", s, 5000); m != "" {
		return "", apperr.Fields([]apperr.FieldError{{Field: "resolution", Message: m}})
	}
	return s, nil
}

// London is the zone times are entered and shown in.
var London = mustLondon()

func mustLondon() *time.Location {
	l, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic("Europe/London is built in with time/tzdata: " + err.Error())
	}
	return l
}

// ParseLondon reads a date (as ParseDate reads it) and a clock time
// ("14:30", "9:05") in UK time and returns the moment in UTC. A time that
// does not exist (the hour skipped when the clocks go forward) is refused;
// one that happens twice (when they go back) is the first of the two.
func ParseLondon(date, clock string) (time.Time, string) {
	d, m := ParseDate(date)
	if m != "" {
		return time.Time{}, m
	}
	c, err := time.Parse("15:04", strings.TrimSpace(clock))
	if err != nil {
		return time.Time{}, "enter a time on the 24-hour clock, like 14:30"
	}
	t := time.Date(d.Year(), d.Month(), d.Day(), c.Hour(), c.Minute(), 0, 0, London)
	if t.Hour() != c.Hour() || t.Minute() != c.Minute() {
		return time.Time{}, "that time does not exist in the UK on that day, because the clocks go forward; choose a time from 02:00"
	}
	// time.Date does not promise which of a repeated hour it picks.
	if e := t.Add(-time.Hour); e.In(London).Format("2006-01-02 15:04") == t.In(London).Format("2006-01-02 15:04") {
		t = e
	}
	return t.UTC(), ""
}

// LondonDate is the UK date (YYYY-MM-DD) of the moment t.
func LondonDate(t time.Time) string { return t.In(London).Format(DateLayout) }

// ProposalDetail is a proposal with the responses the audience may see,
// the block resolutions, and the tally: the stored outcome once counted,
// otherwise the count so far.
type ProposalDetail struct {
	Proposal
	Responses   []Response
	Resolutions []BlockResolution
	Tally       Outcome
}
