package auth

import "testing"

func TestPeerPolicy(t *testing.T) {
	who := func(role Role, org string) *Principal {
		return &Principal{User: &User{ID: "u"}, Assignments: []Assignment{{Role: role, ScopeType: ScopeOrganisation, ScopeID: org}}}
	}
	admin := &Principal{User: &User{ID: "a"}, Assignments: []Assignment{{Role: RoleAdmin, ScopeType: ScopePlatform}}}
	ulo, other := Object{ScopeOrganisation, "ulo"}, Object{ScopeOrganisation, "other"}
	cases := []struct {
		name string
		p    *Principal
		act  Action
		o    Object
		want bool
	}{
		{"coordinator coordinates", who(RoleCoordinator, "ulo"), ActionCoordinatePeer, ulo, true},
		{"coordinator of another ULO", who(RoleCoordinator, "other"), ActionCoordinatePeer, ulo, false},
		{"facilitator of the ULO", who(RoleFacilitator, "ulo"), ActionCoordinatePeer, ulo, false},
		{"administrator", admin, ActionCoordinatePeer, ulo, false},
		{"visitor", nil, ActionCoordinatePeer, ulo, false},
		{"supporter supports", who(RolePeerSupporter, "ulo"), ActionSupportPeer, ulo, true},
		{"supporter does not coordinate", who(RolePeerSupporter, "ulo"), ActionCoordinatePeer, ulo, false},
		{"supporter raises a concern", who(RolePeerSupporter, "ulo"), ActionRaiseConcern, ulo, true},
		{"supporter does not read concerns", who(RolePeerSupporter, "ulo"), ActionViewConcerns, ulo, false},
		{"lead reads concerns", who(RoleSafeguardingLead, "ulo"), ActionViewConcerns, ulo, true},
		{"lead of another ULO", who(RoleSafeguardingLead, "other"), ActionViewConcerns, ulo, false},
		{"lead does not coordinate", who(RoleSafeguardingLead, "ulo"), ActionCoordinatePeer, ulo, false},
		{"coordinator reads concerns", who(RoleCoordinator, "ulo"), ActionViewConcerns, ulo, true},
		{"administrator reads no concerns", admin, ActionViewConcerns, other, false},
		{"anyone signed in refers", who(RoleProvider, "p"), ActionReferPeer, Object{}, true},
		{"a visitor refers themselves, not as a professional", nil, ActionReferPeer, Object{}, false},
		{"the whole platform is no organisation", who(RoleCoordinator, ""), ActionCoordinatePeer, Object{ScopeOrganisation, ""}, false},
	}
	for _, c := range cases {
		if got := Can(c.p, c.act, c.o); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	for _, r := range []Role{RoleCoordinator, RolePeerSupporter, RoleSafeguardingLead} {
		if CheckRole(r, ScopeOrganisation) != "" || CheckRole(r, ScopeRound) == "" || r.Label() == string(r) {
			t.Errorf("%s: held over the wrong scopes or has no label", r)
		}
	}
}
