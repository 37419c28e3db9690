package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/adjustaudit"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// demoAudits are the demo ULO's audits, by service and period.
func demoAudits(t *testing.T, s *testServer) map[string]adjustaudit.Audit {
	t.Helper()
	ctx := context.Background()
	fac, err := s.DB.UserByEmail(ctx, "facilitator@demo.test")
	if err != nil {
		t.Fatal(err)
	}
	orgs, _, err := s.DB.ListOrganisations(ctx, auth.ListQuery{Search: "Voices", Limit: 5})
	if err != nil || len(orgs) != 1 {
		t.Fatalf("ULO: %v %v", orgs, err)
	}
	list, err := s.DB.AdjustmentAudits(audit.WithActor(ctx, fac.ID), []string{orgs[0].ID})
	if err != nil || len(list) != 4 {
		t.Fatalf("demo audits: %+v %v", list, err)
	}
	out := map[string]adjustaudit.Audit{}
	for _, a := range list {
		out[a.Service+", "+a.Period] = a
	}
	return out
}

// TestAdjustmentAuditsOverHTTP: the ULO's facilitator reads the demo's two
// re-audits, worded from Newcombe's interval (Riverside's longer
// appointments better, 18 of 20 against 8 of 20; Northgate's environment
// cannot tell yet, 7 of 10 against 5 of 10), adds a case (with mistakes
// first) and starts a re-audit; nobody outside the audit team sees any of
// it (a researcher of another organisation is another team). On both
// engines.
func TestAdjustmentAuditsOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		audits := demoAudits(t, s)
		riverside := audits["Riverside GP practice, October to December 2026"]
		northgate := audits["Northgate Hospital outpatients, October to December 2026"]

		fac := s.client(t)
		fac.loginAs("facilitator")
		wantContains(t, fac.get("/account"), "account", `href="/adjustment-audits"`)
		r := fac.get("/adjustment-audits")
		wantContains(t, r, "list", `href="/adjustment-audits/`+riverside.ID+`"`, "Northgate Hospital outpatients</a> (re-audit)")
		r = fac.get("/adjustment-audits/" + riverside.ID)
		wantStatus(t, r, http.StatusOK, "Riverside re-audit")
		wantContains(t, r, "Riverside re-audit", "18 of 20 cases (90%", "Better: 90% now against 40% before, a rise of 50 percentage points",
			"an audit needs <strong>97 cases</strong>")
		// The sample size for a chosen margin and caseload (Krejcie and
		// Morgan's table: 1,000 people, ±5 points: 278).
		wantContains(t, fac.get("/adjustment-audits/"+riverside.ID+"?margin=5&population=1000"), "sample size",
			"about 5 points either way, from 1000 people who use the service, an audit needs <strong>278 cases</strong>")
		// The overall figures over time as an XmR chart: 40 then 90, mean
		// 65, one moving range of 50, limits 65 ± 2.66 × 50 = −68 and 198.
		wantContains(t, r, "Riverside chart", "Over time", `<svg role="img"`, "<th scope=\"row\">April to June 2026</th><td>40</td>",
			"<th scope=\"row\">October to December 2026</th><td>90</td><td>50</td>", "Mean 65", "Upper limit 198", "Lower limit \u221268",
			"With only 2 points the limits are not yet reliable")
		// Comparing with another audit of the same template (the form
		// offers Riverside's first audit); another template cannot be.
		first := audits["Riverside GP practice, April to June 2026"]
		wantContains(t, r, "compare form", `action="/adjustment-audits/`+riverside.ID+`/compare"`, `<option value="`+first.ID+`">`)
		r2 := fac.get("/adjustment-audits/" + riverside.ID + "/compare?with=" + first.ID)
		wantStatus(t, r2, http.StatusOK, "compare")
		wantContains(t, r2, "compare", "Better: 90% now against 40% before", "18 of 20 cases", "8 of 20 cases")
		wantStatus(t, fac.get("/adjustment-audits/"+riverside.ID+"/compare?with="+northgate.ID), http.StatusUnprocessableEntity, "compare templates")
		r = fac.get("/adjustment-audits/" + northgate.ID)
		wantContains(t, r, "Northgate re-audit", "7 of 10 cases (70%", "We cannot tell yet: 70% now against 50% before, a rise of 20 percentage points")

		// A case with mistakes, then a good one.
		cases := "/adjustment-audits/" + riverside.ID + "/cases"
		wantStatus(t, fac.get(cases+"/new"), http.StatusOK, "case form")
		r = fac.post(cases, url.Values{"label": {"C21"}, "answer_need_recorded": {"met"}})
		wantStatus(t, r, http.StatusUnprocessableEntity, "case with mistakes")
		wantContains(t, r, "case with mistakes", `href="#answer_longer_booked"`)
		r = fac.post(cases, url.Values{"label": {"C21"}, "answer_need_recorded": {"met"}, "answer_longer_booked": {"met"},
			"evidence_longer_booked": {"Booked for 20 minutes"}})
		wantStatus(t, r, http.StatusSeeOther, "adding a case")
		wantContains(t, fac.get("/adjustment-audits/"+riverside.ID), "after the case", "19 of 21 cases", "Met: Booked for 20 minutes")

		// A re-audit of the re-audit.
		r = fac.get("/adjustment-audits/new?previous=" + riverside.ID)
		wantContains(t, r, "re-audit form", "Start a re-audit", `value="Riverside GP practice"`)
		r = fac.post("/adjustment-audits", url.Values{"previous": {riverside.ID}, "org": {riverside.OrgID}, "template": {riverside.Template},
			"service": {"Riverside GP practice"}, "period": {"January to March 2027"}})
		if r.StatusCode != http.StatusSeeOther || !strings.Contains(r.Header.Get("Location"), "?done=audit-started") {
			t.Fatalf("starting a re-audit: %d %s", r.StatusCode, r.Body)
		}

		// A letter criterion runs the letter checker on the letter pasted.
		r = fac.post("/adjustment-audits", url.Values{"org": {riverside.OrgID}, "template": {"accessible_letters"},
			"service": {"Riverside GP practice"}, "period": {"2026"}})
		wantStatus(t, r, http.StatusSeeOther, "letters audit")
		letters := strings.TrimSuffix(r.Header.Get("Location"), "?done=audit-started")
		wantContains(t, fac.get(letters+"/cases/new"), "letters case form", `name="letter_letter_in_format"`)
		r = fac.post(letters+"/cases", url.Values{"label": {"L1"}, "answer_format_recorded": {"met"}, "answer_letter_in_format": {"met"},
			"answer_letter_plain": {"not_met"}, "letter_letter_plain": {"Notwithstanding the aforementioned considerations, attendance is obligatory."}})
		wantStatus(t, r, http.StatusSeeOther, "letters case")
		wantContains(t, fac.get(letters), "letters audit page", "Letter checker (Easy Read rules): reading age ")

		// Outside the team: no such audit; the list says so.
		for _, role := range []string{"admin", "commissioner", "provider", "member", "researcher"} {
			c := s.client(t)
			c.loginAs(role)
			wantStatus(t, c.get("/adjustment-audits/"+riverside.ID), http.StatusNotFound, role)
			wantStatus(t, c.get(cases+"/new"), http.StatusNotFound, role+" case form")
			wantStatus(t, c.get("/adjustment-audits/"+riverside.ID+"/compare?with="+first.ID), http.StatusNotFound, role+" compare")
			wantStatus(t, c.post(cases, url.Values{"label": {"X"}}), http.StatusNotFound, role+" adding a case")
			list := c.get("/adjustment-audits")
			if strings.Contains(list.Body, "Riverside") {
				t.Errorf("%s sees the ULO's audits in their list", role)
			}
			// The researcher is in another team (the university's): they may
			// start their own audits, but not see the ULO's.
			if role == "researcher" {
				wantStatus(t, c.get("/adjustment-audits/new"), http.StatusOK, role+" starting")
				continue
			}
			wantContains(t, list, role+" list", "You are not in an audit team")
			wantStatus(t, c.get("/adjustment-audits/new"), http.StatusForbidden, role+" starting")
		}
		if r := s.client(t).get("/adjustment-audits"); r.StatusCode != http.StatusSeeOther {
			t.Errorf("visitor: %d", r.StatusCode)
		}
	})
}

// TestAdjustmentAuditsOnTheBoard: the public sees the audits' totals, each
// figure on fewer than 5 cases withheld, and never a case.
func TestAdjustmentAuditsOnTheBoard(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	anon := s.client(t)
	wantContains(t, anon.get("/board"), "board", `href="/board/adjustment-audits"`)
	r := anon.get("/board/adjustment-audits")
	wantStatus(t, r, http.StatusOK, "public audits")
	wantContains(t, r, "public audits", "Longer appointments: Riverside GP practice, October to December 2026",
		"Every question that applies met: 18 of 20 cases (90%", "Against the audit before:</strong> Better: 90% now against 40% before",
		"We cannot tell yet: 70% now against 50% before")
	if strings.Contains(r.Body, "C1") || strings.Contains(r.Body, "Booked for") {
		t.Error("a case label or evidence is on the public page")
	}
	// A new audit with 4 cases: its figures are withheld.
	audits := demoAudits(t, s)
	fac := s.client(t)
	fac.loginAs("facilitator")
	first := audits["Riverside GP practice, April to June 2026"]
	r = fac.post("/adjustment-audits", url.Values{"org": {first.OrgID}, "template": {"support_person"},
		"service": {"Hillside dental surgery"}, "period": {"2026"}})
	wantStatus(t, r, http.StatusSeeOther, "new audit")
	id := strings.TrimSuffix(strings.TrimPrefix(r.Header.Get("Location"), "/adjustment-audits/"), "?done=audit-started")
	for i := range 4 {
		r := fac.post("/adjustment-audits/"+id+"/cases", url.Values{"label": {"H" + string(rune('1'+i))},
			"answer_person_recorded": {"met"}, "answer_person_welcomed": {"met"}, "evidence_person_welcomed": {"Booked for"}})
		wantStatus(t, r, http.StatusSeeOther, "a case")
	}
	r = anon.get("/board/adjustment-audits")
	wantContains(t, r, "public audits", "The support person welcomed: Hillside dental surgery, 2026",
		"Every question that applies met: Fewer than 5 cases: not shown")
	if strings.Contains(r.Body, "4 of 4") {
		t.Error("a figure on 4 cases is shown")
	}
}
