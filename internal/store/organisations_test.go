package store_test

import (
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// orgFixture makes an organisation and one account outside it.
func orgFixture(t *testing.T, db *store.DB) (*auth.Organisation, *auth.User) {
	t.Helper()
	o, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Voices Together", Kind: auth.KindUserLed})
	if err != nil {
		t.Fatal(err)
	}
	u, err := db.CreateUser(ctx, "robin@example.org", "Robin", "h")
	if err != nil {
		t.Fatal(err)
	}
	return o, u
}

func countEvents(t *testing.T, db *store.DB, action string) int {
	t.Helper()
	evs, err := db.AuditEvents(ctx, audit.Filter{Action: action})
	if err != nil {
		t.Fatal(err)
	}
	return len(evs)
}

func TestAssignRefusesRolesTheScopeCannotHold(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		o, u := orgFixture(t, db)
		for _, a := range []auth.Assignment{
			{UserID: u.ID, Role: auth.RoleAdmin, ScopeType: auth.ScopeOrganisation, ScopeID: o.ID},
			{UserID: u.ID, Role: auth.RoleMember, ScopeType: auth.ScopePlatform},
			{UserID: u.ID, Role: "owner", ScopeType: auth.ScopeOrganisation, ScopeID: o.ID},
			{UserID: u.ID, Role: auth.RoleMember, ScopeType: auth.ScopeOrganisation},
		} {
			if _, err := db.Assign(ctx, a); apperr.Code(err) != apperr.Invalid || len(apperr.FieldsOf(err)) == 0 {
				t.Errorf("Assign(%+v) = %v, want a field error", a, err)
			}
		}
		if as, err := db.AssignmentsOf(ctx, u.ID); err != nil || len(as) != 0 {
			t.Fatalf("refused assignments were kept: %+v, %v", as, err)
		}
		if n := countEvents(t, db, "role.assign"); n != 0 {
			t.Fatalf("%d role.assign events for refused assignments", n)
		}
		if _, err := db.Assign(ctx, auth.Assignment{UserID: u.ID, Role: auth.RoleFacilitator, ScopeType: auth.ScopeOrganisation, ScopeID: o.ID}); err != nil {
			t.Fatalf("a facilitator over an organisation was refused: %v", err)
		}
	})
}

func TestAddOrgMember(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		o, u := orgFixture(t, db)
		got, err := db.AddOrgMember(ctx, auth.NewOrgMember{OrgID: o.ID, Email: " ROBIN@example.org", Role: auth.RoleMember})
		if err != nil || got.ID != u.ID {
			t.Fatalf("AddOrgMember = %+v, %v", got, err)
		}
		ms, err := db.Members(ctx, o.ID)
		if err != nil || len(ms) != 1 || ms[0].UserID != u.ID {
			t.Fatalf("members = %+v, %v", ms, err)
		}
		as, err := db.AssignmentsOf(ctx, u.ID)
		if err != nil || len(as) != 1 || as[0].Role != auth.RoleMember || as[0].ScopeType != auth.ScopeOrganisation || as[0].ScopeID != o.ID {
			t.Fatalf("assignments = %+v, %v", as, err)
		}
		// The audit filter matches by prefix and drops "_", hence "organisation.member".
		if m, r := countEvents(t, db, "organisation.member"), countEvents(t, db, "role.assign"); m != 1 || r != 1 {
			t.Fatalf("audit log: %d membership events and %d role events, want one each", m, r)
		}

		for _, c := range []struct {
			n     auth.NewOrgMember
			code  string
			field string
			msg   string
		}{
			{auth.NewOrgMember{OrgID: o.ID, Email: "robin@example.org"}, apperr.Conflict, "email", "Robin is already a member"},
			{auth.NewOrgMember{OrgID: o.ID, Email: "nobody@example.org"}, apperr.Invalid, "email", "There is no account with that email address. Invite them first."},
			{auth.NewOrgMember{OrgID: o.ID, Email: "robin@example.org", Role: auth.RoleAdmin}, apperr.Invalid, "role", "Select a role from the list"},
		} {
			_, err := db.AddOrgMember(ctx, c.n)
			fs := apperr.FieldsOf(err)
			if apperr.Code(err) != c.code || len(fs) != 1 || fs[0].Field != c.field || fs[0].Message != c.msg {
				t.Errorf("AddOrgMember(%+v) = %v %+v, want %s on %s: %q", c.n, apperr.Code(err), fs, c.code, c.field, c.msg)
			}
		}
	})
}

// TestAddOrgMemberKeepsNothingWhenTheRoleFails makes the second step fail
// (the person already holds the role over the organisation without being
// a member, so granting it again is a conflict) and checks that the first
// step, the membership, was not kept either.
func TestAddOrgMemberKeepsNothingWhenTheRoleFails(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		o, u := orgFixture(t, db)
		if _, err := db.Assign(ctx, auth.Assignment{UserID: u.ID, Role: auth.RoleMember, ScopeType: auth.ScopeOrganisation, ScopeID: o.ID}); err != nil {
			t.Fatal(err)
		}
		before := countEvents(t, db, "")
		if _, err := db.AddOrgMember(ctx, auth.NewOrgMember{OrgID: o.ID, Email: u.Email, Role: auth.RoleMember}); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("granting a role held already = %v, want a conflict", err)
		}
		if ms, err := db.Members(ctx, o.ID); err != nil || len(ms) != 0 {
			t.Fatalf("the membership was kept after the role failed: %+v, %v", ms, err)
		}
		if after := countEvents(t, db, ""); after != before {
			t.Fatalf("audit events went from %d to %d for a change that was not made", before, after)
		}
		if as, _ := db.AssignmentsOf(ctx, u.ID); len(as) != 1 {
			t.Fatalf("assignments = %+v, want the one made before", as)
		}
	})
}
