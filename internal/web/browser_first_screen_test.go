package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// phone is the first screen the test measures: an iPhone 12 to 15 in CSS
// pixels, the commonest phone size in the UK.
const phoneWidth, phoneHeight = 390, 844

// memberPage is a page a group member opens, how they get there by links
// from their home, and the page's first action: what the member came to
// do there, which must end inside the first screen.
type memberPage struct {
	name string
	// reach are CSS selectors of the links to follow, in order, from the
	// home page (Your tasks); the page measured is where the last one leads.
	reach []string
	// action selects the page's first action; why says why it is the one.
	action, why string
}

var (
	toRound    = []string{`main a[href="/rounds"]`, `main a[href^="/rounds/"]`}
	toFindings = append(toRound[:2:2], `.round-nav a[href$="/findings"]`)
	toDecision = append(toRound[:2:2], `.round-nav a[href$="/decisions"]`)
	toAccount  = `main a[href="/account"]`
)

// memberPages are every page the demo member Robin reaches from the home
// page in the demo round and the main navigation, with their first action.
var memberPages = []memberPage{
	{"Your tasks", nil, `.task a`, "the most urgent task, first in the list"},
	{"Did it change? (a verdict)", []string{`.task a[href$="/verdict"]`}, `main input[name="verdict"]`, "the first answer"},
	{"Rounds", toRound[:1], `main a[href^="/rounds/"]`, "the first round to open"},
	{"A round", toRound, `.action-card a`, `the first card of "What you can do now"`},
	{"Vision: put your dots", append(toRound[:2:2], `.action-card a[href$="#vote"]`), `.dot-controls button`, `the first "Add a dot"`},
	{"Vision: say what good support is", append(toRound[:2:2], `.action-card a[href$="/vision/new"]`), `#body`, "the box to write it in"},
	{"My information", append(toRound[:2:2], `.action-card a[href$="/mine"]`), `main a.button`, "download all of it, the first thing to do there"},
	{"Stories", append(toRound[:2:2], `.round-nav a[href$="/stories"]`), `main a.button`, `"Share a story"`},
	{"What helps and harms", append(toRound[:2:2], `.round-nav a[href$="/factors"]`), `main a.button`, `"Add something that helps or harms"`},
	{"Services", append(toRound[:2:2], `.round-nav a[href$="/services"]`), `main table a`, "the first service to open"},
	{"Themes", append(toRound[:2:2], `.round-nav a[href$="/themes"]`), `main table tbody th`, "the first theme (the page has only the table to read)"},
	{"Decisions", toDecision, `.decision a`, "the first proposal, open ones first"},
	{"A proposal: your answer", append(toDecision[:3:3], `.decision a`), `main input[type="radio"]`, "the first answer"},
	{"What we found out", toFindings, `.findings-doc a`, "the first document"},
	{"A findings document", append(toFindings[:3:3], `.findings-doc a`), `.findings-point`, "its first point: reading it is what the page is for"},
	{"How to get support", append(toRound[:2:2], `.round-nav a[href$="/pathway"]`), `main a[href^="/p/"]`, "the group's public page"},
	{"Tenders", []string{`main a[href="/tenders/mine"]`}, `main h2 a`, "the first tender"},
	{"Contracts", []string{`main a[href="/contracts"]`}, `main li a`, "the first round's measures"},
	{"Board", []string{`main a[href="/board"]`}, `main :is(a[href="#items"], .ledger-card a)`, "the way to the items (in Easy Read, the first item itself)"},
	{"Peer support", []string{`main a[href="/peer"]`}, `main a.button`, `"Ask for peer support"`},
	{"Training", []string{`main a[href="/training"]`}, `main a[href^="/training/courses/"]`, "the first course"},
	{"Letters", []string{`main a[href="/readability"]`}, `#text`, "the box for the letter"},
	{"Account", []string{toAccount}, `main a`, "the first change a member can make"},
	{"Notifications", []string{`header a[href="/notifications"]`}, `main :is(a, button)`, "the first link or button (the newest notification's, or choosing how we tell you)"},
	{"Reasonable adjustments", []string{toAccount, `main a[href="/adjustments"]`}, `main a`, `the "About me" passport, first`},
	{`"About me" passport`, []string{toAccount, `main a[href="/adjustments"]`, `main a[href="/adjustments/passport"]`}, `main .er-point`, "its first point"},
}

// TestBrowserMemberActionsOnFirstScreen (JavaScript off): Robin, on a 390 ×
// 844 phone, in Easy Read (her own choice) and then without it, reaches each
// member page by links from her home; on each the first action ends inside
// the first screen, measured from the top of the page (so a link to #vote
// cannot hide a long page above it), and axe passes at that size. The
// compact phone header opens its menu by keyboard and passes axe. With
// COPROD_SCREENS set (a folder), the round page, the vote and a findings
// document are saved at 390 and 1280 px, the first screen and the whole page.
func TestBrowserMemberActionsOnFirstScreen(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	b := browser.Start(t, s.URL, browser.Options{NoJS: true})
	b.As("member")
	b.Do(chromedp.EmulateViewport(phoneWidth, phoneHeight))
	signIn(b, "member@demo.test", demo.Password)
	dir := os.Getenv("COPROD_SCREENS")

	for _, mode := range []string{"easy-read", "standard"} {
		b.As("member " + mode) // axe checks each page shape in each view
		if mode == "standard" {
			b.Visit("/account/display")
			keyTick(b, "#easy_read-off")
			keySubmit(t, b, "Save display settings")
		}
		var table strings.Builder
		for _, p := range memberPages {
			b.Visit("/")
			for _, sel := range p.reach {
				follow(t, b, sel)
			}
			if strings.Contains(b.HTML(), `class="easy-read"`) != (mode == "easy-read") {
				t.Errorf("%s (%s): the page is not in this mode", p.name, mode)
			}
			bottom := actionBottom(t, b, p.action)
			fmt.Fprintf(&table, "\n  %-34s %5.0f px  %s (%s)", p.name, bottom, p.action, p.why)
			if bottom > phoneHeight {
				t.Errorf("%s (%s, %s): the first action, %s, ends %.0f px from the top, below the first screen (%d px)",
					p.name, mode, b.Path(), p.why, bottom, phoneHeight)
			}
			b.AxeOnce(b.Path())
			if w := b.Eval(`String(document.documentElement.scrollWidth)`); w != strconv.Itoa(phoneWidth) {
				t.Errorf("%s (%s): the page is %s px wide at %d px", p.name, mode, w, phoneWidth)
			}
			if dir != "" && (p.name == "A round" || p.name == "Vision: put your dots" || p.name == "A findings document") {
				name := strings.NewReplacer(" ", "-", ":", "").Replace(strings.ToLower(p.name))
				b.SaveFirstScreen(phoneWidth, phoneHeight, filepath.Join(dir, mode+"-"+name+"-390-first-screen.png"))
				b.SaveScreenshot(phoneWidth, phoneHeight, filepath.Join(dir, mode+"-"+name+"-390.png"))
				b.SaveFirstScreen(1280, 900, filepath.Join(dir, mode+"-"+name+"-1280-first-screen.png"))
				b.SaveScreenshot(1280, 900, filepath.Join(dir, mode+"-"+name+"-1280.png"))
				b.Do(chromedp.EmulateViewport(phoneWidth, phoneHeight))
			}
		}
		t.Logf("%s, where each page's first action ends at %d × %d:%s", mode, phoneWidth, phoneHeight, table.String())
		phoneMenu(t, b)
	}
}

// follow opens the first link that sel finds on the current page.
func follow(t *testing.T, b *browser.Browser, sel string) {
	t.Helper()
	href := b.Eval(`(() => { const a = document.querySelector(` + strconv.Quote(sel) + `); return a ? a.href : '' })()`)
	if href == "" {
		t.Fatalf("on %s: no link %s", b.Path(), sel)
	}
	b.Visit(href)
}

// actionBottom is where the first visible element sel finds ends, in CSS
// pixels from the top of the page.
func actionBottom(t *testing.T, b *browser.Browser, sel string) float64 {
	t.Helper()
	v := b.Eval(`(() => { for (const e of document.querySelectorAll(` + strconv.Quote(sel) + `)) {
		const r = e.getBoundingClientRect(); if (r.width > 0 && r.height > 0) return String(r.bottom + window.scrollY); } return '' })()`)
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("on %s: nothing visible for %s", b.Path(), sel)
	}
	return f
}

// phoneMenu checks the phone header: the main navigation waits behind
// "Menu", which opens with the keyboard; axe passes with it closed and open.
func phoneMenu(t *testing.T, b *browser.Browser) {
	t.Helper()
	b.Visit("/")
	visible := `(() => { const a = document.querySelector('.phone-menu a[href="/board"]'); return String(!!a && a.checkVisibility()) })()`
	if v := b.Eval(visible); v != "false" {
		t.Errorf("the phone menu's links show before it is opened (%s)", v)
	}
	b.Axe()
	b.Do(chromedp.Focus(chromedp.CSS(".phone-menu summary")), chromedp.KeyEvent("\r"))
	if v := b.Eval(visible); v != "true" {
		t.Error("Enter on Menu did not show the main navigation")
	}
	b.Axe()
	b.Do(chromedp.EmulateViewport(1280, 900))
	if v := b.Eval(`String(getComputedStyle(document.querySelector('.phone-menu')).display)`); v != "none" {
		t.Errorf("at 1280 px the phone menu shows (display %s)", v)
	}
	b.Do(chromedp.EmulateViewport(phoneWidth, phoneHeight))
}
