package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

var nextList = regexp.MustCompile(`(?s)<h2>What you can do next</h2>\s*<ul[^>]*>(.*?)</ul>`)

// nextLinks are the links under "What you can do next" on a round's page.
func nextLinks(t *testing.T, c *client, roundID string) []string {
	t.Helper()
	r := c.get("/rounds/" + roundID)
	if r.StatusCode == http.StatusForbidden {
		return nil // not in the round: offered nothing in it
	}
	if r.StatusCode != http.StatusOK {
		t.Fatalf("round page: %d", r.StatusCode)
	}
	m := nextList.FindStringSubmatch(r.Body)
	if m == nil {
		return nil
	}
	var out []string
	for _, h := range hrefs.FindAllStringSubmatch(m[1], -1) {
		out = append(out, strings.ReplaceAll(h[1], "&amp;", "&"))
	}
	return out
}

// Issue 14: at Vision, Focus and Impact a commissioner's "What you can do
// next" offered only Invite and Move stage. Each stage now offers what it
// needs, and every step offered to any demo role opens for them.
func TestNextStepsFollowTheStage(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	id := findDemoRound(t, s).round
	base := "/rounds/" + id
	ctx := audit.WithActor(context.Background(), "")
	want := map[round.Stage][]string{
		round.StageVision: {base + "/vision", base + "/decisions/new"},
		round.StageFocus:  {base + "/measures/new", base + "/specs", base + "/tenders", base + "/decisions/new"},
		round.StageImpact: {base + "/contracts/new", base + "/contracts", "/ledger", base + "/decisions/new?kind=agree_impact"},
	}
	clients := map[string]*client{}
	for _, role := range append(demoRoles, "member2") {
		clients[role] = s.client(t)
		clients[role].loginAs(role)
	}
	for _, stage := range []round.Stage{round.StageVision, round.StageFocus, round.StageImpact} {
		rd, err := s.DB.RoundByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if rd.Stage != stage {
			if err := s.DB.MoveStage(ctx, id, stage, "Testing what each stage offers"); err != nil {
				t.Fatal(err)
			}
		}
		got := nextLinks(t, clients["commissioner"], id)
		for _, w := range want[stage] {
			if !contains(got, w) {
				t.Errorf("%s: the commissioner is not offered %s; offered %v", stage.Label(), w, got)
			}
		}
		for role, c := range clients {
			for _, h := range nextLinks(t, c, id) {
				path, _, _ := strings.Cut(h, "#")
				if r := c.get(path); r.StatusCode != http.StatusOK {
					t.Errorf("%s: %s is offered %s, which answers %d", stage.Label(), role, path, r.StatusCode)
				}
			}
		}
	}
}

// Issue 14: a round's title and dates could not be edited and a draft
// could not be deleted. The commissioner edits (audited), deletes a draft
// after a confirmation page, and is refused, in words, deleting the
// published demo round; others are refused both.
func TestRoundEditAndDeleteOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ctx := context.Background()
		published := findDemoRound(t, s).round
		user, org := commissioner(t, s)
		n := round.NewRound{OrgID: org, Title: "Opened by mistake", CareArea: "Adult social care", Purpose: round.PurposeBoth, Stake: "25",
			StartsOn: "2027-04-01", EndsOn: "2028-03-31"}
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		draft, err := s.DB.CreateRound(audit.WithActor(ctx, user), n, user)
		if err != nil {
			t.Fatal(err)
		}
		c := s.client(t)
		c.loginAs("commissioner")
		if got := nextLinks(t, c, draft.ID); !contains(got, "/rounds/"+draft.ID+"/edit") {
			t.Errorf("the draft's next steps do not offer editing: %v", got)
		}
		// A published round's title and dates can still change, but its
		// edit page offers no deleting; a draft's does.
		if got := nextLinks(t, c, published); !contains(got, "/rounds/"+published+"/edit") {
			t.Errorf("the published round's next steps do not offer editing: %v", got)
		}
		if r := c.get("/rounds/" + published + "/edit"); strings.Contains(r.Body, "/rounds/"+published+"/delete") {
			t.Error("the published round's edit page offers deleting it")
		}
		if r := c.get("/rounds/" + draft.ID + "/edit"); !strings.Contains(r.Body, `href="/rounds/`+draft.ID+`/delete"`) {
			t.Error("the draft's edit page does not offer deleting it")
		}
		for _, role := range []string{"member", "provider", "facilitator"} {
			o := s.client(t)
			o.loginAs(role)
			if r := o.get("/rounds/" + published + "/edit"); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s edit form: %d", role, r.StatusCode)
			}
			if r := o.post("/rounds/"+draft.ID+"/delete", nil); r.StatusCode != http.StatusForbidden && r.StatusCode != http.StatusNotFound {
				t.Errorf("%s delete: %d", role, r.StatusCode)
			}
		}

		// Edit: the form shows the round's values in words; problems are
		// shown with the form; a change is saved and audited.
		r := c.get("/rounds/" + draft.ID + "/edit")
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `value="Opened by mistake"`) || !strings.Contains(r.Body, `value="1 April 2027"`) {
			t.Fatalf("edit form: %d", r.StatusCode)
		}
		r = c.post("/rounds/"+draft.ID+"/edit", url.Values{"title": {""}, "starts_on": {"1 April 2027"}, "ends_on": {"31 March 2026"}})
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#title"`) || !strings.Contains(r.Body, "The end date must be on or after the start date") {
			t.Fatalf("bad edit: %d", r.StatusCode)
		}
		r = c.post("/rounds/"+draft.ID+"/edit", url.Values{"title": {"Adult social care 2027"}, "starts_on": {"1 May 2027"}, "ends_on": {"30 April 2028"}})
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/rounds/"+draft.ID+"?done=round-edited" {
			t.Fatalf("edit: %d %s", r.StatusCode, r.Header.Get("Location"))
		}
		if rd, err := s.DB.RoundByID(ctx, draft.ID); err != nil || rd.Title != "Adult social care 2027" || rd.StartsOn != "2027-05-01" {
			t.Fatalf("after editing: %+v %v", rd, err)
		}
		if evs, err := s.DB.AuditEvents(ctx, audit.Filter{Action: "round.edit", ObjectID: draft.ID}); err != nil || len(evs) != 1 || evs[0].ActorID != user {
			t.Fatalf("edit audit: %+v %v", evs, err)
		}

		// Delete: the published round is refused in words, on the page and
		// on a post; the draft is deleted after its confirmation page.
		r = c.get("/rounds/" + published + "/delete")
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "You cannot delete this round") || strings.Contains(r.Body, `action="/rounds/`+published+`/delete"`) {
			t.Fatalf("delete page of a published round: %d", r.StatusCode)
		}
		r = c.post("/rounds/"+published+"/delete", nil)
		if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "cannot be deleted") {
			t.Fatalf("deleting the published round: %d", r.StatusCode)
		}
		r = c.get("/rounds/" + draft.ID + "/delete")
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `action="/rounds/`+draft.ID+`/delete"`) {
			t.Fatalf("delete page of the draft: %d", r.StatusCode)
		}
		r = c.post("/rounds/"+draft.ID+"/delete", nil)
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/rounds?done=round-deleted" {
			t.Fatalf("delete: %d %s", r.StatusCode, r.Header.Get("Location"))
		}
		if r := c.get("/rounds/" + draft.ID); r.StatusCode != http.StatusNotFound && r.StatusCode != http.StatusForbidden {
			t.Fatalf("the deleted round: %d", r.StatusCode)
		}
		if r := c.get("/rounds?done=round-deleted"); !strings.Contains(r.Body, "The draft round has been deleted.") || strings.Contains(r.Body, "Adult social care 2027") {
			t.Fatal("the rounds list after deleting")
		}
		if _, err := s.DB.RoundByID(ctx, published); err != nil {
			t.Fatalf("the published round: %v", err)
		}
	})
}

// Issue 14: the letter checker suggested `Try ""`. A phrase with nothing
// plainer to say is to be left out, and the page never shows an empty
// suggestion.
func TestLetterCheckerNeverSuggestsNothing(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	c := s.client(t)
	c.loginAs("member")
	r := c.postMultipart("/readability", map[string]string{"text": "Please note that the clinic is closed. We hereby cancel your visit.", "profile": "plain"}, "", nil)
	if r.StatusCode != http.StatusOK {
		t.Fatalf("check: %d", r.StatusCode)
	}
	if strings.Contains(r.Body, "Try &#34;&#34;") || strings.Contains(r.Body, `Try ""`) || strings.Contains(r.Body, "Try &quot;&quot;") {
		t.Error("the checker suggests an empty Try")
	}
	for _, want := range []string{`Leave out &#34;Please note that&#34;`, `Leave out &#34;hereby&#34;`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("no suggestion %s", want)
		}
	}
}
