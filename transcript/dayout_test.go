package transcript

import "testing"

// The day-out interaction (testdata/dayout.cha and dayout.txt): Jo, a
// personal assistant, plans Saturday with Ria. Untimed; overlaps are
// marked (CHAT ⌈ ⌊, Jefferson [ ]). Hand counts (J = Jo, R = Ria):
//
//	 1 J  So, where shall we go on Saturday?                  7; wh, choice ("shall we"); topic (first)
//	 2 R  The (.) the zoo!                                    3
//	 3 J  The zoo, lovely, you love the penguins, don't you?  9; tag
//	 4 R  Yeah ((laughs)) the penguins.                       3 (the laugh is an event)
//	 5 J  Do you want to get the bus or go in a [taxi with me driving?
//	                                                          15 (11 before the [); alternative, choice;
//	                                                          topic (bus, taxi, driving new)
//	 6 R  [Bus.]                                              1; onset with 4 of Jo's words to go: interruption
//	 7 J  Bus, okay.                                          2
//	 8 J  Oh and did you ring your mum about the money?       10; polar; topic ("oh and" + new words)
//	 9 R  Pardon?                                             1; other; open-class repair initiation
//	10 J  Did you ring your mum?                              5; polar
//	11 R  I rang her on Thurs-                                4 + 1 fragment; broken off (+/.)
//	12 J  =Thursday, great.                                   2; interruption (follows a broken-off utterance)
//	13 J  Let's write it on the calendar.                     6; directive
//	14 R  ( ) calendar.                                       1 (+ unintelligible)
//	15 J  The what?                                           2; wh; restricted repair initiation
//	16 R  The calendar.                                       2
//	17 J  It's up to you what time we leave.                  8; choice ("up to you")
//	18 R  Ten o'clock.                                        2
//	19 J  Mm.                                                 1; acknowledgement, continuer
//
// Turns: 17 (Jo 9: 7-8 and 12-13 are one turn each; Ria 8).
var dayoutHands = []hand{
	{utt: 11, turns: 9, words: 67, q: 6, qt: QuestionTypes{Polar: 2, Wh: 2, Alternative: 1, Tag: 1}, choice: 3, dir: 1, topic: 3, intr: 1, repair: 1, ack: 1, cont: 1},
	{utt: 8, turns: 8, words: 17, frags: 1, q: 1, qt: QuestionTypes{Other: 1}, onset: 1, intr: 1, repair: 1},
}

func TestDayOut(t *testing.T) {
	for _, f := range []string{"dayout.cha", "dayout.txt"} {
		t.Run(f, func(t *testing.T) {
			r := analyseFile(t, "testdata/"+f, map[string]string{"JO": "supporter", "RIA": "supported"})
			if r.Utterances != 19 || r.Turns != 17 {
				t.Errorf("utterances %d turns %d, want 19 and 17", r.Utterances, r.Turns)
			}
			checkHands(t, r, dayoutHands)
			if r.DurationMs != nil {
				t.Error("untimed transcript has a duration")
			}
		})
	}
}

// Details of the Jefferson reading of the day out.
func TestDayOutJeffersonDetails(t *testing.T) {
	tr := readTranscript(t, "testdata/dayout.txt")
	if len(tr.Header.Lines) != 3 {
		t.Errorf("header lines %q, want 3 (two of text and a blank)", tr.Header.Lines)
	}
	u := tr.Utterances
	// file line 6 holds the transcript's own line 3
	if u[2].Line != 6 || u[2].Text != "The zoo, lovely, you love the penguins, don't you?" {
		t.Errorf("continuation line not joined: line %d %q", u[2].Line, u[2].Text)
	}
	if u[10].Terminator != "+/." || !u[11].LatchedBefore {
		t.Errorf("cut-off %q / latching %v", u[10].Terminator, u[11].LatchedBefore)
	}
	if u[17].GapBefore != 1200 || u[16].GapBefore != -1 {
		t.Errorf("silence line: gap before 18 is %d, before 17 is %d", u[17].GapBefore, u[16].GapBefore)
	}
	if len(u[1].Pauses) != 1 || u[1].Pauses[0].Dots != 1 || u[1].Pauses[0].Word != 1 {
		t.Errorf("pause in 2: %+v", u[1].Pauses)
	}
	if len(u[4].Overlaps) != 1 || u[4].Overlaps[0].Word != 11 || len(u[5].Overlaps) != 2 {
		t.Errorf("overlaps %+v / %+v", u[4].Overlaps, u[5].Overlaps)
	}
}
