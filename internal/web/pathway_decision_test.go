package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestPathwayPublishedByTheGroup: the demo's page is public because the
// group passed a question to make it so. Taken down, the facilitator can
// make it public again only by citing that decision; nobody else can.
func TestPathwayPublishedByTheGroup(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		ctx := context.Background()
		rd := findDemoRound(t, srv).round
		p, err := srv.DB.Pathway(ctx, rd)
		if err != nil || p.Published == nil {
			t.Fatalf("the demo's page: %+v, %v", p, err)
		}
		passed, err := srv.DB.Proposals(ctx, rd, round.StatePassed)
		if err != nil {
			t.Fatal(err)
		}
		var decision string
		for _, x := range passed {
			if x.Title == "Make our how to get support page public" {
				decision = x.ID
			}
		}
		if decision == "" {
			t.Fatal("the demo has no decision to publish the page")
		}
		path := "/rounds/" + rd + "/pathway/publish"
		fac := srv.client(t)
		fac.loginAs("facilitator")
		if r := fac.post(path, url.Values{"publish": {"no"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("taking the page down: %d", r.StatusCode)
		}
		if r := srv.client(t).get("/p/" + p.Slug); r.StatusCode != http.StatusNotFound {
			t.Errorf("the page taken down is still public: %d", r.StatusCode)
		}
		form := fac.get("/rounds/" + rd + "/pathway")
		wantContains(t, form, "pathway page", `name="decision" value="`+decision+`"`, "The group&#39;s decision to make it public")
		bad := fac.post(path, url.Values{"publish": {"yes"}})
		wantStatus(t, bad, http.StatusUnprocessableEntity, "publishing without a decision")
		wantContains(t, bad, "publishing without a decision", "a question the group passed")
		for _, role := range []string{"member", "commissioner", "provider"} {
			c := srv.client(t)
			c.loginAs(role)
			if r := c.post(path, url.Values{"publish": {"yes"}, "decision": {decision}}); r.StatusCode == http.StatusSeeOther {
				t.Errorf("%s made the page public", role)
			}
		}
		if r := fac.post(path, url.Values{"publish": {"yes"}, "decision": {decision}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("publishing by the group's decision: %d %s", r.StatusCode, r.Body)
		}
		if r := srv.client(t).get("/p/" + p.Slug); r.StatusCode != http.StatusOK {
			t.Errorf("the page is not public again: %d", r.StatusCode)
		}
	})
}
