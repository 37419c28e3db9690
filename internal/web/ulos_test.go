package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestSetUpULOOverHTTP, both engines: the demo provider's staff set up a
// user-led organisation for its service users (every problem named
// first); its first facilitator accepts the invitation and invites a
// service user as a member and a quality checker; nobody else may set one
// up or invite to it, and a facilitator of another ULO cannot invite to it.
func TestSetUpULOOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		sam := s.client(t)
		sam.loginAs("provider")
		wantContains(t, sam.get("/account"), "account", `href="/ulos"`)
		wantContains(t, sam.get("/ulos"), "provider's page", "Set up by Riverside Community Support", `href="/ulos/new"`)
		for _, role := range []string{"member", "commissioner", "facilitator"} {
			c := s.client(t)
			c.loginAs(role)
			wantStatus(t, c.get("/ulos/new"), http.StatusForbidden, role+" setting up")
		}
		r := sam.post("/ulos", url.Values{})
		wantStatus(t, r, http.StatusUnprocessableEntity, "empty set-up")
		wantContains(t, r, "problems", `href="#name"`, `href="#display_name"`, `href="#email"`)
		orgs, _, err := s.DB.ListOrganisations(context.Background(), auth.ListQuery{Search: "Riverside Community", Limit: 2})
		if err != nil || len(orgs) != 1 {
			t.Fatalf("the demo provider: %+v %v", orgs, err)
		}
		r = sam.post("/ulos", url.Values{"provider": {orgs[0].ID}, "name": {"Riverside Voices"}, "display_name": {"Ash Green"}, "email": {"ash@example.org"}})
		wantStatus(t, r, http.StatusCreated, "set up")
		wantContains(t, r, "link", "With it they join Riverside Voices as Facilitator")
		link := regexp.MustCompile(`/invite/[A-Za-z0-9_-]+`).FindString(r.Body)
		wantContains(t, sam.get("/ulos"), "listed", "Riverside Voices, set up on")

		ash := s.client(t)
		if r := ash.post(link, url.Values{"display_name": {"Ash Green"}, "password": {"a long enough password 1"}, "password_confirm": {"a long enough password 1"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("accepting: %d %s", r.StatusCode, r.Body)
		}
		r = ash.get("/ulos")
		wantContains(t, r, "Ash's page", "Organisations you help run", "Riverside Voices")
		invite := regexp.MustCompile(`/ulos/[^/"]+/invite`).FindString(r.Body)
		wantContains(t, ash.get(invite), "invite form", "Invite someone to Riverside Voices", "Quality checker")
		wantStatus(t, ash.post(invite, url.Values{"display_name": {"Jo"}, "email": {"jo@example.org"}, "role": {"admin"}}), http.StatusUnprocessableEntity, "an administrator")
		r = ash.post(invite, url.Values{"display_name": {"Jo"}, "email": {"jo@example.org"}, "role": {"quality_checker"}})
		wantStatus(t, r, http.StatusCreated, "invite")
		wantContains(t, r, "invited", "With it they join Riverside Voices as Quality checker")
		jordan := s.client(t)
		jordan.loginAs("facilitator")
		wantStatus(t, jordan.get(invite), http.StatusForbidden, "another ULO's facilitator")
		wantStatus(t, sam.post(invite, url.Values{"display_name": {"Kim"}, "email": {"kim@example.org"}, "role": {"member"}}), http.StatusForbidden, "the provider inviting")
		if r := jordan.get("/ulos"); !strings.Contains(r.Body, "Voices Together") || strings.Contains(r.Body, "Riverside Voices") {
			t.Error("Jordan's page: not his ULO, or another's")
		}
	})
}
