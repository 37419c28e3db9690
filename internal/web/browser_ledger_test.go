package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserLedgerWithoutJavaScript uses the board and the ledger with
// scripts off, running axe on every new page and on each form's errors:
// the public board, a filter, an item and its Easy Read view anonymously;
// then recording voice, committing, changing the status, adding an action
// and evidence, importing a file, and a member's verdict.
func TestBrowserLedgerWithoutJavaScript(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	b := browser.Start(t, s.URL, browser.Options{NoJS: true})

	b.Visit("/")
	b.Visit("/board")
	if !strings.Contains(b.Text("h1"), "You said, we did") {
		t.Fatalf("board: %q", b.Text("h1"))
	}
	b.Axe()
	b.Visit("/board?flag=overdue")
	if !strings.Contains(b.HTML(), "Flag: Overdue") {
		t.Fatal("the overdue filter shows no overdue item")
	}
	b.Axe()
	b.Visit("/board?status=done&theme=Information")
	b.Axe()
	item := ""
	for _, l := range b.Links() {
		if i := strings.Index(l, "/board/items/"); i >= 0 {
			item = l[i:]
			break
		}
	}
	if item == "" {
		t.Fatal("no item links on the board")
	}
	b.Visit(item)
	b.Axe()
	b.Visit(item + "/easy-read")
	if !strings.Contains(b.Text("h1"), "What was said") {
		t.Fatalf("easy read: %q", b.Text("h1"))
	}
	b.Axe()

	signIn(b, "facilitator@demo.test", demo.Password)
	b.Visit("/ledger")
	b.Axe()
	b.Visit("/ledger/items/new")
	b.Axe()
	b.Submit("Record it")
	if !strings.Contains(b.Text(".error-summary"), "Enter what was said") {
		t.Fatal("empty voice item: no error summary")
	}
	b.Axe()
	b.Fill("said", "The minibus to the day centre stopped running")
	b.Fill("said_on", "2 November 2026")
	clickLabel(b, "Voices Together")
	b.Submit("Record it")
	if !strings.HasPrefix(b.Path(), "/ledger/items/") {
		t.Fatalf("after recording: at %s\n%s", b.Path(), b.Text(".error-summary"))
	}
	b.Axe()
	page, _, _ := strings.Cut(b.Path(), "?")
	b.Visit(page + "/commitment")
	b.Axe()
	b.Submit("Record the commitment")
	b.Axe()
	b.Visit(page + "/status")
	b.Axe()
	clickLabel(b, "Not doing")
	b.Submit("Change the status")
	if !strings.Contains(b.Text(".error-summary"), "why it will not be done") {
		t.Fatalf("not doing without a reason: %q", b.Text(".error-summary"))
	}
	b.Axe()
	b.Visit(page + "/actions/new")
	b.Axe()
	b.Fill("what", "Asked the transport team for the route data")
	b.Submit("Add the action")
	b.Axe()
	b.Visit(page + "/evidence/new")
	b.Axe()
	b.Submit("Add the evidence")
	b.Axe()
	b.Visit("/ledger/import")
	b.Axe()
	clickLabel(b, "Voices Together")
	b.Fill("csv", "said,said_on\nThe lift is broken,2026-10-01\n,2026-10-02\n")
	b.Submit("Preview the import")
	if !strings.Contains(b.Text("h1"), "Check the import") {
		t.Fatalf("preview: %q %q", b.Text("h1"), b.Text(".error-summary"))
	}
	b.Axe()
	b.Submit("Import 1 items")
	if p, _, _ := strings.Cut(b.Path(), "?"); p != "/ledger" {
		t.Fatalf("after import: %s", b.Path())
	}

	m := browser.Start(t, s.URL, browser.Options{NoJS: true})
	signIn(m, "member@demo.test", demo.Password)
	m.Visit("/board?status=in_progress")
	var inProgress string
	for _, l := range m.Links() {
		// The item's own page, not its Easy Read one (…/easy-read), which
		// Robin's board, in Easy Read, may link first.
		if i := strings.Index(l, "/board/items/"); i >= 0 {
			id, _, _ := strings.Cut(strings.TrimPrefix(l[i:], "/board/items/"), "/")
			inProgress = "/board/items/" + id
			break
		}
	}
	m.Visit(strings.Replace(inProgress, "/board/", "/ledger/", 1) + "/verdict")
	m.Axe()
	m.Submit("Give my verdict")
	m.Axe()
	clickLabel(m, "Too early to say")
	// Robin reads Easy Read: saying why waits behind "Say why", opened as
	// a person would.
	m.Do(chromedp.Click(chromedp.Search(`//summary[normalize-space(.)="Say why (you do not have to)"]`)))
	m.Fill("comment", "It has only just started")
	m.Submit("Give my verdict")
	if !strings.Contains(m.HTML(), "Thank you. Your verdict is recorded.") {
		t.Fatalf("verdict not recorded: at %s", m.Path())
	}
	m.Axe()
}

// clickLabel clicks the label that contains text, as a keyboard or mouse
// user would choose a radio button or checkbox.
func clickLabel(b *browser.Browser, text string) {
	b.Do(chromedp.Click(chromedp.Search(`//label[contains(., "` + text + `")]`)))
}
