package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// adminFixture makes a platform administrator and a member, returning the
// administrator's context (as the actor) and both users.
func adminFixture(t *testing.T, db *store.DB) (context.Context, *auth.User, *auth.User) {
	t.Helper()
	admin, err := db.CreateUser(ctx, "admin@example.org", "Ada Admin", "h")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Assign(ctx, auth.Assignment{UserID: admin.ID, Role: auth.RoleAdmin, ScopeType: auth.ScopePlatform}); err != nil {
		t.Fatal(err)
	}
	member, err := db.CreateUser(ctx, "member@example.org", "Mo Member", "h")
	if err != nil {
		t.Fatal(err)
	}
	return audit.WithActor(context.Background(), admin.ID), admin, member
}

func lastEvent(t *testing.T, db *store.DB, action string) audit.Event {
	t.Helper()
	evs, err := db.AuditEvents(ctx, audit.Filter{Action: action, Limit: 1})
	if err != nil || len(evs) != 1 {
		t.Fatalf("audit events %q: %v, %v", action, evs, err)
	}
	return evs[0]
}

func TestAdminDisableAndEnableUser(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		actx, admin, member := adminFixture(t, db)
		tok, err := db.CreateSession(ctx, member.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if d, err := db.Disablement(actx, member.ID); err != nil || d != nil {
			t.Fatalf("Disablement of an active account = %+v, %v", d, err)
		}

		if err := db.DisableUser(actx, member.ID, "   "); apperr.Code(err) != apperr.Invalid || len(apperr.FieldsOf(err)) != 1 || apperr.FieldsOf(err)[0].Field != "reason" {
			t.Fatalf("disabling without a reason = %v", err)
		}
		if err := db.DisableUser(actx, admin.ID, "testing"); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("disabling oneself = %v", err)
		}
		if err := db.DisableUser(actx, "nobody", "testing"); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("disabling an unknown user = %v", err)
		}
		if err := db.DisableUser(actx, member.ID, "  Left the organisation  "); err != nil {
			t.Fatal(err)
		}
		if _, err := db.PrincipalForSession(ctx, tok); apperr.Code(err) != apperr.Unauthorized {
			t.Fatalf("session after disabling = %v", err)
		}
		u, err := db.UserByID(ctx, member.ID)
		if err != nil || u.DisabledAt == nil {
			t.Fatalf("user after disabling = %+v, %v", u, err)
		}
		e := lastEvent(t, db, "user.disable")
		if e.ActorID != admin.ID || e.ObjectID != member.ID || e.Details["reason"] != "Left the organisation" {
			t.Fatalf("user.disable event = %+v", e)
		}
		d, err := db.Disablement(ctx, member.ID)
		if err != nil || d == nil || d.ByID != admin.ID || d.ByName != "Ada Admin" || d.Reason != "Left the organisation" || !d.At.Equal(*u.DisabledAt) {
			t.Fatalf("Disablement = %+v, %v", d, err)
		}
		if err := db.DisableUser(actx, member.ID, "again"); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("disabling twice = %v", err)
		}

		if err := db.EnableUser(actx, member.ID); err != nil {
			t.Fatal(err)
		}
		if u, _ := db.UserByID(ctx, member.ID); u.DisabledAt != nil {
			t.Fatal("still disabled after enabling")
		}
		// The sessions were ended, not just refused while disabled.
		if _, err := db.PrincipalForSession(ctx, tok); apperr.Code(err) != apperr.Unauthorized {
			t.Fatalf("old session after enabling = %v", err)
		}
		if e := lastEvent(t, db, "user.enable"); e.ActorID != admin.ID || e.ObjectID != member.ID {
			t.Fatalf("user.enable event = %+v", e)
		}
		if err := db.EnableUser(actx, member.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("enabling an active account = %v", err)
		}
		if d, err := db.Disablement(ctx, member.ID); err != nil || d != nil {
			t.Fatalf("Disablement after enabling = %+v, %v", d, err)
		}
		if _, err := db.VerifyAudit(ctx); err != nil {
			t.Fatalf("audit chain: %v", err)
		}
	})
}

func TestAdminLastAdminCannotBeDisabled(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		_, admin, _ := adminFixture(t, db)
		// The system (no actor) may not leave the service without an administrator.
		if err := db.DisableUser(ctx, admin.ID, "testing"); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("disabling the last administrator = %v", err)
		}
		other, _ := db.CreateUser(ctx, "second@example.org", "Second", "h")
		if _, err := db.Assign(ctx, auth.Assignment{UserID: other.ID, Role: auth.RoleAdmin, ScopeType: auth.ScopePlatform}); err != nil {
			t.Fatal(err)
		}
		if err := db.DisableUser(ctx, admin.ID, "testing"); err != nil {
			t.Fatalf("disabling one of two administrators = %v", err)
		}
		if err := db.DisableUser(ctx, other.ID, "testing"); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("disabling the last active administrator = %v", err)
		}
	})
}

func TestAdminRevokeAssignment(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		actx, admin, member := adminFixture(t, db)
		o, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Voices", Kind: auth.KindUserLed})
		if err != nil {
			t.Fatal(err)
		}
		a, err := db.Assign(ctx, auth.Assignment{UserID: member.ID, Role: auth.RoleFacilitator, ScopeType: auth.ScopeOrganisation, ScopeID: o.ID})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.RevokeAssignment(actx, admin.ID, a.ID); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("revoking someone else's assignment through the wrong user = %v", err)
		}
		if err := db.RevokeAssignment(actx, member.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		if as, err := db.AssignmentsOf(ctx, member.ID); err != nil || len(as) != 0 {
			t.Fatalf("assignments after revoking = %+v, %v", as, err)
		}
		e := lastEvent(t, db, "role.revoke")
		if e.ActorID != admin.ID || e.ObjectID != member.ID || e.Details["role"] != "facilitator" || e.Details["scope_id"] != o.ID || e.Details["assignment_id"] != a.ID {
			t.Fatalf("role.revoke event = %+v", e)
		}
		if err := db.RevokeAssignment(actx, member.ID, a.ID); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("revoking twice = %v", err)
		}

		adminRoles, _ := db.AssignmentsOf(ctx, admin.ID)
		if len(adminRoles) != 1 {
			t.Fatalf("admin roles = %+v", adminRoles)
		}
		if err := db.RevokeAssignment(actx, admin.ID, adminRoles[0].ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("revoking one's own administrator role = %v", err)
		}
		if err := db.RevokeAssignment(ctx, admin.ID, adminRoles[0].ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("revoking the last administrator role = %v", err)
		}
		// A second administrator, disabled, does not count.
		second, err := db.Assign(ctx, auth.Assignment{UserID: member.ID, Role: auth.RoleAdmin, ScopeType: auth.ScopePlatform})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.DisableUser(actx, member.ID, "testing"); err != nil {
			t.Fatal(err)
		}
		if err := db.RevokeAssignment(ctx, admin.ID, adminRoles[0].ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("revoking the last active administrator role = %v", err)
		}
		// A disabled administrator's role can go.
		if err := db.RevokeAssignment(actx, member.ID, second.ID); err != nil {
			t.Fatalf("revoking a disabled administrator's role = %v", err)
		}
		if _, err := db.VerifyAudit(ctx); err != nil {
			t.Fatalf("audit chain: %v", err)
		}
	})
}
