package tender

import (
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

// ITTChange is an accepted change to a tender's ITT: the ITT to store,
// carrying the round's stake whatever was sent, the version it makes, and
// for an amendment to a published ITT the reason every bidder is told.
type ITTChange struct {
	ITT     ITT
	Version int    // the tender's version for a draft; the next one for an amendment
	Reason  string // "" for a draft
}

// Amendment reports whether the change amends a published ITT.
func (c ITTChange) Amendment() bool { return c.Reason != "" }

// ChangeITT decides whether itt may replace the tender's ITT at now. A
// draft needs only to be well formed; a published ITT changes only by an
// amendment with a reason, before the deadline, to an ITT that could itself
// be published; nothing changes after the award.
func (t *Tender) ChangeITT(itt ITT, reason string, now time.Time) (ITTChange, error) {
	reason = strings.TrimSpace(reason)
	if t.Awarded {
		return ITTChange{}, apperr.Errorf(apperr.Conflict, "This tender has been awarded; its invitation can no longer change.")
	}
	itt.Stake = t.ITT.Stake
	if !t.Published() {
		if err := itt.Validate(); err != nil {
			return ITTChange{}, err
		}
		return ITTChange{ITT: itt, Version: t.Version}, nil
	}
	if t.Closed(now) {
		return ITTChange{}, apperr.Errorf(apperr.Conflict, "The submission deadline has passed, so the invitation can no longer be amended.")
	}
	if err := itt.ValidateForPublish(); err != nil {
		return ITTChange{}, err
	}
	if reason == "" {
		return ITTChange{}, apperr.Fields([]apperr.FieldError{{Field: "reason", Message: "Say why the published invitation is being amended; every bidder is told"}})
	}
	return ITTChange{ITT: itt, Version: t.Version + 1, Reason: reason}, nil
}

// MayPublish decides whether the draft ITT may be published at now as
// version 1: once, fit to publish (the stake invariant met), with a
// submission deadline still to come.
func (t *Tender) MayPublish(now time.Time) error {
	if t.Published() {
		return apperr.Errorf(apperr.Conflict, "This invitation to tender is already published.")
	}
	if err := t.ITT.ValidateForPublish(); err != nil {
		return err
	}
	if !t.ITT.Deadlines.Submission.After(now) {
		return apperr.Fields([]apperr.FieldError{{Field: "deadlines.submission", Message: "The submission deadline must be in the future"}})
	}
	return nil
}
