package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestPathwayPage: the group writes its "how to get support" page, the
// facilitator publishes it, and anyone reads it by its short address, as a
// poster too, and from the round on the public board.
func TestPathwayPage(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		rd := findDemoRound(t, srv).round
		p, err := srv.DB.Pathway(context.Background(), rd)
		if err != nil || p.Published == nil {
			t.Fatalf("the demo's page: %+v, %v", p, err)
		}
		visitor := srv.client(t)
		if r := visitor.get("/p/" + p.Slug); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `id="easy-read"`) ||
			!strings.Contains(r.Body, "You do not need a letter from your doctor.") {
			t.Errorf("public page: %d", r.StatusCode)
		}
		if r := visitor.get("/p/" + p.Slug + "/poster"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "/p/"+p.Slug+"</strong>") {
			t.Errorf("poster: %d", r.StatusCode)
		}
		if r := visitor.get("/board/rounds"); !strings.Contains(r.Body, `href="/p/`+p.Slug+`"`) {
			t.Error("the board does not link the page from the round")
		}
		for _, bad := range []string{"/p/nope", "/p/ABCDEF", "/p/zzzzzz"} {
			if r := visitor.get(bad); r.StatusCode != http.StatusNotFound {
				t.Errorf("%s: %d", bad, r.StatusCode)
			}
		}
		base := "/rounds/" + rd + "/pathway"
		member := srv.client(t)
		member.loginAs("member")
		if r := member.get(base); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "The group's vision") {
			t.Errorf("member's page: %d", r.StatusCode)
		}
		if r := member.post(base, url.Values{"title": {"How to get support"}, "plain": {"Ask us."}}); r.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(r.Body, `href="#easy_read"`) {
			t.Errorf("no Easy Read: %d", r.StatusCode)
		}
		if r := member.post(base, url.Values{"title": {"How to get support"}, "plain": {"Ask us."}, "easy_read": {"Ask us."}, "contact": {"Voices Together"}}); r.StatusCode != http.StatusSeeOther {
			t.Errorf("the member saves: %d", r.StatusCode)
		}
		if r := member.post(base+"/publish", url.Values{"publish": {"no"}}); r.StatusCode != http.StatusForbidden {
			t.Errorf("a member takes it down: %d", r.StatusCode)
		}
		for _, role := range []string{"provider", "evaluator"} {
			c := srv.client(t)
			c.loginAs(role)
			if r := c.post(base, url.Values{"title": {"x"}}); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s writes the group's page: %d", role, r.StatusCode)
			}
		}
		fac := srv.client(t)
		fac.loginAs("facilitator")
		if r := fac.post(base+"/publish", url.Values{"publish": {"no"}}); r.StatusCode != http.StatusSeeOther {
			t.Errorf("the facilitator takes it down: %d", r.StatusCode)
		}
		if r := visitor.get("/p/" + p.Slug); r.StatusCode != http.StatusNotFound {
			t.Errorf("taken down, still public: %d", r.StatusCode)
		}
		if r := visitor.get("/board/rounds"); strings.Contains(r.Body, `href="/p/`+p.Slug+`"`) {
			t.Error("the board still links the page taken down")
		}
	})
}
