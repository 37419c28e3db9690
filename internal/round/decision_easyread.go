package round

import (
	"fmt"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
)

// ProposalEasyRead is the Easy Read version of a proposal, written or
// changed by the facilitator or commissioner after anyone (a member, too)
// proposed it: the group is never asked to write its own Easy Read
// (issue 15). It may change only while the proposal is not decided, so
// every member answered the words that were there when the count was made.
type ProposalEasyRead struct {
	Text string
}

// Validate tidies the text and says what is wrong with it.
func (e *ProposalEasyRead) Validate() error {
	e.Text = strings.TrimSpace(e.Text)
	if m := checkText("the proposal in Easy Read", e.Text, 10000); m != "" {
		return apperr.Fields([]apperr.FieldError{{Field: "easy_read", Message: m}})
	}
	return nil
}

// EasyReadChangeable says whether a proposal in state st may have its
// Easy Read written or changed, with the reason when not.
func EasyReadChangeable(st ProposalState) string {
	switch st {
	case StateOpen, StateUpcoming:
		return ""
	case StateWithdrawn:
		return "This proposal was withdrawn, so its Easy Read version cannot change."
	}
	return "The group's answers to this proposal are being counted or are counted, so its Easy Read version cannot change."
}

// EasyRead says why the proposal passed or did not, for a member reading
// Easy Read: the facts of Explanation, one short sentence each, in
// everyday words ("answered", not "responded"; no quorum or rounding).
func (o Outcome) EasyRead() string {
	s := []string{"It did not pass."}
	if o.Passed {
		s[0] = "It passed."
	}
	answered := fmt.Sprintf("%d of the %d people in the group answered.", o.Responded(), o.Active)
	needed := fmt.Sprintf("%d %s needed to answer.", o.QuorumNeeded, plural(o.QuorumNeeded, "person", "people"))
	if !o.QuorumMet() {
		return strings.Join(append(s, "Not enough people answered.", answered, needed), " ")
	}
	s = append(s, answered)
	switch o.Rule.Kind {
	case RuleMajority:
		against := o.Disagree + o.Block
		s = append(s, fmt.Sprintf("%d said agree.", o.Agree), fmt.Sprintf("%d did not agree.", against))
		if o.NotSure > 0 {
			s = append(s, fmt.Sprintf("%d %s not sure.", o.NotSure, plural(o.NotSure, "was", "were")))
		}
		switch {
		case o.Passed:
			s = append(s, "More people agreed than did not.")
		case o.Agree == against:
			s = append(s, "It needed more people to agree.")
		default:
			s = append(s, "More people did not agree.")
		}
	case RuleConsent:
		switch {
		case o.Passed && o.Block > 0:
			s = append(s, "All the blocks were sorted out.")
		case o.Passed:
			s = append(s, "No one blocked it.")
		default:
			s = append(s, fmt.Sprintf("%d %s not sorted out.", o.UnresolvedBlocks, plural(o.UnresolvedBlocks, "block was", "blocks were")))
		}
	}
	return strings.Join(s, " ")
}
