package evidence

import (
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
)

// TestChangeOwnOnlyInItsStage: each kind a member owns may change during
// its own stage only, never once the round has closed, and services (the
// landscape, not a member's words) never.
func TestChangeOwnOnlyInItsStage(t *testing.T) {
	closed := time.Date(2027, 8, 31, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		stage  round.Stage
		closed bool
		kind   Kind
		want   bool
	}{
		{round.StageStories, false, KindStory, true},
		{round.StageFactors, false, KindStory, false},
		{round.StageGroup, false, KindStory, false},
		{round.StageFactors, false, KindFactor, true},
		{round.StageServices, false, KindFeedback, true},
		{round.StageVision, false, KindFeedback, false},
		{round.StageVision, false, KindVision, true},
		{round.StageVision, true, KindVision, false},
		{round.StageServices, false, KindService, false},
	}
	for _, c := range cases {
		r := &round.Round{Stage: c.stage}
		if c.closed {
			r.ClosedAt = &closed
		}
		if got := CanChangeOwn(r, c.kind); got != c.want {
			t.Errorf("%s at %s (closed %v) = %v, want %v", c.kind, c.stage, c.closed, got, c.want)
		}
		if err := CheckChangeOwn(r, c.kind); (err == nil) != c.want || (err != nil && apperr.Code(err) != apperr.Conflict) {
			t.Errorf("CheckChangeOwn(%s at %s) = %v", c.kind, c.stage, err)
		}
	}
	r := &round.Round{Stage: round.StageVision, ClosedAt: &closed}
	if got := apperr.Message(CheckChangeOwn(r, KindVision)); got != "You can change or delete your vision statement only during the Vision stage. "+
		"The round has closed: ask the facilitator to change or remove it for you." {
		t.Errorf("message once closed = %q", got)
	}
}
