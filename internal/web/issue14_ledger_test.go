package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// Issue 14: a commitment due on 1 January 2020 was accepted for something
// said in November 2026. The form is refused with the problem on the due
// date, naming the day it was said; nothing is committed.
func TestCommitmentDueBeforeSaidIsRefused(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		fac := s.client(t)
		fac.loginAs("facilitator")
		r := fac.get("/ledger/items/new")
		ulo := regexp.MustCompile(`value="([a-z2-7]{26})"[^>]*><label for="[^"]+">Voices Together`).FindStringSubmatch(r.Body)
		if ulo == nil {
			t.Fatalf("no Voices Together choice on the form")
		}
		r = fac.post("/ledger/items", url.Values{"said": {"The café at the day centre shut"}, "source": {"session"}, "said_on": {"10 November 2026"},
			"org_ids": {ulo[1]}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("recording voice: %d %s", r.StatusCode, r.Body)
		}
		item := strings.TrimPrefix(strings.Split(r.Header.Get("Location"), "?")[0], "/ledger/items/")
		owner := regexp.MustCompile(`<option value="([a-z2-7]{26} [a-z2-7]{26})">Jordan Ellis`).FindStringSubmatch(fac.get("/ledger/items/" + item + "/commitment").Body)
		if owner == nil {
			t.Fatal("no owner choice")
		}
		r = fac.post("/ledger/items/"+item+"/commitment", url.Values{"owner": {owner[1]}, "what": {"Reopen the café on 3 days a week"}, "due_on": {"1 January 2020"}})
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#due_on"`) ||
			!strings.Contains(r.Body, "The due date must be on or after 10 November 2026, the day this was said") {
			t.Fatalf("due before said: %d\n%s", r.StatusCode, r.Body)
		}
		it, err := s.DB.LedgerItem(t.Context(), item, ledger.Staff)
		if err != nil || it.Commitment != nil || it.Status != ledger.StatusOpen {
			t.Fatalf("nothing should be committed: %+v %v", it, err)
		}
		r = fac.post("/ledger/items/"+item+"/commitment", url.Values{"owner": {owner[1]}, "what": {"Reopen the café on 3 days a week"}, "due_on": {"10 November 2026"}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("due the day it was said: %d %s", r.StatusCode, r.Body)
		}
	})
}

// Issue 14: from a board item a member followed "Manage this item", then
// "Back to the ledger" answered 403. Every link on the pages a member
// reaches from the board item must open for them.
func TestBoardItemLinksOpenForAMember(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	id := demoItem(t, s, ledger.Query{Status: ledger.StatusInProgress}, "Appointments are only in school hours")
	c := s.client(t)
	c.loginAs("member")
	board := c.get("/board/items/" + id)
	if board.StatusCode != http.StatusOK || !strings.Contains(board.Body, `href="/ledger/items/`+id+`">Manage this item`) {
		t.Fatalf("board item for a member: %d, no Manage link", board.StatusCode)
	}
	manage := c.get("/ledger/items/" + id)
	if manage.StatusCode != http.StatusOK {
		t.Fatalf("manage: %d", manage.StatusCode)
	}
	checked := 0
	for _, page := range []response{board, manage} {
		for _, m := range hrefs.FindAllStringSubmatch(page.Body, -1) {
			h := m[1]
			if !strings.HasPrefix(h, "/") || strings.HasPrefix(h, "/static/") || h == "/logout" {
				continue
			}
			checked++
			if got := c.get(h); got.StatusCode == http.StatusForbidden || got.StatusCode == http.StatusNotFound || got.StatusCode == http.StatusConflict {
				t.Errorf("%s links to %s, which answers %d to a member", page.Request.URL.Path, h, got.StatusCode)
			}
		}
	}
	if checked < 5 {
		t.Fatalf("only %d links checked", checked)
	}
}
