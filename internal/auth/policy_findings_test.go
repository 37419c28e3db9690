package auth

import "testing"

func TestFindingsPolicy(t *testing.T) {
	rnd := Object{Type: ScopeRound, ID: "r1"}
	other := Object{Type: ScopeRound, ID: "r2"}
	in := func(role Role) *Principal {
		return &Principal{User: &User{ID: "u"}, Assignments: []Assignment{{UserID: "u", Role: role, ScopeType: ScopeRound, ScopeID: "r1"}}}
	}
	admin := &Principal{User: &User{ID: "a"}, Assignments: []Assignment{{UserID: "a", Role: RoleAdmin, ScopeType: ScopePlatform}}}
	for _, c := range []struct {
		name       string
		p          *Principal
		o          Object
		view, edit bool
	}{
		{"member", in(RoleMember), rnd, true, false},
		{"facilitator", in(RoleFacilitator), rnd, true, true},
		{"commissioner", in(RoleCommissioner), rnd, true, false},
		{"observer", in(RoleObserver), rnd, false, false},
		{"facilitator of another round", in(RoleFacilitator), other, false, false},
		{"administrator", admin, rnd, false, false},
		{"visitor", nil, rnd, false, false},
	} {
		if got := Can(c.p, ActionViewFindings, c.o); got != c.view {
			t.Errorf("%s view: %v", c.name, got)
		}
		if got := Can(c.p, ActionEditFindings, c.o); got != c.edit {
			t.Errorf("%s edit: %v", c.name, got)
		}
	}
}
