package round

import (
	"context"
	"time"
)

// Voting is the state of a round's dot vote on vision statements.
type Voting string

const (
	VotingNotStarted Voting = "not_started"
	VotingOpen       Voting = "open"
	VotingClosed     Voting = "closed"
)

// Query pages through rounds by keyset. A platform admin lists every
// round; anyone else only the rounds they hold a role in.
type Query struct {
	UserID string
	All    bool
	After  string
	Limit  int
}

// PaymentLine is one payment as the finance export shows it.
type PaymentLine struct {
	Payment
	SessionStartsAt time.Time
	Pseudonym       string
	RealName        string
}

// Service is what the faces need of rounds; internal/store implements it.
// The acting user comes from audit.WithActor on the context; every change
// is audited. Methods taking an Audience leave out, for the Group, what
// members who withdrew consent contributed.
type Service interface {
	CreateRound(ctx context.Context, n NewRound, leadUserID string) (*Round, error)
	RoundByID(ctx context.Context, id string) (*Round, error)
	ListRounds(ctx context.Context, q Query) (rounds []Round, next string, err error)
	PublishRound(ctx context.Context, id string) error
	EditRound(ctx context.Context, id string, e RoundEdit) error // title and dates; rounds_edit.go in the store
	DeleteDraftRound(ctx context.Context, id string) error       // only an empty draft
	ChangeStake(ctx context.Context, id string, c StakeChange) error
	MoveStage(ctx context.Context, id string, to Stage, reason string) error
	StakeHistory(ctx context.Context, id string) ([]StakeRecord, error)
	StageHistory(ctx context.Context, id string) ([]StageRecord, error)

	Participants(ctx context.Context, roundID string) ([]Participant, error)
	InvitationService // invitation.go

	AddRoundMember(ctx context.Context, roundID string, n NewMember) (*Member, error)
	RoundMembers(ctx context.Context, roundID string, a Audience) ([]Member, error)
	RoundMember(ctx context.Context, roundID, memberID string, a Audience) (*Member, error)
	MemberForUser(ctx context.Context, roundID, userID string) (*Member, error)
	RecordConsent(ctx context.Context, roundID, memberID string, p ConsentPurpose, given bool) error
	ConsentHistory(ctx context.Context, memberID string) ([]ConsentRecord, error)

	CreateGroupSession(ctx context.Context, roundID string, n NewSession) (*Session, error)
	ListGroupSessions(ctx context.Context, roundID, after string, limit int) (sessions []Session, next string, err error)
	GroupSessionByID(ctx context.Context, roundID, id string) (*Session, error)
	SetAttendance(ctx context.Context, roundID, sessionID string, memberIDs []string) error
	AddPayment(ctx context.Context, roundID, sessionID string, n NewPayment) error
	RoundPayments(ctx context.Context, roundID string) ([]PaymentLine, error)

	// The group decides (decision.go). Who may propose, record a response
	// given in person or resolve a block is the policy's to check; the
	// store checks the round, the subject, the member and the proposer.
	SetDecisionRule(ctx context.Context, roundID string, rule DecisionRule) error
	CreateProposal(ctx context.Context, roundID string, n NewProposal) (*Proposal, error)
	Proposals(ctx context.Context, roundID string, states ...ProposalState) ([]Proposal, error)
	ProposalByID(ctx context.Context, roundID, id string, a Audience) (*ProposalDetail, error)
	Respond(ctx context.Context, roundID, proposalID, userID string, n NewResponse) error
	RecordInPerson(ctx context.Context, roundID, proposalID, memberID string, n NewResponse) error
	ResolveBlock(ctx context.Context, roundID, proposalID, memberID, resolution string) error
	WithdrawProposal(ctx context.Context, roundID, proposalID, userID string) error
	CloseProposal(ctx context.Context, roundID, proposalID string) (*Outcome, error)
	// SetProposalEasyRead writes or changes a proposal's Easy Read
	// version while it is not decided (decision_easyread.go).
	SetProposalEasyRead(ctx context.Context, roundID, proposalID string, e ProposalEasyRead) error
	CarryOut(ctx context.Context, roundID, proposalID string) error
	// ImpactOutcomes lists the round's real outcomes an impact statement may link.
	ImpactOutcomes(ctx context.Context, roundID string) ([]LinkedOutcome, error)
}
