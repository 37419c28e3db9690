package tender

import (
	"context"
	"time"

	"github.com/coprod/coprod/ocds"
)

// This file holds what the faces need of stored tenders: the records the
// store keeps around the engine's types, and the Service internal/store
// implements. The acting user comes from audit.WithActor on the context;
// every change is audited in the same transaction.

// Tender is an invitation to tender in a commissioning round, as stored.
// ITT.Stake is always the round's committed stake, read when the tender is
// loaded, so the stake invariant is checked against the round's current
// stake and never against a copy that could drift.
type Tender struct {
	ID      string
	RoundID string
	OrgID   string // the round's commissioning organisation: the buyer
	OrgName string
	Title   string
	ITT     ITT
	// Version is 0 for a draft; 1 once published; each amendment adds one.
	Version     int
	PublishedAt *time.Time
	// Moderation is open for these panels (the chair opened it).
	Moderation map[Panel]bool
	Awarded    bool
	CreatedBy  string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Published reports whether bidders can see the ITT.
func (t *Tender) Published() bool { return t.PublishedAt != nil }

// Closed reports whether the submission deadline has passed at now: bids
// are then immutable and late submissions are refused.
func (t *Tender) Closed(now time.Time) bool {
	d := t.ITT.Deadlines.Submission
	return !d.IsZero() && !now.Before(d)
}

// QuestionsClosed reports whether the clarification deadline has passed.
func (t *Tender) QuestionsClosed(now time.Time) bool {
	d := t.ITT.Deadlines.Clarification
	return !d.IsZero() && !now.Before(d)
}

// Amendment is one published version of the ITT; versions after the first
// are amendments every bidder is told about.
type Amendment struct {
	Version   int
	Reason    string
	ITT       ITT
	CreatedBy string
	CreatedAt time.Time
}

// Bidder is a provider organisation that registered interest in a tender.
type Bidder struct {
	ID           string
	TenderID     string
	OrgID        string
	OrgName      string
	RegisteredAt time.Time
}

// BidStatus is where a bid has got to.
type BidStatus string

const (
	BidDraft     BidStatus = "draft"
	BidSubmitted BidStatus = "submitted"
	BidWithdrawn BidStatus = "withdrawn"
)

// Label is the status in plain English.
func (s BidStatus) Label() string {
	switch s {
	case BidDraft:
		return "Draft, not sent"
	case BidSubmitted:
		return "Submitted"
	case BidWithdrawn:
		return "Withdrawn"
	}
	return string(s)
}

// MaxAnswer bounds one answer to a criterion.
const MaxAnswer = 20000

// StoredBid is one bidder's bid as kept: the answer to each criterion and
// the price in pence. Receipt is the hash of what was submitted.
type StoredBid struct {
	ID          string
	TenderID    string
	BidderID    string
	OrgName     string
	LotID       string
	Status      BidStatus
	PricePence  int64
	Answers     map[string]string // by criterion id
	SubmittedAt *time.Time
	Receipt     string
	UpdatedAt   time.Time
	// Attachments are the files attached to the answers (metadata only),
	// by criterion, then in the order attached; see FilesFor.
	Attachments []Attachment
}

// Engine returns the bid as the scoring engine needs it.
func (b StoredBid) Engine() Bid { return Bid{ID: b.ID, Name: b.OrgName, PricePence: b.PricePence} }

// Question is a clarification question a bidder asked privately, and the
// answer: to every bidder, anonymised, or to the asker alone with a reason.
type Question struct {
	ID            string
	TenderID      string
	BidderID      string
	Question      string
	Answer        string
	Public        bool
	PrivateReason string
	AskedAt       time.Time
	AnsweredAt    *time.Time
}

// PanelMember is an evaluator's seat on a panel; the chair opens moderation
// and records mitigations and consensus scores.
type PanelMember struct {
	UserID string
	Name   string
	Panel  Panel // Commissioner or LivedExperience
	Chair  bool
}

// ScoreRecord is an individual score as stored, with whether the evaluator
// has submitted their scores (after which they cannot change them).
type ScoreRecord struct {
	IndividualScore
	Submitted bool
	UpdatedAt time.Time
}

// ConsensusRecord is a consensus score with who recorded it and when.
type ConsensusRecord struct {
	Consensus
	RecordedBy string
	RecordedAt time.Time
}

// AwardDecision is the record of the award: who decided, when and why,
// the award notice date and the standstill end worked out from it.
type AwardDecision struct {
	TenderID      string
	WinnerBidID   string
	Reason        string
	DecidedBy     string
	DecidedAt     time.Time
	NoticeOn      time.Time // a date
	StandstillEnd time.Time // a date
}

// Service is what the faces need of tenders; internal/store implements it.
// Methods refuse what the rules forbid (a late bid, a change to a submitted
// score, publishing an ITT that breaks the stake) with apperr errors whose
// messages are safe to show.
type Service interface {
	CreateTender(ctx context.Context, roundID, title string) (*Tender, error)
	TenderByID(ctx context.Context, id string) (*Tender, error)
	ListTenders(ctx context.Context, roundID, after string, limit int) (tenders []Tender, next string, err error)
	ListPublishedTenders(ctx context.Context, after string, limit int) (tenders []Tender, next string, err error)
	SaveITT(ctx context.Context, id string, itt ITT, reason string) error
	PublishTender(ctx context.Context, id string) error
	Amendments(ctx context.Context, id string) ([]Amendment, error)

	RegisterInterest(ctx context.Context, tenderID, orgID string) (*Bidder, error)
	BidderForOrgs(ctx context.Context, tenderID string, orgIDs []string) (*Bidder, error)
	Bidders(ctx context.Context, tenderID string) ([]Bidder, error)
	SaveBid(ctx context.Context, tenderID, bidderID string, pricePence int64, answers map[string]string) (*StoredBid, error)
	SubmitBid(ctx context.Context, tenderID, bidderID string) (*StoredBid, error)
	WithdrawBid(ctx context.Context, tenderID, bidderID string) error
	BidOf(ctx context.Context, tenderID, bidderID string) (*StoredBid, error)
	BidByID(ctx context.Context, tenderID, bidID string) (*StoredBid, error)
	SubmittedBids(ctx context.Context, tenderID string) ([]StoredBid, error)
	// AddBidAttachment attaches a file to the bidder's answer to a
	// criterion, under the same rules as changing the bid (see
	// CheckAttachment for the limits); RemoveBidAttachment takes one off.
	AddBidAttachment(ctx context.Context, tenderID, bidderID, criterionID, fileName string, data []byte) (*Attachment, error)
	RemoveBidAttachment(ctx context.Context, tenderID, bidderID, attachmentID string) error
	// BidAttachments and BidAttachmentData do not check who asks: the face
	// decides who may see a bid before calling them.
	BidAttachments(ctx context.Context, tenderID, bidID string) ([]Attachment, error)
	BidAttachmentData(ctx context.Context, tenderID, bidID, attachmentID string) (*Attachment, []byte, error)

	// SpecificationTargets are the measures of a specification in the
	// round (its version signed off by the group, or else its latest) as
	// OCDS metrics, for the ITT that names it.
	SpecificationTargets(ctx context.Context, roundID, specID string) ([]ocds.Metric, error)

	AskQuestion(ctx context.Context, tenderID, bidderID, question string) (*Question, error)
	AnswerQuestion(ctx context.Context, tenderID, questionID, answer string, public bool, privateReason string) error
	// Questions lists every question for bidderID "" (the commissioners),
	// otherwise the bidder's own and every answer given to all.
	Questions(ctx context.Context, tenderID, bidderID string) ([]Question, error)

	AddPanelMember(ctx context.Context, tenderID, userID string, panel Panel, chair bool) error
	PanelMembers(ctx context.Context, tenderID string) ([]PanelMember, error)
	Declare(ctx context.Context, tenderID, evaluatorID, bidderID string, conflict bool, detail string) error
	Mitigate(ctx context.Context, tenderID, evaluatorID, bidderID, reason string) error
	Declarations(ctx context.Context, tenderID string) ([]Declaration, error)

	SaveScore(ctx context.Context, tenderID string, s IndividualScore) error
	SubmitScores(ctx context.Context, tenderID, evaluatorID string, panel Panel) error
	// Scores lists the individual scores viewer (a user id) may see under
	// the sealed-scoring rules (see Evaluation.VisibleScores).
	Scores(ctx context.Context, tenderID, viewer string) ([]ScoreRecord, error)
	// ModerationProgress lists who on the panel has submitted all they
	// owe, without their scores.
	ModerationProgress(ctx context.Context, tenderID string, panel Panel) ([]MemberProgress, error)
	OpenPanelModeration(ctx context.Context, tenderID string, panel Panel) error
	// RecordConsensus records the panel's agreed scores together, or none.
	RecordConsensus(ctx context.Context, tenderID string, cs ...Consensus) error
	// ConsensusScores lists the consensus scores viewer, as a panel
	// member in moderation, may see (see Evaluation.VisibleConsensus).
	ConsensusScores(ctx context.Context, tenderID, viewer string) ([]ConsensusRecord, error)
	// ConsensusForResult lists every consensus score of both panels, for
	// the result, the award and the exports. It checks nobody: call it only
	// for a reader the policy lets see the result.
	ConsensusForResult(ctx context.Context, tenderID string) ([]ConsensusRecord, error)

	RecordAward(ctx context.Context, tenderID, winnerBidID, reason string, noticeOn time.Time) (*AwardDecision, error)
	AwardOf(ctx context.Context, tenderID string) (*AwardDecision, error)
}

// Evaluate runs the engine on the tender's submitted bids and consensus
// scores, so that every face (result page, award, export) gets the same
// answer from the same engine.
func (t *Tender) Evaluate(bids []StoredBid, cs []ConsensusRecord) (Result, error) {
	eb, ec := t.EngineInput(bids, cs)
	return Evaluate(t.ITT, eb, ec)
}

// EngineInput is the stored bids and consensus scores as the engine (and
// "coprod tender score"'s files) take them.
func (t *Tender) EngineInput(bids []StoredBid, cs []ConsensusRecord) ([]Bid, []Consensus) {
	eb := make([]Bid, len(bids))
	for i, b := range bids {
		eb[i] = b.Engine()
	}
	ec := make([]Consensus, len(cs))
	for i, c := range cs {
		ec[i] = c.Consensus
		if cr, ok := t.ITT.Criterion(c.Criterion); ok && cr.Panel != Joint {
			ec[i].Panel = "" // one panel: the engine needs no panel name
		}
	}
	return eb, ec
}
