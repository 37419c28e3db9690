package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserCodingSpanByKeyboard: with JavaScript, the coding page shows
// the form for coding any span; a coder selects words by keyboard alone
// (Shift and the arrow keys in its text box, which the script keeps
// from being changed), ticks a code with
// the space bar and sends it with Enter; the span is saved at the
// positions of the characters selected, counted in code points. Axe
// passes with the form shown, after a refusal and after saving.
func TestBrowserCodingSpanByKeyboard(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ctx := context.Background()
	researcher, _ := s.DB.UserByEmail(ctx, "researcher@demo.test")
	asResearcher := audit.WithActor(ctx, researcher.ID)
	p, err := s.DB.CreateProject(asResearcher, qda.NewProject{OrgID: s.orgID(t, codingLab), Title: "Spans by keyboard", Blind: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DB.AddPreset(asResearcher, p.ID, qda.SocialPracticeTheory()); err != nil {
		t.Fatal(err)
	}
	text := "Café trips cost £3 each. The ramp is too steep for me."
	n := qda.NewSource{ProjectID: p.ID, Title: "Narrative", Text: text, ConsentNote: "Written consent"}
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	src, err := s.DB.AddSource(asResearcher, n)
	if err != nil {
		t.Fatal(err)
	}
	codes, _ := s.DB.Codes(ctx, p.ID)

	b := browser.Start(t, s.URL, browser.Options{})
	signIn(b, "researcher@demo.test", demo.Password)
	page := "/coding/" + p.ID + "/sources/" + src.ID
	b.Visit(page)
	if b.Eval(`String(document.getElementById('span-coding').hidden)`) != "false" {
		t.Fatal("the script did not show the span form")
	}
	b.Axe()
	// Nothing selected: the server says so, and the form is still there.
	keySubmit(t, b, "Code the selected words")
	if !strings.Contains(b.Text(".error-summary"), "Select some of the text to code") {
		t.Fatalf("no selection: summary %q", b.Text(".error-summary"))
	}
	b.Axe()

	// Characters 16 to 33 ("£3 each. The ramp"), by keyboard alone: the
	// arrow keys, then Shift with the arrow keys.
	b.Do(chromedp.Focus(chromedp.CSS("#span-text")))
	b.Eval(`document.getElementById('span-text').setSelectionRange(0, 0), 'start'`)
	arrow := func(shift bool) chromedp.Action[chromedp.Void] {
		if shift {
			return chromedp.KeyEvent(kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierShift))
		}
		return chromedp.KeyEvent(kb.ArrowRight)
	}
	// Typing changes nothing.
	b.Do(chromedp.KeyEvent("x"), chromedp.KeyEvent(kb.Delete))
	if b.Eval(`document.getElementById('span-text').value`) != text {
		t.Fatal("the text to select from can be changed")
	}
	for range 16 {
		b.Do(arrow(false))
	}
	for range 17 {
		b.Do(arrow(true))
	}
	if got := b.Eval(`document.getElementById('span-start').value + '-' + document.getElementById('span-end').value`); got != "16-33" {
		t.Fatalf("selected %s, want 16-33", got)
	}
	if got := b.Text("#span-chosen"); got != "Selected: “£3 each. The ramp”, characters 16 to 33." {
		t.Errorf("the live region says %q", got)
	}
	keyTick(b, "#span-"+codes[0].ID)
	keySubmit(t, b, "Code the selected words")
	mustSee(t, b, "The selected words are coded.", "(characters 16 to 33): "+codes[0].Name)
	b.Axe()
	segs, err := s.DB.Segments(asResearcher, p.ID, researcher.ID)
	if err != nil || len(segs) != 1 || segs[0].Start != 16 || segs[0].End != 33 || len(segs[0].CodeIDs) != 1 || segs[0].CodeIDs[0] != codes[0].ID {
		t.Fatalf("segments %+v, %v", segs, err)
	}
}
