package web_test

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserReadabilityWithoutJavaScript checks a letter, saves it,
// compares it with a saved version and pastes two versions to compare,
// with scripts off, running axe on every page on the way, errors included.
func TestBrowserReadabilityWithoutJavaScript(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	b := browser.Start(t, s.URL, browser.Options{NoJS: true})
	signIn(b, "facilitator@demo.test", demo.Password)

	b.Visit("/readability")
	b.Submit("Check")
	if !strings.Contains(b.Text(".error-summary"), "Paste the text of your letter") {
		t.Fatal("empty check: no error summary")
	}
	b.Axe()
	b.Fill("text", "Dear Ms Khan,\n\nIn order to support you, a meeting has been arranged at 14:00 hrs with the MDT.")
	b.Submit("Check")
	if got := b.Text("#issue-1"); !strings.Contains(got, "wordy") {
		t.Fatalf("first issue = %q", got)
	}
	b.Axe()
	b.Fill("title", "Meeting letter, draft")
	b.Submit("Save check")
	if !strings.HasPrefix(b.Path(), "/readability/checks/") || b.Text("h1") != "Meeting letter, draft" {
		t.Fatalf("after saving: at %s", b.Path())
	}
	b.Axe()
	b.Submit("Compare")
	if b.Text("h1") != "Before and after" {
		t.Fatalf("compare saved: %q", b.Text("h1"))
	}
	b.Axe()

	b.Visit("/readability/compare")
	b.Fill("after", "We will meet you at 2pm.")
	b.Submit("Compare")
	if !strings.Contains(b.Text(".error-summary"), "Paste the first version") {
		t.Fatal("compare without a first version: no error")
	}
	b.Axe()
	b.Fill("before", "A meeting has been arranged at 14:00 hrs.")
	b.Submit("Compare")
	if !strings.Contains(b.HTML(), "easier to read") {
		t.Fatal("pasted comparison shows no improvement")
	}
	b.Axe()
}
