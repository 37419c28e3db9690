package auth

import "testing"

// Of the roles in a round, only its facilitators keep the members'
// registers of adjustments; a platform administrator does not.
func TestAdjustmentsPolicy(t *testing.T) {
	rnd := Object{Type: ScopeRound, ID: "r1"}
	in := func(role Role, scope ScopeType, id string) *Principal {
		return &Principal{User: &User{ID: "u"}, Assignments: []Assignment{{UserID: "u", Role: role, ScopeType: scope, ScopeID: id}}}
	}
	for _, c := range []struct {
		name string
		p    *Principal
		want bool
	}{
		{"facilitator", in(RoleFacilitator, ScopeRound, "r1"), true},
		{"facilitator of another round", in(RoleFacilitator, ScopeRound, "r2"), false},
		{"member", in(RoleMember, ScopeRound, "r1"), false},
		{"commissioner", in(RoleCommissioner, ScopeRound, "r1"), false},
		{"observer", in(RoleObserver, ScopeRound, "r1"), false},
		{"facilitator of an organisation", in(RoleFacilitator, ScopeOrganisation, "r1"), false},
		{"administrator", in(RoleAdmin, ScopePlatform, ""), false},
		{"visitor", nil, false},
	} {
		if got := Can(c.p, ActionKeepAdjustments, rnd); got != c.want {
			t.Errorf("%s: %v", c.name, got)
		}
	}
}
