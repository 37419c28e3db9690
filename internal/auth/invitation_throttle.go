package auth

import "time"

// Guessing an invitation code is slowed and then stopped, per address. The
// first CodeFreeTries wrong codes within CodeWindow cost nothing (people
// mistype); after that each further try must wait twice as long as the one
// before — 1, 2, 4, 8, 16, 32 minutes — and then a whole CodeWindow, which
// is a refusal until the wrong codes age out of the window. Somebody who
// mistypes a few times is not held up; a script gets about a dozen guesses
// an hour at 1.7 × 10^10 codes.
const (
	CodeWindow    = time.Hour
	CodeFreeTries = 5
)

// CodeWait says how long an address must still wait before its next code
// is read, given its wrong codes in the last CodeWindow and when the latest
// was. Zero means go ahead.
func CodeWait(wrong int, latest, now time.Time) time.Duration {
	if wrong < CodeFreeTries {
		return 0
	}
	delay := CodeWindow
	if k := wrong - CodeFreeTries; k < 6 {
		delay = time.Minute << k
	}
	if wait := latest.Add(delay).Sub(now); wait > 0 {
		return wait
	}
	return 0
}
