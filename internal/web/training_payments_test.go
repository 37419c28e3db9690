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

// TestTrainersPaidOverHTTP: the demo course pays its trainers £75.00 a
// session; Sky (member2, an account at Voices Together) delivers both
// sessions, the first recorded as delivered. The coordinator records the
// second; Sky then has two claims of £75.00 on her training page. Nobody
// but the ULO's coordinators and the trainer sees a claim, and only the
// coordinators record a session.
func TestTrainersPaidOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		ctx := context.Background()
		courses, course, first, second := demoCourse(t, srv)
		sky, err := srv.DB.UserByEmail(ctx, "member2@demo.test")
		if err != nil {
			t.Fatal(err)
		}
		prov, _ := srv.DB.UserByEmail(ctx, "provider@demo.test")

		fac := srv.client(t)
		fac.loginAs("facilitator")
		r := fac.get(course)
		wantContains(t, r, "course page", "who are paid £75.00 each for a session", `name="trainer_ids" value="`+sky.ID+`"`)
		wantContains(t, fac.get(first), "first session", "Involvement payments to the trainers", "<td>Sky (group member)</td><td>£75.00</td>")
		if strings.Contains(fac.get(first).Body, "Record that this session was delivered") {
			t.Errorf("the delivered session offers to record it again")
		}

		// Only the coordinators record a session, and nobody else sees a claim.
		for _, role := range append(demoRoles, "member2") {
			if role == "facilitator" {
				continue
			}
			c := srv.client(t)
			c.loginAs(role)
			if r := c.post(second+"/delivered", url.Values{}); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s records the session: %d", role, r.StatusCode)
			}
			body := c.get(first).Body
			if role != "member2" && strings.Contains(body, "£75.00") {
				t.Errorf("%s sees the trainers' payments", role)
			}
		}

		r = fac.post(second+"/delivered", url.Values{})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("recording the second session: %d %s", r.StatusCode, r.Body)
		}
		if r := fac.post(second+"/delivered", url.Values{}); r.StatusCode != http.StatusConflict {
			t.Errorf("recording it twice: %d", r.StatusCode)
		}
		me := srv.client(t)
		me.loginAs("member2")
		mine := me.get("/training")
		wantContains(t, mine, "Sky's training page", "Your involvement payments for training")
		if n := strings.Count(mine.Body, "<td>£75.00</td>"); n != 2 {
			t.Errorf("Sky has %d claims of £75.00, want 2", n)
		}
		wantContains(t, me.get(second), "Sky on the second session", "<td>Sky (group member)</td><td>£75.00</td>")

		// Trainers come from the ULO; a rate is pounds and pence.
		bad := fac.post(course+"/sessions", url.Values{"starts_at": {"2027-03-01T09:30"}, "place": {"Online"}, "trainer_ids": {prov.ID}})
		wantStatus(t, bad, http.StatusUnprocessableEntity, "a trainer from a provider")
		wantContains(t, bad, "a trainer from a provider", "Choose trainers from the organisation that runs the course")
		if r := fac.post(course+"/sessions", url.Values{"starts_at": {"2027-03-01T09:30"}, "place": {"Online"}, "trainer_ids": {sky.ID}}); r.StatusCode != http.StatusSeeOther {
			t.Errorf("a session by Sky: %d %s", r.StatusCode, r.Body)
		}
		ulo := courses[0].OrgID
		badRate := fac.post("/training/courses", url.Values{"org": {ulo}, "title": {"Reasonable adjustments"}, "about": {"What they are."},
			"questions": {"How confident are you?"}, "rate": {"75.5"}})
		wantStatus(t, badRate, http.StatusUnprocessableEntity, "a rate of 75.5")
		wantContains(t, badRate, "a rate of 75.5", "What each trainer is paid for a session: Enter the amount in pounds")
	})
}
