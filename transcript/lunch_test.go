package transcript

import (
	"math"
	"testing"
)

// The lunch interaction (testdata/lunch.*): Sam, a support worker, and
// Alex choose lunch. The same sixteen utterances are written in all five
// formats. Hand counts, utterance by utterance (S = Sam, A = Alex):
//
//	 1 S  Right, Alex, it's nearly lunchtime.        5 words; topic (first content: Alex, lunchtime)
//	 2 S  Do you want soup or a sandwich?            7; alternative question, choice offer; topic (soup, sandwich all new)
//	 3 A  um sandwich.                               1 word, 1 filler
//	 4 S  Lovely.                                    1; acknowledgement (after a statement)
//	 5 S  What would you like in it?                 6; wh, choice offer ("would you like")
//	 6 A  Cheese.                                    1
//	 7 S  Cheese and tomato, or just [cheese?        6; alternative, choice offer
//	 8 A  [Just] cheese.                             2; overlap onset (5 words of 7 before), 1 word left: no interruption
//	 9 S  Okay, can you get the bread out for me?    9; polar, directive ("can you get"); not a topic (a request)
//	10 A  Yeah.                                      1; an answer to 9, not an acknowledgement
//	11 S  Put it on the board, please.               6; directive (imperative)
//	12 A  Where's the board?                         3; wh ("board" was just said: no topic, no repair)
//	13 S  Just there, next to the kettle.            6
//	14 A  Mhm.                                       1; acknowledgement, continuer
//	15 S  Anyway, do you fancy a drink with it?      8; polar, choice offer; topic ("anyway" + new "drink")
//	16 A  Orange juice.                              2
//
// Turns: S(1-2) A S(4-5) A S A S A S A S A S A = 14, 7 each.
var lunchHands = []hand{
	{utt: 9, turns: 7, words: 54, q: 5, qt: QuestionTypes{Polar: 2, Wh: 1, Alternative: 2}, choice: 4, dir: 2, topic: 3, ack: 1},
	{utt: 7, turns: 7, words: 11, fillers: 1, q: 1, qt: QuestionTypes{Wh: 1}, onset: 1, ack: 1, cont: 1},
}

var lunchRoles = map[string]string{"Sam": "supporter", "Alex": "supported"}

func TestLunchEveryFormat(t *testing.T) {
	for _, f := range []string{"lunch.cha", "lunch.eaf", "lunch.vtt", "lunch.srt", "lunch.txt"} {
		t.Run(f, func(t *testing.T) {
			r := analyseFile(t, "testdata/"+f, lunchRoles)
			if r.Utterances != 16 || r.Turns != 14 {
				t.Errorf("utterances %d turns %d, want 16 and 14", r.Utterances, r.Turns)
			}
			checkHands(t, r, lunchHands)
			if r.Asymmetry == nil {
				t.Fatal("no asymmetry for a supporter and a supported person")
			}
			// initiating moves: Sam 5 questions + 4 choices + 2 directives + 3 topics = 14;
			// Alex 1 question: (14-1)/(14+1)
			if got := *r.Asymmetry.InitiativeIndex; math.Abs(got-13.0/15) > 1e-9 {
				t.Errorf("initiative index %v, want 13/15", got)
			}
			if got := *r.Asymmetry.Ratios["words"]; math.Abs(got-54.0/11) > 1e-9 {
				t.Errorf("words ratio %v, want 54/11", got)
			}
			if f == "lunch.txt" {
				if r.DurationMs != nil || r.Timing != nil || r.Participants[0].TalkMs != nil {
					t.Error("Jefferson text has no timings, yet timing measures were given")
				}
				return
			}
			checkLunchTiming(t, r)
		})
	}
}

// Timing hand counts (ms). Gaps at each change of speaker: 800 100 1500
// 100 300 500 100 200 100 200 200 1000 = 12, 5100 in all; pauses (same
// speaker): 100 before 2 and 100 before 5; one between-speaker overlap of
// 500 (Alex's 8 starts at 13000, Sam's 7 ends at 13500). Talk: Sam 16000,
// Alex 6700; 0 to 27500. Latency after questions: Alex 800, 1500, -500,
// 500, 1000 (mean 660); Sam 100 after Alex's 12.
func checkLunchTiming(t *testing.T, r *Report) {
	t.Helper()
	if r.DurationMs == nil || *r.DurationMs != 27500 {
		t.Errorf("duration %v, want 27500", r.DurationMs)
	}
	tm := r.Timing
	if tm == nil {
		t.Fatal("no timing")
	}
	check := func(name string, got Interval, n int, total int64) {
		if got.Count != n || got.TotalMs != total {
			t.Errorf("%s: %d totalling %d ms, want %d totalling %d", name, got.Count, got.TotalMs, n, total)
		}
	}
	check("gaps", tm.Gaps, 12, 5100)
	check("pauses", tm.Pauses, 2, 200)
	check("between-speaker overlaps", tm.BetweenSpeakerOverlaps, 1, 500)
	check("within-speaker overlaps", tm.WithinSpeakerOverlaps, 0, 0)
	if *r.Participants[0].TalkMs != 16000 || *r.Participants[1].TalkMs != 6700 {
		t.Errorf("talk %d and %d ms, want 16000 and 6700", *r.Participants[0].TalkMs, *r.Participants[1].TalkMs)
	}
	al := r.Participants[1].ResponseLatency
	if al == nil || al.Count != 5 || al.MeanMs != 660 || al.MinMs != -500 || al.MaxMs != 1500 {
		t.Errorf("Alex's latency %+v, want 5, mean 660, -500..1500", al)
	}
	if sl := r.Participants[0].ResponseLatency; sl == nil || sl.Count != 1 || sl.MeanMs != 100 {
		t.Errorf("Sam's latency %+v, want one of 100", sl)
	}
	if tm.ResponseLatency.Count != 6 {
		t.Errorf("%d response latencies, want 6", tm.ResponseLatency.Count)
	}
	if s := r.Participants[0].TalkShare; s == nil || math.Abs(*s-16000.0/22700) > 1e-9 {
		t.Errorf("Sam's talk share %v, want 16000/22700", s)
	}
}

// The CHAT file names its roles; the others need Options.Roles.
func TestLunchRolesFromCHAT(t *testing.T) {
	r := analyseFile(t, "testdata/lunch.cha", nil)
	if len(r.Roles) != 2 || r.Roles[0].Role != RoleSupporter || r.Roles[1].Role != RoleSupported {
		t.Fatalf("roles %+v, want supporter and supported from Support_Worker and Person_Supported", r.Roles)
	}
	if r.Roles[0].TurnShare != 0.5 || r.Roles[0].MeanTurnLength != 54.0/7 {
		t.Errorf("supporter turn share %v, mean length of turn %v", r.Roles[0].TurnShare, r.Roles[0].MeanTurnLength)
	}
	r = analyseFile(t, "testdata/lunch.vtt", nil)
	if r.Asymmetry != nil || r.Roles[0].Role != "unknown" {
		t.Errorf("captions name no roles, got %+v", r.Roles)
	}
}
