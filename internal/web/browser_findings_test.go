package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/findings"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserFindings: with JavaScript off, axe checks the findings list,
// a document, its print and large-print pages as a member, and the edit
// form as the facilitator; on a 390 px screen the document does not scroll
// sideways and its pictures sit beside their words. With COPROD_SCREENS set
// (a folder), it saves screenshots of the document at 390 and 1280 px for
// people to look at.
func TestBrowserFindings(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	base := "/rounds/" + findingsRound(t, s.DB) + "/findings"
	doc := base + "/" + string(findings.KindWillChange)
	opts := browser.Options{NoJS: true}

	mem := browser.Start(t, s.URL, opts)
	mem.Do(chromedp.EmulateViewport(390, 844))
	signIn(mem, "member@demo.test", demo.Password)
	mem.Visit(base)
	mustSee(t, mem, "What we found out", "What will change")
	mem.Axe()
	mem.Visit(doc)
	mustSee(t, mem, "What we will check", "Who will run the service")
	mem.Axe()
	if fits := mem.Eval(`String(document.documentElement.scrollWidth <= 390)`); fits != "true" {
		t.Errorf("the document scrolls sideways on a 390 px screen: %s px wide", mem.Eval(`String(document.documentElement.scrollWidth)`))
	}
	// Picture left, words right: the first point's words start to the right
	// of its picture, on the same line.
	side := mem.Eval(`(() => { const p = document.querySelector('.findings-point'); const img = p.querySelector('img').getBoundingClientRect();
		const w = p.querySelector('.findings-words').getBoundingClientRect(); return String(w.left >= img.right && w.top < img.bottom); })()`)
	if side != "true" {
		t.Errorf("the picture is not beside its words at 390 px")
	}
	if dir := os.Getenv("COPROD_SCREENS"); dir != "" {
		mem.SaveScreenshot(390, 844, filepath.Join(dir, "findings-what-will-change-390.png"))
		mem.SaveScreenshot(1280, 900, filepath.Join(dir, "findings-what-will-change-1280.png"))
		mem.Do(chromedp.EmulateViewport(390, 844))
	}
	mem.Visit(doc + "/print")
	mem.Axe()
	mem.Visit(doc + "/print?size=large")
	mem.Axe()
	if dir := os.Getenv("COPROD_SCREENS"); dir != "" {
		mem.SaveScreenshot(1280, 900, filepath.Join(dir, "findings-what-will-change-large-print-1280.png"))
	}

	fac := browser.Start(t, s.URL, opts)
	signIn(fac, "facilitator@demo.test", demo.Password)
	fac.Visit(doc + "/edit")
	mustSee(t, fac, "Easy Read checker", "Put this point in the document")
	fac.Axe()
	if !strings.Contains(fac.HTML(), `name="points"`) {
		t.Error("the edit form lost its points")
	}
}
