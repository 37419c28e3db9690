package peer

import "time"

// Self-referrals need no account, so they are throttled per address, never
// by a puzzle: SelfReferralLimit referrals from one address within
// SelfReferralWindow, then the next waits until the oldest of them is a
// window old. An address can be a whole household or a drop-in centre's
// computer, so the limit leaves room for several real people; a script
// gets a handful an hour.
const (
	SelfReferralLimit  = 5
	SelfReferralWindow = time.Hour
)

// SelfReferralWait is how long an address must wait, given the times of its
// self-referrals within the window. Zero means go ahead.
func SelfReferralWait(recent []time.Time, now time.Time) time.Duration {
	var inWindow []time.Time
	for _, t := range recent {
		if now.Sub(t) < SelfReferralWindow {
			inWindow = append(inWindow, t)
		}
	}
	if len(inWindow) < SelfReferralLimit {
		return 0
	}
	oldest := inWindow[0]
	for _, t := range inWindow {
		if t.Before(oldest) {
			oldest = t
		}
	}
	return oldest.Add(SelfReferralWindow).Sub(now)
}
