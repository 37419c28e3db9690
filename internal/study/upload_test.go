package study

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/transcript"
)

// teaAtBens is a plain-text (Jefferson-style) session written for these
// tests, with the participants' names in the heading and in the talk.
const teaAtBens = `Tea at Ben Carter's house, with his PA Ana

ANA:  Would you like tea or coffee, Ben?
BEN:  Coffee please, Ana.
ANA:  Do you take sugar?
BEN:  No thanks.
`

// upload is a complete, valid upload of teaAtBens; tests change what they need.
func upload() Upload {
	return Upload{StudyID: "s1", Title: " Tea with Ben ", SessionDate: "20 November 2026", FileName: "ben-tea.txt",
		File: strings.NewReader(teaAtBens), Roles: "ANA=supporter, ben=supported",
		ConsentNote: "Ben and Ana signed the easy read form", ConsentConfirmed: true}
}

// problems lists the fields of an error in order, with their messages.
func problems(err error) (fields []string, msgs map[string]string) {
	msgs = map[string]string{}
	for _, f := range apperr.FieldsOf(err) {
		fields = append(fields, f.Field)
		msgs[f.Field] = f.Message
	}
	return fields, msgs
}

func TestUploadPrepareKeepsTheFileAsSent(t *testing.T) {
	n, err := upload().Prepare()
	if err != nil {
		t.Fatal(err)
	}
	// Detected as plain text from the name and content; ids in order of
	// appearance; a typed id matches ignoring case.
	want := NewTranscript{StudyID: "s1", Title: "Tea with Ben", SessionDate: "2026-11-20", FileName: "ben-tea.txt",
		Format: transcript.FormatJefferson, Source: teaAtBens, Participants: []string{"ANA", "BEN"},
		Roles:       map[string]string{"ANA": RoleSupporter, "BEN": RoleSupported},
		ConsentNote: "Ben and Ana signed the easy read form", ConsentConfirmed: true}
	if !reflect.DeepEqual(*n, want) {
		t.Fatalf("Prepare =\n%+v\nwant\n%+v", *n, want)
	}
}

func TestUploadPrepareReplacesNames(t *testing.T) {
	u := upload()
	u.ReplaceNames = true
	n, err := u.Prepare()
	if err != nil {
		t.Fatal(err)
	}
	// Names become the role labels everywhere, and the file is kept as
	// CHAT (the format that can say who is who without names).
	if n.Format != transcript.FormatCHAT || !n.NamesReplaced || n.Title != "Tea with Supported person" ||
		n.FileName != "Supported_person-tea.cha" || n.ConsentNote != "Supported person and Supporter signed the easy read form" {
		t.Fatalf("Prepare = %q %v %q %q %q", n.Format, n.NamesReplaced, n.Title, n.FileName, n.ConsentNote)
	}
	for _, name := range []string{"Ben", "Ana", "BEN", "ANA", "Carter"} {
		if strings.Contains(n.Source, name) || strings.Contains(strings.Join(n.Participants, " "), name) {
			t.Errorf("%q is still in the transcript:\n%s", name, n.Source)
		}
	}
	if _, err := transcript.Read(n.Format, n.FileName, strings.NewReader(n.Source)); err != nil {
		t.Fatalf("the rewritten transcript does not read back: %v", err)
	}
}

func TestUploadPrepareProblems(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(*Upload)
		fields []string
		field  string // one problem to check the wording of
		msg    string
	}{
		{"no file", func(u *Upload) { u.File, u.FileName = nil, "" }, []string{"file"}, "file", "Choose a transcript file to upload"},
		{"unreadable file", func(u *Upload) { u.File = iotest.ErrReader(errors.New("connection reset")) }, []string{"file"},
			"file", "The file could not be read. Try uploading it again."},
		{"empty file", func(u *Upload) { u.File = strings.NewReader(" \n\n") }, []string{"file"}, "file", "The file is empty"},
		{"not UTF-8", func(u *Upload) { u.File = strings.NewReader("ANA: caf\xe9?\n") }, []string{"file"}, "file", "The file must be saved as UTF-8 text"},
		{"CHAT that does not parse", func(u *Upload) {
			u.FileName, u.File = "broken.cha", strings.NewReader("@UTF8\n@Begin\n*SAM hello .\n@End\n")
		}, []string{"file"}, "file", "The transcript could not be read: broken.cha:3:5: "},
		{"roles in the wrong shape", func(u *Upload) { u.Roles = "ANA" }, []string{"roles"}, "roles",
			"Write roles as ID=role separated by commas, like SAM=supporter, ALEX=supported (not “ANA”)"},
		{"a role for nobody", func(u *Upload) { u.Roles = "BOB=supporter" }, []string{"roles"}, "roles",
			`There is no participant "BOB" in the transcript; its participants are ANA, BEN`},
		// Every problem at once, one per field, in the form's order.
		{"everything missing", func(u *Upload) {
			*u = Upload{File: strings.NewReader("SAM: Hello.\nALEX: Hi.\n"), FileName: "lunch.txt", Roles: "BOB=supporter"}
		}, []string{"title", "session_date", "roles", "consent_note", "consent_confirmed"}, "consent_confirmed",
			"Confirm that everyone in the recording agreed to it being used in this study"},
		// Names are not replaced while the roles are wrong: the labels come from the roles.
		{"replace names with bad roles", func(u *Upload) { u.ReplaceNames, u.Roles = true, "ANA=boss" }, []string{"roles"}, "roles",
			"The role of ANA must be supporter, supported or other, not “boss”"},
	} {
		t.Run(c.name, func(t *testing.T) {
			u := upload()
			c.change(&u)
			n, err := u.Prepare()
			fields, msgs := problems(err)
			if n != nil || apperr.Code(err) != apperr.Invalid || !reflect.DeepEqual(fields, c.fields) {
				t.Fatalf("Prepare = %v, %v; fields %v, want %v", n, err, fields, c.fields)
			}
			if !strings.HasPrefix(msgs[c.field], c.msg) {
				t.Fatalf("%s: %q, want %q", c.field, msgs[c.field], c.msg)
			}
		})
	}
}
