package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserMemberRespondsOnANarrowScreen: with JavaScript off and only
// the keyboard, the commissioner puts a question to the group (the form's
// problems first), and a member on a 390 px wide screen finds it, answers
// it without typing, and sees her answer; axe checks every new page.
func TestBrowserMemberRespondsOnANarrowScreen(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	base := "/rounds/" + ids.round
	opts := browser.Options{NoJS: true}

	com := browser.Start(t, s.URL, opts)
	signIn(com, "commissioner@demo.test", demo.Password)
	com.Visit(base + "/decisions")
	com.Axe()
	keyFollow(t, com, "Put a proposal to the group")
	com.Axe()
	keySubmit(t, com, "Put it to the group")
	mustSee(t, com, "There is a problem", `href="#kind"`, `href="#title"`)
	com.Axe()
	keyTick(com, "#kind-question")
	com.Fill("title", "Meet on Saturdays")
	com.Fill("plain_english", "Should the group meet on Saturday mornings instead of Tuesday evenings?")
	com.Fill("easy_read", "Meet on Saturday morning?")
	keySubmit(t, com, "Put it to the group")
	mustSee(t, com, "Proposal put to the group.", "Meet on Saturday morning?", "Proposed by")
	com.Axe()
	for _, path := range []string{base + "/close", base + "/stake"} {
		com.Visit(path)
		com.Axe()
	}

	mem := browser.Start(t, s.URL, opts)
	mem.Do(chromedp.EmulateViewport(390, 844))
	signIn(mem, "member@demo.test", demo.Password)
	mem.Visit(base)
	mustSee(t, mem, "What you can do now", "Say what you think about “Meet on Saturdays”")
	// Robin reads Easy Read: the round's pages wait behind a disclosure.
	mem.Do(chromedp.Click(chromedp.Search(`//summary[normalize-space(.)="All the pages of this round"]`)))
	keyFollow(t, mem, "Decisions")
	mem.Axe()
	keyFollow(t, mem, "Meet on Saturdays")
	mem.Axe()
	if fits := mem.Eval(`String(document.documentElement.scrollWidth <= 390)`); fits != "true" {
		t.Errorf("the proposal page scrolls sideways on a 390 px screen: %s px wide", mem.Eval(`String(document.documentElement.scrollWidth)`))
	}
	keyTick(mem, "#answer-not_sure")
	keySubmit(t, mem, "Send my response")
	mustSee(t, mem, "Your response has been saved", "You said: <strong>Not sure</strong>", "Robin: Not sure")
	if !strings.Contains(mem.Eval(`String(document.querySelector('#answer-not_sure').checked)`), "true") {
		t.Error("her answer is not shown chosen")
	}
	mem.Axe()
	// She changes her mind: agree is the first choice, still no typing.
	keyTick(mem, "#answer")
	keySubmit(t, mem, "Send my response")
	mustSee(t, mem, "You said: <strong>Agree</strong>", "Robin: Agree")
}
