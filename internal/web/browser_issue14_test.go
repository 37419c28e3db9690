package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserIssue14Pages runs axe with JavaScript off on the pages issue
// 14's fixes added or changed: the shorter board, the accessibility
// statement, a round's edit form and its errors, the delete page refusing
// a published round and confirming a draft, the account's roles, and a
// ledger item as a member reaches it from the board. It logs the board's
// height, which the issue found at about 15,000 px.
func TestBrowserIssue14Pages(t *testing.T) {
	t.Parallel()
	start := time.Now()
	s := newTestServer(t, store.SQLite)
	id := findDemoRound(t, s).round
	user, org := commissioner(t, s)
	n := round.NewRound{OrgID: org, Title: "Opened by mistake", CareArea: "Adult social care", Purpose: round.PurposeBoth, Stake: "25",
		StartsOn: "2027-04-01", EndsOn: "2028-03-31"}
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	draft, err := s.DB.CreateRound(audit.WithActor(context.Background(), user), n, user)
	if err != nil {
		t.Fatal(err)
	}

	anon := browser.Start(t, s.URL, browser.Options{NoJS: true})
	anon.Visit("/board")
	anon.Axe()
	t.Logf("the board's first page is %s px tall, %s px wide", anon.Eval(`String(document.documentElement.scrollHeight)`),
		anon.Eval(`String(document.documentElement.clientWidth)`))
	anon.Visit("/accessibility")
	if !strings.Contains(anon.HTML(), "Enforcement procedure") {
		t.Fatal("the statement has no enforcement procedure")
	}
	anon.Axe()

	c := browser.Start(t, s.URL, browser.Options{NoJS: true})
	signIn(c, "commissioner@demo.test", demo.Password)
	c.Visit("/rounds/" + id + "/edit")
	c.Axe()
	c.Fill("title", "")
	c.Submit("Save the changes")
	if !strings.Contains(c.HTML(), "There is a problem") {
		t.Fatal("no error summary after an empty title")
	}
	c.Axe()
	c.Visit("/rounds/" + id + "/delete")
	if !strings.Contains(c.HTML(), "You cannot delete this round") {
		t.Fatal("the published round's delete page does not refuse")
	}
	c.Axe()
	c.Visit("/rounds/" + draft.ID + "/delete")
	c.Axe()
	c.Submit("Yes, delete this draft round")
	if p, _, _ := strings.Cut(c.Path(), "?"); p != "/rounds" {
		t.Fatalf("after deleting the draft: at %s", c.Path())
	}
	c.Visit("/account")
	c.Axe()

	m := browser.Start(t, s.URL, browser.Options{NoJS: true})
	signIn(m, "member@demo.test", demo.Password)
	m.Visit("/ledger/items/" + demoItem(t, s, ledger.Query{Status: ledger.StatusInProgress}, "Appointments are only in school hours"))
	m.Axe()
	m.Visit("/account")
	m.Axe()
	t.Logf("took %s", time.Since(start).Round(time.Millisecond))
}
