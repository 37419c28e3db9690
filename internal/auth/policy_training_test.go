package auth

import "testing"

func TestTrainingPolicy(t *testing.T) {
	who := func(role Role, org string) *Principal {
		return &Principal{User: &User{ID: "u"}, Assignments: []Assignment{{Role: role, ScopeType: ScopeOrganisation, ScopeID: org}}}
	}
	ulo, prov := Object{ScopeOrganisation, "ulo"}, Object{ScopeOrganisation, "prov"}
	for _, c := range []struct {
		name string
		p    *Principal
		act  Action
		o    Object
		want bool
	}{
		{"facilitator runs the ULO's training", who(RoleFacilitator, "ulo"), ActionRunTraining, ulo, true},
		{"coordinator runs it too", who(RoleCoordinator, "ulo"), ActionRunTraining, ulo, true},
		{"a member does not", who(RoleMember, "ulo"), ActionRunTraining, ulo, false},
		{"facilitator of another ULO", who(RoleFacilitator, "other"), ActionRunTraining, ulo, false},
		{"provider's lead sees their staff", who(RoleProvider, "prov"), ActionProviderTraining, prov, true},
		{"another provider does not", who(RoleProvider, "other"), ActionProviderTraining, prov, false},
		{"the ULO is not the provider", who(RoleFacilitator, "ulo"), ActionProviderTraining, prov, false},
		{"anyone signed in sees courses", who(RoleEvaluator, "x"), ActionViewTraining, Object{}, true},
		{"a visitor does not", nil, ActionViewTraining, Object{}, false},
	} {
		if got := Can(c.p, c.act, c.o); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
