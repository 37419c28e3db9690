package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestMyInformation: Robin sees and downloads what the round holds about
// her, and changes her own consent; nobody else reaches her page.
func TestMyInformation(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ids := findDemoRound(t, s)
		base := "/rounds/" + ids.round
		robin := s.client(t)
		robin.loginAs("member")
		r := robin.get(base + "/mine")
		for _, want := range []string{"Robin Adeyemi", "robin.a@example.org", "Easy Read", "Finding someone who listened",
			"Having one trusted adult who knows me and does not change", "I see the same person each time, who knows my story"} {
			if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, want) {
				t.Errorf("my information (%d) lacks %q", r.StatusCode, want)
			}
		}
		for _, other := range []string{"Skylar Morgan", "sky.m@example.org", "Rae Whitfield"} {
			if strings.Contains(r.Body, other) {
				t.Errorf("Robin's information shows %q", other)
			}
		}
		if !strings.Contains(robin.get(base).Body, `href="/rounds/`+ids.round+`/mine"`) || !strings.Contains(robin.get("/account").Body, base+"/mine") {
			t.Errorf("the round and the account page do not link to my information")
		}

		j := robin.get(base + "/mine.json")
		if j.StatusCode != http.StatusOK || j.Header.Get("Content-Disposition") != `attachment; filename="my-information.json"` {
			t.Fatalf("download = %d %q", j.StatusCode, j.Header.Get("Content-Disposition"))
		}
		var x struct {
			You struct {
				Name     string `json:"the_name_you_chose_for_the_group"`
				RealName string `json:"your_real_name"`
			} `json:"about_you"`
			Consent []struct {
				For string `json:"what_for"`
				Now string `json:"now"`
			} `json:"your_consent_now"`
			Stories []struct {
				Title   string            `json:"title"`
				Pathway []json.RawMessage `json:"your_pathway"`
			} `json:"your_stories"`
			Factors []json.RawMessage `json:"what_you_said_helps_or_harms"`
			Vision  []json.RawMessage `json:"your_vision_statements"`
		}
		if err := json.Unmarshal([]byte(j.Body), &x); err != nil {
			t.Fatal(err)
		}
		if x.You.Name != "Robin" || x.You.RealName != "Robin Adeyemi" || len(x.Stories) != 1 || x.Stories[0].Title != "Finding someone who listened" ||
			len(x.Stories[0].Pathway) == 0 || len(x.Factors) != 1 || len(x.Vision) != 1 || len(x.Consent) != len(round.ConsentPurposes) {
			t.Errorf("download = %+v", x)
		}

		// Robin withdraws consent to be named, herself.
		if r := robin.post(base+"/mine/consent", url.Values{"purpose": {"share_pseudonym"}, "decision": {"withdrawn"}}); r.StatusCode != http.StatusSeeOther ||
			r.Header.Get("Location") != base+"/mine?done=consent" {
			t.Fatalf("withdrawing = %d %s", r.StatusCode, r.Header.Get("Location"))
		}
		if r := robin.post(base+"/mine/consent", url.Values{"purpose": {"sell_my_data"}, "decision": {"given"}}); r.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("consent to an unknown purpose = %d", r.StatusCode)
		}
		ctx := context.Background()
		hist, _ := s.DB.ConsentHistory(ctx, ids.robinMember)
		last := hist[len(hist)-1]
		if last.Purpose != round.ConsentSharePseudonym || last.Given || last.RecordedBy != demoUser(t, s, "member").ID {
			t.Errorf("last consent record = %+v", last)
		}
		if m, _ := s.DB.MemberForUser(ctx, ids.round, demoUser(t, s, "member").ID); m.Consent.Named() || !m.Consent.TakesPart() {
			t.Errorf("consent after withdrawing = %+v", m.Consent)
		}
		if r := robin.get(base + "/mine?done=consent"); !strings.Contains(r.Body, "Your consent has been recorded") {
			t.Errorf("no confirmation")
		}

		// Nobody but the member: not the facilitator, an observer or a visitor.
		for _, role := range []string{"facilitator", "commissioner", "evaluator", "provider"} {
			c := s.client(t)
			c.loginAs(role)
			for _, p := range []string{base + "/mine", base + "/mine.json"} {
				if r := c.get(p); r.StatusCode != http.StatusForbidden {
					t.Errorf("%s: %s = %d, want 403", role, p, r.StatusCode)
				}
			}
			if r := c.post(base+"/mine/consent", url.Values{"purpose": {"take_part"}, "decision": {"withdrawn"}}); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s changing consent = %d", role, r.StatusCode)
			}
		}
	})
}

// TestMembersChangeWhatTheyShared: over HTTP, a member changes and deletes
// her own vision statement in the Vision stage (the demo's), and is refused
// another member's, a story once its stage has passed, and a statement a
// measure was built on; nothing changes on a refusal.
func TestMembersChangeWhatTheyShared(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ids := findDemoRound(t, s)
		ctx := context.Background()
		base := "/rounds/" + ids.round
		var robinStory, skyStatement, robinStatement string
		stories, _, _ := s.DB.Stories(ctx, ids.round, round.Facilitators, "listened", "", 10)
		robinStory = stories[0].ID
		sts, _ := s.DB.Statements(ctx, ids.round, round.Facilitators, "")
		for _, st := range sts {
			switch st.Author.Name {
			case "Sky":
				skyStatement = st.ID
			case "Robin":
				robinStatement = st.ID
			}
		}
		mine, err := s.DB.AddStatement(ctx, ids.round, evidence.NewStatement{MemberID: ids.robinMember, Body: "I can phone at night"})
		if err != nil || skyStatement == "" || robinStatement == "" {
			t.Fatal(err, skyStatement, robinStatement)
		}
		statement := func(id string) string {
			sts, _ := s.DB.Statements(ctx, ids.round, round.Facilitators, "")
			for _, st := range sts {
				if st.ID == id {
					return st.Body
				}
			}
			return ""
		}
		robin := s.client(t)
		robin.loginAs("member")

		if r := robin.get(base + "/mine/vision/" + mine.ID + "/edit"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `value="I can phone at night"`) {
			t.Fatalf("edit form = %d", r.StatusCode)
		}
		if r := robin.post(base+"/mine/vision/"+mine.ID+"/edit", url.Values{"body": {"phone at night"}}); r.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(r.Body, "Start the statement with “I”") {
			t.Errorf("an edit that is not an I statement = %d", r.StatusCode)
		}
		if r := robin.post(base+"/mine/vision/"+mine.ID+"/edit", url.Values{"body": {"I can phone someone at night"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit = %d %s", r.StatusCode, r.Body)
		}
		if got := statement(mine.ID); got != "I can phone someone at night" {
			t.Errorf("statement after edit = %q", got)
		}

		// Another member's statement: not hers to find, or to change.
		if r := robin.get(base + "/mine/vision/" + skyStatement + "/edit"); r.StatusCode != http.StatusNotFound {
			t.Errorf("Sky's statement's edit form = %d", r.StatusCode)
		}
		if r := robin.post(base+"/mine/vision/"+skyStatement+"/edit", url.Values{"body": {"I was changed by Robin"}}); r.StatusCode != http.StatusNotFound {
			t.Errorf("editing Sky's statement = %d", r.StatusCode)
		}
		if r := robin.post(base+"/mine/vision/"+skyStatement+"/delete", nil); r.StatusCode != http.StatusForbidden ||
			!strings.Contains(r.Body, "Only the person who shared this vision statement can change it") {
			t.Errorf("deleting Sky's statement = %d", r.StatusCode)
		}
		if statement(skyStatement) == "" || statement(skyStatement) == "I was changed by Robin" {
			t.Errorf("Sky's statement changed")
		}
		// Her story: the Stories stage has passed.
		before, _ := s.DB.StoryByID(ctx, ids.round, robinStory, round.Facilitators)
		for _, r := range []response{robin.get(base + "/mine/story/" + robinStory + "/edit"),
			robin.post(base+"/mine/story/"+robinStory+"/edit", url.Values{"title": {"New"}, "body": {"New"}}),
			robin.post(base+"/mine/story/"+robinStory+"/delete", nil)} {
			if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "ask the facilitator") {
				t.Errorf("changing a story after its stage = %d", r.StatusCode)
			}
		}
		if after, _ := s.DB.StoryByID(ctx, ids.round, robinStory, round.Facilitators); after.Title != before.Title || after.Body != before.Body {
			t.Errorf("the story changed")
		}
		if r := robin.get(base + "/mine"); strings.Contains(r.Body, "/mine/story/") || !strings.Contains(r.Body, "ask the people who run the group") {
			t.Errorf("my information offers to change a story after its stage")
		}
		// A statement a measure was built on stays.
		if r := robin.post(base+"/mine/vision/"+robinStatement+"/delete", nil); r.StatusCode != http.StatusConflict || statement(robinStatement) == "" {
			t.Errorf("deleting a statement a measure is built on = %d", r.StatusCode)
		}

		// Deleting, after a confirmation page that needs no JavaScript.
		if r := robin.get(base + "/mine/vision/" + mine.ID + "/delete"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "Yes, delete it for good") ||
			!strings.Contains(r.Body, `<form method="post" action="`+base+`/mine/vision/`+mine.ID+`/delete">`) {
			t.Fatalf("confirmation = %d", r.StatusCode)
		}
		if r := robin.post(base+"/mine/vision/"+mine.ID+"/delete", nil); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != base+"/mine?done=deleted" {
			t.Fatalf("delete = %d", r.StatusCode)
		}
		if statement(mine.ID) != "" {
			t.Errorf("the statement is still there")
		}
	})
}

// TestObserversSeeAggregatesOnly: an observer reads the round, its services
// and its themes, but not the group's members, sessions, stories, factors,
// feedback, vision or exports.
func TestObserversSeeAggregatesOnly(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ids := findDemoRound(t, s)
		base := "/rounds/" + ids.round
		c := s.client(t)
		c.loginAs("evaluator")
		for _, p := range []string{base, base + "/services", base + "/themes"} {
			if r := c.get(p); r.StatusCode != http.StatusOK || strings.Contains(r.Body, "Vassall Centre") || strings.Contains(r.Body, ">Robin<") ||
				strings.Contains(r.Body, base+"/stories\"") {
				t.Errorf("observer: %s = %d, or shows the group's content or a link to it", p, r.StatusCode)
			}
		}
		for _, p := range []string{base + "/members", base + "/sessions", base + "/stories", base + "/stories/" + ids.raeStory, base + "/factors",
			base + "/services/" + ids.crisisLine, base + "/vision", base + "/evidence.json", base + "/evidence.csv"} {
			if r := c.get(p); r.StatusCode != http.StatusForbidden {
				t.Errorf("observer: %s = %d, want 403", p, r.StatusCode)
			}
		}
	})
}

// invitationLink has the facilitator make a round invitation for role and
// returns its path.
func invitationLink(t *testing.T, s *testServer, roundID string, role auth.Role) string {
	t.Helper()
	fac := s.client(t)
	fac.loginAs("facilitator")
	r := fac.post("/rounds/"+roundID+"/invitations", url.Values{"role": {string(role)}, "for_name": {"Newcomer"}})
	m := regexp.MustCompile(`/invite/round/[A-Za-z0-9_-]+`).FindString(r.Body)
	if r.StatusCode != http.StatusCreated || m == "" {
		t.Fatalf("invitation = %d", r.StatusCode)
	}
	return m
}

// TestBiddersCannotJoinTheGroup: a person whose organisation bids in the
// round's tenders is refused as an observer or a member, with nothing
// changed; a role they held before their organisation bid opens nothing.
func TestBiddersCannotJoinTheGroup(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ids := findDemoRound(t, s)
		ctx := context.Background()
		for _, x := range []struct {
			role   string
			as     auth.Role
			bidder string
		}{{"provider", round.RoleObserver, "Riverside Community Support"}, {"bidder2", round.RoleMember, "Brightpath Care Partnership"}} {
			link := invitationLink(t, s, ids.round, x.as)
			c := s.client(t)
			c.loginAs(x.role)
			r := c.post(link, url.Values{"pseudonym": {"Newcomer"}, "take_part": {"yes"}})
			if r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, x.bidder+" is bidding in a tender of this round") {
				t.Errorf("%s joining as %s = %d", x.role, x.as, r.StatusCode)
			}
			as, _ := s.DB.AssignmentsOf(ctx, demoUser(t, s, x.role).ID)
			for _, a := range as {
				if a.ScopeType == auth.ScopeRound {
					t.Errorf("%s holds %s in a round after the refusal", x.role, a.Role)
				}
			}
			if _, err := s.DB.MemberForUser(ctx, ids.round, demoUser(t, s, x.role).ID); err == nil {
				t.Errorf("%s joined the group", x.role)
			}
			if r := c.get(link); r.StatusCode != http.StatusOK {
				t.Errorf("the refused invitation was used up: %d", r.StatusCode)
			}
		}
		// An observer's role given before the bid (written directly, as the
		// store now refuses it) opens nothing.
		if err := storetest.Exec(s.DB, `INSERT INTO role_assignments (id, user_id, role, scope_type, scope_id, created_at)
			VALUES ('oldobserverrole', '`+demoUser(t, s, "provider").ID+`', 'observer', 'round', '`+ids.round+`', CURRENT_TIMESTAMP)`); err != nil {
			t.Fatal(err)
		}
		c := s.client(t)
		c.loginAs("provider")
		for _, p := range []string{"/rounds/" + ids.round, "/rounds/" + ids.round + "/stories", "/rounds/" + ids.round + "/themes"} {
			if r := c.get(p); r.StatusCode != http.StatusForbidden {
				t.Errorf("provider with an observer role from before the bid: %s = %d", p, r.StatusCode)
			}
		}
	})
}
