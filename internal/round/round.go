// Package round holds commissioning rounds: their stages, the group's stake
// made exact, the people in a round, members with consent, sessions and
// involvement payments. It is pure: internal/store implements Service.
package round

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
)

// Purpose is what a round is for.
type Purpose string

const (
	PurposeMeasures      Purpose = "measures"
	PurposeCoprocurement Purpose = "coprocurement"
	PurposeBoth          Purpose = "both"
)

// Purposes lists the purposes in the order forms show them.
var Purposes = []Purpose{PurposeMeasures, PurposeCoprocurement, PurposeBoth}

// Label is the purpose in plain English.
func (p Purpose) Label() string {
	switch p {
	case PurposeMeasures:
		return "Experience and outcome measures"
	case PurposeCoprocurement:
		return "Co-procurement"
	case PurposeBoth:
		return "Measures and co-procurement"
	}
	return string(p)
}

// Round is one commissioning exercise for one care area.
type Round struct {
	ID             string
	OrgID          string
	OrgName        string
	Title          string
	CareArea       string
	Purpose        Purpose
	Stake          Stake
	Rule           DecisionRule // locked with the stake at publication
	StartsOn       string       // YYYY-MM-DD
	EndsOn         string
	Stage          Stage
	PublishedAt    *time.Time
	ClosedAt       *time.Time
	ImpactWhat     string
	ImpactEvidence string
	DotsPerMember  int
	Voting         Voting
	CreatedAt      time.Time
}

// Published reports whether the stake is locked.
func (r *Round) Published() bool { return r.PublishedAt != nil }

// Closed reports whether the round has ended with its impact recorded.
func (r *Round) Closed() bool { return r.ClosedAt != nil }

// NewRound is what a commissioner enters to open a round.
type NewRound struct {
	OrgID    string
	Title    string
	CareArea string
	Purpose  Purpose
	Stake    string // as typed
	StartsOn string
	EndsOn   string
	// Rule is how the group will decide; the zero rule is DefaultRule.
	Rule DecisionRule

	stake Stake
}

// ParsedStake is the stake once Validate has accepted it.
func (n *NewRound) ParsedStake() Stake { return n.stake }

// Validate normalises the input and returns every problem at once.
func (n *NewRound) Validate() error {
	n.Title, n.CareArea = strings.TrimSpace(n.Title), strings.TrimSpace(n.CareArea)
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	if n.OrgID == "" {
		add("org_id", "Select the commissioning organisation")
	}
	if m := checkText("the round's title", n.Title, 200); m != "" {
		add("title", m)
	}
	if m := checkText("the care area", n.CareArea, 200); m != "" {
		add("care_area", m)
	}
	if !validPurpose(n.Purpose) {
		add("purpose", "Select what the round is for")
	}
	var m string
	if n.stake, m = ParseStake(n.Stake); m != "" {
		add("stake", m)
	}
	start, m1 := ParseDate(n.StartsOn)
	if m1 != "" {
		add("starts_on", "Start date: "+m1)
	}
	end, m2 := ParseDate(n.EndsOn)
	if m2 != "" {
		add("ends_on", "End date: "+m2)
	}
	if m1 == "" && m2 == "" && end.Before(start) {
		add("ends_on", "The end date must be on or after the start date")
	}
	if n.Rule == (DecisionRule{}) {
		n.Rule = DefaultRule()
	}
	fs = append(fs, apperr.FieldsOf(n.Rule.Validate())...)
	if m1 == "" {
		n.StartsOn = start.Format(DateLayout)
	}
	if m2 == "" {
		n.EndsOn = end.Format(DateLayout)
	}
	return apperr.Fields(fs)
}

func validPurpose(p Purpose) bool {
	for _, v := range Purposes {
		if v == p {
			return true
		}
	}
	return false
}

// CheckText returns a problem with required free text, or "": the one
// wording of "enter it" and "too long" for every area's forms.
func CheckText(what, s string, max int) string { return checkText(what, s, max) }

// checkText returns a problem with required free text, or "".
func checkText(what, s string, max int) string {
	switch n := utf8.RuneCountInString(s); {
	case n == 0:
		return "Enter " + what
	case n > max:
		return strings.ToUpper(what[:1]) + what[1:] + " must be " + strconv.Itoa(max) + " characters or fewer"
	}
	return ""
}

// checkOptional returns a problem with optional free text, or "".
func checkOptional(what, s string, max int) string {
	if utf8.RuneCountInString(s) > max {
		return strings.ToUpper(what[:1]) + what[1:] + " must be " + strconv.Itoa(max) + " characters or fewer"
	}
	return ""
}

// StakeChange is a new stake for a round, set directly by the commissioner.
type StakeChange struct {
	Stake string // as typed

	stake Stake
}

// ParsedStake is the new stake once Validate has accepted it.
func (c *StakeChange) ParsedStake() Stake { return c.stake }

// ErrGroupLowersStake refuses lowering a published stake directly: only
// carrying out a passed "lower the stake" decision does that, so no form
// offers a place to type who agreed on the group's behalf.
const ErrGroupLowersStake = "The group decides this: start a proposal to lower the stake."

// Validate applies the stake rule: before publishing the stake may change
// freely; afterwards it is locked, and may only be raised directly.
func (c *StakeChange) Validate(r *Round) error {
	var m string
	if c.stake, m = ParseStake(c.Stake); m != "" {
		return apperr.Fields([]apperr.FieldError{{Field: "stake", Message: m}})
	}
	if c.stake == r.Stake {
		return apperr.Fields([]apperr.FieldError{{Field: "stake", Message: "The stake is already " + r.Stake.String()}})
	}
	if !r.Published() || c.stake > r.Stake {
		return nil
	}
	return &apperr.Error{Code: apperr.Conflict, Message: ErrGroupLowersStake, Fields: []apperr.FieldError{{Field: "stake",
		Message: "The stake was locked at " + r.Stake.String() + " when the round was published. Only the group can lower it, by a decision."}}}
}

// StakeRecord is one change of a round's stake, shown on the round.
type StakeRecord struct {
	From, To  Stake
	AgreedBy  string
	AgreedOn  string
	Minutes   string
	ChangedBy string // user id
	ChangedAt time.Time
	// ProposalID is the group decision the change carried out, if any.
	ProposalID string
}

// Lowered reports whether the change lowered the stake.
func (s StakeRecord) Lowered() bool { return s.To < s.From }

// StageRecord is one recorded move between stages.
type StageRecord struct {
	From, To  Stage
	Reason    string
	ChangedBy string
	ChangedAt time.Time
}

// Impact is the tangible change a round closes with.
type Impact struct {
	What     string
	Evidence string
}

// Validate checks a round can close with this impact: only from the Impact
// stage, and only with both what changed and the evidence of it.
func (i *Impact) Validate(r *Round) error {
	i.What, i.Evidence = strings.TrimSpace(i.What), strings.TrimSpace(i.Evidence)
	if r.Stage != StageImpact {
		return apperr.Errorf(apperr.Conflict, "A round can close only at the Impact stage. This round is at the %s stage.", r.Stage.Label())
	}
	var fs []apperr.FieldError
	if m := checkText("what changed", i.What, 5000); m != "" {
		fs = append(fs, apperr.FieldError{Field: "what", Message: m})
	}
	if m := checkText("the evidence that it changed", i.Evidence, 5000); m != "" {
		fs = append(fs, apperr.FieldError{Field: "evidence", Message: m})
	}
	return apperr.Fields(fs)
}
