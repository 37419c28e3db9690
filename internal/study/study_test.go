package study

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/transcript"
)

func fields(err error) map[string]string {
	m := map[string]string{}
	for _, f := range apperr.FieldsOf(err) {
		m[f.Field] = f.Message
	}
	return m
}

func TestNewStudyValidate(t *testing.T) {
	n := NewStudy{OrgID: "o", Title: "  Choice in everyday support ", InterventionDate: "1 March 2027"}
	if err := n.Validate(); err != nil || n.Title != "Choice in everyday support" || n.InterventionDate != "2027-03-01" {
		t.Fatalf("valid study: %v %+v", err, n)
	}
	n = NewStudy{InterventionDate: "31 February 2027"}
	got := fields(n.Validate())
	if got["org_id"] == "" || got["title"] == "" || !strings.Contains(got["intervention_date"], "real date") {
		t.Fatalf("invalid study: %v", got)
	}
	n = NewStudy{OrgID: "o", Title: "x", InterventionDate: " "}
	if err := n.Validate(); err != nil || n.InterventionDate != "" {
		t.Fatalf("no intervention date: %v %q", err, n.InterventionDate)
	}
}

func TestNewTranscriptValidate(t *testing.T) {
	n := NewTranscript{Title: "Lunch", SessionDate: "3/2/2027", Format: transcript.FormatCHAT, Source: "@Begin",
		Participants: []string{"SAM"}, Roles: map[string]string{"SAM": RoleSupporter}, ConsentNote: "Both signed the easy read form", ConsentConfirmed: true}
	if err := n.Validate(); err != nil || n.SessionDate != "2027-02-03" {
		t.Fatalf("valid: %v %q", err, n.SessionDate)
	}
	n = NewTranscript{Participants: []string{"SAM"}, Roles: map[string]string{"SAM": "boss", "JO": RoleOther}}
	got := fields(n.Validate())
	for _, f := range []string{"title", "session_date", "file", "consent_note", "consent_confirmed", "roles"} {
		if got[f] == "" {
			t.Errorf("no error for %s: %v", f, got)
		}
	}
}

func TestParseAndPrepareRoles(t *testing.T) {
	roles, err := ParseRoles("sam=Support worker, ALEX = supported; MUM=other")
	if err != nil || roles["sam"] != RoleSupporter || roles["ALEX"] != RoleSupported || roles["MUM"] != RoleOther {
		t.Fatalf("ParseRoles = %v, %v", roles, err)
	}
	for _, bad := range []string{"SAM", "SAM=boss", "=supporter"} {
		if _, err := ParseRoles(bad); fields(err)["roles"] == "" {
			t.Errorf("ParseRoles(%q) = %v", bad, err)
		}
	}
	src := "@UTF8\n@Begin\n@Participants:\tSAM Sam Support_Worker, ALEX Alex Person_Supported, MUM Mother\n" +
		"@ID:\teng|coprod|SAM|||||Support_Worker|||\n@ID:\teng|coprod|ALEX|||||Person_Supported|||\n@ID:\teng|coprod|MUM|||||Mother|||\n*SAM:\thello .\n@End\n"
	tr, err := transcript.Read(transcript.FormatCHAT, "x.cha", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	// Declared roles fill in; a typed role wins, matched ignoring case.
	ids, got, err := PrepareRoles(tr, map[string]string{"alex": RoleOther})
	if err != nil || strings.Join(ids, ",") != "SAM,ALEX,MUM" || got["SAM"] != RoleSupporter || got["ALEX"] != RoleOther || got["MUM"] != "" {
		t.Fatalf("PrepareRoles = %v %v %v", ids, got, err)
	}
	if _, _, err := PrepareRoles(tr, map[string]string{"BOB": RoleSupporter}); !strings.Contains(fields(err)["roles"], "its participants are SAM, ALEX, MUM") {
		t.Fatalf("unknown participant: %v", err)
	}
	tt := Transcript{Participants: ids, Roles: got}
	if tt.RolesAssigned() {
		t.Error("MUM has no role, yet roles count as assigned")
	}
}
