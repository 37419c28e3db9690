package auth

import "testing"

func TestMeasuresPolicy(t *testing.T) {
	rd, org, prov, other := Object{ScopeRound, "r1"}, Object{ScopeOrganisation, "icb"}, Object{ScopeOrganisation, "prov"}, Object{ScopeOrganisation, "prov2"}
	as := func(role Role, scope ScopeType, id string) *Principal {
		return &Principal{User: &User{ID: "u"}, Assignments: []Assignment{{Role: role, ScopeType: scope, ScopeID: id}}}
	}
	lead, orgCommissioner := as(RoleCommissioner, ScopeRound, "r1"), as(RoleCommissioner, ScopeOrganisation, "icb")
	member, facilitator := as(RoleMember, ScopeRound, "r1"), as(RoleFacilitator, ScopeRound, "r1")
	provider, admin := as(RoleProvider, ScopeOrganisation, "prov"), as(RoleAdmin, ScopePlatform, "")
	for _, c := range []struct {
		name string
		p    *Principal
		a    Action
		o    Object
		want bool
	}{
		{"round lead manages", lead, ActionManageMeasures, rd, true},
		{"commissioner of the round's organisation manages", orgCommissioner, ActionManageMeasures, org, true},
		{"facilitator reads", facilitator, ActionViewMeasures, rd, true},
		{"facilitator does not manage", facilitator, ActionManageMeasures, rd, false},
		{"facilitator does not sign off", facilitator, ActionSignOff, rd, false},
		{"member signs off", member, ActionSignOff, rd, true},
		{"member does not manage", member, ActionManageMeasures, rd, false},
		{"commissioner does not sign off for the group", lead, ActionSignOff, rd, false},
		{"admin does not sign off for the group", admin, ActionSignOff, rd, false},
		{"provider reports for its own contracts", provider, ActionReportValues, prov, true},
		{"provider does not report for another provider", provider, ActionReportValues, other, false},
		{"provider sees its own contract", provider, ActionViewContract, prov, true},
		{"commissioner does not report values", lead, ActionReportValues, rd, false},
		{"provider outside the round does not read its measures", provider, ActionViewMeasures, rd, false},
		{"anonymous reads nothing", nil, ActionViewMeasures, rd, false},
	} {
		if got := Can(c.p, c.a, c.o); got != c.want {
			t.Errorf("%s: Can = %v, want %v", c.name, got, c.want)
		}
	}
	if ids := provider.ProviderOrgIDs(); len(ids) != 1 || ids[0] != "prov" {
		t.Errorf("ProviderOrgIDs = %v", ids)
	}
}
