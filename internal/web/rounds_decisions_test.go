package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestTheGroupDecidesOverHTTP makes the attempts issue 13 opens with, as
// the commissioner, a facilitator, a member and an observer, and checks
// each is refused with nothing changed: lowering a published 25% stake to
// 5% by the old form, closing the round with "x" and "x", one member
// signing off a measure for the group. Then the proper route: a proposal,
// members' responses (one given in person), the clock past the close, the
// count, carrying it out, and the stake history citing the decision.
func TestTheGroupDecidesOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ctx := context.Background()
		ids := findDemoRound(t, s)
		base := "/rounds/" + ids.round
		clients := map[string]*client{}
		for _, role := range []string{"commissioner", "facilitator", "member", "member2", "researcher"} {
			clients[role] = s.client(t)
			clients[role].loginAs(role)
		}
		com := clients["commissioner"]
		// Raising a published stake stays the commissioner's to do.
		if r := com.post(base+"/stake", url.Values{"stake": {"25"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("raising the stake = %d %s", r.StatusCode, r.Body)
		}
		if r := com.get(base + "/stake"); r.StatusCode != http.StatusOK || strings.Contains(r.Body, `name="agreed_by"`) ||
			strings.Contains(r.Body, `name="minutes"`) || strings.Contains(r.Body, `name="agreed_on"`) {
			t.Fatalf("the stake form still asks who agreed: %d", r.StatusCode)
		}
		ms, _, err := s.DB.Measures(ctx, ids.round, "", 100)
		if err != nil {
			t.Fatal(err)
		}
		var draft string
		for _, m := range ms {
			if m.Status() != measure.SignedOff {
				draft = m.ID
			}
		}
		if draft == "" {
			t.Fatal("the demo has no measure left to sign off")
		}
		before := snapshot(t, s, ids.round)

		lower := url.Values{"stake": {"5"}, "agreed_by": {"x"}, "agreed_on": {"1 January 1990"}, "minutes": {"x"}}
		closing := url.Values{"what": {"x"}, "evidence": {"x"}}
		for role, want := range map[string]int{"commissioner": http.StatusConflict, "facilitator": http.StatusForbidden,
			"member": http.StatusForbidden, "researcher": http.StatusForbidden} {
			c := clients[role]
			r := c.post(base+"/stake", lower)
			if r.StatusCode != want {
				t.Errorf("%s lowering the stake by the old form = %d, want %d", role, r.StatusCode, want)
			}
			if want == http.StatusConflict && (!strings.Contains(r.Body, "The group decides this: start a proposal to lower the stake") ||
				!strings.Contains(r.Body, base+"/decisions/new?kind=lower_stake&amp;subject=5")) {
				t.Errorf("%s: the refusal does not link to proposing it: %s", role, r.Body)
			}
			r = c.post(base+"/close", closing)
			if r.StatusCode != want {
				t.Errorf("%s closing with x and x = %d, want %d", role, r.StatusCode, want)
			}
			if want == http.StatusConflict && (!strings.Contains(r.Body, "Not closed.") || !strings.Contains(r.Body, "The group decides this")) {
				t.Errorf("%s: the close refusal does not say the group decides", role)
			}
			// No route signs off for the group: the old button's address is gone.
			if r := c.post(base+"/measures/"+draft+"/sign-off", nil); r.StatusCode != http.StatusNotFound && r.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("%s signing off a measure alone = %d", role, r.StatusCode)
			}
		}
		if after := snapshot(t, s, ids.round); after != before {
			t.Fatalf("a refused attempt changed something:\nbefore %s\nafter  %s", before, after)
		}

		// The proper route: the commissioner proposes lowering the stake to 5%.
		if r := com.get(base + "/decisions/new?kind=lower_stake&subject=5"); r.StatusCode != http.StatusOK ||
			!strings.Contains(r.Body, `id="stake" name="stake" type="text" autocomplete="off" value="5"`) {
			t.Fatalf("the proposal form does not start from the link: %d", r.StatusCode)
		}
		if r := clients["researcher"].get(base + "/decisions/new"); r.StatusCode != http.StatusForbidden {
			t.Errorf("an observer may propose: %d", r.StatusCode)
		}
		closes := s.now().Add(48 * time.Hour).In(round.London)
		r := com.post(base+"/decisions", url.Values{"kind": {"lower_stake"}, "title": {"Lower the stake to 5%"},
			"plain_english": {"Two questions move to the commissioner panel, so the group's share falls to 5%."},
			"easy_read":     {"The group scores fewer questions. Our share goes down to 5 in 100."},
			"opens_date":    {""}, "opens_time": {""}, "closes_date": {closes.Format("2 January 2006")}, "closes_time": {closes.Format("15:04")},
			"stake": {"5"}})
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#opens"`) || !strings.Contains(r.Body, "Two questions move") {
			t.Fatalf("a proposal with no opening time = %d; the problem is not linked or the input is lost", r.StatusCode)
		}
		opens := s.now().In(round.London)
		r = com.post(base+"/decisions", url.Values{"kind": {"lower_stake"}, "title": {"Lower the stake to 5%"},
			"plain_english": {"Two questions move to the commissioner panel, so the group's share falls to 5%."},
			"easy_read":     {"The group scores fewer questions. Our share goes down to 5 in 100."},
			"opens_date":    {opens.Format("2 January 2006")}, "opens_time": {opens.Format("15:04")},
			"closes_date": {closes.Format("2 January 2006")}, "closes_time": {closes.Format("15:04")}, "stake": {"5"}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("proposing = %d %s", r.StatusCode, r.Body)
		}
		pbase := strings.TrimSuffix(r.Header.Get("Location"), "?done=proposal-started")
		closesInWords := closes.Format("Monday 2 January 2006 at 3:04pm")
		if r := clients["member"].get(base); !strings.Contains(r.Body, "Say what you think about “Lower the stake to 5%”") {
			t.Errorf("the member is not told a proposal waits for her response")
		}
		if r := clients["member"].get(pbase); !strings.Contains(r.Body, "Open: closes "+closesInWords) ||
			!strings.Contains(r.Body, `name="answer" value="block"`) {
			t.Fatalf("the member's view of the proposal: %s", r.Body)
		}
		for _, role := range []string{"member", "member2"} {
			if r := clients[role].post(pbase+"/respond", url.Values{"answer": {"agree"}}); r.StatusCode != http.StatusSeeOther {
				t.Fatalf("%s responding = %d %s", role, r.StatusCode, r.Body)
			}
		}
		if r := clients["member"].post(pbase+"/respond", url.Values{"answer": {"block"}}); r.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(r.Body, `href="#reason"`) {
			t.Fatalf("a block without a reason = %d", r.StatusCode)
		}
		if r := clients["facilitator"].post(pbase+"/respond", url.Values{"answer": {"agree"}}); r.StatusCode != http.StatusForbidden {
			t.Errorf("a facilitator responding as if a member = %d", r.StatusCode)
		}
		members, _ := s.DB.RoundMembers(ctx, ids.round, round.Facilitators)
		given := s.now().In(round.London).Format("2 January 2006")
		for _, m := range members {
			if m.Pseudonym == "Ash" || m.Pseudonym == "Nia" || m.Pseudonym == "Ollie" {
				r := clients["facilitator"].post(pbase+"/in-person", url.Values{"member_id": {m.ID}, "answer": {"agree"}, "given_on": {given}})
				if r.StatusCode != http.StatusSeeOther {
					t.Fatalf("recording %s's response = %d %s", m.Pseudonym, r.StatusCode, r.Body)
				}
			}
			if m.Pseudonym == "Tam" {
				if r := clients["member"].post(pbase+"/in-person", url.Values{"member_id": {m.ID}, "answer": {"agree"}, "given_on": {given}}); r.StatusCode != http.StatusForbidden {
					t.Errorf("a member recording another's response = %d", r.StatusCode)
				}
			}
		}
		r = com.get(pbase)
		for _, want := range []string{"Robin: Agree", "Sky: Agree", "Ash: Agree, given in person on " + given + ", recorded by Jordan Ellis"} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("the commissioner does not see %q", want)
			}
		}
		if strings.Contains(r.Body, "Robin (group member)") || strings.Contains(r.Body, "Sky (group member)") {
			t.Error("the commissioner sees a member's account name")
		}
		if r := com.post(pbase+"/carry-out", nil); r.StatusCode != http.StatusConflict {
			t.Errorf("carrying out before the count = %d", r.StatusCode)
		}

		s.advance(49 * time.Hour)
		for role, c := range clients { // sign-ins last less than two days
			c.loginAs(role)
		}
		if r := com.get(base + "/decisions"); !strings.Contains(r.Body, "Passed: more people agreed than disagreed.") {
			t.Fatalf("the list does not count the closed proposal: %s", r.Body)
		}
		if r := clients["member"].post(pbase+"/respond", url.Values{"answer": {"disagree"}}); r.StatusCode != http.StatusConflict {
			t.Errorf("changing a response after the close = %d", r.StatusCode)
		}
		for _, role := range []string{"member", "researcher"} {
			if r := clients[role].post(pbase+"/carry-out", nil); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s carrying out = %d", role, r.StatusCode)
			}
		}
		if r := com.get(pbase); !strings.Contains(r.Body, ">Carry out</button>") {
			t.Error("the commissioner is not offered to carry it out")
		}
		if r := com.post(pbase+"/carry-out", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("carrying out = %d %s", r.StatusCode, r.Body)
		}
		rd, _ := s.DB.RoundByID(ctx, ids.round)
		if rd.Stake != 500 {
			t.Fatalf("stake after carrying out = %s", rd.Stake)
		}
		pid := pbase[strings.LastIndex(pbase, "/")+1:]
		if r := com.get(base); !strings.Contains(r.Body, `from 25% to 5%, lowered by the group's decision: <a href="`+base+"/decisions/"+pid+`">`) {
			t.Errorf("the stake history does not cite the decision: %s", r.Body)
		}
		if r := com.post(pbase+"/carry-out", nil); r.StatusCode != http.StatusConflict {
			t.Errorf("carrying out twice = %d", r.StatusCode)
		}
	})
}

// snapshot is what the refused attempts must leave as it was: the stake,
// whether the round is closed, its stake history and its measures' sign-offs.
func snapshot(t *testing.T, s *testServer, roundID string) string {
	t.Helper()
	ctx := context.Background()
	rd, err := s.DB.RoundByID(ctx, roundID)
	if err != nil {
		t.Fatal(err)
	}
	hist, _ := s.DB.StakeHistory(ctx, roundID)
	ms, _, _ := s.DB.Measures(ctx, roundID, "", 100)
	signed := 0
	for _, m := range ms {
		if m.Status() == measure.SignedOff {
			signed++
		}
	}
	return fmt.Sprintf("stake %s, closed %v, %d stake changes, %d measures signed off", rd.Stake, rd.Closed(), len(hist), signed)
}
