package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestSessionTimesAreUKTime: a facilitator enters a session's date and
// time in UK time through the form; the store keeps the moment in UTC and
// the pages show it in UK time again, with the weekday. The expected UTC
// moments are worked out by hand from the UK's rule (BST, UTC+1, from 01:00
// UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
// October): 28 March and 31 October in 2027.
func TestSessionTimesAreUKTime(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ids := findDemoRound(t, s)
		fac := s.client(t)
		fac.loginAs("facilitator")
		base := "/rounds/" + ids.round + "/sessions"
		form := func(date, clock string) url.Values {
			return url.Values{"date": {date}, "time": {clock}, "place": {"Trinity Centre"}, "activities": {"vision"}}
		}
		for _, c := range []struct {
			date, clock string
			storedUTC   string // RFC 3339
			shown       string
		}{
			{"10 June 2027", "18:30", "2027-06-10T17:30:00Z", "Thursday 10 June 2027 at 18:30"},       // summer: an hour ahead of UTC
			{"9 December 2027", "18:30", "2027-12-09T18:30:00Z", "Thursday 9 December 2027 at 18:30"}, // winter: not shifted
			{"28 March 2027", "02:30", "2027-03-28T01:30:00Z", "Sunday 28 March 2027 at 02:30"},       // just after the clocks go forward
			{"31 October 2027", "01:30", "2027-10-31T00:30:00Z", "Sunday 31 October 2027 at 01:30"},   // 01:30 happens twice: the first (BST)
			{"31 October 2027", "02:30", "2027-10-31T02:30:00Z", "Sunday 31 October 2027 at 02:30"},   // after the clocks went back
		} {
			r := fac.post(base, form(c.date, c.clock))
			wantStatus(t, r, http.StatusSeeOther, "adding a session on "+c.date+" at "+c.clock)
			loc := r.Header.Get("Location")
			id := strings.TrimPrefix(strings.TrimSuffix(loc, "?done=session-added"), base+"/")
			ss, err := s.DB.GroupSessionByID(context.Background(), ids.round, id)
			if err != nil {
				t.Fatalf("%s: reading the stored session %q: %v", c.date, id, err)
			}
			if got := ss.StartsAt.UTC().Format(time.RFC3339); got != c.storedUTC {
				t.Errorf("%s at %s is stored as %s, want %s", c.date, c.clock, got, c.storedUTC)
			}
			page := fac.get(loc)
			wantContains(t, page, c.date+" session page", "Session on "+c.shown)
			if strings.Contains(page.Body, "UTC") {
				t.Errorf("%s: the session page still speaks of UTC", c.date)
			}
			wantContains(t, fac.get(base), "sessions list", c.shown)
		}

		// 01:30 on 28 March 2027 never happens in the UK: a field error on the time.
		gap := fac.post(base, form("28 March 2027", "01:30"))
		wantStatus(t, gap, http.StatusUnprocessableEntity, "a session in the hour the clocks skip")
		wantContains(t, gap, "the skipped hour", `href="#time"`, "that time does not exist in the UK on that day")
	})
}
