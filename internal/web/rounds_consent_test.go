package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// demoRound finds the demo round and the ids the consent tests need.
type demoRoundIDs struct {
	round, raeStory, raeMember, robinMember, crisisLine string
}

func findDemoRound(t *testing.T, s *testServer) demoRoundIDs {
	t.Helper()
	ctx := context.Background()
	rs, _, err := s.DB.ListRounds(ctx, round.Query{All: true})
	if err != nil || len(rs) != 1 {
		t.Fatalf("demo rounds = %v %v", rs, err)
	}
	ids := demoRoundIDs{round: rs[0].ID}
	stories, _, _ := s.DB.Stories(ctx, ids.round, round.Facilitators, demo.WithdrawnStory, "", 10)
	ms, _ := s.DB.RoundMembers(ctx, ids.round, round.Facilitators)
	svcs, _ := s.DB.Services(ctx, ids.round, round.Facilitators)
	if len(stories) != 1 || len(ms) != 8 || len(svcs) != 4 {
		t.Fatalf("demo round: %d stories titled %q, %d members, %d services", len(stories), demo.WithdrawnStory, len(ms), len(svcs))
	}
	ids.raeStory = stories[0].ID
	for _, m := range ms {
		switch m.Pseudonym {
		case "Rae":
			ids.raeMember = m.ID
		case "Robin":
			ids.robinMember = m.ID
		}
	}
	for _, sv := range svcs {
		if sv.Name == "Crisis line (24 hours)" {
			ids.crisisLine = sv.ID
		}
	}
	return ids
}

// roundPaths are every page and export of the demo round a reader might
// find the withdrawn story or the private contact on.
func roundPaths(ids demoRoundIDs) []string {
	b := "/rounds/" + ids.round
	return []string{"/rounds", b, b + "/members", b + "/members/" + ids.raeMember, b + "/sessions", b + "/stories",
		b + "/stories?q=crisis", b + "/stories?q=waiting", b + "/stories/" + ids.raeStory,
		b + "/stories/" + ids.raeStory + "/steps/new", b + "/factors", b + "/factors/new", b + "/services", b + "/services/" + ids.crisisLine,
		b + "/vision", b + "/vision/new", b + "/themes", b + "/evidence.json", b + "/evidence.csv", b + "/payments.csv"}
}

// secrets are what only the facilitator may see of Rae: their contact
// details, real name, and the story they withdrew (title and text).
var secrets = []string{demo.PrivateContact, "Rae Whitfield", demo.WithdrawnStory, "three times in one night"}

// TestConsentWithdrawalForEveryRole signs in as every demo role on both
// engines and reads every page and export of the demo round: only the
// facilitator sees Rae's contact details and withdrawn story, marked as
// withdrawn; counts in the evidence map differ accordingly.
func TestConsentWithdrawalForEveryRole(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ids := findDemoRound(t, s)
		for _, role := range append([]string{"anonymous", "member2"}, demoRoles...) {
			t.Run(role, func(t *testing.T) {
				c := s.client(t)
				if role != "anonymous" {
					c.loginAs(role)
				}
				for _, p := range roundPaths(ids) {
					r := c.get(p)
					for _, secret := range secrets {
						if role != "facilitator" && strings.Contains(r.Body, secret) {
							t.Errorf("%s sees %q on %s", role, secret, p)
						}
					}
					if role == "anonymous" && (r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login?next=")) {
						t.Errorf("anonymous %s = %d, want a redirect to sign in", p, r.StatusCode)
					}
				}
				observer := role == "provider" || role == "evaluator" || role == "researcher"
				if r := c.get("/rounds/" + ids.round + "/stories?q=waiting"); role != "anonymous" && role != "facilitator" && !observer && !strings.Contains(r.Body, "No stories match") {
					t.Errorf("%s: searching for the withdrawn story finds something", role)
				}
				checkExportCounts(t, c, ids, role)
			})
		}
		fac := s.client(t)
		fac.loginAs("facilitator")
		base := "/rounds/" + ids.round
		for p, want := range map[string][]string{
			base + "/members":                  {demo.PrivateContact, "Rae Whitfield", "Some consent withdrawn"},
			base + "/members/" + ids.raeMember: {demo.PrivateContact, "<strong>Withdrawn</strong>"},
			base + "/stories":                  {demo.WithdrawnStory, "Consent withdrawn"},
			base + "/stories/" + ids.raeStory:  {"three times in one night", "Consent withdrawn", "Crisis line"},
			base + "/evidence.csv":             {demo.WithdrawnStory + ",I called the crisis line three times in one night"},
		} {
			r := fac.get(p)
			for _, w := range want {
				if r.StatusCode != 200 || !strings.Contains(r.Body, w) {
					t.Errorf("facilitator: %s (%d) lacks %q", p, r.StatusCode, w)
				}
			}
		}
	})
}

// checkExportCounts reads the JSON export and checks what it holds for the
// role: the facilitator gets Rae's story (marked withdrawn) and counts it
// in the evidence map; everyone else gets neither.
func checkExportCounts(t *testing.T, c *client, ids demoRoundIDs, role string) {
	t.Helper()
	r := c.get("/rounds/" + ids.round + "/evidence.json")
	if role == "anonymous" {
		return
	}
	// Observers see aggregates only; the bidding provider is not even that.
	if role == "provider" || role == "evaluator" || role == "researcher" {
		if r.StatusCode != http.StatusForbidden {
			t.Errorf("%s: export = %d, want 403", role, r.StatusCode)
		}
		return
	}
	if r.StatusCode != 200 {
		t.Fatalf("%s: export = %d", role, r.StatusCode)
	}
	var x struct {
		Audience string `json:"audience"`
		Stories  []struct {
			Title string `json:"title"`
			By    struct {
				Withdrawn bool `json:"consent_withdrawn"`
			} `json:"by"`
		} `json:"stories"`
		Map []struct {
			Theme  string         `json:"theme"`
			Counts map[string]int `json:"counts"`
		} `json:"evidence_map"`
	}
	if err := json.Unmarshal([]byte(r.Body), &x); err != nil {
		t.Fatal(err)
	}
	wantStories, wantCrisis, wantAudience := 3, 1, "group"
	if role == "facilitator" {
		wantStories, wantCrisis, wantAudience = 4, 2, "facilitators"
		if x.Stories[3].Title != demo.WithdrawnStory || !x.Stories[3].By.Withdrawn {
			t.Errorf("facilitator export: %+v", x.Stories[3])
		}
	}
	crisis := -1
	for _, m := range x.Map {
		if m.Theme == "Crisis care" {
			crisis = m.Counts["story"]
		}
	}
	if x.Audience != wantAudience || len(x.Stories) != wantStories || crisis != wantCrisis {
		t.Errorf("%s export: audience %s, %d stories, %d crisis-care stories; want %s, %d, %d", role, x.Audience, len(x.Stories), crisis, wantAudience, wantStories, wantCrisis)
	}
}

// TestWithdrawingConsentHidesAtOnce has the facilitator record that Robin
// no longer takes part, and checks another member stops seeing Robin's
// story, factor and membership on the very next request, in pages and the
// export, while the facilitator still sees them marked.
func TestWithdrawingConsentHidesAtOnce(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ids := findDemoRound(t, s)
		base := "/rounds/" + ids.round
		sky, fac := s.client(t), s.client(t)
		sky.loginAs("member2")
		fac.loginAs("facilitator")
		robin := []string{"Finding someone who listened", "Having one trusted adult who knows me and does not change"}
		for p, w := range map[string]string{base + "/stories": robin[0], base + "/factors": robin[1], base + "/evidence.csv": robin[1]} {
			if !strings.Contains(sky.get(p).Body, w) {
				t.Fatalf("before withdrawal, %s lacks %q", p, w)
			}
		}
		if r := sky.get(base); !strings.Contains(r.Body, "has 8 members") {
			t.Fatalf("before: group size not 8")
		}
		r := fac.post(base+"/members/"+ids.robinMember+"/consent", url.Values{"purpose": {"take_part"}, "decision": {"withdrawn"}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("recording withdrawal = %d %s", r.StatusCode, r.Body)
		}
		for _, p := range []string{base + "/stories", base + "/stories?q=listened", base + "/factors", base + "/vision", base + "/members", base + "/evidence.csv", base + "/evidence.json"} {
			body := sky.get(p).Body
			for _, w := range append(robin, ">Robin<") {
				if strings.Contains(body, w) {
					t.Errorf("after withdrawal, member2 sees %q on %s", w, p)
				}
			}
		}
		if r := sky.get(base); !strings.Contains(r.Body, "has 7 members") {
			t.Errorf("after: group size not 7")
		}
		if r := fac.get(base + "/stories"); !strings.Contains(r.Body, "Finding someone who listened") || strings.Count(r.Body, "Consent withdrawn") != 2 {
			t.Errorf("facilitator after withdrawal: %s", r.Body)
		}
	})
}
