package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/store"
)

// closedDetails is a closed disclosure: what it holds is not on the screen
// until it is opened.
var closedDetails = regexp.MustCompile(`(?s)<details class="er-more">.*?</details>`)

// questionsOnScreen counts what a form's screen asks: each fieldset's
// legend and each text box, leaving out closed disclosures.
func questionsOnScreen(body string) int {
	start, end := strings.Index(body, "<main"), strings.Index(body, "</main>")
	if start < 0 || end < start {
		return -1
	}
	shown := closedDetails.ReplaceAllString(body[start:end], "")
	return strings.Count(shown, "<legend") + strings.Count(shown, "<textarea")
}

// TestEasyReadAsksOneThingAtATime: in Easy Read (Robin) the verdict form
// and the answer to a proposal ask one question; saying why waits in a
// closed "Say why", which opens by itself when it has a problem (a block
// needs a reason). While Robin votes, the vision page asks only for dots
// (the round page still offers adding a statement), and the round's links
// are folded into "All the pages of this round". Sky, who does not read
// Easy Read, sees the whole forms as before. The question flows (story,
// vision statement, what helps and harms, feedback) already ask one
// question a page.
func TestEasyReadAsksOneThingAtATime(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	base := "/rounds/" + ids.round
	item := demoItem(t, s, ledger.Query{Status: ledger.StatusInProgress}, "Appointments are only in school hours")
	robin, sky := s.client(t), s.client(t)
	robin.loginAs("member")
	sky.loginAs("member2")

	verdict := "/ledger/items/" + item + "/verdict"
	if r := robin.get(verdict); questionsOnScreen(r.Body) != 1 || !strings.Contains(r.Body, "<summary>Say why (you do not have to)</summary>") {
		t.Errorf("Robin's verdict form asks %d things at once", questionsOnScreen(r.Body))
	}
	if r := sky.get(verdict); questionsOnScreen(r.Body) != 3 || strings.Contains(r.Body, "er-more") {
		t.Errorf("Sky's verdict form asks %d things, want all 3 shown", questionsOnScreen(r.Body))
	}
	long := strings.Repeat("a", ledger.MaxText+1)
	if r := robin.post(verdict, url.Values{"verdict": {"changed"}, "comment": {long}}); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, `<details class="er-more" open>`) {
		t.Errorf("a reason too long = %d; the Say why box is not open to show the problem", r.StatusCode)
	}

	decisions := robin.get(base + "/decisions").Body
	open := regexp.MustCompile(`(?s)<h2>Open</h2>.*?href="(` + base + `/decisions/[a-z0-9]{20,})"`).FindStringSubmatch(decisions)
	if open == nil {
		t.Fatal("no open proposal in the demo")
	}
	r := robin.get(open[1])
	if questionsOnScreen(r.Body) != 1 {
		t.Errorf("Robin's answer to a proposal asks %d things at once", questionsOnScreen(r.Body))
	}
	// In Easy Read the Easy Read words come first, the plain English waits
	// behind "The proposal in full", and the question comes before the facts.
	easy, full, ask, facts := strings.Index(r.Body, `class="easy-read their-words"`), strings.Index(r.Body, "<summary>The proposal in full</summary>"),
		strings.Index(r.Body, "What do you say?"), strings.Index(r.Body, "asked the group.")
	if easy < 0 || full < easy || ask < full || facts < ask {
		t.Errorf("Robin's proposal page: Easy Read at %d, the full words at %d, the question at %d, the facts at %d", easy, full, ask, facts)
	}
	if r := sky.get(open[1]); questionsOnScreen(r.Body) != 2 {
		t.Errorf("Sky's answer form asks %d things, want both shown", questionsOnScreen(r.Body))
	}
	r = robin.post(open[1]+"/respond", url.Values{"answer": {"block"}})
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `<details class="er-more" open>`) ||
		!strings.Contains(r.Body, "Say why you block it") {
		t.Errorf("a block with no reason = %d; the reason is not asked for next", r.StatusCode)
	}
	if r := robin.post(open[1]+"/respond", url.Values{"answer": {"block"}, "reason": {"We did not write these questions."}}); r.StatusCode != http.StatusSeeOther {
		t.Errorf("a block with its reason = %d", r.StatusCode)
	}

	addStatement := `href="` + base + `/vision/new"`
	if v := robin.get(base + "/vision").Body; strings.Contains(v, addStatement) || !strings.Contains(v, "Put more dots on what matters most to you.") {
		t.Error("while Robin votes, the vision page asks for more than dots")
	}
	if !strings.Contains(robin.get(base).Body, addStatement) {
		t.Error("the round page no longer offers Robin adding a statement")
	}
	if !strings.Contains(sky.get(base+"/vision").Body, addStatement) {
		t.Error("Sky's vision page lost the link to add a statement")
	}

	// The round's 17 links wait behind one line in Easy Read (on a 390 px
	// screen they filled the first screen), still all there to follow.
	tabs := `<summary>All the pages of this round</summary>`
	if v := robin.get(base + "/vision").Body; !strings.Contains(v, tabs) || !strings.Contains(v, `href="`+base+`/decisions"`) {
		t.Error("Robin's round pages do not fold the round's links into one line")
	}
	// Sky, in the standard view, has them all in view on a wide screen and
	// folded only on a phone (the style sheet shows one of the two copies;
	// TestBrowserMemberActionsOnFirstScreen measures the phone).
	if v := sky.get(base + "/vision").Body; !strings.Contains(v, `<div class="wide-only">`) ||
		!strings.Contains(v, `<details class="er-more round-nav-more phone-only">`+tabs) {
		t.Error("Sky's round links are not all in view on a wide screen, folded on a phone")
	}
}
