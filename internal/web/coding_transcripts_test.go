package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/study"
	"github.com/coprod/coprod/transcript"
)

// TestCodingTranscriptAsSource: a researcher adds one of the demo study's
// transcripts to a coding project; it is coded utterance by utterance,
// speakers by role, with the study's consent and its before/after label.
// It cannot be added twice, and another organisation's transcript is
// refused.
func TestCodingTranscriptAsSource(t *testing.T) {
	t.Parallel()
	s, c, base, project := newCodingProject(t, "Talk and practice")
	ctx := context.Background()
	lab := s.orgID(t, codingLab)

	if r := c.get(base + "/sources/new"); !strings.Contains(r.Body, `href="`+base+`/sources/transcripts"`) {
		t.Fatal("the add-source page does not link to the transcripts")
	}
	studies, _ := s.DB.ListStudies(ctx, study.StudyQuery{OrgIDs: []string{lab}})
	if len(studies.Items) == 0 {
		t.Fatal("the demo lab has no study")
	}
	ts, _ := s.DB.ListTranscripts(ctx, study.TranscriptQuery{StudyID: studies.Items[0].ID})
	first := ts.Items[0]
	form := c.get(base + "/sources/transcripts")
	if form.StatusCode != http.StatusOK || !strings.Contains(form.Body, studies.Items[0].Title) || !strings.Contains(form.Body, `value="`+first.ID+`"`) {
		t.Fatalf("transcripts page = %d", form.StatusCode)
	}
	if r := c.post(base+"/sources/transcripts", url.Values{}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Choose the transcript to add") {
		t.Errorf("nothing chosen = %d", r.StatusCode)
	}
	if r := c.post(base+"/sources/transcripts", url.Values{"transcript": {first.ID}, "replace_names": {"yes"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("add = %d\n%s", r.StatusCode, r.Body)
	}
	sources, _ := s.DB.Sources(ctx, project)
	if len(sources) != 1 {
		t.Fatalf("%d sources", len(sources))
	}
	src := sources[0]
	want, _ := qda.FromTranscript(project, studies.Items[0], mustTranscript(t, s, first.ID), true)
	if src.Text != want.Text || src.TranscriptID != first.ID || src.Units != qda.Paragraphs || !src.NamesReplaced ||
		src.Attribute != want.Attribute || !strings.HasPrefix(src.ConsentNote, "From the study “") {
		t.Errorf("stored %+v", src)
	}
	page := c.get(base + "/sources/" + src.ID)
	if !strings.Contains(page.Body, "Utterance 1: <span") || !strings.Contains(page.Body, " utterances") {
		t.Errorf("the coding page does not call its units utterances")
	}
	if r := c.post(base+"/sources/transcripts", url.Values{"transcript": {first.ID}}); r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "already a source of this project") {
		t.Errorf("added twice = %d", r.StatusCode)
	}
	if r := c.get(base + "/sources/transcripts"); !strings.Contains(r.Body, "already a source of this project") || strings.Contains(r.Body, `value="`+first.ID+`"`) {
		t.Errorf("the added transcript is still offered")
	}

	// Another research organisation's transcript.
	other, _ := s.DB.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Other lab", Kind: auth.KindResearch})
	st, err := s.DB.CreateStudy(audit.WithActor(ctx, "x"), study.NewStudy{OrgID: other.ID, Title: "Elsewhere"})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := s.DB.CreateTranscript(audit.WithActor(ctx, "x"), study.NewTranscript{StudyID: st.ID, Title: "Theirs", SessionDate: "2027-01-01",
		FileName: "t.cha", Format: transcript.FormatCHAT, Source: "@Begin\n*SAM:\thello .\n@End\n", ConsentNote: "Signed"})
	if err != nil {
		t.Fatal(err)
	}
	if r := c.post(base+"/sources/transcripts", url.Values{"transcript": {tr.ID}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "not in a study of this project") {
		t.Errorf("another organisation's transcript = %d", r.StatusCode)
	}
	if sources, _ := s.DB.Sources(ctx, project); len(sources) != 1 {
		t.Errorf("%d sources after the refusals", len(sources))
	}
}

func mustTranscript(t *testing.T, s *testServer, id string) study.Transcript {
	t.Helper()
	tr, err := s.DB.TranscriptByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return *tr
}
