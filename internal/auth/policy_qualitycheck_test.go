package auth

import "testing"

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
