package auth

import (
	"reflect"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

// fieldsOf lists the fields an error is about, in order.
func fieldsOf(err error) []string {
	var out []string
	for _, f := range apperr.FieldsOf(err) {
		out = append(out, f.Field)
	}
	return out
}

func TestAssignmentValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		a    Assignment
		want []string // fields with a problem; nil when valid
	}{
		{"platform admin", Assignment{UserID: "u", Role: RoleAdmin, ScopeType: ScopePlatform}, nil},
		{"researcher in an organisation", Assignment{UserID: "u", Role: RoleResearcher, ScopeType: ScopeOrganisation, ScopeID: "o"}, nil},
		{"observer in a round", Assignment{UserID: "u", Role: RoleObserver, ScopeType: ScopeRound, ScopeID: "r"}, nil},
		{"chair of a tender", Assignment{UserID: "u", Role: RoleChair, ScopeType: ScopeTender, ScopeID: "t"}, nil},
		// The rule the admin page used to hold alone.
		{"admin in an organisation", Assignment{UserID: "u", Role: RoleAdmin, ScopeType: ScopeOrganisation, ScopeID: "o"}, []string{"role"}},
		{"member of the platform", Assignment{UserID: "u", Role: RoleMember, ScopeType: ScopePlatform}, []string{"role"}},
		{"chair of an organisation", Assignment{UserID: "u", Role: RoleChair, ScopeType: ScopeOrganisation, ScopeID: "o"}, []string{"role"}},
		{"provider in a round", Assignment{UserID: "u", Role: RoleProvider, ScopeType: ScopeRound, ScopeID: "r"}, []string{"role"}},
		{"unknown role", Assignment{UserID: "u", Role: "owner", ScopeType: ScopeOrganisation, ScopeID: "o"}, []string{"role"}},
		{"no role is held over a study", Assignment{UserID: "u", Role: RoleResearcher, ScopeType: ScopeStudy, ScopeID: "s"}, []string{"role"}},
		{"unknown scope", Assignment{UserID: "u", Role: RoleMember, ScopeType: "county", ScopeID: "c"}, []string{"scope_type"}},
		{"organisation role without the organisation", Assignment{UserID: "u", Role: RoleMember, ScopeType: ScopeOrganisation}, []string{"scope_id"}},
		{"platform role naming a scope", Assignment{UserID: "u", Role: RoleAdmin, ScopeType: ScopePlatform, ScopeID: "o"}, []string{"scope_id"}},
		{"nobody, nothing", Assignment{}, []string{"user_id", "scope_type", "scope_id"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.a.Validate()
			if got := fieldsOf(err); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("Validate() fields = %v, want %v (%v)", got, c.want, err)
			}
			if err != nil && apperr.Code(err) != apperr.Invalid {
				t.Fatalf("code = %q, want invalid", apperr.Code(err))
			}
		})
	}
	// The message the admin page has always shown for a role it cannot grant.
	err := (&Assignment{UserID: "u", Role: RoleAdmin, ScopeType: ScopeOrganisation, ScopeID: "o"}).Validate()
	if fs := apperr.FieldsOf(err); len(fs) != 1 || fs[0].Message != "Select a role from the list" {
		t.Fatalf("admin in an organisation: %+v", fs)
	}
}

func TestNewOrgMemberValidate(t *testing.T) {
	n := NewOrgMember{OrgID: "o", Email: "  Robin@Example.ORG ", Role: " member "}
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	if n.Email != "robin@example.org" || n.Role != RoleMember {
		t.Fatalf("not normalised: %+v", n)
	}
	if a := n.Assignment("u"); a == nil || *a != (Assignment{UserID: "u", Role: RoleMember, ScopeType: ScopeOrganisation, ScopeID: "o"}) {
		t.Fatalf("Assignment = %+v", a)
	}
	if a := (&NewOrgMember{OrgID: "o", Email: "a@b.org"}).Assignment("u"); a != nil {
		t.Fatalf("membership without a role gave %+v", a)
	}
	bad := NewOrgMember{OrgID: "o", Email: "not an address", Role: RoleAdmin}
	err := bad.Validate()
	if got := fieldsOf(err); !reflect.DeepEqual(got, []string{"email", "role"}) {
		t.Fatalf("fields = %v (%v)", got, err)
	}
	if fs := apperr.FieldsOf(err); fs[1].Message != "Select a role from the list" {
		t.Fatalf("role message = %q", fs[1].Message)
	}
}
