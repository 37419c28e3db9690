package qda

import (
	"os"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/study"
	"github.com/coprod/coprod/transcript"
)

func lunchTranscript(t *testing.T) study.Transcript {
	t.Helper()
	src, err := os.ReadFile("../../transcript/testdata/lunch.cha")
	if err != nil {
		t.Fatal(err)
	}
	return study.Transcript{ID: "t1", Title: "Choosing lunch", SessionDate: "2027-03-01", FileName: "lunch.cha", Format: transcript.FormatCHAT,
		Source: string(src), Roles: map[string]string{"SAM": study.RoleSupporter, "ALEX": study.RoleSupported}, ConsentNote: "Signed the easy read form"}
}

// A transcript becomes a source of utterances: one paragraph each, the
// speaker by role, the study's consent and phase carried over. The first
// utterances are lunch.cha's, read by hand.
func TestTranscriptAsSourceOfUtterances(t *testing.T) {
	st := study.Study{Title: "Getting Things Changed", InterventionDate: "2027-02-15"}
	for _, replace := range []bool{false, true} {
		n, err := FromTranscript("p1", st, lunchTranscript(t), replace)
		if err != nil {
			t.Fatal(err)
		}
		alex := "Alex"
		if replace {
			alex = "Supported person"
		}
		want := "Supporter: right , " + alex + " , it's nearly lunchtime .\n\nSupporter: do you want soup or a sandwich ?\n\nSupported person: &-um sandwich ."
		if !strings.HasPrefix(n.Text, want) {
			t.Errorf("replace=%v: text starts %q, want %q", replace, n.Text[:min(len(n.Text), len(want))], want)
		}
		if n.Title != "Getting Things Changed: Choosing lunch" || n.Units != Paragraphs || n.Attribute != "after" || n.TranscriptID != "t1" ||
			n.ConsentNote != "From the study “Getting Things Changed”: Signed the easy read form" || n.NamesReplaced != replace {
			t.Errorf("replace=%v: %+v", replace, n)
		}
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		// Every utterance is one unit, and each starts with its speaker.
		units := Split(n.Text, n.Units)
		rs := []rune(n.Text)
		for _, u := range units {
			if s := string(rs[u.Start:u.End]); !strings.HasPrefix(s, "Supporter: ") && !strings.HasPrefix(s, "Supported person: ") {
				t.Errorf("unit %d is %q", u.Index, s)
			}
		}
		tr := lunchTranscript(t)
		if parsed, _ := tr.Parse(); len(units) != len(parsed.Utterances) {
			t.Errorf("%d units for %d utterances", len(units), len(parsed.Utterances))
		}
	}
	// Before the intervention, and a study without one.
	tr := lunchTranscript(t)
	tr.SessionDate = "2027-01-10"
	if n, _ := FromTranscript("p1", st, tr, false); n.Attribute != "before" {
		t.Errorf("attribute %q", n.Attribute)
	}
	if n, _ := FromTranscript("p1", study.Study{Title: "S"}, tr, false); n.Attribute != "" {
		t.Errorf("attribute %q without an intervention", n.Attribute)
	}
}
