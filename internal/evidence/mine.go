package evidence

import (
	"time"

	"github.com/coprod/coprod/internal/round"
)

// Mine is everything a round holds about one member of its group, for that
// member to see and to take away (a subject access request in one click).
// It is read as the member themselves: whatever they consented to share
// with others, they see all of their own.
type Mine struct {
	Member   round.Member // with their own details, access needs and current consent
	Consent  []round.ConsentRecord
	Sessions []round.Session // the sessions they attended, without other people's attendance or payments
	Payments []MyPayment
	Stories  []Story // with their pathways
	Factors  []Factor
	MeToos   []MyMeToo
	Feedback []MyFeedback
	Vision   []Statement
	Votes    []MyVote
	Said     []MySaying // what they said that the ledger tracks
	// Responses are the member's answers to the group's proposals.
	Responses []MyResponse
}

// MyPayment is an involvement payment made to the member.
type MyPayment struct {
	round.Payment
	SessionStartsAt time.Time
}

// MyMeToo is a factor the member said "me too" to.
type MyMeToo struct {
	FactorID    string
	Description string
	At          time.Time
}

// MyFeedback is the member's feedback on a service.
type MyFeedback struct {
	Feedback
	ServiceName string
}

// MyVote is the dots the member placed on a vision statement.
type MyVote struct {
	StatementID string
	Statement   string
	Dots        int
}

// MySaying is a ledger item recorded as said by the member.
type MySaying struct {
	ItemID string
	Said   string
	SaidOn string
	Status string
}

// MyResponse is the member's answer to a proposal put to the group.
type MyResponse struct {
	ProposalID    string
	ProposalTitle string
	round.Response
}
