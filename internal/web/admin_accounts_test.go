package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

func demoUser(t *testing.T, s *testServer, role string) *auth.User {
	t.Helper()
	u, err := s.DB.UserByEmail(context.Background(), role+"@demo.test")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestAdminDisableAndEnableAccount(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	member := demoUser(t, s, "member")
	page := "/admin/users/" + member.ID

	// The member is signed in before the account is disabled.
	mc := s.client(t)
	mc.loginAs("member")
	if r := mc.get("/account"); r.StatusCode != http.StatusOK {
		t.Fatalf("member's own page before: %d", r.StatusCode)
	}

	// Only administrators may disable accounts.
	if r := mc.post(page+"/disable", url.Values{"reason": {"trying"}}); r.StatusCode != http.StatusForbidden {
		t.Fatalf("member disabling: %d", r.StatusCode)
	}

	ac := s.client(t)
	ac.loginAs("admin")
	r := ac.get(page)
	if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "Disable this account") || !strings.Contains(r.Body, `for="reason"`) {
		t.Fatalf("user page: %d %s", r.StatusCode, r.Body)
	}

	// The reason is required.
	r = ac.post(page+"/disable", url.Values{"reason": {"  "}})
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "There is a problem") ||
		!strings.Contains(r.Body, `href="#reason"`) || !strings.Contains(r.Body, "Enter why you are disabling this account") {
		t.Fatalf("disabling without a reason: %d %s", r.StatusCode, r.Body)
	}
	if u, _ := s.DB.UserByID(context.Background(), member.ID); u.DisabledAt != nil {
		t.Fatal("disabled without a reason")
	}

	r = ac.post(page+"/disable", url.Values{"reason": {"Left the group & moved away"}})
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != page+"?done=user-disabled" {
		t.Fatalf("disabling: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	r = ac.get(page + "?done=user-disabled")
	body := html.UnescapeString(r.Body)
	for _, want := range []string{"Account disabled.", "Disabled on", ": Left the group & moved away", "Enable this account"} {
		if !strings.Contains(body, want) {
			t.Errorf("user page after disabling lacks %q", want)
		}
	}
	admin := demoUser(t, s, "admin")
	if !strings.Contains(body, "by "+admin.DisplayName+":") {
		t.Errorf("user page does not say who disabled the account:\n%s", body)
	}
	if strings.Contains(body, `action="`+page+`/disable"`) {
		t.Error("a disabled account still offers the disable form")
	}
	if r := ac.get("/admin/users?q=member"); !strings.Contains(r.Body, "Disabled") {
		t.Errorf("users list does not mark the account disabled: %s", r.Body)
	}
	evs, err := s.DB.AuditEvents(context.Background(), audit.Filter{Action: "user.disable", ObjectID: member.ID})
	if err != nil || len(evs) != 1 || evs[0].ActorID != admin.ID || evs[0].Details["reason"] != "Left the group & moved away" {
		t.Fatalf("user.disable events = %+v, %v", evs, err)
	}

	// Their session has ended and they cannot sign in again.
	if r := mc.get("/account"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
		t.Fatalf("disabled member's next request: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	fresh := s.client(t)
	r = fresh.login("member@demo.test", demo.Password)
	if r.StatusCode != http.StatusUnauthorized || !strings.Contains(r.Body, "The email address or password is not right") {
		t.Fatalf("disabled member signing in: %d %s", r.StatusCode, r.Body)
	}

	// Enabling lets them back in.
	if r := mc.post(page+"/enable", nil); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
		t.Fatalf("signed-out member enabling: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	r = ac.post(page+"/enable", url.Values{})
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != page+"?done=user-enabled" {
		t.Fatalf("enabling: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	if r := ac.get(page); !strings.Contains(r.Body, "Active") || !strings.Contains(r.Body, "Disable this account") {
		t.Fatalf("user page after enabling: %s", r.Body)
	}
	fresh.loginAs("member")
	if r := fresh.get("/account"); r.StatusCode != http.StatusOK {
		t.Fatalf("enabled member's page: %d", r.StatusCode)
	}
	if evs, _ := s.DB.AuditEvents(context.Background(), audit.Filter{Action: "user.enable", ObjectID: member.ID}); len(evs) != 1 || evs[0].ActorID != admin.ID {
		t.Fatalf("user.enable events = %+v", evs)
	}
}

func TestAdminCannotDisableOwnAccount(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	admin := demoUser(t, s, "admin")
	page := "/admin/users/" + admin.ID
	ac := s.client(t)
	ac.loginAs("admin")
	r := ac.get(page)
	if strings.Contains(r.Body, `action="`+page+`/disable"`) || !strings.Contains(r.Body, "you cannot disable it") {
		t.Fatalf("own page offers to disable: %s", r.Body)
	}
	r = ac.post(page+"/disable", url.Values{"reason": {"oops"}})
	if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "You cannot disable your own account") || !strings.Contains(r.Body, `href="#access"`) {
		t.Fatalf("disabling oneself: %d %s", r.StatusCode, r.Body)
	}
	if r := ac.get("/account"); r.StatusCode != http.StatusOK {
		t.Fatalf("admin signed out after refusing: %d", r.StatusCode)
	}
}

func TestAdminRevokeRole(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ctx := audit.WithActor(context.Background(), "")
	member := demoUser(t, s, "member")
	o, err := s.DB.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Revoke Test Group", Kind: auth.KindUserLed})
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.DB.Assign(ctx, auth.Assignment{UserID: member.ID, Role: auth.RoleFacilitator, ScopeType: auth.ScopeOrganisation, ScopeID: o.ID})
	if err != nil {
		t.Fatal(err)
	}
	page := "/admin/users/" + member.ID
	revoke := page + "/assignments/" + a.ID + "/revoke"

	mc := s.client(t)
	mc.loginAs("member")
	if r := mc.post(revoke, nil); r.StatusCode != http.StatusForbidden {
		t.Fatalf("member revoking: %d", r.StatusCode)
	}

	ac := s.client(t)
	ac.loginAs("admin")
	r := ac.get(page)
	if !strings.Contains(r.Body, `action="`+revoke+`"`) || !strings.Contains(r.Body, "Revoke Facilitator for organisation "+o.ID) {
		t.Fatalf("user page lacks the revoke button: %s", r.Body)
	}
	r = ac.post(revoke, url.Values{})
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != page+"?done=role-revoked" {
		t.Fatalf("revoking: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	r = ac.get(page + "?done=role-revoked")
	if !strings.Contains(r.Body, "Role revoked.") || strings.Contains(r.Body, a.ID) {
		t.Fatalf("user page after revoking: %s", r.Body)
	}
	if r := ac.post(revoke, url.Values{}); r.StatusCode != http.StatusNotFound {
		t.Fatalf("revoking twice: %d", r.StatusCode)
	}
	evs, err := s.DB.AuditEvents(context.Background(), audit.Filter{Action: "role.revoke", ObjectID: member.ID})
	if err != nil || len(evs) != 1 || evs[0].Details["assignment_id"] != a.ID || evs[0].Details["role"] != "facilitator" {
		t.Fatalf("role.revoke events = %+v, %v", evs, err)
	}
}

// TestAdminKeepsTheLastAdministrator checks an administrator cannot remove
// their own administrator role, so the service always keeps one, while
// another administrator can.
func TestAdminKeepsTheLastAdministrator(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ctx := audit.WithActor(context.Background(), "")
	admin := demoUser(t, s, "admin")
	roles, err := s.DB.AssignmentsOf(ctx, admin.ID)
	if err != nil {
		t.Fatal(err)
	}
	var adminRole auth.Assignment
	for _, a := range roles {
		if a.Role == auth.RoleAdmin && a.ScopeType == auth.ScopePlatform {
			adminRole = a
		}
	}
	if adminRole.ID == "" {
		t.Fatalf("demo admin roles = %+v", roles)
	}
	page := "/admin/users/" + admin.ID
	revoke := page + "/assignments/" + adminRole.ID + "/revoke"

	ac := s.client(t)
	ac.loginAs("admin")
	if r := ac.get(page); strings.Contains(r.Body, `action="`+revoke+`"`) || !strings.Contains(r.Body, "You cannot remove your own administrator role") {
		t.Fatalf("own page offers to revoke the administrator role: %s", r.Body)
	}
	r := ac.post(revoke, url.Values{})
	if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "You cannot remove your own administrator role") || !strings.Contains(r.Body, `href="#revoke-`+adminRole.ID+`"`) {
		t.Fatalf("revoking one's own administrator role: %d %s", r.StatusCode, r.Body)
	}
	if r := ac.get("/admin/users"); r.StatusCode != http.StatusOK {
		t.Fatalf("still an administrator? %d", r.StatusCode)
	}

	// With a second administrator, the first one's role can be revoked by them.
	member := demoUser(t, s, "member")
	if _, err := s.DB.Assign(ctx, auth.Assignment{UserID: member.ID, Role: auth.RoleAdmin, ScopeType: auth.ScopePlatform}); err != nil {
		t.Fatal(err)
	}
	mc := s.client(t)
	mc.loginAs("member")
	if r := mc.post(revoke, url.Values{}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("second administrator revoking the first: %d %s", r.StatusCode, r.Body)
	}
	if r := ac.get("/admin/users"); r.StatusCode != http.StatusForbidden {
		t.Fatalf("former administrator on /admin/users: %d", r.StatusCode)
	}
}

// TestBrowserAdminAccountStates runs axe on the user page's states: the
// empty reason's error, a disabled account, the users list marking it, and
// the administrator's own page.
func TestBrowserAdminAccountStates(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	member, admin := demoUser(t, s, "member"), demoUser(t, s, "admin")
	b := browser.Start(t, s.URL, browser.Options{})
	signIn(b, "admin@demo.test", demo.Password)

	b.Visit("/admin/users/" + member.ID)
	b.Axe()
	b.Submit("Disable this account")
	if !strings.Contains(b.HTML(), "There is a problem") {
		t.Fatal("no error summary after disabling without a reason")
	}
	b.Axe()
	b.Fill("reason", "Asked to leave the group")
	b.Submit("Disable this account")
	if !strings.Contains(b.HTML(), "Asked to leave the group") {
		t.Fatalf("disabled account page: %s", b.HTML())
	}
	b.Axe()
	b.Visit("/admin/users")
	b.Axe()

	b.Visit("/admin/users/" + admin.ID)
	b.Axe()
	b.Visit("/admin/users/" + member.ID)
	b.Submit("Enable this account")
	b.Axe()
}
