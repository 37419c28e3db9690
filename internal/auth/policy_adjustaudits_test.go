package auth

import "testing"

// The audit team is the auditing organisation's facilitators and
// researchers; no one else, not an administrator.
func TestAdjustmentAuditsPolicy(t *testing.T) {
	org := Object{Type: ScopeOrganisation, ID: "o1"}
	in := func(role Role, scope ScopeType, id string) *Principal {
		return &Principal{User: &User{ID: "u"}, Assignments: []Assignment{{UserID: "u", Role: role, ScopeType: scope, ScopeID: id}}}
	}
	for _, c := range []struct {
		name string
		p    *Principal
		want bool
	}{
		{"facilitator", in(RoleFacilitator, ScopeOrganisation, "o1"), true},
		{"researcher", in(RoleResearcher, ScopeOrganisation, "o1"), true},
		{"facilitator of another organisation", in(RoleFacilitator, ScopeOrganisation, "o2"), false},
		{"provider", in(RoleProvider, ScopeOrganisation, "o1"), false},
		{"coordinator", in(RoleCoordinator, ScopeOrganisation, "o1"), false},
		{"facilitator of a round", in(RoleFacilitator, ScopeRound, "o1"), false},
		{"administrator", in(RoleAdmin, ScopePlatform, ""), false},
		{"visitor", nil, false},
	} {
		if got := Can(c.p, ActionRunAdjustmentAudits, org); got != c.want {
			t.Errorf("%s: %v", c.name, got)
		}
	}
}
