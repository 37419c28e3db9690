package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
)

// TestRoundPermissions checks what each role may do in the demo round,
// through HTTP: the policy's answers reach every handler.
func TestRoundPermissions(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	base := "/rounds/" + ids.round
	anon := s.client(t)
	if r := anon.get("/rounds"); r.StatusCode != http.StatusSeeOther || strings.Contains(r.Body, "mental health") {
		t.Fatalf("anonymous /rounds = %d %q", r.StatusCode, r.Body)
	}
	cases := []struct {
		role, method, path string
		form               url.Values
		want               int
	}{
		{"member", "POST", base + "/publish", nil, http.StatusForbidden},
		{"facilitator", "POST", base + "/stake", url.Values{"stake": {"30"}}, http.StatusForbidden},
		{"provider", "GET", base + "/stories/new", nil, http.StatusForbidden},
		{"provider", "GET", base + "/payments.csv", nil, http.StatusForbidden},
		{"commissioner", "GET", base + "/members/" + ids.raeMember, nil, http.StatusForbidden},
		{"admin", "GET", base + "/members/" + ids.raeMember, nil, http.StatusForbidden},
		{"member", "GET", base + "/sessions/new", nil, http.StatusForbidden},
		{"member", "POST", base + "/vision/voting", url.Values{"voting": {"closed"}, "dots": {"5"}}, http.StatusForbidden},
		{"researcher", "GET", base, nil, http.StatusOK},
		{"facilitator", "GET", base + "/payments.csv", nil, http.StatusOK},
		{"commissioner", "GET", "/rounds/new", nil, http.StatusOK},
		{"member", "GET", "/rounds/new", nil, http.StatusForbidden},
	}
	for _, c := range cases {
		cl := s.client(t)
		cl.loginAs(c.role)
		var r response
		if c.method == "POST" {
			r = cl.post(c.path, c.form)
		} else {
			r = cl.get(c.path)
		}
		if r.StatusCode != c.want {
			t.Errorf("%s %s %s = %d, want %d", c.role, c.method, c.path, r.StatusCode, c.want)
		}
	}
}

// TestStakeLockAndStagesOverHTTP: lowering a published stake directly is
// refused with the rule's own message and a link to proposing it to the
// group (TestTheGroupDecidesOverHTTP follows that route). A skip needs a
// reason; a round closes only by the group's decision.
func TestStakeLockAndStagesOverHTTP(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	base := "/rounds/" + ids.round
	com := s.client(t)
	com.loginAs("commissioner")
	r := com.post(base+"/stake", url.Values{"stake": {"12.5"}})
	if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "The group decides this: start a proposal to lower the stake") ||
		!strings.Contains(r.Body, `href="#stake"`) || !strings.Contains(r.Body, base+"/decisions/new?kind=lower_stake&amp;subject=12.5") {
		t.Fatalf("lowering directly = %d", r.StatusCode)
	}
	if r := com.get(base); !strings.Contains(r.Body, "20% (locked since") {
		t.Fatalf("the refused lowering changed the stake")
	}
	fac := s.client(t)
	fac.loginAs("facilitator")
	if r := fac.post(base+"/stage", url.Values{"stage": {"impact"}}); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Say why the round is skipping Focus") {
		t.Fatalf("skip without reason = %d", r.StatusCode)
	}
	if r := fac.post(base+"/stage", url.Values{"stage": {"stories"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("going back = %d", r.StatusCode)
	}
	if r := fac.get(base); !strings.Contains(r.Body, "from Vision to Stories") {
		t.Fatal("going back is not shown on the round")
	}
	if r := com.post(base+"/close", url.Values{"what": {"x"}, "evidence": {"y"}}); r.StatusCode != http.StatusConflict ||
		!strings.Contains(r.Body, "a round closes only when the group agrees its impact") {
		t.Fatalf("closing directly = %d", r.StatusCode)
	}
}

// TestThemesCountFeedbackWithConsent tags a piece of feedback from Rae (who
// still takes part) and one imported, and checks the map's feedback count.
func TestThemesCountFeedbackWithConsent(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	ctx := context.Background()
	fb, _ := s.DB.Feedback(ctx, ids.round, ids.crisisLine, round.Facilitators)
	themes, _ := s.DB.Themes(ctx, ids.round)
	// Four themes: the demo's three and Getting about, under which the demo
	// researcher offered a passage (internal/demo/research.go).
	if len(fb) != 1 || len(themes) != 4 || themes[1].Name != "Crisis care" {
		t.Fatalf("demo: %d feedback, themes %+v", len(fb), themes)
	}
	fac := s.client(t)
	fac.loginAs("facilitator")
	base := "/rounds/" + ids.round
	if r := fac.get(base + "/themes"); !strings.Contains(r.Body, `value="feedback:`+fb[0].ID+`"`) {
		t.Fatal("feedback is not offered for tagging")
	}
	if r := fac.post(base+"/themes/tags", url.Values{"theme_id": {themes[1].ID}, "item": {"feedback:" + fb[0].ID}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("tagging feedback = %d %s", r.StatusCode, r.Body)
	}
	// Crisis care: stories 2 (1 withdrawn), factors 0, services 1, feedback 1, vision 1.
	for role, want := range map[string]string{"facilitator": "<td>2</td><td>0</td><td>1</td><td>1</td><td>1</td>", "member": "<td>1</td><td>0</td><td>1</td><td>1</td><td>1</td>"} {
		c := s.client(t)
		c.loginAs(role)
		if r := c.get(base + "/themes"); !strings.Contains(r.Body, `<th scope="row">Crisis care</th>`+want) {
			t.Errorf("%s map row for Crisis care, want %s: %s", role, want, r.Body)
		}
	}
}

// TestQuestionsSaveOnlyAfterTheLastAndAsTheReader posts a story flow's
// pages by hand: answers are carried page to page, nothing is saved before
// the last question, and a member cannot post as someone else.
func TestQuestionsSaveOnlyAfterTheLastAndAsTheReader(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	base := "/rounds/" + ids.round
	robin := s.client(t)
	robin.loginAs("member")
	answers := url.Values{"title": {"A new story"}, "member_id": {ids.raeMember}}
	r := robin.post(base+"/stories", url.Values{"q": {"0"}, "title": answers["title"]})
	if r.StatusCode != 200 || !strings.Contains(r.Body, "Tell us your story") || !strings.Contains(r.Body, `<input type="hidden" name="title" value="A new story">`) {
		t.Fatalf("after question 1: %d", r.StatusCode)
	}
	// A member is asked two questions (Easy Read is the facilitator's to
	// write), so nothing is saved after the first and the second saves.
	ctx := context.Background()
	if now, _, _ := s.DB.Stories(ctx, ids.round, round.Facilitators, "A new story", "", 50); len(now) != 0 {
		t.Fatal("saved before the last question")
	}
	answers.Set("body", "Text")
	answers.Set("q", "1")
	r = robin.post(base+"/stories", answers)
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("last question = %d %s", r.StatusCode, r.Body)
	}
	mine, _, _ := s.DB.Stories(ctx, ids.round, round.Facilitators, "A new story", "", 50)
	if len(mine) != 1 || mine[0].Author.MemberID != ids.robinMember {
		t.Fatalf("the story was saved as %+v, want Robin's", mine)
	}
}

// TestRoundPartsThatDoNotExistAre404 asks for a story, its pathway, a
// session, a service, a member and a factor that are not in the demo round:
// each answers 404, as the store says, and not a server error.
func TestRoundPartsThatDoNotExistAre404(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	base := "/rounds/" + ids.round
	fac := s.client(t)
	fac.loginAs("facilitator")
	for _, p := range []string{"/stories/nope", "/stories/nope/steps/new", "/sessions/nope", "/services/nope", "/members/nope"} {
		if r := fac.get(base + p); r.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, r.StatusCode)
		}
	}
	robin := s.client(t)
	robin.loginAs("member")
	if r := robin.post(base+"/factors/nope/me-too", url.Values{}); r.StatusCode != http.StatusNotFound {
		t.Errorf("me too on a factor that does not exist = %d, want 404", r.StatusCode)
	}
}
