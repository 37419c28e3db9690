package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

var (
	inviteLinkRE = regexp.MustCompile(`/invite/round/[a-z0-9]+`)
	inviteCodeRE = regexp.MustCompile(`<strong>([` + auth.CodeAlphabet + `]{4}-[` + auth.CodeAlphabet + `]{4})</strong>`)
)

// issued is an invitation as the page that makes it shows it.
type issued struct{ link, code string }

// invite has c make an invitation to the round and reads its link and code
// off the page.
func invite(t *testing.T, c *client, roundID string, form url.Values) issued {
	t.Helper()
	return issuedFrom(t, c.post("/rounds/"+roundID+"/invitations", form))
}

func issuedFrom(t *testing.T, r response) issued {
	t.Helper()
	link, code := inviteLinkRE.FindString(r.Body), inviteCodeRE.FindStringSubmatch(r.Body)
	if r.StatusCode != http.StatusCreated || link == "" || code == nil {
		t.Fatalf("invitation page = %d, link %q, code %v\n%s", r.StatusCode, link, code, r.Body)
	}
	return issued{link, code[1]}
}

func newAccount(name, email string) url.Values {
	return url.Values{"display_name": {name}, "email": {email}, "password": {"a long enough password"}, "password_confirm": {"a long enough password"}}
}

func with(v url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, x := range v {
		out[k] = x
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}

// TestJoinWithLinkAsSomeoneNew: a person without an account opens the one
// link a facilitator made, makes their account with the name the group will
// see, and lands in the round signed in; the link then works no more.
func TestJoinWithLinkAsSomeoneNew(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ids := findDemoRound(t, s)
		fac := s.client(t)
		fac.loginAs("facilitator")
		inv := invite(t, fac, ids.round, url.Values{"role": {"member"}, "for_name": {"Kai (Tuesday group)"}, "email": {"kai@example.org"}})

		kai := s.client(t)
		r := kai.get(inv.link)
		for _, want := range []string{"Make your account", "Group member", `value="kai@example.org"`, "What name should the group see?", "Sign in first"} {
			if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, want) {
				t.Errorf("join page (%d) lacks %q", r.StatusCode, want)
			}
		}
		r = kai.post(inv.link, with(newAccount("Kai Jones", "kai@example.org"), "password_confirm", "another long password"))
		for _, want := range []string{"There is a problem", `href="#password_confirm"`, `href="#pseudonym"`, `href="#take_part"`} {
			if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, want) {
				t.Errorf("join with problems (%d) lacks %q", r.StatusCode, want)
			}
		}
		if strings.Contains(r.Body, "a long enough password") {
			t.Error("the password was drawn back into the page")
		}
		r = kai.post(inv.link, with(newAccount("Kai Jones", "kai@example.org"), "pseudonym", "Kai J", "take_part", "yes"))
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/rounds/"+ids.round+"?done=joined-new" {
			t.Fatalf("join = %d to %q: %s", r.StatusCode, r.Header.Get("Location"), r.Body)
		}
		r = kai.get(r.Header.Get("Location"))
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "Your account is ready and you have joined the round.") || !strings.Contains(r.Body, "Sign out") {
			t.Errorf("the round after joining = %d", r.StatusCode)
		}
		ctx := context.Background()
		u, err := s.DB.UserByEmail(ctx, "kai@example.org")
		if err != nil || u.DisplayName != "Kai Jones" || !auth.CheckPassword(u.PasswordHash, "a long enough password") {
			t.Fatalf("account = %+v, %v", u, err)
		}
		if m, err := s.DB.MemberForUser(ctx, ids.round, u.ID); err != nil || m.Pseudonym != "Kai J" || !m.Consent.TakesPart() {
			t.Errorf("member = %+v, %v", m, err)
		}
		// Used: for anyone, and for Kai too.
		for _, c := range []*client{s.client(t), kai} {
			if r := c.get(inv.link); r.StatusCode != http.StatusNotFound || !strings.Contains(r.Body, "This invitation has already been used") {
				t.Errorf("the link again = %d", r.StatusCode)
			}
		}
	})
}

// TestJoinWithCode: the sign-in page leads to "Join with a code"; a code
// typed in lower case with a space opens the invitation; the code works
// once; expired, withdrawn and re-issued codes open nothing, and a
// re-issued invitation's new code does.
func TestJoinWithCode(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ids := findDemoRound(t, s)
		lead := s.client(t)
		lead.loginAs("commissioner")
		obs := invite(t, lead, ids.round, url.Values{"role": {"observer"}, "for_name": {"Lee"}})

		lee := s.client(t)
		if r := lee.get("/login"); !strings.Contains(r.Body, `<a href="/join">Join with a code</a>`) {
			t.Error("the sign-in page has no link to join with a code")
		}
		if r := lee.get("/join"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `name="code"`) {
			t.Fatalf("join with a code = %d", r.StatusCode)
		}
		typed := strings.ToLower(strings.Replace(obs.code, "-", " ", 1))
		r := lee.post("/join", url.Values{"code": {typed}})
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `name="code" value="`+obs.code+`"`) || !strings.Contains(r.Body, "Observer") ||
			!strings.Contains(r.Body, `action="/join/accept"`) {
			t.Fatalf("the code's invitation = %d\n%s", r.StatusCode, r.Body)
		}
		r = lee.post("/join/accept", with(newAccount("Lee Park", "lee@example.org"), "code", typed))
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/rounds/"+ids.round+"?done=joined-new" {
			t.Fatalf("join by code = %d %q\n%s", r.StatusCode, r.Header.Get("Location"), r.Body)
		}
		if r := lee.get("/rounds/" + ids.round); r.StatusCode != http.StatusOK {
			t.Errorf("Lee in the round = %d", r.StatusCode)
		}

		refused := func(code, want string) {
			t.Helper()
			r := s.client(t).post("/join", url.Values{"code": {code}})
			if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(r.Body), want) || !strings.Contains(r.Body, `href="#code"`) {
				t.Errorf("code %s = %d, want %q", code, r.StatusCode, want)
			}
		}
		refused(obs.code, "This invitation has already been used.")

		late := invite(t, lead, ids.round, url.Values{"role": {"observer"}, "for_name": {"Late"}})
		gone := invite(t, lead, ids.round, url.Values{"role": {"member"}, "for_name": {"Gone"}})
		old := invite(t, lead, ids.round, url.Values{"role": {"observer"}, "for_name": {"Again"}})
		list := lead.get("/rounds/" + ids.round + "/invitations")
		goneID := invitationID(t, list.Body, "Gone")
		if r := lead.post("/rounds/"+ids.round+"/invitations/"+goneID+"/revoke", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("withdraw = %d", r.StatusCode)
		}
		refused(gone.code, "This invitation was withdrawn by the people running the round.")
		if r := s.client(t).get(gone.link); r.StatusCode != http.StatusNotFound {
			t.Errorf("withdrawn link = %d", r.StatusCode)
		}
		again := issuedFrom(t, lead.post("/rounds/"+ids.round+"/invitations/"+invitationID(t, list.Body, "Again")+"/reissue", nil))
		refused(old.code, "That code is not right.")
		if r := s.client(t).get(old.link); r.StatusCode != http.StatusNotFound {
			t.Errorf("re-issued invitation's old link = %d", r.StatusCode)
		}
		if r := s.client(t).post("/join", url.Values{"code": {again.code}}); r.StatusCode != http.StatusOK {
			t.Errorf("re-issued invitation's new code = %d", r.StatusCode)
		}

		// Someone signed in joins by code with the account they have; signing
		// in on the way brings the code back to the form.
		chris := s.client(t)
		chris.loginAs("evaluator")
		watch := invite(t, lead, ids.round, url.Values{"role": {"facilitator"}, "for_name": {"Chris"}}) // an observer already
		if r := s.client(t).get("/join?code=" + url.QueryEscape(watch.code)); !strings.Contains(r.Body, `value="`+watch.code+`"`) {
			t.Error("the code form does not take the code from the address")
		}
		r = chris.post("/join", url.Values{"code": {watch.code}})
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "You are signed in as Chris Taylor") || strings.Contains(r.Body, `name="password"`) {
			t.Errorf("the code's invitation for someone signed in = %d", r.StatusCode)
		}
		r = chris.post("/join/accept", url.Values{"code": {watch.code}})
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/rounds/"+ids.round+"?done=joined" {
			t.Errorf("joining by code, signed in = %d %q", r.StatusCode, r.Header.Get("Location"))
		}
		if r := chris.get("/rounds/" + ids.round + "/invitations"); r.StatusCode != http.StatusOK {
			t.Errorf("Chris, now a facilitator, sees the invitations: %d", r.StatusCode)
		}

		s.advance(8 * 24 * time.Hour) // past the 7 days; earlier wrong codes age out too
		refused(late.code, "This invitation expired on")
	})
}

// invitationID finds the id of the invitation for name in the pending list.
func invitationID(t *testing.T, body, name string) string {
	t.Helper()
	row := regexp.MustCompile(`(?s)<th scope="row">` + regexp.QuoteMeta(name) + `.*?/invitations/([a-z0-9]+)/reissue`).FindStringSubmatch(body)
	if row == nil {
		t.Fatalf("no pending invitation for %s in\n%s", name, body)
	}
	return row[1]
}

// TestPendingInvitationsForThoseWhoRunTheRound: the round's facilitator and
// commissioner lead see its pending invitations with who, role and expiry,
// and withdraw and re-issue them, audited; a facilitator of another round,
// members and observers cannot, and a facilitator cannot invite a lead.
func TestPendingInvitationsForThoseWhoRunTheRound(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ids := findDemoRound(t, s)
		base := "/rounds/" + ids.round + "/invitations"
		fac := s.client(t)
		fac.loginAs("facilitator")
		invite(t, fac, ids.round, url.Values{"role": {"member"}, "for_name": {"Noor"}, "email": {"noor@example.org"}})

		if r := fac.get(base + "/new"); r.StatusCode != http.StatusOK || strings.Contains(r.Body, `value="commissioner"`) || !strings.Contains(r.Body, `value="facilitator"`) {
			t.Errorf("a facilitator's invitation form (%d) offers a commissioner lead", r.StatusCode)
		}
		if r := fac.post(base, url.Values{"role": {"commissioner"}, "for_name": {"Boss"}}); r.StatusCode != http.StatusForbidden {
			t.Errorf("a facilitator inviting a commissioner lead = %d", r.StatusCode)
		}
		if r := fac.post(base, url.Values{"role": {"member"}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#for_name"`) {
			t.Errorf("an invitation for nobody = %d", r.StatusCode)
		}

		lead := s.client(t)
		lead.loginAs("commissioner")
		r := lead.get(base)
		for _, want := range []string{"Noor", "noor@example.org", "Group member", "Jordan Ellis", "Re-issue", "Withdraw"} {
			if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, want) {
				t.Errorf("the lead's pending list (%d) lacks %q", r.StatusCode, want)
			}
		}
		noor := invitationID(t, r.Body, "Noor")

		// Someone running another round, and the round's own members and observers.
		ctx := context.Background()
		hash, _ := auth.HashPassword("another round's password")
		other, err := s.DB.CreateUser(ctx, "other.fac@example.org", "Other Facilitator", hash)
		if err != nil {
			t.Fatal(err)
		}
		org, _ := s.DB.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Elsewhere ICB", Kind: auth.KindCommissioner})
		n := round.NewRound{OrgID: org.ID, Title: "Another round", CareArea: "Adult social care", Purpose: round.PurposeBoth, Stake: "20",
			StartsOn: "2026-09-01", EndsOn: "2027-08-31"}
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		r2, err := s.DB.CreateRound(ctx, n, other.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.DB.Assign(audit.WithActor(ctx, other.ID), auth.Assignment{UserID: other.ID, Role: auth.RoleFacilitator, ScopeType: auth.ScopeRound, ScopeID: r2.ID}); err != nil {
			t.Fatal(err)
		}
		outsider := s.client(t)
		if r := outsider.login("other.fac@example.org", "another round's password"); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign in = %d", r.StatusCode)
		}
		for _, path := range []string{base + "/" + noor + "/revoke", base + "/" + noor + "/reissue"} {
			if r := outsider.post(path, nil); r.StatusCode != http.StatusForbidden {
				t.Errorf("another round's facilitator: POST %s = %d", path, r.StatusCode)
			}
			// Through their own round, the invitation is not found.
			if r := outsider.post(strings.Replace(path, ids.round, r2.ID, 1), nil); r.StatusCode != http.StatusNotFound {
				t.Errorf("another round's facilitator through their own round: %s = %d", path, r.StatusCode)
			}
		}
		if r := outsider.get(base); r.StatusCode != http.StatusForbidden {
			t.Errorf("another round's facilitator: the list = %d", r.StatusCode)
		}
		if r := outsider.get("/rounds/" + r2.ID + "/invitations"); r.StatusCode != http.StatusOK || strings.Contains(r.Body, "Noor") {
			t.Errorf("another round's list (%d) shows this round's invitation", r.StatusCode)
		}
		for _, role := range []string{"member", "evaluator"} {
			c := s.client(t)
			c.loginAs(role)
			if r := c.get(base); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s: the list = %d", role, r.StatusCode)
			}
			if r := c.post(base+"/"+noor+"/revoke", nil); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s: withdraw = %d", role, r.StatusCode)
			}
		}
		if r := s.client(t).get(base); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
			t.Errorf("a visitor: the list = %d %q", r.StatusCode, r.Header.Get("Location"))
		}

		// The lead re-issues, then withdraws; both are audited and the list empties.
		issuedFrom(t, lead.post(base+"/"+noor+"/reissue", nil))
		r = lead.post(base+"/"+noor+"/revoke", nil)
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != base+"?done=invitation-withdrawn" {
			t.Fatalf("withdraw = %d %q", r.StatusCode, r.Header.Get("Location"))
		}
		if r := lead.get(r.Header.Get("Location")); !strings.Contains(r.Body, "Invitation withdrawn. Its link and code no longer work.") || strings.Contains(r.Body, "Noor") {
			t.Errorf("the list after withdrawing:\n%s", r.Body)
		}
		if r := lead.post(base+"/"+noor+"/revoke", nil); r.StatusCode != http.StatusConflict {
			t.Errorf("withdrawing twice = %d", r.StatusCode)
		}
		evs, _ := s.DB.AuditEvents(ctx, audit.Filter{Action: "round.invitation_", ObjectType: "round", ObjectID: ids.round, Limit: 10})
		var actions []string
		for _, e := range evs {
			if e.Details["invitation_id"] == noor {
				actions = append(actions, e.Action)
			}
		}
		if strings.Join(actions, " ") != "round.invitation_revoke round.invitation_reissue round.invitation_create" {
			t.Errorf("audit of Noor's invitation, newest first = %v", actions)
		}
	})
}

// TestJoinCodesThrottled: after five wrong codes from one address each try
// waits longer — 1 minute, then 2 — even with a right code, and the form
// that takes the code up is throttled the same way.
func TestJoinCodesThrottled(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ids := findDemoRound(t, s)
		fac := s.client(t)
		fac.loginAs("facilitator")
		good := invite(t, fac, ids.round, url.Values{"role": {"observer"}, "for_name": {"Pat"}})
		guesser := s.client(t)
		wrong := "XXXX-XXXX"
		if wrong == good.code {
			wrong = "YYYY-YYYY"
		}
		for i := range 5 {
			if r := guesser.post("/join", url.Values{"code": {wrong}}); r.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("wrong code %d = %d", i+1, r.StatusCode)
			}
		}
		// Held up before the code is even read.
		if r := guesser.post("/join", url.Values{"code": {"XXXX"}}); r.StatusCode != http.StatusTooManyRequests {
			t.Errorf("after five wrong codes, a short one = %d", r.StatusCode)
		}
		for _, path := range []string{"/join", "/join/accept"} {
			r := guesser.post(path, with(newAccount("Pat", "pat@example.org"), "code", good.code))
			if r.StatusCode != http.StatusTooManyRequests || !strings.Contains(r.Body, "Wait 1 minute, then try again.") || !strings.Contains(r.Body, `href="#code"`) {
				t.Errorf("%s after five wrong codes = %d", path, r.StatusCode)
			}
		}
		s.advance(61 * time.Second)
		if r := guesser.post("/join", url.Values{"code": {wrong}}); r.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("a sixth wrong code after the wait = %d", r.StatusCode)
		}
		if r := guesser.post("/join", url.Values{"code": {good.code}}); r.StatusCode != http.StatusTooManyRequests || !strings.Contains(r.Body, "Wait 2 minutes") {
			t.Errorf("after six wrong codes = %d", r.StatusCode)
		}
		s.advance(2*time.Minute + time.Second)
		if r := guesser.post("/join", url.Values{"code": {good.code}}); r.StatusCode != http.StatusOK {
			t.Errorf("the right code after the wait = %d", r.StatusCode)
		}
	})
}
