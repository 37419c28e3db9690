package training

import (
	"math"
	"testing"
)

// Three attendees, two questions. Worked by hand:
//
//	q1: ana 2→4, ben 3→4, cy 1→3 (and dee answered only before): differences
//	    2 1 2, mean 5/3, s = √(((1/3)²+(2/3)²+(1/3)²)/2) = √(1/3) = 0.57735,
//	    se = 0.57735/√3 = 1/3, t(0.975, 2) = 4.302653: 5/3 ± 1.434218.
//	q2: ana only after, ben 4→4: one pair, no interval.
func TestResultsPairsAnswers(t *testing.T) {
	qs := []Question{{"q1", "How confident are you to make a reasonable adjustment?"}, {"q2", "How confident are you to explain the NHS Constitution?"}}
	as := []Answer{
		{"ana", "q1", Before, 2}, {"ben", "q1", Before, 3}, {"cy", "q1", Before, 1}, {"dee", "q1", Before, 5},
		{"ana", "q1", After, 4}, {"ben", "q1", After, 4}, {"cy", "q1", After, 3},
		{"ana", "q2", After, 5}, {"ben", "q2", Before, 4}, {"ben", "q2", After, 4},
	}
	rs, err := Results(qs, as)
	if err != nil {
		t.Fatal(err)
	}
	c := rs[0].Change
	if c.N != 3 || math.Abs(c.Mean-5.0/3) > 1e-12 || math.Abs(c.Upper-c.Mean-1.434218) > 1e-6 || math.Abs(c.Mean-c.Lower-1.434218) > 1e-6 {
		t.Errorf("q1: %+v", c)
	}
	if c.Words() != "Confidence went up, by 1.7 points on average (95% interval 0.2 to 3.1)." {
		t.Errorf("q1 words: %s", c.Words())
	}
	if rs[1].Change.N != 1 || rs[1].Change.IntervalKnown {
		t.Errorf("q2: %+v", rs[1].Change)
	}
	if _, err := Results(qs, []Answer{{"ana", "q1", Before, 6}}); err == nil {
		t.Error("an answer of 6 on a 1 to 5 scale was accepted")
	}
	if _, err := Results(qs, []Answer{{"ana", "q1", "during", 3}}); err == nil {
		t.Error("an answer given 'during' was accepted")
	}
}

func TestReachPerProviderAndRole(t *testing.T) {
	declared := []Staffing{
		{"", "Riverside Care", "Support worker", 40},
		{"", "Riverside Care", "Nurse", 8},
		{"", "Hilltop Trust", "Receptionist", 6},
	}
	attendees := []Attendee{
		{Person: "p1", Organisation: "Riverside Care", Role: "Support worker", By: "ULO"},
		{Person: "p2", Organisation: "Riverside Care", Role: "support worker ", By: "ULO"},
		{Person: "p1", Organisation: "Riverside Care", Role: "Support worker", By: "ULO"}, // came to a second session
		{Person: "p3", Organisation: "Riverside Care", Role: "Nurse", By: "ULO"},
		{Person: "p4", Organisation: "Hilltop Trust", Role: "Manager", By: "ULO"}, // no declared count
	}
	got := ReachOf(declared, attendees)
	want := []Reach{
		{"Hilltop Trust", "Manager", 1, 0},
		{"Hilltop Trust", "Receptionist", 0, 6},
		{"Riverside Care", "Nurse", 1, 8},
		{"Riverside Care", "Support worker", 2, 40},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	// 2 of 40 is 5%; 1 of 8 is 12.5%, rounded half up to 13%.
	if got[3].Percent() != 5 || got[2].Percent() != 13 || got[0].Percent() != -1 || got[1].Percent() != 0 {
		t.Errorf("percentages: %d %d %d %d", got[3].Percent(), got[2].Percent(), got[0].Percent(), got[1].Percent())
	}
}

func TestWhoTrainedWhom(t *testing.T) {
	got := WhoTrainedWhom([]Attendee{
		{Person: "p1", Organisation: "Riverside Care", Role: "Support worker", By: "Voices Together"},
		{Person: "p1", Organisation: "Riverside Care", Role: "Support worker", By: "Voices Together"}, // a second session
		{Person: "p2", Organisation: "Riverside Care", Role: "Nurse", By: "Voices Together"},
		{Person: "p3", Organisation: "Hilltop Trust", Role: "Receptionist", By: "Voices Together"},
		{Person: "p2", Organisation: "Riverside Care", Role: "Nurse", By: "Deaf Voices"},
	})
	want := []Trained{{"Deaf Voices", "Riverside Care", 1}, {"Voices Together", "Hilltop Trust", 1}, {"Voices Together", "Riverside Care", 2}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
