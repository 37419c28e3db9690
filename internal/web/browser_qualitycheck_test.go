package web_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/qualitycheck"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserQualityCheckByKeyboard (JavaScript off): Robin, a quality
// checker who reads Easy Read, on a 390 × 844 screen, opens the visit
// planned for today and answers the whole checklist with the keyboard
// alone (a picture answer chosen with the space bar, "Next" pressed with
// Enter), typing nothing; then finishes the report, whose "needs to
// change" point goes on the board. Each question's answers and its Next
// button are on the first screen and nothing scrolls sideways; axe checks
// the list, a question, a question with its problem, and the check's page
// before and after.
func TestBrowserQualityCheckByKeyboard(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	b := browser.Start(t, s.URL, browser.Options{NoJS: true})
	b.As("member")
	b.Do(chromedp.EmulateViewport(390, 844))
	signIn(b, "member@demo.test", demo.Password)
	b.Visit("/quality-checks")
	b.Axe()
	keyFollow(t, b, "Brightpath day centre")
	mustSee(t, b, "Not finished yet: 0 of 8 questions answered")
	b.Axe()
	keyFollow(t, b, "Start the checklist")
	px := func(expr string) float64 {
		t.Helper()
		v, err := strconv.ParseFloat(b.Eval(expr), 64)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	var bottoms []string
	for i, q := range qualitycheck.Checklist {
		mustSee(t, b, "Question "+strconv.Itoa(i+1)+" of 8", q.EasyRead)
		button := "Next"
		if i == len(qualitycheck.Checklist)-1 {
			button = "Save"
		}
		bottom := px(`String(document.querySelector('main form button.button').getBoundingClientRect().bottom + window.scrollY)`)
		bottoms = append(bottoms, strconv.Itoa(int(bottom)))
		if bottom > 844 {
			t.Errorf("%s: the %s button ends at %.0f px, below the first screen (844 px)", q.Key, button, bottom)
		}
		if w := px(`String(document.documentElement.scrollWidth)`); w > 390 {
			t.Errorf("%s: the page is %.0f px wide at 390 px", q.Key, w)
		}
		if i == 0 {
			b.Axe()
			// Next without an answer: the problem is named, still no typing.
			keySubmit(t, b, "Next")
			mustSee(t, b, "There is a problem", "Choose good, OK or needs to change")
			b.Axe()
		}
		choice := "#answer" // good, the first
		if q.Key == "information" {
			choice = "#answer-needs_change"
		} else if q.Key == "quiet" {
			choice = "#answer-ok"
		}
		keyTick(b, choice)
		keySubmit(t, b, button)
	}
	t.Logf("at 390 × 844 each question's button ends at (px): %s", strings.Join(bottoms, ", "))
	mustSee(t, b, "Every question is answered", "Finish the report")
	if typed := b.Eval(`String(Array.from(document.querySelectorAll('textarea, input[type=text]')).filter(e => e.value !== '').length)`); typed != "0" {
		t.Errorf("%s fields were typed in", typed)
	}
	b.Axe()
	keySubmit(t, b, "Finish the report")
	mustSee(t, b, "The report is finished and sent to the provider", "The report in Easy Read", "6 things are good.", "1 thing is OK.",
		"1 thing needs to change.", "Follow what is done about this")
	b.Axe()
}
