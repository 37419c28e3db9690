package round

import (
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
