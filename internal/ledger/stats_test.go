package ledger

import "testing"

func TestStatsAgainstHandCounts(t *testing.T) {
	// Six items, worked by hand:
	//   a: said 1 Jan, committed 11 Jan (10 days), done 31 Jan (30 days), evidence, verdict changed
	//   b: said 1 Jan, committed 2 Jan (1 day), done 2 Mar (60 days), no evidence, verdict mixed
	//   c: said 1 Feb, committed 1 Feb (0 days), in progress
	//   d: said 1 Feb, open
	//   e: said 1 Feb, not doing, never committed
	//   f: said 1 Feb, committed 4 Feb (3 days), done 11 Feb (10 days), evidence, verdict not changed, hidden
	facts := []ContributionFacts{
		{true, StatusDone, "2027-01-01", "2027-01-11", "2027-01-31", 1, VerdictChanged},
		{true, StatusDone, "2027-01-01", "2027-01-02", "2027-03-02", 0, VerdictMixed},
		{true, StatusInProgress, "2027-02-01", "2027-02-01", "", 0, ""},
		{true, StatusOpen, "2027-02-01", "", "", 0, ""},
		{true, StatusNotDoing, "2027-02-01", "", "", 0, ""},
		{false, StatusDone, "2027-02-01", "2027-02-04", "2027-02-11", 1, VerdictNotChanged},
	}
	s := Stats{DaysToCommit: map[int]int{}, DaysToDone: map[int]int{}}
	for _, f := range facts {
		c := ContributionOf(f)
		s.Items += c.Items
		s.Committed += c.Committed
		s.Done += c.Done
		s.DoneWithEvidence += c.DoneWithEvidence
		s.Judged += c.Judged
		s.Changed += c.Changed
		if c.DaysToCommit >= 0 {
			s.DaysToCommit[c.DaysToCommit]++
		}
		if c.DaysToDone >= 0 {
			s.DaysToDone[c.DaysToDone]++
		}
	}
	// 5 visible items; 3 committed (a, b, c); 2 done, 1 with evidence;
	// 2 judged, 1 changed.
	if s.Items != 5 || s.Committed != 3 || s.Done != 2 || s.DoneWithEvidence != 1 || s.Judged != 2 || s.Changed != 1 {
		t.Fatalf("stats = %+v", s)
	}
	if p := s.CommitmentRate().Percent(); p != 60 { // 3 of 5
		t.Errorf("commitment rate = %d%%, want 60%%", p)
	}
	if p := s.EvidenceRate().Percent(); p != 50 { // 1 of 2
		t.Errorf("evidence rate = %d%%, want 50%%", p)
	}
	if p := s.ChangedRate().Percent(); p != 50 {
		t.Errorf("changed rate = %d%%, want 50%%", p)
	}
	// Days to commitment 10, 1, 0: median 1. Days to done 30, 60: median 45.
	if m := s.MedianDaysToCommit(); m.String() != "1 day" || m.Days() != 1 {
		t.Errorf("median to commitment = %v", m)
	}
	if m := s.MedianDaysToDone(); m.String() != "45 days" {
		t.Errorf("median to done = %v", m)
	}
}

func TestMedianOfHistogram(t *testing.T) {
	for _, c := range []struct {
		h    map[int]int
		want string
	}{
		{nil, "no items yet"},
		{map[int]int{7: 1}, "7 days"},
		{map[int]int{0: 1}, "0 days"},
		{map[int]int{3: 1, 4: 1}, "3.5 days"},       // 3, 4
		{map[int]int{1: 2, 9: 1, 100: 1}, "5 days"}, // 1, 1, 9, 100 → (1+9)/2
		{map[int]int{2: 3, 50: 2}, "2 days"},        // 2, 2, 2, 50, 50
		{map[int]int{5: 0, 8: 2}, "8 days"},         // an emptied bucket is ignored
	} {
		if got := MedianOf(c.h).String(); got != c.want {
			t.Errorf("MedianOf(%v) = %s, want %s", c.h, got, c.want)
		}
	}
	if p := (Rate{1, 3}).Percent(); p != 33 {
		t.Errorf("1 of 3 = %d%%", p)
	}
	if p := (Rate{2, 3}).Percent(); p != 67 {
		t.Errorf("2 of 3 = %d%%", p)
	}
	if p := (Rate{0, 0}).Percent(); p != -1 {
		t.Errorf("0 of 0 = %d", p)
	}
}
