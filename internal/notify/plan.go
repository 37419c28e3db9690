package notify

import (
	"time"

	"github.com/coprod/coprod/internal/audit"
)

// AudienceKind names a group of people the store can list.
type AudienceKind string

const (
	RoundMembers  AudienceKind = "round_members"  // the round's group members with an account who have not left (ID: round)
	OneUser       AudienceKind = "user"           // one account (ID: user)
	OrgPeople     AudienceKind = "org"            // everyone in an organisation (ID: organisation)
	TenderPanel   AudienceKind = "panel"          // the evaluators on a tender's panel (ID: tender; Panel)
	PanelChairs   AudienceKind = "chairs"         // the chairs of a tender's panel (ID: tender; Panel)
	TenderBidders AudienceKind = "bidders"        // the people of every organisation bidding (ID: tender)
	QuestionAsker AudienceKind = "question_asker" // the people of the bidder who asked (ID: question)
	EmailAccount  AudienceKind = "email"          // the account with this email address, if there is one (ID: address)
	RoundInvitee  AudienceKind = "round_invitee"  // the account with a round invitation's email address, if any (ID: invitation)
	// ItemOwners: the commitment's owner and the people of its owning
	// organisation who hold a role that opens the item (commissioner,
	// facilitator or provider over one of the organisations it concerns, or
	// over its round), so nobody is sent to a page that refuses them (ID: item).
	ItemOwners AudienceKind = "item_owners"
)

// Audience is one group of people to tell.
type Audience struct {
	Kind  AudienceKind
	ID    string
	Panel string // for TenderPanel and PanelChairs
}

// Plan says what to tell whom about one event. The store fills in the
// facts (titles) and resolves the audiences to accounts, leaving out the
// person who acted.
type Plan struct {
	Kind      Kind
	Audiences []Audience
	// What the words and the link are about. RoundID or TenderID is ""
	// when the event does not say; the store finds it from the object.
	ObjectType, ObjectID string
	RoundID, TenderID    string
	// PanelComplete: tell only once every evaluator on this panel has
	// submitted their scores (ModerationReady).
	PanelComplete string
	Facts         Facts
}

// Facts are what the words need; the store adds titles it looks up.
type Facts struct {
	RoundTitle    string
	TenderTitle   string
	ProposalTitle string
	Passed        bool      // ProposalDecided
	Stage         string    // StageMoved: the stage's name, in words
	When          time.Time // SessionPlanned: when it starts
	DueOn         string    // CommitmentOverdue: YYYY-MM-DD
}

// FromEvent returns the plan for an audit event, or false when the event is
// not one people are told about.
func FromEvent(e audit.Event) (Plan, bool) {
	d := e.Details
	p := Plan{ObjectType: e.ObjectType, ObjectID: e.ObjectID}
	switch e.Action {
	case "proposal.create":
		p.Kind, p.RoundID = ProposalOpened, d["round_id"]
		p.Facts.ProposalTitle = d["title"]
		p.Audiences = []Audience{{Kind: RoundMembers, ID: d["round_id"]}}
	case "proposal.close":
		if d["status"] != "passed" && d["status"] != "not_passed" {
			return Plan{}, false
		}
		p.Kind, p.Facts.Passed = ProposalDecided, d["status"] == "passed"
		p.Audiences = []Audience{{Kind: RoundMembers}} // the round is the proposal's
	case "tender.panel_add":
		p.Kind, p.TenderID = ScoringAsked, e.ObjectID
		p.Audiences = []Audience{{Kind: OneUser, ID: d["user_id"]}}
	case "tender.scores_submit":
		p.Kind, p.TenderID, p.PanelComplete = ModerationReady, e.ObjectID, d["panel"]
		p.Audiences = []Audience{{Kind: PanelChairs, ID: e.ObjectID, Panel: d["panel"]}}
	case "tender.moderation_open":
		p.Kind, p.TenderID = ModerationOpen, e.ObjectID
		p.Audiences = []Audience{{Kind: TenderPanel, ID: e.ObjectID, Panel: d["panel"]}}
	case "tender.question_answer":
		p.Kind, p.TenderID = QuestionAnswered, e.ObjectID
		if d["public"] == "true" {
			p.Audiences = []Audience{{Kind: TenderBidders, ID: e.ObjectID}}
		} else {
			p.Audiences = []Audience{{Kind: QuestionAsker, ID: d["question_id"]}}
		}
	case "tender.award":
		p.Kind, p.TenderID = TenderAwarded, e.ObjectID
		p.Audiences = []Audience{{Kind: TenderBidders, ID: e.ObjectID}, {Kind: RoundMembers}} // the tender's round
	case "ledger.commit":
		if d["owner_org_id"] == "" && d["owner_user_id"] == "" {
			return Plan{}, false
		}
		p.Kind = CommitmentGiven
		p.Audiences = []Audience{{Kind: ItemOwners, ID: e.ObjectID}}
	case "ledger.status":
		if d["status"] != "done" {
			return Plan{}, false
		}
		p.Kind = VerdictRequested
		p.Audiences = []Audience{{Kind: RoundMembers}} // the item's round; none for an item outside a round
	case "contract.create":
		p.Kind, p.RoundID = ReportsDue, d["round_id"]
		p.Audiences = []Audience{{Kind: OrgPeople, ID: d["provider_org_id"]}}
	case "invitation.create":
		p.Kind = Invited
		p.Audiences = []Audience{{Kind: EmailAccount, ID: d["email"]}}
	case "round.invitation_create", "round.invitation_reissue":
		p.Kind, p.RoundID = Invited, e.ObjectID
		p.Audiences = []Audience{{Kind: RoundInvitee, ID: d["invitation_id"]}}
	case "round.stage":
		p.Kind, p.RoundID = StageMoved, e.ObjectID
		p.Facts.Stage = d["to"]
		p.Audiences = []Audience{{Kind: RoundMembers, ID: e.ObjectID}}
	case "round.session_create":
		p.Kind, p.RoundID = SessionPlanned, d["round_id"]
		if t, err := time.Parse(time.RFC3339, d["starts_at"]); err == nil {
			p.Facts.When = t
		}
		p.Audiences = []Audience{{Kind: RoundMembers, ID: d["round_id"]}}
	default:
		return Plan{}, false
	}
	if len(p.Audiences) == 0 {
		return Plan{}, false
	}
	return p, true
}

// Link is the page a notification opens, from its plan once the store has
// filled in the round and tender.
func (p Plan) Link() string {
	switch p.Kind {
	case ProposalOpened, ProposalDecided:
		return "/rounds/" + p.RoundID + "/decisions/" + p.ObjectID
	case ScoringAsked:
		return "/tenders/" + p.TenderID + "/score"
	case ModerationReady:
		return "/tenders/" + p.TenderID + "/moderation" // the chair's page
	case ModerationOpen:
		return "/tenders/" + p.TenderID + "/score" // the evaluator's scores, now beside the others'

	case QuestionAnswered:
		return "/tenders/" + p.TenderID + "/questions"
	case TenderAwarded:
		return "/tenders/" + p.TenderID
	case CommitmentGiven, CommitmentOverdue:
		return "/ledger/items/" + p.ObjectID
	case VerdictRequested:
		return "/ledger/items/" + p.ObjectID + "/verdict"
	case ReportsDue:
		return "/contracts/" + p.ObjectID
	case StageMoved:
		return "/rounds/" + p.RoundID
	case SessionPlanned:
		return "/rounds/" + p.RoundID + "/sessions/" + p.ObjectID
	case Invited:
		if p.ObjectType == "round" {
			return "/join" // the link and code were given to the person; only they can use them
		}
	}
	return ""
}

// Overdue is the plan for a commitment past its due date, which no event
// announces: the store finds them each day.
func Overdue(itemID, ownerOrgID, ownerUserID, roundID, dueOn string) Plan {
	p := Plan{Kind: CommitmentOverdue, ObjectType: "ledger_item", ObjectID: itemID, RoundID: roundID, Facts: Facts{DueOn: dueOn}}
	if ownerOrgID != "" || ownerUserID != "" {
		p.Audiences = []Audience{{Kind: ItemOwners, ID: itemID}}
	}
	return p
}
