package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserStudyWithoutJavaScript starts a study, uploads a transcript
// (first a broken one), assigns roles, reads the report and compares the
// sessions, with scripts off and axe on every page on the way, errors
// included; then checks the demo study's pages with charts of timed talk
// and of both phases.
func TestBrowserStudyWithoutJavaScript(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	b := browser.Start(t, s.URL, browser.Options{NoJS: true})
	signIn(b, "researcher@demo.test", demo.Password)
	dir := t.TempDir()
	file := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	setFile := func(path string) {
		b.Do(chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{path}))
	}

	b.Visit("/studies")
	b.Axe()
	b.Visit("/studies/new")
	b.Axe()
	b.Submit("Start study")
	if !strings.Contains(b.Text(".error-summary"), "Enter a title for the study") {
		t.Fatal("empty study: no error summary")
	}
	b.Axe()
	b.Fill("title", "Mealtimes at home")
	b.Fill("intervention_date", "1 February 2027")
	b.Submit("Start study")
	if !strings.HasPrefix(b.Path(), "/studies/") || b.Text("h1") != "Mealtimes at home" {
		t.Fatalf("after starting a study: at %s", b.Path())
	}
	studyPath := strings.Split(b.Path(), "?")[0]
	b.Axe()

	b.Visit(studyPath + "/upload")
	b.Axe()
	b.Fill("title", "Tea, week 1")
	b.Fill("session_date", "15 January 2027")
	b.Fill("consent_note", "Both agreed on the easy read form")
	b.Do(chromedp.Click(chromedp.CSS("#consent_confirmed")))
	setFile(file("broken.cha", "@UTF8\n@Begin\n*SAM hello .\n@End\n"))
	b.Submit("Upload transcript")
	if !strings.Contains(b.Text(".error-summary"), "broken.cha:3:5:") {
		t.Fatalf("broken file: summary = %q", b.Text(".error-summary"))
	}
	b.Axe()
	setFile(file("tea.txt", mealtime))
	b.Submit("Upload transcript")
	if !strings.Contains(b.Path(), "/transcripts/") || b.Text("h1") != "Tea, week 1" || !strings.Contains(b.HTML(), "Not everyone has a role.") {
		t.Fatalf("after uploading: at %s", b.Path())
	}
	b.Axe()
	report := strings.Split(b.Path(), "?")[0]

	b.Visit(report + "/roles")
	b.Axe()
	b.Eval(`document.querySelector('#role-0').value = 'supporter'`)
	b.Eval(`document.querySelector('#role-1').value = 'supported'`)
	b.Submit("Save roles")
	if !strings.Contains(b.HTML(), "Roles saved.") || !strings.Contains(b.HTML(), "Initiative index: 1.00") {
		t.Fatalf("after saving roles: at %s", b.Path())
	}
	b.Axe()

	b.Visit(studyPath + "/compare")
	if got := b.Text("#phases + p + figure + .table-wrapper tbody tr"); !strings.Contains(got, "Before") || !strings.Contains(got, "1 of 1") {
		t.Fatalf("comparison's first row = %q", got)
	}
	b.Axe()

	// The demo study: a timed report (WebVTT) and both phases compared.
	b.Visit("/studies")
	b.Do(chromedp.Click(chromedp.Search(`//a[contains(., "Choice and control")]`)))
	b.Do(chromedp.WaitVisible(chromedp.Search(`//h2[.="Sessions"]`)))
	b.Do(chromedp.Click(chromedp.Search(`//a[.="Planning the afternoon"]`)))
	b.Do(chromedp.WaitVisible(chromedp.CSS("#timing")))
	b.Axe()
	b.Visit(strings.Split(b.Path(), "/transcripts/")[0] + "/compare")
	if n := strings.Count(b.HTML(), `fill="url(#compare-`); n != 4*2+2 {
		t.Errorf("comparison chart has %d patterned shapes, want 8 bars and 2 key swatches", n)
	}
	b.Axe()
}
