package peer

import (
	"testing"
	"time"
)

func TestSelfReferralWait(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	ago := func(m int) time.Time { return now.Add(-time.Duration(m) * time.Minute) }
	// Four in the hour: the fifth goes ahead.
	if w := SelfReferralWait([]time.Time{ago(50), ago(40), ago(30), ago(1)}, now); w != 0 {
		t.Errorf("fifth waited %s", w)
	}
	// Five in the hour: the sixth waits until the oldest (50 minutes ago)
	// is an hour old, 10 minutes from now.
	if w := SelfReferralWait([]time.Time{ago(1), ago(50), ago(40), ago(30), ago(20)}, now); w != 10*time.Minute {
		t.Errorf("sixth waits %s, want 10m", w)
	}
	// Exactly an hour ago no longer counts.
	if w := SelfReferralWait([]time.Time{ago(60), ago(40), ago(30), ago(20), ago(1)}, now); w != 0 {
		t.Errorf("with one an hour old: waited %s", w)
	}
}
