package demo

import (
	"testing"

	"github.com/coprod/coprod/internal/study"
)

// TestStudySessionsShowTheChange checks the demo transcripts read and say
// what the demo claims: before the intervention Jess directs more and
// offers fewer choices than after.
func TestStudySessionsShowTheChange(t *testing.T) {
	const iv = "2026-10-12"
	var sessions []study.Session
	for _, d := range studySessions {
		n, err := studyTranscript("s", d)
		if err != nil {
			t.Fatalf("%s: %v", d.file, err)
		}
		tr := study.Transcript{Title: n.Title, SessionDate: n.SessionDate, FileName: n.FileName, Format: n.Format, Source: n.Source, Roles: n.Roles, Participants: n.Participants}
		if !tr.RolesAssigned() {
			t.Errorf("%s: roles %v for %v", d.file, n.Roles, n.Participants)
		}
		rep, err := tr.Analyse()
		if err != nil {
			t.Fatalf("%s: %v", d.file, err)
		}
		se := study.NewSession(tr, iv, rep)
		t.Logf("%s %s: supporter Q %d (polar %d) C %d D %d; supported Q %d; index %.2f", d.date, se.Phase, se.Supporter.Questions, se.Supporter.QuestionTypes.Polar,
			se.Supporter.ChoiceOffers, se.Supporter.Directives, se.Supported.Questions, *se.InitiativeIndex())
		sessions = append(sessions, se)
	}
	c := study.Compare(sessions)
	if len(c) != 2 || c[0].Compared != 2 || c[1].Compared != 2 {
		t.Fatalf("phases = %+v", c)
	}
	b, a := c[0].Supporter, c[1].Supporter
	if !(b.Directives > a.Directives && b.ChoiceOffers < a.ChoiceOffers) {
		t.Errorf("before %+v, after %+v", b, a)
	}
}
