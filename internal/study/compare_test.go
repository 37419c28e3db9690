package study

import (
	"bytes"
	"encoding/csv"
	"math"
	"testing"

	"github.com/coprod/coprod/transcript"
)

func side(role string, turnShare, wordShare float64, questions, choices, directives int) transcript.RoleReport {
	r := transcript.RoleReport{Role: role}
	r.TurnShare, r.WordShare = turnShare, wordShare
	r.Questions, r.ChoiceOffers, r.Directives = questions, choices, directives
	return r
}

func report(index *float64, roles ...transcript.RoleReport) *transcript.Report {
	r := &transcript.Report{Roles: roles}
	if len(roles) == 2 {
		r.Asymmetry = &transcript.Asymmetry{InitiativeIndex: index}
	}
	return r
}

func f(v float64) *float64 { return &v }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestCompareByPhase works the means out by hand. The intervention is on
// 1 March 2027; a session on that day counts as after.
//
//	          supporter: turn  word  Q  C  D   supported: turn word Q   index
//	A (Feb 1)            .60   .75   6  1  4              .40  .25  1   0.5
//	B (Feb 20)           .50   .70   4  1  2              .50  .30  0   1.0
//	C (Mar 1)            .50   .60   3  3  1              .50  .40  2   0.2
//	D (Mar 8)            no roles assigned: counted, not averaged
//
// Before: supporter turn (.6+.5)/2 = .55, word (.75+.7)/2 = .725,
// questions 5, choice offers 1, directives 3; supported turn .45, word
// .275, questions .5; index (.5+1)/2 = .75. After: C alone.
func TestCompareByPhase(t *testing.T) {
	const iv = "2027-03-01"
	sessions := []Session{
		NewSession(Transcript{SessionDate: "2027-02-01"}, iv, report(f(0.5), side(RoleSupporter, .6, .75, 6, 1, 4), side(RoleSupported, .4, .25, 1, 0, 0))),
		NewSession(Transcript{SessionDate: "2027-02-20"}, iv, report(f(1), side(RoleSupporter, .5, .7, 4, 1, 2), side(RoleSupported, .5, .3, 0, 0, 0))),
		NewSession(Transcript{SessionDate: "2027-03-01"}, iv, report(f(0.2), side(RoleSupporter, .5, .6, 3, 3, 1), side(RoleSupported, .5, .4, 2, 0, 0))),
		NewSession(Transcript{SessionDate: "2027-03-08"}, iv, report(nil, side("unknown", 1, 1, 5, 0, 0))),
	}
	got := Compare(sessions)
	if len(got) != 2 || got[0].Phase != PhaseBefore || got[1].Phase != PhaseAfter {
		t.Fatalf("phases = %+v", got)
	}
	b, a := got[0], got[1]
	if b.Sessions != 2 || b.Compared != 2 || a.Sessions != 2 || a.Compared != 1 {
		t.Errorf("sessions before %d/%d, after %d/%d", b.Compared, b.Sessions, a.Compared, a.Sessions)
	}
	s, p := b.Supporter, b.Supported
	if !near(s.TurnShare, .55) || !near(s.WordShare, .725) || s.Questions != 5 || s.ChoiceOffers != 1 || s.Directives != 3 {
		t.Errorf("supporter before = %+v", s)
	}
	if !near(p.TurnShare, .45) || !near(p.WordShare, .275) || p.Questions != .5 || p.ChoiceOffers != 0 || p.Directives != 0 {
		t.Errorf("supported before = %+v", p)
	}
	if b.InitiativeIndex == nil || !near(*b.InitiativeIndex, .75) || a.InitiativeIndex == nil || !near(*a.InitiativeIndex, .2) {
		t.Errorf("indexes = %v, %v", b.InitiativeIndex, a.InitiativeIndex)
	}
	if a.Supporter.ChoiceOffers != 3 || a.Supporter.Directives != 1 || !near(a.Supported.WordShare, .4) {
		t.Errorf("after = %+v", a)
	}
	// Without an intervention date every session is in one group.
	none := Compare([]Session{NewSession(Transcript{SessionDate: "2027-02-01"}, "", report(nil))})
	if len(none) != 1 || none[0].Phase != PhaseNone || none[0].Compared != 0 || none[0].InitiativeIndex != nil {
		t.Errorf("no intervention date = %+v", none)
	}
}

func TestPhaseOf(t *testing.T) {
	for _, c := range []struct {
		session, iv string
		want        Phase
	}{{"2027-02-28", "2027-03-01", PhaseBefore}, {"2027-03-01", "2027-03-01", PhaseAfter}, {"2027-12-31", "2027-03-01", PhaseAfter}, {"2027-02-28", "", PhaseNone}} {
		if got := PhaseOf(c.session, c.iv); got != c.want {
			t.Errorf("PhaseOf(%s, %s) = %s, want %s", c.session, c.iv, got, c.want)
		}
	}
}

func TestCSVRowsAndFormulaCells(t *testing.T) {
	talk := int64(1500)
	p := transcript.ParticipantReport{ID: "SUPPORTER", Name: "=cmd", Role: RoleSupporter}
	p.Utterances, p.Turns, p.Words, p.Questions, p.TalkMs = 3, 2, 12, 1, &talk
	p.QuestionTypes.Alternative = 1
	p.TurnShare, p.WordShare = 2.0/3, 0.75
	s := Session{Transcript: Transcript{ID: "t1", Title: "Lunch", SessionDate: "2027-02-01", FileName: "lunch.cha", Format: transcript.FormatCHAT},
		Phase: PhaseBefore, Report: &transcript.Report{Participants: []transcript.ParticipantReport{p}}}
	var buf bytes.Buffer
	w, err := NewCSVWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(s); err != nil || w.Flush() != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("rows = %v, %v", rows, err)
	}
	got := map[string]string{}
	for i, h := range rows[0] {
		got[h] = rows[1][i]
	}
	want := map[string]string{"transcript_id": "t1", "session_date": "2027-02-01", "phase": "before", "participant_name": "'=cmd",
		"words": "12", "turn_share": "0.6667", "word_share": "0.7500", "alternative_questions": "1", "talk_ms": "1500", "talk_share": ""}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}
