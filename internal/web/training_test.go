package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/training"
)

// TestTrainingByRole: courses and their results for anyone signed in; who
// attended for the trainers' ULO, the provider's lead (their own staff)
// and the trainee. The demo course's first question, worked by hand:
// differences 2 2 1 2 0, mean 1.4, s = √0.8, se = 0.4, t(0.975, 4) =
// 2.776445, so 1.4 ± 1.11: 0.3 to 2.5. Reach at Riverside: 3 of 40
// support workers (7.5%, shown 8%) and 1 of 4 service managers (25%).
func TestTrainingByRole(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		ctx := context.Background()
		courses, course, first, second := demoCourse(t, srv)
		ss, _ := srv.DB.TrainingSessions(ctx, courses[0].ID)
		people := map[string]training.Record{}
		for _, s := range ss {
			as, _ := srv.DB.Attendees(ctx, s.ID)
			for _, a := range as {
				people[a.Name] = a
			}
		}
		dee, fay := "/training/attendees/"+people["Dee Hart"].ID, "/training/attendees/"+people["Fay Lin"].ID

		if r := srv.client(t).get("/training"); r.StatusCode != http.StatusSeeOther {
			t.Errorf("a visitor: %d", r.StatusCode)
		}
		cases := []struct {
			path string
			want map[string]int // anyone signed in not listed gets 404
		}{
			{dee + "/certificate", map[string]int{"facilitator": 200, "provider": 200}},
			{fay + "/certificate", map[string]int{"facilitator": 200}},
			{dee + "/answers/before", map[string]int{"facilitator": 200}},
		}
		for _, role := range append(demoRoles, "member2") {
			c := srv.client(t)
			c.loginAs(role)
			for _, p := range []string{"/training", course, first, "/training/reach"} {
				if r := c.get(p); r.StatusCode != http.StatusOK {
					t.Errorf("%s GET %s: %d", role, p, r.StatusCode)
				}
			}
			for _, tc := range cases {
				want, ok := tc.want[role]
				if !ok {
					want = http.StatusNotFound
				}
				if r := c.get(tc.path); r.StatusCode != want {
					t.Errorf("%s GET %s: %d, want %d", role, tc.path, r.StatusCode, want)
				}
			}
			// Names of attendees: all for the ULO, Riverside's for its lead, none for the rest.
			r := c.get(second)
			seesGus, seesFay := strings.Contains(r.Body, "Gus Reid"), strings.Contains(r.Body, "Fay Lin")
			switch role {
			case "facilitator":
				if !seesGus || !seesFay {
					t.Errorf("the ULO does not see every attendee")
				}
			case "provider":
				if !seesGus || seesFay {
					t.Errorf("Riverside's lead sees Gus %v, Brightpath's Fay %v", seesGus, seesFay)
				}
			default:
				if seesGus || seesFay || !strings.Contains(r.Body, "2 people") {
					t.Errorf("%s sees attendees' names", role)
				}
			}
		}
		com := srv.client(t)
		com.loginAs("commissioner")
		if r := com.get(course); !strings.Contains(r.Body, "Confidence went up, by 1.4 points on average (95% interval 0.3 to 2.5).") {
			t.Errorf("course results:\n%s", r.Body)
		}
		if r := com.get("/training/reach"); !strings.Contains(r.Body, "<td>3</td><td>40</td>") || !strings.Contains(r.Body, "8%") || !strings.Contains(r.Body, "25%") {
			t.Errorf("reach:\n%s", r.Body)
		}
		// Who trained whom: Voices Together trained 4 of Riverside's staff (Sam, Dee, Eli, Gus) and 1 of Brightpath's.
		if r := com.get("/training/reach"); !strings.Contains(r.Body, "<td>Voices Together (user-led organisation)</td><td>Riverside Community Support</td><td>4</td>") ||
			!strings.Contains(r.Body, "<td>Voices Together (user-led organisation)</td><td>Brightpath Care Partnership</td><td>1</td>") {
			t.Errorf("who trained whom:\n%s", r.Body)
		}
		if r := com.post("/training/reach", url.Values{"org": {people["Dee Hart"].OrgID}, "role": {"Nurse"}, "declared": {"8"}}); r.StatusCode != http.StatusForbidden {
			t.Errorf("a commissioner declares a provider's staff: %d", r.StatusCode)
		}
		prov := srv.client(t)
		prov.loginAs("provider")
		if r := prov.post("/training/reach", url.Values{"org": {people["Dee Hart"].OrgID}, "role": {"Nurse"}, "declared": {"8"}}); r.StatusCode != http.StatusSeeOther {
			t.Errorf("the provider declares their staff: %d", r.StatusCode)
		}
		// Sam (the provider account) attended the first session: they give
		// feedback; it reaches the trainers' organisation, without a name.
		if r := prov.post(first+"/feedback", url.Values{"feedback": {"I will ask about adjustments at booking."}}); r.StatusCode != http.StatusSeeOther {
			t.Errorf("a trainee's feedback: %d", r.StatusCode)
		}
		if r := prov.post(second+"/feedback", url.Values{"feedback": {"x"}}); r.StatusCode != http.StatusForbidden {
			t.Errorf("feedback on a session they did not attend: %d", r.StatusCode)
		}
		if r := com.get(first); strings.Contains(r.Body, "ask about adjustments") {
			t.Error("a commissioner reads the trainers' feedback")
		}
		fac := srv.client(t)
		fac.loginAs("facilitator")
		if r := fac.get(first); !strings.Contains(r.Body, "I will ask about adjustments at booking.") {
			t.Error("the trainers' organisation does not see the feedback")
		}
		if r := fac.post("/training/courses", url.Values{"org": {courses[0].OrgID}, "title": {"Reasonable adjustments"}, "about": {"How to make them."}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#questions"`) {
			t.Errorf("a course without questions: %d", r.StatusCode)
		}
		if r := fac.post(dee+"/answers/after", url.Values{}); r.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("answers left out: %d", r.StatusCode)
		}
	})
}

// demoCourse is the demo's one course and the addresses of its page and of
// its two sessions.
func demoCourse(t *testing.T, srv *testServer) (courses []training.Course, course, first, second string) {
	t.Helper()
	ctx := context.Background()
	courses, err := srv.DB.Courses(ctx)
	if err != nil || len(courses) != 1 {
		t.Fatalf("demo courses: %v %v", courses, err)
	}
	ss, err := srv.DB.TrainingSessions(ctx, courses[0].ID)
	if err != nil || len(ss) != 2 {
		t.Fatalf("demo sessions: %v %v", ss, err)
	}
	return courses, "/training/courses/" + courses[0].ID, "/training/sessions/" + ss[0].ID, "/training/sessions/" + ss[1].ID
}
