package auth

import (
	"testing"
	"time"
)

func TestThrottleDelayBoundaries(t *testing.T) {
	t.Parallel()
	acct := Throttle{Free: 5, First: time.Second, Max: 15 * time.Minute}
	for _, c := range []struct {
		n    int
		want time.Duration
	}{
		{0, 0}, {1, 0}, {4, 0}, {5, 0}, // five wrong passwords cost nothing
		{6, time.Second}, {7, 2 * time.Second}, {8, 4 * time.Second}, {9, 8 * time.Second},
		{15, 512 * time.Second},     // 2^9 s = 8 min 32 s
		{16, 15 * time.Minute},      // 2^10 s = 17 min 4 s, capped
		{17, 15 * time.Minute},      // stays at the cap
		{1000000, 15 * time.Minute}, // no overflow
	} {
		if got := acct.Delay(c.n); got != c.want {
			t.Errorf("Delay(%d) = %v, want %v", c.n, got, c.want)
		}
	}
	addr := Throttle{Free: 30, First: time.Second, Max: 15 * time.Minute}
	for _, c := range []struct {
		n    int
		want time.Duration
	}{{30, 0}, {31, time.Second}, {32, 2 * time.Second}, {40, 512 * time.Second}, {41, 15 * time.Minute}} {
		if got := addr.Delay(c.n); got != c.want {
			t.Errorf("address Delay(%d) = %v, want %v", c.n, got, c.want)
		}
	}
	if AccountThrottle != acct || AddressThrottle != addr {
		t.Errorf("the rules are %+v and %+v; this table was worked for %+v and %+v", AccountThrottle, AddressThrottle, acct, addr)
	}
}

func TestThrottleWaitCountsFromTheLatestFailure(t *testing.T) {
	t.Parallel()
	latest := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	seven := Failures{Count: 7, Latest: latest} // a 2 s delay
	for _, c := range []struct {
		at   time.Duration
		want time.Duration
	}{
		{0, 2 * time.Second},
		{500 * time.Millisecond, 1500 * time.Millisecond},
		{2*time.Second - time.Microsecond, time.Microsecond},
		{2 * time.Second, 0}, // exactly at the end of the delay: go ahead
		{time.Hour, 0},
	} {
		if got := AccountThrottle.Wait(seven, latest.Add(c.at)); got != c.want {
			t.Errorf("Wait at +%v = %v, want %v", c.at, got, c.want)
		}
	}
	if got := AccountThrottle.Wait(Failures{}, latest); got != 0 {
		t.Errorf("no failures: Wait = %v", got)
	}
	if got := AccountThrottle.Wait(Failures{Count: 5, Latest: latest}, latest); got != 0 {
		t.Errorf("five failures: Wait = %v", got)
	}
}

func TestSignInWaitKnownDeviceIgnoresTheAddress(t *testing.T) {
	t.Parallel()
	now := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	busyAddress := SignInFailures{Address: Failures{Count: 40, Latest: now}} // 2^9 s
	if got := SignInWait(SignInAttempt{Email: "a@example.org"}, busyAddress, now); got != 512*time.Second {
		t.Errorf("unknown device behind a busy address waits %v, want 8 min 32 s", got)
	}
	if got := SignInWait(SignInAttempt{Email: "a@example.org", DeviceID: "d1"}, busyAddress, now); got != 0 {
		t.Errorf("known device behind a busy address waits %v, want nothing", got)
	}
	own := SignInFailures{Account: Failures{Count: 8, Latest: now}, Address: Failures{Count: 40, Latest: now}}
	if got := SignInWait(SignInAttempt{Email: "a@example.org", DeviceID: "d1"}, own, now); got != 4*time.Second {
		t.Errorf("known device with its own 8 failures waits %v, want 4 s", got)
	}
	// The longer of the two delays applies to an unknown device.
	both := SignInFailures{Account: Failures{Count: 9, Latest: now}, Address: Failures{Count: 31, Latest: now}}
	if got := SignInWait(SignInAttempt{Email: "a@example.org"}, both, now); got != 8*time.Second {
		t.Errorf("unknown device waits %v, want the account's 8 s", got)
	}
}

func TestSayWait(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{time.Millisecond, "1 second"},
		{time.Second, "1 second"},
		{time.Second + time.Millisecond, "2 seconds"},
		{40 * time.Second, "40 seconds"},
		{time.Minute, "60 seconds"},
		{time.Minute + time.Millisecond, "2 minutes"},
		{512 * time.Second, "9 minutes"},
		{15 * time.Minute, "15 minutes"},
	} {
		if got := SayWait(c.d); got != c.want {
			t.Errorf("SayWait(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}
