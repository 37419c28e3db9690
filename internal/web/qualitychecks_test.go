package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/qualitycheck"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// demoQualityChecks are the demo's two checks: Riverside House's finished
// report and the visit to Brightpath's day centre planned for today.
func demoQualityChecks(t *testing.T, s *testServer) (done, planned qualitycheck.Check) {
	t.Helper()
	ctx := context.Background()
	fac, err := s.DB.UserByEmail(ctx, "facilitator@demo.test")
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.DB.QualityChecks(audit.WithActor(ctx, fac.ID))
	if err != nil || len(list) != 2 {
		t.Fatalf("demo quality checks: %+v %v", list, err)
	}
	for _, c := range list {
		if c.Reported() {
			done = c
		} else {
			planned = c
		}
	}
	if done.Service != "Riverside House supported living" || planned.Service != "Brightpath day centre" {
		t.Fatalf("demo quality checks: %+v", list)
	}
	return done, planned
}

// TestQualityChecksOverHTTP: route by role on both engines. The demo's
// quality checker (Robin) and the ULO's facilitator see both checks; the
// provider visited sees only the finished report, and answers its points;
// every other account, the administrator included, is told there is no
// such check. Robin answers the planned checklist one question a page with
// no typing and finishes the report, whose "needs to change" point is then
// on the public board; the facilitator records Robin's payment.
func TestQualityChecksOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		done, planned := demoQualityChecks(t, s)
		as := map[string]*client{}
		for _, role := range []string{"member", "facilitator", "provider", "member2", "commissioner", "researcher", "evaluator2", "bidder2", "admin"} {
			as[role] = s.client(t)
			as[role].loginAs(role)
		}
		robinUser, err := s.DB.UserByEmail(context.Background(), "member@demo.test")
		if err != nil {
			t.Fatal(err)
		}
		donePath, plannedPath := "/quality-checks/"+done.ID, "/quality-checks/"+planned.ID
		for role, want := range map[string][2]int{
			"member": {200, 200}, "facilitator": {200, 200}, "provider": {200, 404},
			"member2": {404, 404}, "commissioner": {404, 404}, "researcher": {404, 404}, "evaluator2": {404, 404}, "bidder2": {404, 404}, "admin": {404, 404},
		} {
			wantStatus(t, as[role].get(donePath), want[0], role+" on the finished report")
			wantStatus(t, as[role].get(plannedPath), want[1], role+" on the planned check")
		}
		if r := s.client(t).get(donePath); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
			t.Errorf("a visitor: %d %s", r.StatusCode, r.Header.Get("Location"))
		}
		wantContains(t, as["member"].get("/account"), "account", `href="/quality-checks"`)
		wantContains(t, as["member"].get("/quality-checks"), "Robin's list", `href="/quality-checks/new"`, "Riverside House supported living", "Brightpath day centre")
		r := as["provider"].get("/quality-checks")
		wantContains(t, r, "provider's list", "Riverside House supported living")
		if strings.Contains(r.Body, "Brightpath day centre") || strings.Contains(r.Body, `href="/quality-checks/new"`) {
			t.Error("the provider sees the planned check or may plan one")
		}
		wantStatus(t, as["provider"].get("/quality-checks/new"), http.StatusForbidden, "provider planning")

		// The finished report: Easy Read with pictures, plain English with
		// the provider's answers and the two points on the board.
		r = as["provider"].get(donePath)
		wantContains(t, r, "report", "The report in Easy Read", "4 things are good.", "2 things are OK.", "2 things need to change.",
			"The report in plain English", "found 4 of 8 standards good, 2 OK and 2 needing to change",
			"We will have Easy Read menus and fire notices by the end of January", `alt="A page of writing"`, "Change your answer")
		if n := strings.Count(r.Body, `href="/board/items/`); n != 2 {
			t.Errorf("%d links to the board, want 2", n)
		}
		if strings.Contains(r.Body, "Involvement payments") {
			t.Error("the provider sees the checkers' payments")
		}
		wantContains(t, as["facilitator"].get(donePath), "payments", "Involvement payments", "£25.00", "Record a payment")

		// The provider answers a point; nobody else may.
		point := donePath + "/points/information"
		wantContains(t, as["provider"].get(point), "answer form", "Information should be in Easy Read", "Your answer")
		wantStatus(t, as["member"].get(point), http.StatusForbidden, "the checker on the provider's answer form")
		wantStatus(t, as["provider"].post(point, url.Values{"reply": {""}}), http.StatusUnprocessableEntity, "empty answer")
		wantStatus(t, as["member2"].post(point, url.Values{"reply": {"Fine."}}), http.StatusNotFound, "Sky answering")
		wantStatus(t, as["member"].post(point, url.Values{"reply": {"Fine."}}), http.StatusForbidden, "the checker answering for the provider")
		wantStatus(t, as["provider"].post(point, url.Values{"reply": {"Easy Read menus are printed."}}), http.StatusSeeOther, "answer")
		wantContains(t, as["member"].get(donePath), "answer shown", "Easy Read menus are printed.")

		// Robin answers the planned checklist, one question a page.
		robin := as["member"]
		r = robin.get(plannedPath)
		wantContains(t, r, "planned", "Start the checklist", plannedPath+"/questions/welcome")
		q := robin.get(plannedPath + "/questions/welcome")
		wantContains(t, q, "first question", "Question 1 of 8 of the", "Did staff say hello and tell you their name?", `value="needs_change"`,
			`alt="A hand waving"`, "Say what you saw (you do not have to)", ">Next</button>")
		wantStatus(t, robin.post(plannedPath+"/questions/welcome", url.Values{}), http.StatusUnprocessableEntity, "no answer")
		for i, question := range qualitycheck.Checklist {
			form := url.Values{"answer": {"good"}}
			if question.Key == "quiet" {
				form = url.Values{"answer": {"needs_change"}, "saw": {"There was no quiet room."}}
			}
			r := robin.post(plannedPath+"/questions/"+question.Key, form)
			next := plannedPath + "?done=answered#checklist"
			if i+1 < len(qualitycheck.Checklist) {
				next = plannedPath + "/questions/" + qualitycheck.Checklist[i+1].Key
			}
			if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != next {
				t.Fatalf("answering %s: %d to %q, want %q", question.Key, r.StatusCode, r.Header.Get("Location"), next)
			}
		}
		wantContains(t, robin.get(plannedPath), "all answered", "Finish the report", "There was no quiet room.")
		wantStatus(t, as["provider"].post(plannedPath+"/finish", nil), http.StatusNotFound, "the provider finishing")
		wantStatus(t, robin.post(plannedPath+"/finish", nil), http.StatusSeeOther, "finish")
		wantStatus(t, robin.post(plannedPath+"/questions/quiet", url.Values{"answer": {"good"}}), http.StatusConflict, "changing a finished report")
		r = as["bidder2"].get(plannedPath)
		wantContains(t, r, "Brightpath's report", "1 thing needs to change.", "Answer this point")
		item := r.Body[strings.Index(r.Body, `href="/board/items/`)+len(`href="`):]
		item = item[:strings.Index(item, `"`)]
		wantContains(t, s.client(t).get(item), "the point on the public board", "Quality checkers from Voices Together (user-led organisation) visited Brightpath day centre",
			"There should be a quiet space for anyone who needs one.")

		// Payments: the facilitator records them; a checker may not.
		pay := url.Values{"member_id": {robinUser.ID}, "amount": {"30.00"}, "method": {"voucher"}, "paid_on": {"1 December 2026"}}
		wantStatus(t, robin.post(donePath+"/payments", pay), http.StatusForbidden, "Robin paying")
		wantStatus(t, as["facilitator"].post(donePath+"/payments", url.Values{"amount": {"x"}}), http.StatusUnprocessableEntity, "bad payment")
		wantStatus(t, as["facilitator"].post(donePath+"/payments", pay), http.StatusSeeOther, "payment")
		wantContains(t, as["facilitator"].get(donePath), "paid", "£30.00", "Voucher")

		// Planning a visit: every problem named, then planned.
		r = robin.post("/quality-checks", url.Values{})
		wantStatus(t, r, http.StatusUnprocessableEntity, "empty plan")
		wantContains(t, r, "plan problems", `href="#provider"`, `href="#service"`, `href="#visit_on"`, `href="#checkers"`)
		r = robin.post("/quality-checks", url.Values{"ulo": {done.ULOID}, "provider": {done.ProviderID}, "service": {"Riverside day service"}, "visit_on": {"20 January 2027"},
			"checkers": {robinUser.ID}})
		wantStatus(t, r, http.StatusSeeOther, "plan")
		wantContains(t, robin.get(r.Header.Get("Location")), "planned page", "The visit is planned.", "20 January 2027", "Start the checklist")
	})
}
