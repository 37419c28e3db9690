package auth

import (
	"strconv"
	"time"
)

// Sign-in throttling slows guessing without letting anyone lock a person
// out (OWASP Authentication Cheat Sheet: growing delays rather than hard
// lock-outs, and a device that has signed in before is not penalised for
// strangers' failures).
//
// Wrong passwords are counted per account and per address over
// FailureMemory. The first few are free (people mistype); after that the
// next attempt must wait, from the latest failure, a delay that doubles with
// each further failure — 1 s, 2 s, 4 s … — up to MaxSignInDelay. Nobody is
// ever refused for longer than MaxSignInDelay, and a successful sign-in
// forgets the failures it counted.
//
// A known device (one that has signed in to the account before) counts only
// its own failures for that account: an attacker's wrong passwords, from
// other devices, do not delay it, nor do the failures of the address it
// shares with others.
//
// A device stays known for KnownDeviceFor after it last signed in.
const (
	FailureMemory  = 24 * time.Hour
	MaxSignInDelay = 15 * time.Minute
	KnownDeviceFor = 365 * 24 * time.Hour
)

// Throttle is one growing-delay rule.
type Throttle struct {
	Free  int           // failures after which the next attempt is still immediate
	First time.Duration // the delay after the first failure beyond Free
	Max   time.Duration // the longest delay
}

// The rules for an account and for an address. An address may stand for a
// household, an office or a whole organisation behind one proxy, so it is
// allowed more failures before delays start.
var (
	AccountThrottle = Throttle{Free: 5, First: time.Second, Max: MaxSignInDelay}
	AddressThrottle = Throttle{Free: 30, First: time.Second, Max: MaxSignInDelay}
)

// Delay is how long after the latest of n failures the next attempt must
// wait: nothing up to Free failures, First after one more, doubling with
// each further failure, never more than Max.
func (t Throttle) Delay(n int) time.Duration {
	if n <= t.Free {
		return 0
	}
	d := t.First
	for k := n - t.Free - 1; k > 0 && d < t.Max; k-- {
		d *= 2
	}
	return min(d, t.Max)
}

// Wait is how long an attempt at now must still wait, given the failures.
// Zero means go ahead.
func (t Throttle) Wait(f Failures, now time.Time) time.Duration {
	if wait := f.Latest.Add(t.Delay(f.Count)).Sub(now); f.Count > 0 && wait > 0 {
		return wait
	}
	return 0
}

// Failures are the wrong passwords that count against an attempt: how many
// in the last FailureMemory and when the latest was.
type Failures struct {
	Count  int
	Latest time.Time
}

// SignInAttempt is who is trying to sign in, from where.
type SignInAttempt struct {
	Email   string
	Address string // the client's address (as a trusted proxy names it)
	// DeviceID is the known device the browser showed for this account, ""
	// when it showed none (or one for another account).
	DeviceID string
}

// SignInFailures are the failures the store found for an attempt: Account
// counts the account's failures from the same device (for an unknown
// device, from all unknown devices); Address counts every failure from the
// attempt's address.
type SignInFailures struct {
	Account Failures
	Address Failures
}

// SignInWait is how long the attempt must still wait before its password is
// checked. A known device meets only its own failures for the account.
func SignInWait(a SignInAttempt, f SignInFailures, now time.Time) time.Duration {
	wait := AccountThrottle.Wait(f.Account, now)
	if a.DeviceID == "" {
		wait = max(wait, AddressThrottle.Wait(f.Address, now))
	}
	return wait
}

// SayWait puts a wait in words for the sign-in page, rounded up: "1 second",
// "40 seconds", "2 minutes".
func SayWait(d time.Duration) string {
	if d <= time.Minute {
		n := int((d + time.Second - 1) / time.Second)
		if n <= 1 {
			return "1 second"
		}
		return strconv.Itoa(n) + " seconds"
	}
	n := int((d + time.Minute - 1) / time.Minute)
	return strconv.Itoa(n) + " minutes"
}
