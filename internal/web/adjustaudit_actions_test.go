package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestAuditActionPlanOverHTTP, both engines: the audit team's facilitator
// adds an action to Riverside's re-audit (its problem named first); it is
// on the public board as a promise, with what the audit found; a member
// outside the team is told there is no such audit.
func TestAuditActionPlanOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		riverside := demoAudits(t, s)["Riverside GP practice, October to December 2026"]
		path := "/adjustment-audits/" + riverside.ID
		fac := s.client(t)
		fac.loginAs("facilitator")
		wantContains(t, fac.get(path), "audit page", "Action plan", "No actions yet.", `action="`+path+`/actions"`)
		r := fac.post(path+"/actions", url.Values{"due_on": {"31 March 2027"}})
		wantStatus(t, r, http.StatusUnprocessableEntity, "no action")
		wantContains(t, r, "problem", `href="#what"`)
		what := "Offer a double appointment to everyone whose record asks for one"
		r = fac.post(path+"/actions", url.Values{"what": {what}, "due_on": {"31 March 2027"}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("adding the action: %d %s", r.StatusCode, r.Body)
		}
		r = fac.get(path)
		wantContains(t, r, "the plan", what+" (by 31 March 2027, Jordan Ellis): Committed.")
		item := r.Body[strings.Index(r.Body, `<a href="/board/items/`)+len(`<a href="`):]
		item = item[:strings.Index(item, `"`)]
		wantContains(t, s.client(t).get(item), "on the public board",
			"The audit of Longer appointments at Riverside GP practice (October to December 2026) found every question that applies met in 18 of 20 cases.", what)
		robin := s.client(t)
		robin.loginAs("member")
		wantStatus(t, robin.post(path+"/actions", url.Values{"what": {what}, "due_on": {"31 March 2027"}}), http.StatusNotFound, "a member outside the team")
	})
}
