package auth

import (
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

func TestQualityCheckPolicy(t *testing.T) {
	who := func(role Role, org string) *Principal {
		return &Principal{User: &User{ID: "u"}, Assignments: []Assignment{{Role: role, ScopeType: ScopeOrganisation, ScopeID: org}}}
	}
	admin := &Principal{User: &User{ID: "a"}, Assignments: []Assignment{{Role: RoleAdmin, ScopeType: ScopePlatform}}}
	ulo, prov := Object{ScopeOrganisation, "ulo"}, Object{ScopeOrganisation, "prov"}
	cases := []struct {
		name string
		p    *Principal
		act  Action
		o    Object
		want bool
	}{
		{"checker runs checks", who(RoleQualityChecker, "ulo"), ActionRunQualityChecks, ulo, true},
		{"facilitator supports checkers", who(RoleFacilitator, "ulo"), ActionRunQualityChecks, ulo, true},
		{"member of the ULO", who(RoleMember, "ulo"), ActionRunQualityChecks, ulo, false},
		{"checker of another ULO", who(RoleQualityChecker, "other"), ActionRunQualityChecks, ulo, false},
		{"administrator", admin, ActionRunQualityChecks, ulo, false},
		{"visitor", nil, ActionRunQualityChecks, ulo, false},
		{"facilitator pays", who(RoleFacilitator, "ulo"), ActionPayQualityCheckers, ulo, true},
		{"checker does not pay", who(RoleQualityChecker, "ulo"), ActionPayQualityCheckers, ulo, false},
		{"provider answers", who(RoleProvider, "prov"), ActionAnswerQualityCheck, prov, true},
		{"another provider", who(RoleProvider, "other"), ActionAnswerQualityCheck, prov, false},
		{"checker does not answer for the provider", who(RoleQualityChecker, "ulo"), ActionAnswerQualityCheck, prov, false},
	}
	for _, c := range cases {
		if got := Can(c.p, c.act, c.o); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	if CheckRole(RoleQualityChecker, ScopeOrganisation) != "" || CheckRole(RoleQualityChecker, ScopeRound) == "" || RoleQualityChecker.Label() != "Quality checker" {
		t.Error("quality checker: held over the wrong scopes or has no label")
	}
}

func TestULOPolicy(t *testing.T) {
	who := func(role Role, org string) *Principal {
		return &Principal{User: &User{ID: "u"}, Assignments: []Assignment{{Role: role, ScopeType: ScopeOrganisation, ScopeID: org}}}
	}
	prov, ulo := Object{ScopeOrganisation, "prov"}, Object{ScopeOrganisation, "ulo"}
	for _, c := range []struct {
		name string
		p    *Principal
		act  Action
		o    Object
		want bool
	}{
		{"provider sets up", who(RoleProvider, "prov"), ActionSetUpULO, prov, true},
		{"another provider", who(RoleProvider, "other"), ActionSetUpULO, prov, false},
		{"facilitator of the provider's ULO does not set up", who(RoleFacilitator, "prov"), ActionSetUpULO, prov, false},
		{"facilitator invites", who(RoleFacilitator, "ulo"), ActionInviteToULO, ulo, true},
		{"member does not invite", who(RoleMember, "ulo"), ActionInviteToULO, ulo, false},
		{"provider does not invite to the ULO", who(RoleProvider, "prov"), ActionInviteToULO, ulo, false},
	} {
		if got := Can(c.p, c.act, c.o); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	n := NewULO{Name: " ", FacilitatorName: "", FacilitatorEmail: "nope"}
	got := map[string]bool{}
	for _, f := range apperr.FieldsOf(n.Validate()) {
		got[f.Field] = true
	}
	if !got["provider"] || !got["name"] || !got["display_name"] || !got["email"] {
		t.Errorf("problems: %v", got)
	}
	n = NewULO{ProviderID: "prov", Name: " Riverside Voices ", FacilitatorName: "Ash", FacilitatorEmail: "Ash@Example.org"}
	if err := n.Validate(); err != nil || n.Name != "Riverside Voices" || n.FacilitatorEmail != "ash@example.org" {
		t.Errorf("valid: %v %+v", err, n)
	}
}
