package computed

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/training"
)

type fakeRecords struct {
	refs      []peer.Referral
	staff     []training.Staffing
	attendees []training.Attendee
}

func (f fakeRecords) Referrals(context.Context, string) ([]peer.Referral, error) { return f.refs, nil }
func (f fakeRecords) Staffing(context.Context) ([]training.Staffing, error)      { return f.staff, nil }
func (f fakeRecords) AllAttendees(context.Context) ([]training.Attendee, error) {
	return f.attendees, nil
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// handContract runs January to September 2026 in three quarters: Q1 ends
// at midnight UK time on 1 April, which is 23:00 on 31 March in UTC
// (British Summer Time began on 29 March).
func handContract() *measure.Contract {
	return &measure.Contract{StartsOn: "2026-01-01", EndsOn: "2026-09-30", ProviderOrgID: "P",
		Profile: &measure.Profile{Periods: []string{"Q1", "Q2", "Q3"}}}
}

// handNow is in the middle of Q2; Q3 has not started.
var handNow = utc("2026-05-15T12:00:00Z")

func ref(trig peer.Trigger, referred string, contactAfter time.Duration, state peer.State, chose bool) peer.Referral {
	r := peer.Referral{Standard: peer.Standard{Amount: 72, Unit: peer.Hours}, Referred: utc(referred), State: state, Chose: chose}
	r.Trigger = trig
	if contactAfter > 0 {
		r.FirstContact = r.Referred.Add(contactAfter)
	}
	return r
}

// The hand count, crisis referrals to a 72-hour standard:
//
//	Q1: a 24 h (chose), b exactly 72 h (said no), c 100 h (chose),
//	    d never contacted, now far past 72 h (waiting)
//	    → due 4, within 2 (a, b): 50%; answered 3, took up 2 (a, c): 66⅔%
//	Q2: e referred 00:30 on 1 April UK time (23:30 UTC on 31 March), 10 h (chose);
//	    h 5 h (said no); g referred 24 h before now, not yet due
//	    → due 2, within 2: 100%; answered 2, took up 1: 50%
//	Q3: not started, no value.
//
// A diagnosis referral in Q1 is not counted at the crisis point.
func TestPeerValuesByHand(t *testing.T) {
	h := time.Hour
	recs := fakeRecords{refs: []peer.Referral{
		ref(peer.TriggerCrisis, "2026-01-10T10:00:00Z", 24*h, peer.StateActive, true),
		ref(peer.TriggerCrisis, "2026-02-01T09:00:00Z", 72*h, peer.StateDeclined, false),
		ref(peer.TriggerCrisis, "2026-03-05T12:00:00Z", 100*h, peer.StateActive, true),
		ref(peer.TriggerCrisis, "2026-03-20T08:00:00Z", 0, peer.StateWaiting, false),
		ref(peer.TriggerDiagnosis, "2026-02-02T08:00:00Z", 500*h, peer.StateDeclined, false),
		ref(peer.TriggerCrisis, "2026-03-31T23:30:00Z", 10*h, peer.StateActive, true),
		ref(peer.TriggerCrisis, "2026-04-10T09:00:00Z", 5*h, peer.StateDeclined, false),
		ref(peer.TriggerCrisis, "2026-05-14T12:00:00Z", 0, peer.StateWaiting, false),
	}}
	c := handContract()
	got, err := Values(context.Background(), recs, c, []Source{
		{Indicator: "I1", Kind: PeerWithin, OrgID: "U", Trigger: peer.TriggerCrisis},
		{Indicator: "I2", Kind: PeerUptake, OrgID: "U", Trigger: peer.TriggerCrisis},
	}, handNow)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]struct {
		part, whole int
		value       *big.Rat
	}{
		"I1": {{2, 4, big.NewRat(50, 1)}, {2, 2, big.NewRat(100, 1)}, {0, 0, nil}},
		"I2": {{2, 3, big.NewRat(200, 3)}, {1, 2, big.NewRat(50, 1)}, {0, 0, nil}},
	}
	checkValues(t, got, want)
	if got["I1"][2].Note != notStarted {
		t.Errorf("Q3's note = %q, want %q", got["I1"][2].Note, notStarted)
	}
}

// The hand count of training reach for provider P, which declares 10
// support workers and 2 managers:
//
//	p1 support worker, 10 Feb and again 5 Apr (one person)
//	p2 support worker, 31 Mar 22:30 UTC (23:30 UK time, still Q1)
//	p3 manager, 20 Apr
//	p4 receptionist, 1 Feb: a role P does not declare, so not in the share
//	q1 another provider's support worker, 1 Feb
//	p5 support worker, 20 May: after now
//
// Every role: Q1 2 of 12 (16⅔%), Q2 so far 3 of 12 (25%).
// Support workers: Q1 2 of 10 (20%), Q2 2 of 10 (20%).
func TestReachValuesByHand(t *testing.T) {
	a := func(person, org, role, at string) training.Attendee {
		return training.Attendee{Person: person, OrgID: org, Organisation: "Org " + org, Role: role, At: utc(at)}
	}
	recs := fakeRecords{
		staff: []training.Staffing{{OrgID: "P", Organisation: "Org P", Role: "Support worker", Declared: 10},
			{OrgID: "P", Organisation: "Org P", Role: "Manager", Declared: 2}, {OrgID: "Q", Organisation: "Org Q", Role: "Support worker", Declared: 5}},
		attendees: []training.Attendee{
			a("p1", "P", "Support worker", "2026-02-10T09:30:00Z"), a("p1", "P", "Support worker", "2026-04-05T09:30:00Z"),
			a("p2", "P", "Support worker", "2026-03-31T22:30:00Z"), a("p3", "P", "Manager", "2026-04-20T09:30:00Z"),
			a("p4", "P", "Receptionist", "2026-02-01T09:30:00Z"), a("q1", "Q", "Support worker", "2026-02-01T09:30:00Z"),
			a("p5", "P", "Support worker", "2026-05-20T09:30:00Z"),
		},
	}
	got, err := Values(context.Background(), recs, handContract(), []Source{
		{Indicator: "I1", Kind: TrainingReach},
		{Indicator: "I2", Kind: TrainingReach, Role: "support WORKER"},
	}, handNow)
	if err != nil {
		t.Fatal(err)
	}
	checkValues(t, got, map[string][]struct {
		part, whole int
		value       *big.Rat
	}{
		"I1": {{2, 12, big.NewRat(50, 3)}, {3, 12, big.NewRat(25, 1)}, {0, 0, nil}},
		"I2": {{2, 10, big.NewRat(20, 1)}, {2, 10, big.NewRat(20, 1)}, {0, 0, nil}},
	})
}

func checkValues(t *testing.T, got map[string][]Value, want map[string][]struct {
	part, whole int
	value       *big.Rat
}) {
	t.Helper()
	for ind, ws := range want {
		if len(got[ind]) != len(ws) {
			t.Fatalf("%s: %d periods, want %d", ind, len(got[ind]), len(ws))
		}
		for i, w := range ws {
			g := got[ind][i]
			if g.Part != w.part || g.Whole != w.whole || (g.Value == nil) != (w.value == nil) || (w.value != nil && g.Value.Cmp(w.value) != 0) {
				t.Errorf("%s %s: %d of %d = %s, want %d of %d = %s", ind, g.Period, g.Part, g.Whole, measure.Dec(g.Value), w.part, w.whole, measure.Dec(w.value))
			}
		}
	}
}

// Computed values replace whatever the provider reported for the same
// indicator, and a period without a value stays unreported.
func TestReportsPutComputedValuesFirst(t *testing.T) {
	reported := []measure.Report{{Period: "Q1", Indicator: "I1", Value: big.NewRat(99, 1)}, {Period: "Q1", Indicator: "I2", Value: big.NewRat(7, 1)}}
	out := Reports(reported, map[string][]Value{"I1": {{Period: "Q1", Value: big.NewRat(50, 1)}, {Period: "Q2"}}})
	if len(out) != 2 {
		t.Fatalf("%d reports, want 2: %v", len(out), out)
	}
	for _, r := range out {
		want := map[string]int64{"I1": 50, "I2": 7}[r.Indicator]
		if r.Period != "Q1" || r.Value.Cmp(big.NewRat(want, 1)) != 0 {
			t.Errorf("report %s %s = %s, want Q1 %d", r.Indicator, r.Period, measure.Dec(r.Value), want)
		}
	}
}

func TestSourceValidate(t *testing.T) {
	for _, tc := range []struct {
		s  Source
		ok bool
	}{
		{Source{Indicator: "I1", Kind: PeerWithin, OrgID: "U", Trigger: peer.TriggerCrisis}, true},
		{Source{Indicator: "I1", Kind: PeerWithin, Trigger: peer.TriggerCrisis}, false},
		{Source{Indicator: "I1", Kind: PeerUptake, OrgID: "U", Trigger: "lunch"}, false},
		{Source{Indicator: "I1", Kind: TrainingReach, Role: " Support worker "}, true},
		{Source{Indicator: "I1", Kind: "typed"}, false},
		{Source{Kind: TrainingReach}, false},
	} {
		if err := tc.s.Validate(); (err == nil) != tc.ok {
			t.Errorf("%+v: error %v, want ok=%v", tc.s, err, tc.ok)
		}
	}
}
