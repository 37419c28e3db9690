package peer

import (
	"slices"

	"github.com/coprod/coprod/internal/apperr"
)

// State is where a referral is in its life.
type State string

const (
	// StateWaiting: referred, not yet contacted. The time standard runs.
	StateWaiting State = "waiting"
	// StateOffered: first contact made and peer support offered; the person
	// is choosing from their suggestions.
	StateOffered State = "offered"
	// StateDeclined: the person said no to peer support for now.
	StateDeclined State = "declined"
	// StateActive: the person chose a peer supporter.
	StateActive State = "active"
	// StateEnded: support ended, for a reason.
	StateEnded State = "ended"
)

// States lists the states in the order of a referral's life.
var States = []State{StateWaiting, StateOffered, StateDeclined, StateActive, StateEnded}

// Label is the state in plain words.
func (s State) Label() string {
	switch s {
	case StateWaiting:
		return "Waiting for first contact"
	case StateOffered:
		return "Offered peer support, choosing"
	case StateDeclined:
		return "Said no for now"
	case StateActive:
		return "Getting peer support"
	case StateEnded:
		return "Support ended"
	}
	return string(s)
}

// moves are the changes of state a referral may make. A person who said
// no may come back; ended support is a new referral.
var moves = map[State][]State{
	StateWaiting:  {StateOffered, StateEnded},
	StateOffered:  {StateActive, StateDeclined, StateEnded},
	StateDeclined: {StateOffered},
	StateActive:   {StateEnded},
}

// CheckMove says whether a referral in state from may move to state to.
func CheckMove(from, to State) error {
	if !slices.Contains(moves[from], to) {
		return apperr.Errorf(apperr.Conflict, "A referral that is %q cannot become %q", from.Label(), to.Label())
	}
	return nil
}

// EndReason is why peer support ended.
type EndReason string

const (
	EndGoalsMet    EndReason = "goals_met"    // the person's goals were met
	EndPersonChose EndReason = "person_chose" // the person chose to stop
	EndNoContact   EndReason = "no_contact"   // we could not reach the person, or lost touch
	EndMovedAway   EndReason = "moved_away"
	// EndDischarged: a service discharged the person and support ended with
	// it. Counted on its own: peer support is a right, not a step towards
	// discharge, and an end forced by discharge is not a goal met.
	EndDischarged EndReason = "discharged"
	EndOther      EndReason = "other"
)

// EndReasons lists the reasons in the order pages show them.
var EndReasons = []EndReason{EndGoalsMet, EndPersonChose, EndNoContact, EndMovedAway, EndDischarged, EndOther}

// Valid reports whether r is one of EndReasons.
func (r EndReason) Valid() bool { return slices.Contains(EndReasons, r) }

// Label is the reason in plain words.
func (r EndReason) Label() string {
	switch r {
	case EndGoalsMet:
		return "Their goals were met"
	case EndPersonChose:
		return "They chose to stop"
	case EndNoContact:
		return "We could not reach them"
	case EndMovedAway:
		return "They moved away"
	case EndDischarged:
		return "A service discharged them"
	case EndOther:
		return "Another reason"
	}
	return string(r)
}
