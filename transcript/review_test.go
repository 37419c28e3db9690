package transcript

import (
	"math"
	"testing"
)

// The review meeting (testdata/review.vtt, .srt, .eaf): Kim (key worker)
// and Pat (manager) review Dev's support. Timed, three speakers, overlaps
// only in the timings. Hand counts (K, D, P):
//
//	 1 K  0-4000      Thanks for coming, everyone. This is your review, Dev.   9; topic (first)
//	 2 D  4500-5000   Okay.                                       1; acknowledgement
//	 3 K  5200-9200   How have things been at the new flat since March?   10; wh; topic (new, flat, since, March)
//	 4 D  9900-13900  Good, I like cooking my own tea now but the bus is hard.   13
//	 5 P  11000-11600 Mhm.                                        1; inside Dev's talk: onset, within-speaker
//	                                                              overlap; a continuer, so no interruption
//	 6 K  14500-17500 What's hard about the bus?                  5; wh
//	 7 D  18000-22000 It's busy and I get lost when I have to change buses.   12
//	 8 P  21000-24500 Would you like someone to travel with you for a while?  11; polar, choice; topic;
//	                  starts with 12*1000/4000 = 3 of Dev's words to go: onset and interruption
//	 9 D  25500-26500 Yes please.                                 2 (an answer)
//	10 K  27000-31000 Okay, and you need to tell us when your money runs out.  12; directive
//	11 D  31500-32500 Sorry?                                      1; other; repair initiation
//	12 K  33000-36000 Tell us when your money runs out, okay?     8; tag
//	13 D  36500-37500 Okay.                                       1 (an answer)
//	14 P  38000-41000 Anyway, shall we book the next review for June?   9; polar; topic ("anyway", book, June)
//	15 D  41200-42000 June's fine.                                2
var reviewHands = []hand{
	{utt: 5, turns: 5, words: 44, q: 3, qt: QuestionTypes{Wh: 2, Tag: 1}, dir: 1, topic: 2},
	{utt: 7, turns: 7, words: 32, q: 1, qt: QuestionTypes{Other: 1}, repair: 1, ack: 1},
	{utt: 3, turns: 3, words: 21, q: 2, qt: QuestionTypes{Polar: 2}, choice: 1, topic: 2, onset: 2, intr: 1, ack: 1, cont: 1},
}

var reviewRoles = map[string]string{"Kim": "Key_Worker", "Pat": "Staff", "Dev": "Service_User"}

func TestReviewEveryFormat(t *testing.T) {
	for _, f := range []string{"review.vtt", "review.srt", "review.eaf"} {
		t.Run(f, func(t *testing.T) {
			r := analyseFile(t, "testdata/"+f, reviewRoles)
			if r.Utterances != 15 || r.Turns != 15 {
				t.Errorf("utterances %d turns %d, want 15 and 15", r.Utterances, r.Turns)
			}
			checkHands(t, r, reviewHands)
			tm := r.Timing
			// gaps 500 200 700 600 500 1000 500 500 500 500 500 200 = 12, 6200
			if tm.Gaps.Count != 12 || tm.Gaps.TotalMs != 6200 || tm.Pauses.Count != 0 {
				t.Errorf("gaps %+v pauses %+v", tm.Gaps, tm.Pauses)
			}
			if tm.WithinSpeakerOverlaps != (Interval{1, 600, 600}) || tm.BetweenSpeakerOverlaps != (Interval{1, 1000, 1000}) {
				t.Errorf("overlaps within %+v between %+v", tm.WithinSpeakerOverlaps, tm.BetweenSpeakerOverlaps)
			}
			talk := []int64{18000, 12300, 7100}
			for i, p := range r.Participants {
				if *p.TalkMs != talk[i] {
					t.Errorf("%s talks %d ms, want %d", p.ID, *p.TalkMs, talk[i])
				}
			}
			// Dev answers after 700, 500, 1000, 500 and 200 ms.
			if l := r.Participants[1].ResponseLatency; l == nil || l.Count != 5 || l.MeanMs != 580 || l.MinMs != 200 || l.MaxMs != 1000 {
				t.Errorf("Dev's latency %+v", l)
			}
			if *r.DurationMs != 42000 {
				t.Errorf("duration %d", *r.DurationMs)
			}
			// Two staff (Key_Worker, Staff) make one supporter role.
			if len(r.Roles) != 2 || r.Roles[0].Role != RoleSupporter || len(r.Roles[0].Participants) != 2 {
				t.Fatalf("roles %+v", r.Roles)
			}
			if r.Roles[0].Words != 65 || r.Roles[1].Words != 32 || *r.Roles[0].TalkMs != 25100 {
				t.Errorf("role words %d/%d talk %d", r.Roles[0].Words, r.Roles[1].Words, *r.Roles[0].TalkMs)
			}
			// supporter: 5 questions + 1 choice + 1 directive + 4 topics = 11; supported: 1 question
			if got := *r.Asymmetry.InitiativeIndex; math.Abs(got-10.0/12) > 1e-9 {
				t.Errorf("initiative index %v, want 10/12", got)
			}
			if r.Asymmetry.Ratios["choice_offers"] != nil {
				t.Error("choice offer ratio over zero should be null")
			}
		})
	}
}
