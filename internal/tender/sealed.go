package tender

import "strconv"

// Seat is a person's place on one panel, as far as sealed scoring needs it.
type Seat struct {
	Evaluator string
	Panel     Panel // Commissioner or LivedExperience
	Chair     bool
	// SubmittedAll is true once they have submitted every score they owe on
	// this panel (every criterion the panel scores, for every bid they are
	// not excluded from). A chair who scores nothing owes nothing.
	SubmittedAll bool
}

// PanelState is where a panel's evaluation has got to.
type PanelState struct {
	ModerationOpen bool
}

// SeeIndividualScore decides whether seat may see one evaluator's
// individual score, owned by owner, given by the owner's panel on a bid
// the seat has access (see [BidAccess]) to or not.
//
// Scoring is sealed so that nobody anchors on anybody else:
//
//   - Your own scores: always, drafts included.
//   - Another panel's scores: never. Each panel scores and moderates its own
//     criteria (for a joint criterion, its own half).
//   - A bid you are excluded from by a conflict: never.
//   - Your panel's other scores: only when you have submitted all of yours
//     AND the chair has opened moderation. Either alone is not enough: the
//     chair opening moderation does not unseal a late evaluator's view, and
//     finishing early does not let you see anything before moderation.
func SeeIndividualScore(seat Seat, owner string, scorePanel Panel, bidAccess Decision, state PanelState) Decision {
	switch {
	case owner == seat.Evaluator:
		return allow("This is your own score.")
	case scorePanel != seat.Panel:
		return deny("Scores from another panel stay with that panel.")
	case !bidAccess.Allowed:
		return deny("You are excluded from this bid because of a conflict of interest.")
	case !state.ModerationOpen:
		return deny("Other evaluators' scores stay sealed until the chair opens moderation.")
	case !seat.SubmittedAll:
		return deny("Submit all of your scores first; then you can see the others' in moderation.")
	}
	return allow("Moderation is open and you have submitted all your scores.")
}

// SeeConsensus decides whether seat may see its panel's consensus scores
// for a bid: panel members not excluded from the bid, once moderation is
// open (consensus is made in moderation, in front of the panel).
func SeeConsensus(seat Seat, consensusPanel Panel, bidAccess Decision, state PanelState) Decision {
	switch {
	case consensusPanel != seat.Panel:
		return deny("Another panel's moderation stays with that panel until the result.")
	case !bidAccess.Allowed:
		return deny("You are excluded from this bid because of a conflict of interest.")
	case !state.ModerationOpen:
		return deny("Consensus scores are agreed in moderation, which has not opened.")
	}
	return allow("Moderation is open.")
}

// MemberProgress is one panel member's scoring progress.
type MemberProgress struct {
	Evaluator    string
	SubmittedAll bool
}

// OpenModeration decides whether seat may open moderation on its panel:
// only the chair, and only once every member has submitted all their
// scores, so that opening it unseals nobody's view early.
func OpenModeration(seat Seat, members []MemberProgress, state PanelState) Decision {
	switch {
	case state.ModerationOpen:
		return deny("Moderation is already open.")
	case !seat.Chair:
		return deny("Only the panel chair can open moderation.")
	}
	waiting := 0
	for _, m := range members {
		if !m.SubmittedAll {
			waiting++
		}
	}
	switch waiting {
	case 0:
		return allow("Every member has submitted their scores.")
	case 1:
		return deny("1 member has not submitted all their scores yet.")
	}
	return deny(strconv.Itoa(waiting) + " members have not submitted all their scores yet.")
}
