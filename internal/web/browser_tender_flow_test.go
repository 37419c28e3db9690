package web_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// byID is a CSS selector for an element id that has characters CSS would
// need escaped, like criteria[0].id or score-BID/Q1.
func byID(id string) string { return fmt.Sprintf(`[id=%q]`, id) }

// keyType types into the field with exactly this id, emptied first.
func keyType(b *browser.Browser, id, value string) {
	b.Eval(fmt.Sprintf(`(document.querySelector(%q).value = '', '')`, byID(id)))
	b.Do(chromedp.Focus(chromedp.CSS(byID(id))), chromedp.KeyEvent(value))
}

// keyDateTime types a date and time into a datetime-local field the way a
// keyboard user does in Chromium's en-US control (month, day, year, then
// hour, minute, AM/PM), and checks the field holds it in the ISO form the
// server reads.
func keyDateTime(t *testing.T, b *browser.Browser, id string, at time.Time) {
	t.Helper()
	b.Eval(fmt.Sprintf(`(document.querySelector(%q).value = '', '')`, byID(id)))
	b.Do(chromedp.Focus(chromedp.CSS(byID(id))), chromedp.KeyEvent(at.Format("01022006")), chromedp.KeyEvent(kb.ArrowRight),
		chromedp.KeyEvent(at.Format("0304PM")))
	if got, want := b.Eval(fmt.Sprintf(`document.querySelector(%q).value`, byID(id))), at.Format("2006-01-02T15:04"); got != want {
		t.Fatalf("typed %s into #%s, the field holds %q", want, id, got)
	}
}

// keyPick chooses a select's option by typing its first letters.
func keyPick(b *browser.Browser, id, typed string) {
	b.Do(chromedp.Focus(chromedp.CSS(byID(id))), chromedp.KeyEvent(typed))
}

// keySubmitAt presses, with the keyboard, the button an XPath finds: for a
// page with several forms whose buttons read the same.
func keySubmitAt(t *testing.T, b *browser.Browser, xpath string) {
	t.Helper()
	b.MarkDocument()
	b.Do(chromedp.Focus(chromedp.Search(xpath)), chromedp.KeyEvent("\r"))
	b.AwaitNewDocument("pressing " + xpath)
}

// mustRead checks the page's visible text, where mustSee checks markup
// (in which an apostrophe is escaped).
func mustRead(t *testing.T, b *browser.Browser, want ...string) {
	t.Helper()
	text := b.Eval(`document.body.innerText`)
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Fatalf("on %s: %q not found in:\n%s", b.Path(), w, text)
		}
	}
}

func mustNotRead(t *testing.T, b *browser.Browser, unwanted ...string) {
	t.Helper()
	text := b.Eval(`document.body.innerText`)
	for _, w := range unwanted {
		if strings.Contains(text, w) {
			t.Fatalf("on %s: %q should not be shown:\n%s", b.Path(), w, text)
		}
	}
}

// ids lists the ids of the elements a CSS selector finds, in page order.
func ids(b *browser.Browser, sel string) []string {
	out := b.Eval(fmt.Sprintf(`Array.from(document.querySelectorAll(%q)).map(e => e.id).join(' ')`, sel))
	return strings.Fields(out)
}

var receiptHash = regexp.MustCompile(`Your receipt: ([0-9a-f]{64})`)

// TestBrowserTenderFlowByKeyboardWithoutJavaScript runs a whole tender with
// JavaScript off, by keyboard alone, checking every page on the way with
// axe: the commissioner lead starts a tender, writes the ITT, is refused
// publication while the stake is unmet, applies a preset and publishes,
// seats the panels; two providers save drafts and submit bids (one asks a
// clarification question, answered to all); after the deadline a late
// change is refused; every evaluator declares their interests and scores
// the criteria of their own panel; each chair opens moderation and records
// a consensus for each bid and criterion; the lead sees the winner and
// records the award.
func TestBrowserTenderFlowByKeyboardWithoutJavaScript(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ctx, rd := tenderRound(t, s)
	roundID := rd.ID
	opts := browser.Options{NoJS: true}
	as := func(who string) *browser.Browser {
		b := browser.Start(t, s.URL, opts)
		signIn(b, who+"@demo.test", demo.Password)
		if b.Path() != "/" {
			t.Fatalf("signing in as %s: at %s", who, b.Path())
		}
		return b
	}

	// 1. The commissioner lead starts the tender and writes the ITT.
	com := as("commissioner")
	com.Visit("/rounds/" + roundID + "/tenders")
	com.Axe()
	com.Fill("title", "Supported housing for young adults leaving care")
	keySubmit(t, com, "Start the tender")
	p := com.Path()
	if !strings.HasPrefix(p, "/tenders/") || !strings.HasSuffix(p, "/itt?done=tender-created") {
		t.Fatalf("after starting the tender: at %s", p)
	}
	tid := strings.TrimSuffix(strings.TrimPrefix(p, "/tenders/"), "/itt?done=tender-created")
	tp := "/tenders/" + tid
	mustRead(t, com, "Tender started. Write the invitation to tender.", "The stake is not met.")
	com.Axe()

	// Deadlines hours away, not days: sign-ins last 12 hours on the shared clock.
	// They are typed in UK time, as the form asks.
	clarify, closes := s.now().In(round.London).Add(2*time.Hour).Truncate(time.Minute), s.now().In(round.London).Add(4*time.Hour).Truncate(time.Minute)
	com.Fill("title", "Supported housing for young adults leaving care")
	com.Fill("price_weight_percent", "30")
	keyDateTime(t, com, "deadlines.clarification", clarify)
	keyDateTime(t, com, "deadlines.submission", closes)
	// One blank criterion row at a time: fill it, save, and the next appears.
	criteria := []struct{ id, question, weight, panel, share string }{
		{"Q1", "How will you help young adults find and keep a home of their own?", "45", "C", ""},
		{"Q2", "How will young adults who have left care shape the service?", "5", "L", ""},
		{"Q3", "How will each young adult keep the same key worker?", "20", "B", "0.5"},
	}
	for i, c := range criteria {
		row := fmt.Sprintf("criteria[%d].", i)
		keyType(com, row+"id", c.id)
		keyType(com, row+"question", c.question)
		keyType(com, row+"weight_percent", c.weight)
		keyPick(com, row+"panel", c.panel)
		if c.share != "" {
			keyType(com, row+"lep_share", c.share)
		}
		keySubmit(t, com, "Save")
		if !strings.HasSuffix(com.Path(), "/itt?done=itt-saved") {
			t.Fatalf("saving criterion %s: at %s\n%s", c.id, com.Path(), com.Eval(`document.body.innerText`))
		}
		mustRead(t, com, "Invitation to tender saved.")
		if got := com.Eval(fmt.Sprintf(`document.querySelector(%q).value`, byID(row+"id"))); got != c.id {
			t.Fatalf("criterion %d shows reference %q after saving, want %s", i+1, got, c.id)
		}
	}
	if got := com.Eval(fmt.Sprintf(`document.querySelector(%q).value`, byID("criteria[2].panel"))); got != "joint" {
		t.Fatalf("Q3's panel = %q, want joint", got)
	}
	// Q2 (5%) and half of Q3 (10%) give the panel 15%: 5 points short of 20%.
	mustRead(t, com, "The stake is not met.", "The lived experience panel's weight is 15%, 5 percentage points less than the committed stake of 20%.")
	com.Axe()
	keySubmit(t, com, "Publish the invitation to tender")
	mustRead(t, com, "There is a problem", "5 percentage points less than the committed stake of 20%")
	mustSee(t, com, `href="#criteria"`) // the error summary leads to the criteria
	if com.Path() != tp+"/publish" {
		t.Fatalf("refused publication: at %s", com.Path())
	}
	com.Axe()
	// The preset keeps who scores what and rescales the weights.
	keySubmit(t, com, "Save with the stake by criteria")
	mustRead(t, com, "Invitation to tender saved.", "The stake is met.")
	for i, want := range []string{"40", "10", "20"} {
		if got := com.Eval(fmt.Sprintf(`document.querySelector(%q).value`, byID(fmt.Sprintf("criteria[%d].weight_percent", i)))); got != want {
			t.Errorf("after the preset, criterion %d weighs %q, want %s", i+1, got, want)
		}
	}
	com.Axe()
	// The group agrees the questions it scores before publication.
	groupPasses(t, s, roundID, round.NewProposal{Kind: round.KindAgreeTender, TenderID: tid})
	keySubmit(t, com, "Publish the invitation to tender")
	if com.Path() != tp+"?done=tender-published" {
		t.Fatalf("after publishing: at %s", com.Path())
	}
	mustRead(t, com, "Invitation to tender published. Providers can now bid.", "Published, version 1.")
	com.Axe()

	// The panels, seated as in the demo tenders.
	com.Visit(tp + "/panels")
	mustRead(t, com, "Nobody is on a panel yet.")
	com.Axe()
	for _, seat := range []struct {
		who, panel string
		chair      bool
	}{{"evaluator", "#panel-c", false}, {"chair", "#panel-c", true}, {"evaluator2", "#panel-l", false}, {"chair2", "#panel-l", true}} {
		com.Fill("email", seat.who+"@demo.test")
		keyTick(com, seat.panel)
		if seat.chair {
			keyTick(com, "#chair")
		}
		keySubmit(t, com, "Add to the panel")
		mustRead(t, com, "Added to the panel.")
	}
	rows := com.Eval(`Array.from(document.querySelectorAll('tbody tr')).map(r => r.innerText.replace(/\t/g, '|')).join('\n')`)
	for _, want := range []string{"Pat Reid (commissioner panel chair)|Commissioner panel|Yes", "Kim Adebayo (lived experience panel)|Lived experience panel|No",
		"Lee Carter (lived experience panel chair)|Lived experience panel|Yes"} {
		if !strings.Contains(rows, want) {
			t.Errorf("panel table lacks %q:\n%s", want, rows)
		}
	}
	if strings.Count(rows, "\n") != 3 {
		t.Errorf("panel table has the wrong people:\n%s", rows)
	}
	com.Axe()

	// 2. Two providers bid; one asks a question, answered to all.
	bidders := []struct {
		who, org, price, shown string // shown: the price as the draft shows it back
		answers                [3]string
	}{
		{"provider", "Riverside Community Support", "1250000", "1250000.00", [3]string{"Homes across the city with support workers on call.",
			"A group of care leavers agrees the service plan each quarter, paid for their time.", "Small caseloads and a named deputy."}},
		{"bidder2", "Brightpath Care Partnership", "1300000.50", "1300000.50", [3]string{"Shared houses with a tenancy coach.",
			"An annual survey of the young adults.", "A key worker rota."}},
	}
	bs := map[string]*browser.Browser{}
	receipts := map[string]string{}
	for _, bd := range bidders {
		b := as(bd.who)
		bs[bd.who] = b
		b.Visit(tp + "/bid")
		mustRead(t, b, "You have not started a bid.", "Q1: How will you help young adults find and keep a home of their own?", "Weight 40%. Scored by the Commissioner panel")
		b.Axe()
		for i, a := range bd.answers {
			b.Fill(fmt.Sprintf("answer-Q%d", i+1), a)
		}
		b.Fill("price", bd.price)
		keySubmit(t, b, "Save as draft")
		if b.Path() != tp+"/bid?done=bid-saved" {
			t.Fatalf("%s saving a draft: at %s", bd.who, b.Path())
		}
		mustRead(t, b, "Draft saved. It has not been sent.", "Status: Draft")
		if got := b.Eval(`document.querySelector('#answer-Q2').value`); got != bd.answers[1] {
			t.Fatalf("%s's draft shows Q2 as %q", bd.who, got)
		}
		if got, want := b.Eval(`document.querySelector("#price").value`), bd.shown; got != want {
			t.Fatalf("%s's draft shows the price as %q, want %s", bd.who, got, want)
		}
		b.Axe()
	}

	ask := bs["bidder2"]
	ask.Visit(tp + "/questions")
	ask.Axe()
	ask.Fill("question", "Can the homes be shared houses as well as flats?")
	keySubmit(t, ask, "Send the question")
	mustRead(t, ask, "Question sent. Only the commissioners see who asked it.", "Can the homes be shared houses as well as flats?", "Not answered yet.")
	ask.Axe()
	com.Visit(tp + "/questions")
	mustRead(t, com, "Question from Brightpath Care Partnership", "Can the homes be shared houses as well as flats?")
	com.Axe()
	com.Fill("answer", "Yes. Say in Q1 which kinds of home you would offer and why.")
	keySubmit(t, com, "Send the answer")
	mustRead(t, com, "Answer saved.", "Answer to all bidders: Yes. Say in Q1 which kinds of home you would offer and why.")
	com.Axe()
	other := bs["provider"]
	other.Visit(tp + "/questions")
	mustRead(t, other, "Can the homes be shared houses as well as flats?", "Answer to all bidders: Yes. Say in Q1")
	mustNotRead(t, other, "Brightpath")
	other.Axe()

	for _, bd := range bidders {
		b := bs[bd.who]
		b.Visit(tp + "/bid")
		keySubmit(t, b, "Submit your bid")
		mustRead(t, b, "Bid submitted", "for "+bd.org)
		m := receiptHash.FindStringSubmatch(b.Eval(`document.body.innerText`))
		if m == nil {
			t.Fatalf("%s: no SHA-256 receipt on %s:\n%s", bd.who, b.Path(), b.Eval(`document.body.innerText`))
		}
		receipts[bd.who] = m[1]
		b.Axe()
		keyFollow(t, b, "Back to your bid")
		mustRead(t, b, "Status: Submitted", "Receipt: "+m[1])
	}
	if receipts["provider"] == receipts["bidder2"] {
		t.Fatal("two different bids have the same receipt")
	}
	stored, err := s.DB.SubmittedBids(ctx, tid)
	if err != nil || len(stored) != 2 {
		t.Fatalf("submitted bids: %d, %v", len(stored), err)
	}
	for _, sb := range stored {
		who := map[string]string{"Riverside Community Support": "provider", "Brightpath Care Partnership": "bidder2"}[sb.OrgName]
		if sb.Receipt != receipts[who] {
			t.Errorf("%s's receipt: shown %s, stored %s", sb.OrgName, receipts[who], sb.Receipt)
		}
	}

	// 3. The deadline passes: no more changes.
	s.advance(4*time.Hour + time.Minute)
	late := bs["provider"]
	late.Visit(tp + "/bid")
	deadline := closes.Format("Monday 2 January 2006 at 15:04")
	// The bid page is read-only: the bid as sent, and no Save, Submit or
	// Withdraw (the server refuses them too: TestBidPageAfterTheDeadline).
	mustRead(t, late, "Bids closed on "+deadline+". Bids can no longer be started, changed, sent or withdrawn.",
		"Receipt: "+receipts["provider"], bidders[0].answers[0])
	if n := late.Eval(`String(document.querySelectorAll('main form, main textarea, main input[type=file]').length)`); n != "0" {
		t.Fatalf("after the deadline the bid page has %s forms and fields", n)
	}
	late.Axe()

	// 4. Declarations and sealed scores, each panel its own criteria.
	scores := map[string]map[string]map[string]int{ // evaluator, bidder organisation, criterion
		"evaluator":  {"Riverside": {"Q1": 4, "Q3": 4}, "Brightpath": {"Q1": 3, "Q3": 2}},
		"chair":      {"Riverside": {"Q1": 4, "Q3": 3}, "Brightpath": {"Q1": 3, "Q3": 4}},
		"evaluator2": {"Riverside": {"Q2": 5, "Q3": 4}, "Brightpath": {"Q2": 2, "Q3": 3}},
		"chair2":     {"Riverside": {"Q2": 4, "Q3": 4}, "Brightpath": {"Q2": 3, "Q3": 3}},
	}
	evs := map[string]*browser.Browser{}
	bidOf := map[string]string{} // bidder organisation to bid id
	for _, who := range []string{"evaluator", "chair", "evaluator2", "chair2"} {
		b := as(who)
		evs[who] = b
		b.Visit(tp + "/score")
		mustRead(t, b, "Declare your interests for every bidder before you see any bid.")
		b.Axe()
		keyFollow(t, b, "Declare your interests for every bidder")
		mustRead(t, b, "Do you have a conflict of interest with Riverside Community Support?", "Do you have a conflict of interest with Brightpath Care Partnership?")
		b.Axe()
		keySubmit(t, b, "Save my declarations")
		mustRead(t, b, "There is a problem", "Say whether you have a conflict of interest with Riverside Community Support")
		mustSee(t, b, `href="#conflict-`)
		b.Axe()
		no := ids(b, `input[type=radio][value=no]`)
		if len(no) != 2 {
			t.Fatalf("%s: %d bidders to declare for, want 2", who, len(no))
		}
		for _, id := range no {
			keyTick(b, byID(id))
		}
		keySubmit(t, b, "Save my declarations")
		if b.Path() != tp+"/score?done=declared" {
			t.Fatalf("%s declaring: at %s", who, b.Path())
		}
		mustRead(t, b, "Declaration saved.", "Score Riverside Community Support", "Score Brightpath Care Partnership")
		b.Axe()
		for _, org := range []string{"Riverside", "Brightpath"} {
			href := b.Eval(fmt.Sprintf(`Array.from(document.querySelectorAll('a')).find(a => a.textContent.startsWith('Score %s')).getAttribute('href')`, org))
			bidOf[org] = strings.TrimPrefix(href, tp+"/score/")
		}
		lep := strings.HasSuffix(who, "2")
		for org, marks := range scores[who] {
			keyFollow(t, b, "Score "+map[string]string{"Riverside": "Riverside Community Support", "Brightpath": "Brightpath Care Partnership"}[org])
			// A panel sees only the criteria it scores: Q3 is joint.
			if lep {
				mustRead(t, b, "Q2: How will young adults who have left care shape the service?", "Q3: How will each young adult keep the same key worker?", "Easy Read scoring guide")
				mustNotRead(t, b, "Q1:")
			} else {
				mustRead(t, b, "Q1: How will you help young adults find and keep a home of their own?", "Q3: How will each young adult keep the same key worker?")
				mustNotRead(t, b, "Q2:")
			}
			b.Axe()
			for crit, mark := range marks {
				keyTick(b, byID(fmt.Sprintf("score-%s-%d", crit, mark)))
				b.Fill("comment-"+crit, fmt.Sprintf("%s on %s: %d", who, crit, mark))
			}
			keySubmit(t, b, "Save my scores")
			mustRead(t, b, "Scores saved. They are sealed: nobody else can see them.")
		}
		b.Axe()
		keySubmit(t, b, "Submit all my scores")
		mustRead(t, b, "Scores submitted.", "You have submitted your scores.")
		b.Axe()
	}

	// 5. Each chair opens moderation, sees the scores and their spread, and
	// records a consensus for every bid and criterion of their panel.
	for _, chair := range []struct{ who, evaluator, name, crit string }{
		{"chair", "Pat Reid (commissioner panel chair)", "Commissioner panel", "Q1"},
		{"chair2", "Lee Carter (lived experience panel chair)", "Lived experience panel", "Q2"},
	} {
		b := evs[chair.who]
		b.Visit(tp + "/moderation")
		mustRead(t, b, "Moderation: "+chair.name, chair.evaluator+": submitted", "Individual scores stay sealed until you open moderation")
		b.Axe()
		keySubmit(t, b, "Open moderation")
		mustRead(t, b, "Moderation is open.")
		b.Axe()
		keys := ids(b, `input[name^="score-"]`)
		if len(keys) != 4 {
			t.Fatalf("%s: %d bid-criterion pairs to moderate, want 4: %v", chair.who, len(keys), keys)
		}
		if chair.who == "chair" {
			// Brightpath's Q3: scored 2 and 4.
			mustRead(t, b, "Q3: Brightpath Care Partnership", "Scores from 2 to 4, a spread of 2. Flag: spread of 2 or more, talk it through", "chair on Q3: 4")
		} else {
			mustRead(t, b, "Scores from 4 to 5, a spread of 1.", "evaluator2 on Q2: 5")
		}
		// One form for each bid: every criterion of the bid, one button.
		var order []string
		byBid := map[string][]string{}
		for _, id := range keys {
			bid, _, _ := strings.Cut(strings.TrimPrefix(id, "score-"), "-")
			if byBid[bid] == nil {
				order = append(order, bid)
			}
			byBid[bid] = append(byBid[bid], id)
		}
		for _, bid := range order {
			agreed := map[bool]string{true: "4", false: "3"}[bid == bidOf["Riverside"]]
			for _, id := range byBid[bid] {
				keyType(b, id, agreed)
				keyType(b, "rationale-"+strings.TrimPrefix(id, "score-"), "The panel talked it through and agreed "+agreed+".")
			}
			keySubmitAt(t, b, fmt.Sprintf(`//section[.//input[@id=%q]]//button`, byBid[bid][0]))
			mustRead(t, b, "Consensus score recorded.")
		}
		mustRead(t, b, "Consensus: 4. The panel talked it through and agreed 4.", "Consensus: 3. The panel talked it through and agreed 3.")
		b.Axe()
	}

	// 6. The lead sees the result and records the award.
	com.Visit(tp + "/result")
	mustRead(t, com, "Riverside Community Support won with")
	com.Axe()
	com.Visit(tp + "/award")
	com.Axe()
	keyTick(com, "#winner-"+bidOf["Riverside"])
	com.Fill("reason", "Ranked first on the published criteria.")
	com.Fill("notice_on", s.now().UTC().Format("2 January 2006"))
	keySubmit(t, com, "Record the award")
	if com.Path() != tp+"/result?done=awarded" {
		t.Fatalf("after the award: at %s\n%s", com.Path(), com.Eval(`document.body.innerText`))
	}
	mustRead(t, com, "Award decision recorded.", "Riverside Community Support won with", "Reason: Ranked first on the published criteria.")
	com.Axe()
	t.Logf("axe passed on %d pages", com.Checked+bs["provider"].Checked+bs["bidder2"].Checked+evs["evaluator"].Checked+evs["chair"].Checked+
		evs["evaluator2"].Checked+evs["chair2"].Checked)
}
