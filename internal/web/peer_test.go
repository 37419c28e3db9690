package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// peerDemo finds the demo ULO's id and its referrals by name.
func peerDemo(t *testing.T, srv *testServer) (string, map[string]peer.Referral) {
	t.Helper()
	offers, err := srv.DB.Offers(context.Background(), "")
	if err != nil || len(offers) == 0 {
		t.Fatalf("demo offers: %v, %v", offers, err)
	}
	refs, err := srv.DB.Referrals(context.Background(), offers[0].OrgID)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]peer.Referral{}
	for _, x := range refs {
		by[x.Name] = x
	}
	return offers[0].OrgID, by
}

// selfReferral is every answer of the person's form.
func selfReferral(org string) url.Values {
	return url.Values{"org": {org}, "trigger": {"crisis"}, "name": {"Casey"}, "contact_way": {"phone"}, "contact": {"07700 900456"},
		"experiences": {"psychosis\nbeing in hospital"}, "languages": {"English"}, "places": {"North Shire"}, "phone": {"yes"}, "consent": {"yes"}}
}

// walk answers the form page by page as a browser without JavaScript
// would: each page posts its own fields and carries the rest.
func walk(t *testing.T, c *client, answers url.Values) response {
	t.Helper()
	keys := []string{"org", "what", "name", "contact", "experience", "language", "needs", "meet", "consent", "check"}
	var res response
	for i, key := range keys {
		form := url.Values{"step": {key}}
		for k, v := range answers {
			form[k] = v // carried hidden fields and this page's own
		}
		res = c.post("/peer/refer", form)
		if i < len(keys)-1 && res.StatusCode != http.StatusOK {
			t.Fatalf("page %s: %d\n%s", key, res.StatusCode, res.Body)
		}
	}
	return res
}

func TestPeerSelfReferralWithoutAccount(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		org, before := peerDemo(t, srv)
		visitor := srv.client(t)
		first := visitor.get("/peer/refer")
		if first.StatusCode != http.StatusOK || !strings.Contains(first.Body, "Voices Together") || !strings.Contains(first.Body, `<div hidden>`) ||
			!strings.Contains(first.Body, `name="website"`) || strings.Contains(first.Body, "<script") {
			t.Fatalf("first page: %d\n%s", first.StatusCode, first.Body)
		}
		// The consent page without consent: the error summary links to the box.
		noConsent := selfReferral(org)
		noConsent.Del("consent")
		noConsent.Set("step", "consent")
		if r := visitor.post("/peer/refer", noConsent); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#consent"`) ||
			!strings.Contains(r.Body, "We can only contact you if you agree") {
			t.Errorf("no consent: %d\n%s", r.StatusCode, r.Body)
		}
		// A trigger point the ULO does not offer is refused on its page.
		other := selfReferral(org)
		other.Set("trigger", "transition")
		other.Set("step", "what")
		if r := visitor.post("/peer/refer", other); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#trigger"`) {
			t.Errorf("a trigger point not offered: %d", r.StatusCode)
		}
		// Back goes to the page before with the answers kept.
		back := selfReferral(org)
		back.Set("step", "contact")
		back.Set("go", "back")
		if r := visitor.post("/peer/refer", back); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `value="Casey"`) ||
			!strings.Contains(r.Body, `name="step" value="name"`) {
			t.Errorf("back: %d", r.StatusCode)
		}
		res := walk(t, visitor, selfReferral(org))
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/peer/refer/sent" {
			t.Fatalf("send: %d %s", res.StatusCode, res.Body)
		}
		if r := visitor.get("/peer/refer/sent"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "999") {
			t.Errorf("sent page: %d", r.StatusCode)
		}
		_, after := peerDemo(t, srv)
		got, ok := after["Casey"]
		if !ok || got.State != peer.StateWaiting || got.Source != peer.SourceSelf || got.PersonUserID != "" || got.Standard.String() != "72 hours" ||
			len(got.Need.Experiences) != 2 || !got.Need.Meeting.Phone {
			t.Fatalf("stored: %+v", got)
		}
		// The honeypot filled: the same answer, nothing kept.
		bot := selfReferral(org)
		bot.Set("name", "Bot")
		bot.Set("website", "http://spam.example")
		if r := walk(t, visitor, bot); r.StatusCode != http.StatusSeeOther {
			t.Errorf("honeypot: %d", r.StatusCode)
		}
		if _, after = peerDemo(t, srv); len(after) != len(before)+1 {
			t.Errorf("the honeypot's referral was kept: %d referrals, %d before", len(after), len(before))
		}
		// Throttled per address: one sent already, four more go, the next waits.
		for i := range peer.SelfReferralLimit - 1 {
			if r := walk(t, visitor, selfReferral(org)); r.StatusCode != http.StatusSeeOther {
				t.Fatalf("referral %d: %d", i+2, r.StatusCode)
			}
		}
		r := walk(t, visitor, selfReferral(org))
		if r.StatusCode != http.StatusTooManyRequests || r.Header.Get("Retry-After") == "" || !strings.Contains(r.Body, "phone the organisation") {
			t.Errorf("sixth in the hour: %d %q", r.StatusCode, r.Header.Get("Retry-After"))
		}
	})
}

// TestPeerRecordsByRole: a referral is seen by the person, their peer
// supporter and the ULO's coordinators only, on both engines.
func TestPeerRecordsByRole(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		org, refs := peerDemo(t, srv)
		robin, sam := "/peer/referrals/"+refs["Robin"].ID, "/peer/referrals/"+refs["Sam"].ID
		cases := []struct {
			path string
			want map[string]int // role → status; anyone not listed gets 404 (signed in) or is sent to sign in
		}{
			{"/peer/orgs/" + org, map[string]int{"facilitator": 200, "admin": 403, "commissioner": 403, "member": 403, "member2": 403, "provider": 403, "evaluator": 403, "researcher": 403}},
			{"/peer/orgs/" + org + "/concerns", map[string]int{"facilitator": 200, "admin": 403, "commissioner": 403, "member": 403, "member2": 403, "provider": 403, "evaluator": 403, "researcher": 403}},
			{robin, map[string]int{"facilitator": 200, "member": 200}},
			{sam, map[string]int{"facilitator": 200, "member2": 200}},
			{sam + "/concern", map[string]int{"facilitator": 200, "member2": 200}},
		}
		for _, role := range append(demoRoles, "member2", "") {
			c := srv.client(t)
			if role != "" {
				c.loginAs(role)
			}
			for _, tc := range cases {
				want, ok := tc.want[role]
				switch {
				case role == "":
					want = http.StatusSeeOther
				case !ok:
					want = http.StatusNotFound
				}
				r := c.get(tc.path)
				if r.StatusCode != want {
					t.Errorf("%q GET %s: %d, want %d", role, tc.path, r.StatusCode, want)
				}
				if r.StatusCode != http.StatusOK && (strings.Contains(r.Body, "07700") || strings.Contains(r.Body, "landlord")) {
					t.Errorf("%q GET %s: refused, but the page holds the referral's details", role, tc.path)
				}
			}
			// Changing someone's peer support is refused the same way.
			if r := c.post(robin+"/goals", url.Values{"words": {"a goal"}}); role != "facilitator" && role != "member" && role != "" && r.StatusCode != http.StatusNotFound {
				t.Errorf("%q adds a goal to Robin's support: %d", role, r.StatusCode)
			}
		}
		// The public peer support page and the form are for everyone.
		if r := srv.client(t).get("/peer"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `href="/peer/refer"`) || strings.Contains(r.Body, "Robin") {
			t.Errorf("/peer for a visitor: %d", r.StatusCode)
		}
		// The safeguarding concern reads only where it may, and each reading is audited.
		fac := srv.client(t)
		fac.loginAs("facilitator")
		if r := fac.get("/peer/orgs/" + org + "/concerns"); !strings.Contains(r.Body, "landlord") {
			t.Errorf("the lead does not see the concern")
		}
		if r := fac.get("/peer/orgs/" + org); !strings.Contains(r.Body, "Over the time standard") || !strings.Contains(r.Body, "A service discharged them") {
			t.Errorf("the coordinator's page does not show the referral over the standard and the one ended by discharge")
		}
	})
}

// TestPeerPersonChooses: the person sees suggestions with reasons and
// chooses; a coordinator cannot choose for them without saying they chose.
func TestPeerPersonChooses(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		_, refs := peerDemo(t, srv)
		robin := "/peer/referrals/" + refs["Robin"].ID
		sups, err := srv.DB.Supporters(context.Background(), refs["Robin"].OrgID)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]string{}
		for _, s := range sups {
			ids[s.Name] = s.ID
		}
		fac := srv.client(t)
		fac.loginAs("facilitator")
		if r := fac.post(robin+"/choose", url.Values{"supporter": {ids["Sky"]}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#person_chose"`) {
			t.Errorf("the coordinator chose without the person: %d", r.StatusCode)
		}
		me := srv.client(t)
		me.loginAs("member")
		page := me.get(robin)
		// Sky shares both experiences and meets by phone in North Shire: the best match, said in words.
		if page.StatusCode != http.StatusOK || !strings.Contains(page.Body, "Has lived experience of psychosis and being in hospital, like you.") ||
			strings.Index(page.Body, ">Sky<") > strings.Index(page.Body, ">Ben<") || !strings.Contains(page.Body, "You choose.") {
			t.Fatalf("Robin's page: %d\n%s", page.StatusCode, page.Body)
		}
		if r := me.post(robin+"/someone-else", url.Values{"supporter": {ids["Ben"]}}); r.StatusCode != http.StatusSeeOther {
			t.Errorf("someone else: %d", r.StatusCode)
		}
		if r := me.get(robin); strings.Contains(r.Body, ">Ben<") {
			t.Errorf("Ben is still suggested after Robin asked for someone else")
		}
		if r := me.post(robin+"/choose", url.Values{"supporter": {ids["Sky"]}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("Robin chooses Sky: %d %s", r.StatusCode, r.Body)
		}
		x, _ := srv.DB.Referral(context.Background(), refs["Robin"].ID)
		if x.State != peer.StateActive || x.Supporter != "Sky" {
			t.Errorf("after choosing: %+v", x)
		}
		// Lee said no for now; the coordinator offers it again, and Lee can choose.
		lee := "/peer/referrals/" + refs["Lee"].ID
		if r := fac.get(lee); !strings.Contains(r.Body, "Offer peer support again") || strings.Contains(r.Body, "End peer support") {
			t.Errorf("Lee's page for the coordinator")
		}
		if r := me.post(lee+"/offer-again", nil); r.StatusCode != http.StatusNotFound {
			t.Errorf("Robin offers Lee support again: %d", r.StatusCode)
		}
		if r := fac.post(lee+"/offer-again", nil); r.StatusCode != http.StatusSeeOther {
			t.Errorf("offer again: %d", r.StatusCode)
		}
		if x, _ := srv.DB.Referral(context.Background(), refs["Lee"].ID); x.State != peer.StateOffered {
			t.Errorf("Lee after the offer: %s", x.State)
		}
		// Sky cannot end Robin's support; Robin can, and it counts as their choice.
		if r := me.get(robin); !strings.Contains(r.Body, "I want to stop peer support") {
			t.Error("Robin is not offered a way to stop")
		}
		// Now Sky, their supporter, sees Robin and records a contact.
		sky := srv.client(t)
		sky.loginAs("member2")
		if r := sky.get("/peer"); !strings.Contains(r.Body, robin) {
			t.Errorf("Sky's peer support page does not list Robin")
		}
		if r := sky.post(robin+"/contacts", url.Values{"on": {srv.now().Format("2006-01-02")}, "how": {"phone"}, "minutes": {"30"},
			"notes": {"Talked about sleep"}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#agreed"`) {
			t.Errorf("notes without the person's agreement: %d", r.StatusCode)
		}
		if r := sky.post(robin+"/contacts", url.Values{"on": {srv.now().Format("2006-01-02")}, "how": {"phone"}, "minutes": {"30"}}); r.StatusCode != http.StatusSeeOther {
			t.Errorf("a contact without notes: %d %s", r.StatusCode, r.Body)
		}
		if r := sky.post(robin+"/end", url.Values{"reason": {"discharged"}}); r.StatusCode != http.StatusForbidden {
			t.Errorf("the supporter ends the support: %d", r.StatusCode)
		}
		if r := me.post(robin+"/end", url.Values{"reason": {"discharged"}}); r.StatusCode != http.StatusSeeOther {
			t.Errorf("Robin stops: %d", r.StatusCode)
		}
		if x, _ := srv.DB.Referral(context.Background(), refs["Robin"].ID); x.State != peer.StateEnded || x.Ended != peer.EndPersonChose {
			t.Errorf("after Robin stopped: %s %s", x.State, x.Ended)
		}
	})
}
