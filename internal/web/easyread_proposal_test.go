package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
)

// easyReadBox is a form's Easy Read text box.
var easyReadBox = regexp.MustCompile(`<textarea[^>]*name="easy_read"`)

// TestMembersProposeWithoutEasyRead: Robin, a member, proposes without
// being asked for Easy Read (an easy_read field sent anyway is ignored);
// the proposal says its Easy Read is still to come. The facilitator and
// the commissioner write it, with the Easy Read checker under the box;
// Robin cannot. The facilitator's own new proposal form still has the box.
func TestMembersProposeWithoutEasyRead(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	base := "/rounds/" + ids.round
	robin, fac, com := s.client(t), s.client(t), s.client(t)
	robin.loginAs("member")
	fac.loginAs("facilitator")
	com.loginAs("commissioner")

	form := robin.get(base + "/decisions/new")
	if form.StatusCode != http.StatusOK || easyReadBox.MatchString(form.Body) || !strings.Contains(form.Body, "The people who run the group write it.") {
		t.Fatalf("Robin's proposal form = %d; it asks for Easy Read, or does not say who writes it", form.StatusCode)
	}
	if r := fac.get(base + "/decisions/new"); !easyReadBox.MatchString(r.Body) || !strings.Contains(r.Body, "You can write it later.") {
		t.Error("the facilitator's proposal form has no Easy Read box")
	}
	opens, closes := s.now().In(round.London), s.now().Add(72*time.Hour).In(round.London)
	proposal := url.Values{"kind": {"question"}, "title": {"Meet on Saturdays"},
		"plain_english": {"Should the group meet on Saturday mornings, when more of us can come?"},
		"easy_read":     {"Robin typed this anyway."},
		"opens_date":    {opens.Format("2 January 2006")}, "opens_time": {opens.Format("15:04")},
		"closes_date": {closes.Format("2 January 2006")}, "closes_time": {closes.Format("15:04")}}
	r := robin.post(base+"/decisions", proposal)
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("Robin proposing without Easy Read = %d %s", r.StatusCode, r.Body)
	}
	page := strings.TrimSuffix(r.Header.Get("Location"), "?done=proposal-started")
	pid := page[strings.LastIndex(page, "/")+1:]
	pr, err := s.DB.ProposalByID(context.Background(), ids.round, pid, round.Facilitators)
	if err != nil || pr.EasyRead != "" {
		t.Fatalf("Robin's proposal: %v, Easy Read %q", err, pr.EasyRead)
	}
	write := page + "/easy-read"
	if r := robin.get(page); !strings.Contains(r.Body, "have not written the Easy Read yet.") || strings.Contains(r.Body, write) {
		t.Error("Robin's proposal page does not say the Easy Read is to come, or offers Robin to write it")
	}
	if r := robin.get(write); r.StatusCode != http.StatusForbidden {
		t.Errorf("Robin opening the Easy Read form = %d", r.StatusCode)
	}
	if r := robin.post(write, url.Values{"easy_read": {"Meet on Saturday?"}}); r.StatusCode != http.StatusForbidden {
		t.Errorf("Robin writing the Easy Read = %d", r.StatusCode)
	}

	if !strings.Contains(fac.get(page).Body, `<a href="`+write+`">Write the Easy Read version</a>`) {
		t.Error("the facilitator is not offered to write the Easy Read version")
	}
	r = fac.get(write)
	if r.StatusCode != http.StatusOK || !easyReadBox.MatchString(r.Body) || !strings.Contains(r.Body, "Should the group meet on Saturday mornings") {
		t.Fatalf("the facilitator's Easy Read form = %d, or the plain English is missing", r.StatusCode)
	}
	if r := fac.post(write, url.Values{"easy_read": {"  "}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#easy_read"`) {
		t.Errorf("an empty Easy Read = %d", r.StatusCode)
	}
	long := "We would like to ask everyone in the group whether meeting on Saturday mornings would suit them better than now."
	r = fac.post(write, url.Values{"easy_read": {long}})
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != page+"?done=easy-read-written" {
		t.Fatalf("the facilitator saving = %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	// The checker says what it found, when the page is opened again.
	if r := fac.get(write); !strings.Contains(r.Body, "20 words") {
		t.Errorf("the checker does not flag a sentence of 20 words: %s", checkerSays(r.Body))
	}
	if r := com.post(write, url.Values{"easy_read": {"Meet on Saturday?\nMore of us can come then."}}); r.StatusCode != http.StatusSeeOther {
		t.Errorf("the commissioner writing it = %d", r.StatusCode)
	}
	if !strings.Contains(robin.get(page).Body, "More of us can come then.") {
		t.Error("Robin does not see the Easy Read version")
	}
}

// checkerSays is the Easy Read checker's part of a page, for a message.
func checkerSays(body string) string {
	if i := strings.Index(body, "Easy Read checker"); i >= 0 {
		return body[i:min(len(body), i+600)]
	}
	return "(no checker)"
}
