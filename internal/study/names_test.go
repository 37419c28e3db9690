package study

import (
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/transcript"
)

// A morning visit written for these tests: a personal assistant (Dev) and
// the woman he supports (Zoe), with names in the header, the talk and a
// comment, and a place (Devon) that must not be mistaken for Dev.
const morningVisit = `Morning visit at Zoe's flat

DEV:  Morning Zoe, did you sleep well?
ZOE:  Yeah. Dev, is it Tuesday?
DEV:  It is. ((Zoe laughs)) What do you fancy for breakfast, toast or porridge?
ZOE:  Toast please, dev.
DEV:  We could go to Devon in May, zoe.
`

func TestReplaceNamesInHeaderAndTalk(t *testing.T) {
	tr, err := transcript.Read(transcript.FormatJefferson, "zoe-and-dev.txt", strings.NewReader(morningVisit))
	if err != nil {
		t.Fatal(err)
	}
	roles := map[string]string{"DEV": RoleSupporter, "ZOE": RoleSupported}
	a, err := WithoutNames(tr, roles)
	if err != nil {
		t.Fatal(err)
	}
	src, ids, newRoles := a.Source, a.Participants, a.Roles
	if a.FileName != "Supported_person-and-Supporter.cha" || a.Text("Breakfast with Zoe and DEV") != "Breakfast with Supported person and Supporter" {
		t.Errorf("file name %q, title %q", a.FileName, a.Text("Breakfast with Zoe and DEV"))
	}
	if m := regexp.MustCompile(`(?i)\b(zoe|dev)\b`).FindString(src); m != "" {
		t.Errorf("stored CHAT still holds %q:\n%s", m, src)
	}
	for _, want := range []string{"Morning Supported_person ,", "*SUPPORTED_PERSON:\tYeah", "Supporter , is it Tuesday ?", "&=Supported_person_laughs", "go to Devon in May , Supported_person ."} {
		if !strings.Contains(src, want) {
			t.Errorf("stored CHAT lacks %q:\n%s", want, src)
		}
	}
	if strings.Join(ids, ",") != "SUPPORTER,SUPPORTED_PERSON" || newRoles["SUPPORTER"] != RoleSupporter || newRoles["SUPPORTED_PERSON"] != RoleSupported || len(newRoles) != 2 {
		t.Fatalf("ids %v, roles %v", ids, newRoles)
	}
	// The header keeps no name either.
	rt := ReplaceNames(tr, roles)
	if got := strings.Join(rt.Header.Lines, "|"); got != "Morning visit at Supported person's flat|" {
		t.Errorf("header lines = %q", got)
	}
	// Replacing names changes no measure: the same counts per side.
	before := analyse(t, transcript.FormatJefferson, morningVisit, roles)
	after := analyse(t, transcript.FormatCHAT, src, newRoles)
	for i, side := range before.Roles {
		a := after.Roles[i]
		if side.Role != a.Role || side.Words != a.Words || side.Turns != a.Turns || side.Questions != a.Questions ||
			side.ChoiceOffers != a.ChoiceOffers || side.Directives != a.Directives || side.Fillers != a.Fillers {
			t.Errorf("%s: before %+v\nafter %+v", side.Role, side.Counts, a.Counts)
		}
	}
	// Reading once and measuring gives the streaming analysis's counts.
	st := Transcript{Format: transcript.FormatCHAT, FileName: "x", Source: src, Roles: newRoles}
	if _, r, err := st.Measure(); err != nil || r.Roles[0].Words != after.Roles[0].Words || r.Turns != after.Turns || r.Utterances != 5 {
		t.Errorf("Measure = %+v, %v", r, err)
	}
	// By hand: Dev says 6 + 2 + 8 + 8 = 24 words... counted per utterance:
	// "Morning Zoe did you sleep well" 6; "It is" 2, "What do you fancy
	// for breakfast toast or porridge" 9 (one utterance: 11); "We could go
	// to Devon in May zoe" 8. Total 25. Zoe: "Yeah Dev is it Tuesday" 5,
	// "Toast please dev" 3: 8.
	if before.Roles[0].Words != 25 || before.Roles[1].Words != 8 {
		t.Errorf("words = %d and %d, want 25 and 8", before.Roles[0].Words, before.Roles[1].Words)
	}
}

func analyse(t *testing.T, f transcript.Format, src string, roles map[string]string) *transcript.Report {
	t.Helper()
	tr := Transcript{Format: f, FileName: "x", Source: src, Roles: roles}
	r, err := tr.Analyse()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestLabelsNumberSidesWithSeveral(t *testing.T) {
	parts := []transcript.Participant{{ID: "PA1"}, {ID: "ZOE"}, {ID: "PA2"}, {ID: "MUM"}}
	got := Labels(parts, map[string]string{"PA1": RoleSupporter, "PA2": RoleSupporter, "ZOE": RoleSupported, "MUM": RoleOther})
	want := map[string]string{"PA1": "Supporter 1", "PA2": "Supporter 2", "ZOE": "Supported person", "MUM": "Speaker 4"}
	for id, l := range want {
		if got[id] != l {
			t.Errorf("%s = %q, want %q", id, got[id], l)
		}
	}
}

func TestReplaceNamesByPartsAndWholeWords(t *testing.T) {
	src := "@UTF8\n@Begin\n@Participants:\tPA Kim_Osei Personal_Assistant, SAL Zoë_Brook Person_Supported, X Unidentified\n" +
		"@ID:\teng|coprod|PA|||||Personal_Assistant|||\n@ID:\teng|coprod|SAL|||||Person_Supported|||\n@ID:\teng|coprod|X|||||Unidentified|||\n" +
		"*PA:\tZOË , Mrs Brook said Kimberley called .\n%com:\tKIM OSEI points at SAL\n*SAL:\tkim's a star .\n*X:\ta cup .\n@End\n"
	tr, err := transcript.Read(transcript.FormatCHAT, "kim.cha", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	_, roles, _ := PrepareRoles(tr, nil)
	a, err := WithoutNames(tr, roles)
	if err != nil {
		t.Fatal(err)
	}
	out := a.Source
	for _, want := range []string{"*SUPPORTER:\tSupported_person , Mrs Supported_person said Kimberley called .", "%com:\tSupporter points at Supported person",
		"*SUPPORTED_PERSON:\tSupporter's a star .", "*SPEAKER_3:\ta cup ."} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	for _, name := range []string{"Kim_", "Zoë", "ZOË", "Osei", "Brook", "SAL "} {
		if strings.Contains(out, name) {
			t.Errorf("still holds %q:\n%s", name, out)
		}
	}
}
