package peer

import (
	"fmt"
	"testing"

	"github.com/coprod/coprod/internal/bankholiday"
)

// TestComputeHandWorked: ten crisis referrals in June 2026 (no bank
// holidays) under a 72-hour standard, judged at noon on Saturday 20 June.
// Worked by hand:
//
//	#  referred         first contact    hours  working days  within  then
//	1  Mon 1  10:00     Mon 1  14:00         4             0  yes     chose, getting support
//	2  Tue 2  09:00     Wed 3  09:00        24             1  yes     chose, ended: goals met
//	3  Wed 3  12:00     Sat 6  12:00        72             2  yes     said no
//	4  Thu 4  08:00     Mon 8  08:00        96             2  no      chose, ended: discharged
//	5  Fri 5  10:00     Fri 5  12:00         2             0  yes     chose, ended: discharged
//	6  Mon 8  10:00     Tue 9  22:00        36             1  yes     choosing
//	7  Tue 9  10:00     Wed 10 10:00        24             1  yes     chose, ended: chose to stop
//	8  Wed 10 10:00     Thu 11 16:00        30             1  yes     chose, getting support
//	9  Mon 15 10:00     none (122 hours by now)                 no      waiting, overdue
//	10 Fri 19 10:00     none (26 hours by now)                          waiting, not yet due
//
// Hours in order: 2 4 24 24 30 36 72 96 → median (24+30)/2 = 27; the 90th
// percentile is the ⌈7.2⌉ = 8th value, 96. Working days in order:
// 0 0 1 1 1 1 2 2 → median 1, 90th percentile 2. Due: 8 contacted and 1
// overdue = 9, of which 7 within. Took up 6, said no 1.
func TestComputeHandWorked(t *testing.T) {
	std := Standard{Amount: 72, Unit: Hours, Division: bankholiday.EnglandAndWales}
	ref := func(referred, contact string, st State, chose bool, end EndReason) Facts {
		f := Facts{Trigger: TriggerCrisis, Standard: std, Referred: at(t, referred), State: st, Chose: chose, Ended: end}
		if contact != "" {
			f.Contact = at(t, contact)
		}
		return f
	}
	facts := []Facts{
		ref("2026-06-01 10:00", "2026-06-01 14:00", StateActive, true, ""),
		ref("2026-06-02 09:00", "2026-06-03 09:00", StateEnded, true, EndGoalsMet),
		ref("2026-06-03 12:00", "2026-06-06 12:00", StateDeclined, false, ""),
		ref("2026-06-04 08:00", "2026-06-08 08:00", StateEnded, true, EndDischarged),
		ref("2026-06-05 10:00", "2026-06-05 12:00", StateEnded, true, EndDischarged),
		ref("2026-06-08 10:00", "2026-06-09 22:00", StateOffered, false, ""),
		ref("2026-06-09 10:00", "2026-06-10 10:00", StateEnded, true, EndPersonChose),
		ref("2026-06-10 10:00", "2026-06-11 16:00", StateActive, true, ""),
		ref("2026-06-15 10:00", "", StateWaiting, false, ""),
		ref("2026-06-19 10:00", "", StateWaiting, false, ""),
		// A referral at another trigger point counts only there.
		{Trigger: TriggerDiagnosis, Standard: Standard{10, WorkingDays, bankholiday.EnglandAndWales}, Referred: at(t, "2026-06-19 10:00"), State: StateWaiting},
	}
	ms, err := Compute(facts, at(t, "2026-06-20 12:00"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 4 || ms[1].Trigger != TriggerCrisis || ms[0].Referrals != 1 || ms[0].Due != 0 {
		t.Fatalf("measures by trigger point: %+v", ms)
	}
	c := ms[1]
	want := Measures{Trigger: TriggerCrisis, Referrals: 10, Due: 9, Within: 7, Overdue: 1,
		Hours: Spread{8, 27, 96}, WorkingDays: Spread{8, 1, 2}, TookUp: 6, Declined: 1}
	got := fmt.Sprintf("%+v", Measures{c.Trigger, c.Referrals, c.Due, c.Within, c.Overdue, c.Hours, c.WorkingDays, c.TookUp, c.Declined, nil})
	if got != fmt.Sprintf("%+v", want) {
		t.Errorf("crisis:\n got %s\nwant %+v", got, want)
	}
	if c.Ended[EndGoalsMet] != 1 || c.Ended[EndDischarged] != 2 || c.Ended[EndPersonChose] != 1 || len(c.Ended) != 3 {
		t.Errorf("ended: %v", c.Ended)
	}

	// Published, almost everything here is too small: 2 late, 1 overdue,
	// 1 said no, and every reason for ending is 1 or 2.
	p := c.Publish()
	if p.Referrals.String() != "10" || !p.Within.Hidden || p.Within.Percent() != -1 || !p.Overdue.Hidden ||
		p.Overdue.String() != "fewer than 5" || !p.Uptake.Hidden || p.Hours.Median != 27 || p.WorkingDays.P90 != 2 {
		t.Errorf("published: %+v", p)
	}
	for _, e := range p.Ended {
		if hidden := e.Reason == EndGoalsMet || e.Reason == EndDischarged || e.Reason == EndPersonChose; e.Count.Hidden != hidden || e.Count.N != 0 {
			t.Errorf("published %s: %+v", e.Reason, e.Count)
		}
	}
}

func TestPublishSuppression(t *testing.T) {
	m := Measures{Trigger: TriggerDischarge, Referrals: 30, Due: 26, Within: 20, Overdue: 0,
		Hours: Spread{4, 10, 20}, WorkingDays: Spread{4, 1, 2}, TookUp: 10, Declined: 4,
		Ended: map[EndReason]int{EndGoalsMet: 12, EndPersonChose: 6, EndNoContact: 2, EndDischarged: 7}}
	p := m.Publish()
	// 20 of 26: 6 late is publishable; 76.9% rounds to 77.
	if p.Within.Hidden || p.Within.Percent() != 77 {
		t.Errorf("within: %+v (%d%%)", p.Within, p.Within.Percent())
	}
	// 10 of 14 would give away the 4 who said no.
	if !p.Uptake.Hidden || p.Uptake.Part != 0 || p.Uptake.Whole != 0 {
		t.Errorf("uptake: %+v", p.Uptake)
	}
	if p.Overdue.Hidden || p.Overdue.String() != "0" {
		t.Errorf("zero overdue is shown: %+v", p.Overdue)
	}
	// Four waits: each is someone's own.
	if !p.TimesHidden || p.Hours != (Spread{}) || p.WorkingDays != (Spread{}) {
		t.Errorf("spread of 4 shown: %+v %+v", p.Hours, p.WorkingDays)
	}
	// 2 could not be reached is hidden; with 27 ended in all it could be
	// worked out, so the next smallest, 6 who chose to stop, goes with it.
	want := map[EndReason]string{EndGoalsMet: "12", EndPersonChose: "fewer than 5", EndNoContact: "fewer than 5",
		EndMovedAway: "0", EndDischarged: "7", EndOther: "0"}
	for _, e := range p.Ended {
		if e.Count.String() != want[e.Reason] {
			t.Errorf("%s: %s, want %s", e.Reason, e.Count, want[e.Reason])
		}
	}
	// At exactly 5 nothing is hidden.
	five := Measures{Referrals: 5, Due: 5, Within: 5, TookUp: 5, Hours: Spread{5, 1, 2}, Ended: map[EndReason]int{EndDischarged: 5}}
	if q := five.Publish(); q.Referrals.Hidden || q.Within.Percent() != 100 || q.Uptake.Percent() != 100 || q.Hours.N != 5 || q.Ended[4].Count.String() != "5" {
		t.Errorf("five: %+v", q)
	}
}

func TestComputeRefusesContactBeforeReferral(t *testing.T) {
	f := Facts{Trigger: TriggerCrisis, Standard: Standard{72, Hours, 0}, Referred: at(t, "2026-06-02 10:00"), Contact: at(t, "2026-06-01 10:00"), State: StateOffered}
	if _, err := Compute([]Facts{f}, at(t, "2026-06-03 10:00")); err == nil {
		t.Fatal("accepted")
	}
}

func TestCheckMove(t *testing.T) {
	for _, ok := range [][2]State{{StateWaiting, StateOffered}, {StateOffered, StateActive}, {StateOffered, StateDeclined},
		{StateDeclined, StateOffered}, {StateActive, StateEnded}, {StateWaiting, StateEnded}} {
		if err := CheckMove(ok[0], ok[1]); err != nil {
			t.Errorf("%s → %s: %v", ok[0], ok[1], err)
		}
	}
	// Nobody gets a supporter without being offered and choosing; ended is ended.
	for _, bad := range [][2]State{{StateWaiting, StateActive}, {StateEnded, StateActive}, {StateDeclined, StateActive}, {StateActive, StateWaiting}} {
		if CheckMove(bad[0], bad[1]) == nil {
			t.Errorf("%s → %s allowed", bad[0], bad[1])
		}
	}
}
