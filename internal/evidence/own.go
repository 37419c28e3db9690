package evidence

import (
	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
)

// Members own what they share: a member may change or delete their own
// stories, factors, feedback and vision statements while the stage that
// gathers them is the round's current stage. Afterwards the group has built
// on them (themes, votes, measures), so a change goes through the
// facilitator, who sees what depends on it.
//
// Deleting is how a member withdraws one thing they shared: it is gone, with
// everything that hangs only on it (a story's pathway, "me too"s, dots,
// ratings, theme tags and the links to it). Withdrawing consent instead
// hides everything the member shared at once and can be undone; the
// "My information" page offers both.

// OwnKinds are the kinds of evidence a member may change or delete.
var OwnKinds = []Kind{KindStory, KindFactor, KindFeedback, KindVision}

// StageOf is the stage during which a kind of evidence is gathered, and so
// may be changed by its author.
func StageOf(k Kind) round.Stage {
	switch k {
	case KindStory:
		return round.StageStories
	case KindFactor:
		return round.StageFactors
	case KindFeedback:
		return round.StageServices
	case KindVision:
		return round.StageVision
	}
	return ""
}

// Singular names one item of a kind, for messages.
func (k Kind) Singular() string {
	return map[Kind]string{KindStory: "story", KindFactor: "factor", KindService: "service",
		KindFeedback: "feedback", KindVision: "vision statement"}[k]
}

// CanChangeOwn reports whether a member may still change their own item of
// kind k in round r.
func CanChangeOwn(r *round.Round, k Kind) bool {
	return r != nil && !r.Closed() && StageOf(k) != "" && r.Stage == StageOf(k)
}

// CheckChangeOwn is CanChangeOwn as an error that says what to do instead.
func CheckChangeOwn(r *round.Round, k Kind) error {
	if CanChangeOwn(r, k) {
		return nil
	}
	now := "has closed"
	if !r.Closed() {
		now = "is now at the " + r.Stage.Label() + " stage"
	}
	return apperr.Errorf(apperr.Conflict, "You can change or delete your %s only during the %s stage. The round %s: ask the facilitator to change or remove it for you.",
		k.Singular(), StageOf(k).Label(), now)
}
