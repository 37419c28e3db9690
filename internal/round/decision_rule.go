package round

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

// RuleKind is how the group weighs its responses to a proposal.
type RuleKind string

const (
	// RuleMajority passes a proposal when the quorum responds and more
	// members agree than disagree.
	RuleMajority RuleKind = "majority"
	// RuleConsent passes a proposal when the quorum responds and no block
	// is left unresolved.
	RuleConsent RuleKind = "consent"
)

// RuleKinds lists the kinds in the order forms show them.
var RuleKinds = []RuleKind{RuleMajority, RuleConsent}

// Label is the kind in plain English.
func (k RuleKind) Label() string {
	switch k {
	case RuleMajority:
		return "Majority: more people agree than disagree"
	case RuleConsent:
		return "Consent: nobody blocks"
	}
	return string(k)
}

// DefaultQuorum is the share of active members, in percent, who must
// respond for a decision to count, unless the round says otherwise.
const DefaultQuorum = 50

// DecisionRule is how a round's group decides. It is set when the round is
// opened, may change freely until the round is published, and is locked
// with the stake from then on: only a carried-out "change the decision
// rule" decision changes it.
type DecisionRule struct {
	Kind RuleKind
	// Quorum is the percentage (1 to 100) of active members who must
	// respond, counted in whole members and rounded up.
	Quorum int
}

// DefaultRule is majority with a quorum of half the group.
func DefaultRule() DecisionRule { return DecisionRule{Kind: RuleMajority, Quorum: DefaultQuorum} }

// String is the rule for people: "Majority, quorum 50%".
func (r DecisionRule) String() string {
	name := "Majority"
	if r.Kind == RuleConsent {
		name = "Consent"
	}
	return name + ", quorum " + strconv.Itoa(r.Quorum) + "%"
}

// ParseDecisionRule reads a rule as typed in a form; an empty quorum is
// the default. Field errors name rule_kind and quorum.
func ParseDecisionRule(kind, quorum string) (DecisionRule, error) {
	r := DecisionRule{Kind: RuleKind(strings.TrimSpace(kind)), Quorum: DefaultQuorum}
	var fs []apperr.FieldError
	if r.Kind != RuleMajority && r.Kind != RuleConsent {
		fs = append(fs, apperr.FieldError{Field: "rule_kind", Message: "Select how the group decides: majority or consent"})
	}
	q := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(quorum), "%"))
	if q != "" {
		n, err := strconv.Atoi(q)
		switch {
		case err != nil || !digits(q):
			fs = append(fs, apperr.FieldError{Field: "quorum", Message: "Enter the quorum as a whole number, like 50"})
		case n < 1 || n > 100:
			fs = append(fs, apperr.FieldError{Field: "quorum", Message: "The quorum must be between 1% and 100%"})
		default:
			r.Quorum = n
		}
	}
	return r, apperr.Fields(fs)
}

// Validate checks a rule built in code rather than parsed from a form.
func (r DecisionRule) Validate() error {
	_, err := ParseDecisionRule(string(r.Kind), strconv.Itoa(r.Quorum))
	return err
}

// CheckRuleChange says whether the round's rule may be set directly to
// rule: only before publication, and only to a different rule.
func CheckRuleChange(rd *Round, rule DecisionRule) error {
	if err := rule.Validate(); err != nil {
		return err
	}
	if rd.Published() {
		return apperr.Errorf(apperr.Conflict, "The decision rule was locked when the round was published. "+
			"The group decides whether to change it: start a proposal to change the decision rule.")
	}
	if rule == rd.Rule {
		return apperr.Fields([]apperr.FieldError{{Field: "rule_kind", Message: "The decision rule is already " + rule.String()}})
	}
	return nil
}

// QuorumOf is how many members must respond when active members are in
// the group: Quorum% of them rounded up to a whole member, and never fewer
// than one, so a group with nobody in it cannot pass anything.
func (r DecisionRule) QuorumOf(active int) int {
	q := (r.Quorum*active + 99) / 100
	if q < 1 {
		return 1
	}
	return q
}

// Counts are the responses that counted, by answer.
type Counts struct {
	Agree, NotSure, Disagree, Block int
	// UnresolvedBlocks are the blocks a facilitator has not recorded as
	// resolved; only they stop a proposal under consent.
	UnresolvedBlocks int
}

// Responded is how many members' responses counted.
func (c Counts) Responded() int { return c.Agree + c.NotSure + c.Disagree + c.Block }

// Outcome is a proposal's result under its rule.
type Outcome struct {
	Rule         DecisionRule
	Active       int // active members when it was counted
	QuorumNeeded int
	Counts
	Passed bool
}

// QuorumMet reports whether enough members responded.
func (o Outcome) QuorumMet() bool { return o.Responded() >= o.QuorumNeeded }

// Tally decides a proposal under rule. Only the latest response of each
// member in active counts: a member who has left the group is not
// counted, whatever they said. resolved holds the members whose current
// block a facilitator has recorded as resolved (see ResolvedBlocks).
//
// Under majority a block counts as a disagree: someone who would stop the
// proposal certainly does not agree with it, and majority has no veto, so
// the block weighs exactly one vote against. A tie does not pass. "Not
// sure" counts towards the quorum and for neither side.
func Tally(rule DecisionRule, active []string, responses []Response, resolved map[string]bool) Outcome {
	o := Outcome{Rule: rule, Active: len(active), QuorumNeeded: rule.QuorumOf(len(active))}
	for _, r := range latestByMember(active, responses) {
		switch r.Answer {
		case AnswerAgree:
			o.Agree++
		case AnswerNotSure:
			o.NotSure++
		case AnswerDisagree:
			o.Disagree++
		case AnswerBlock:
			o.Block++
			if !resolved[r.MemberID] {
				o.UnresolvedBlocks++
			}
		}
	}
	switch rule.Kind {
	case RuleMajority:
		o.Passed = o.QuorumMet() && o.Agree > o.Disagree+o.Block
	case RuleConsent:
		o.Passed = o.QuorumMet() && o.UnresolvedBlocks == 0
	}
	return o
}

// latestByMember keeps, for each active member, their latest response.
func latestByMember(active []string, responses []Response) map[string]Response {
	in := make(map[string]bool, len(active))
	for _, id := range active {
		in[id] = true
	}
	out := map[string]Response{}
	for _, r := range responses {
		if !in[r.MemberID] {
			continue
		}
		if prev, ok := out[r.MemberID]; !ok || !r.RespondedAt.Before(prev.RespondedAt) {
			out[r.MemberID] = r
		}
	}
	return out
}

// ResolvedBlocks is the set of members whose current response is a block
// that a facilitator has recorded as resolved. A resolution belongs to the
// block it was recorded against: a member who changes their response and
// blocks again has a new block, unresolved until it is resolved in turn.
func ResolvedBlocks(responses []Response, resolutions []BlockResolution) map[string]bool {
	current := map[string]time.Time{}
	for _, r := range responses {
		if r.Answer == AnswerBlock {
			current[r.MemberID] = r.RespondedAt
		}
	}
	out := map[string]bool{}
	for _, res := range resolutions {
		if at, ok := current[res.MemberID]; ok && at.Equal(res.ResponseAt) {
			out[res.MemberID] = true
		}
	}
	return out
}

// Explanation says in plain English why the proposal passed or did not.
func (o Outcome) Explanation() string {
	resp := fmt.Sprintf("%d of the %d active %s responded; %d needed to respond (%d%% of the group, rounded up, and at least 1).",
		o.Responded(), o.Active, plural(o.Active, "member", "members"), o.QuorumNeeded, o.Rule.Quorum)
	if !o.QuorumMet() {
		return "Not passed: not enough people responded. " + resp
	}
	switch o.Rule.Kind {
	case RuleMajority:
		against := o.Disagree + o.Block
		tally := fmt.Sprintf("%d agreed and %d disagreed", o.Agree, against)
		if o.Block > 0 {
			tally += fmt.Sprintf(" (counting %d %s as disagreeing)", o.Block, plural(o.Block, "block", "blocks"))
		}
		if o.Passed {
			return "Passed: more people agreed than disagreed. " + resp + " " + tally + "."
		}
		if o.Agree == against {
			return "Not passed: as many people disagreed as agreed. " + resp + " " + tally + "."
		}
		return "Not passed: more people disagreed than agreed. " + resp + " " + tally + "."
	case RuleConsent:
		if o.Passed {
			if o.Block > 0 {
				return "Passed: every block was resolved. " + resp
			}
			return "Passed: nobody blocked it. " + resp
		}
		return fmt.Sprintf("Not passed: %d %s not resolved. %s", o.UnresolvedBlocks, plural(o.UnresolvedBlocks, "block was", "blocks were"), resp)
	}
	return resp
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
