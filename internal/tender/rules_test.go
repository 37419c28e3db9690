package tender

import (
	"strings"
	"testing"
)

func TestSpreads(t *testing.T) {
	scores := []IndividualScore{
		{Evaluator: "e1", Bid: "B", Criterion: "Q1", Panel: Commissioner, Score: 2},
		{Evaluator: "e2", Bid: "B", Criterion: "Q1", Panel: Commissioner, Score: 3},
		{Evaluator: "e1", Bid: "A", Criterion: "Q1", Panel: Commissioner, Score: 1},
		{Evaluator: "e2", Bid: "A", Criterion: "Q1", Panel: Commissioner, Score: 3},
		{Evaluator: "e3", Bid: "A", Criterion: "Q1", Panel: Commissioner, Score: 2},
		{Evaluator: "m1", Bid: "A", Criterion: "Q4", Panel: LivedExperience, Score: 5},
		{Evaluator: "m2", Bid: "A", Criterion: "Q4", Panel: LivedExperience, Score: 1},
		{Evaluator: "e1", Bid: "A", Criterion: "Q4", Panel: Commissioner, Score: 4},
	}
	got := Spreads(scores)
	want := []struct {
		bid, crit string
		panel     Panel
		spread    int
		flagged   bool
		n         int
	}{
		{"A", "Q1", Commissioner, 2, true, 3},    // 1..3: exactly 2 is flagged
		{"A", "Q4", Commissioner, 0, false, 1},   // one score, no spread
		{"A", "Q4", LivedExperience, 4, true, 2}, // panels are kept apart
		{"B", "Q1", Commissioner, 1, false, 2},   // 2..3
	}
	if len(got) != len(want) {
		t.Fatalf("got %d spreads: %+v", len(got), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Bid != w.bid || g.Criterion != w.crit || g.Panel != w.panel || g.Spread != w.spread || g.Flagged != w.flagged || len(g.Scores) != w.n {
			t.Errorf("spread %d = %+v, want %+v", i, g, w)
		}
	}
	d := Differences(Consensus{Bid: "A", Criterion: "Q1", Panel: Commissioner, Score: 2}, scores)
	if len(d) != 3 || d[0].By != -1 || d[1].By != 1 || d[2].By != 0 {
		t.Errorf("differences %+v", d)
	}
}

func TestBidAccess(t *testing.T) {
	chair := func(reason string) *Mitigation {
		return &Mitigation{RecordedBy: "chair", ByChair: true, Reason: reason}
	}
	cases := []struct {
		name string
		d    *Declaration
		ok   bool
		why  string
	}{
		{"undeclared", nil, false, "Declare"},
		{"no conflict", &Declaration{Evaluator: "e1", Bidder: "A"}, true, ""},
		{"conflict", &Declaration{Evaluator: "e1", Bidder: "A", Conflict: true}, false, "unless the panel chair"},
		{"mitigated by chair", &Declaration{Evaluator: "e1", Bidder: "A", Conflict: true, Mitigation: chair("Left the board in 2023")}, true, ""},
		{"mitigated without reason", &Declaration{Evaluator: "e1", Conflict: true, Mitigation: chair("  ")}, false, "write down"},
		{"mitigated by someone else", &Declaration{Evaluator: "e1", Conflict: true, Mitigation: &Mitigation{RecordedBy: "e2", Reason: "fine"}}, false, "Only the panel chair"},
		{"chair mitigates own", &Declaration{Evaluator: "chair", Conflict: true, Mitigation: chair("fine")}, false, "own conflict"},
	}
	for _, c := range cases {
		got := BidAccess(c.d)
		if got.Allowed != c.ok || !strings.Contains(got.Reason, c.why) {
			t.Errorf("%s: %+v", c.name, got)
		}
	}
}

// TestSealedScoring walks the visibility rule through every combination
// that matters.
func TestSealedScoring(t *testing.T) {
	ok := Decision{Allowed: true}
	excluded := Decision{}
	me := Seat{Evaluator: "e1", Panel: Commissioner}
	done := Seat{Evaluator: "e1", Panel: Commissioner, SubmittedAll: true}
	chair := Seat{Evaluator: "c", Panel: Commissioner, Chair: true, SubmittedAll: true}
	open, closed := PanelState{ModerationOpen: true}, PanelState{}
	cases := []struct {
		name   string
		seat   Seat
		owner  string
		panel  Panel
		access Decision
		state  PanelState
		want   bool
	}{
		{"own score, sealed", me, "e1", Commissioner, ok, closed, true},
		{"other's, not submitted, closed", me, "e2", Commissioner, ok, closed, false},
		{"other's, submitted, closed", done, "e2", Commissioner, ok, closed, false},
		{"other's, not submitted, open", me, "e2", Commissioner, ok, open, false},
		{"other's, submitted, open", done, "e2", Commissioner, ok, open, true},
		{"other panel, open", done, "m1", LivedExperience, ok, open, false},
		{"excluded bid, open", done, "e2", Commissioner, excluded, open, false},
		{"chair, closed", chair, "e2", Commissioner, ok, closed, false},
		{"chair, open", chair, "e2", Commissioner, ok, open, true},
	}
	for _, c := range cases {
		if got := SeeIndividualScore(c.seat, c.owner, c.panel, c.access, c.state); got.Allowed != c.want || got.Reason == "" {
			t.Errorf("%s: %+v, want allowed=%v", c.name, got, c.want)
		}
	}
	if SeeConsensus(me, Commissioner, ok, closed).Allowed || !SeeConsensus(me, Commissioner, ok, open).Allowed ||
		SeeConsensus(me, LivedExperience, ok, open).Allowed || SeeConsensus(me, Commissioner, excluded, open).Allowed {
		t.Error("consensus visibility")
	}
	members := []MemberProgress{{"e1", true}, {"e2", false}, {"e3", false}}
	if d := OpenModeration(chair, members, closed); d.Allowed || !strings.Contains(d.Reason, "2 members") {
		t.Errorf("opened with members waiting: %+v", d)
	}
	members[1].SubmittedAll, members[2].SubmittedAll = true, true
	if !OpenModeration(chair, members, closed).Allowed {
		t.Error("chair could not open moderation")
	}
	if OpenModeration(done, members, closed).Allowed {
		t.Error("a member opened moderation")
	}
	if OpenModeration(chair, members, open).Allowed {
		t.Error("opened twice")
	}
}
