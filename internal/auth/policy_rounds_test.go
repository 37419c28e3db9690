package auth

import "testing"

func TestRoundPolicy(t *testing.T) {
	rd := Object{Type: ScopeRound, ID: "r1"}
	other := Object{Type: ScopeRound, ID: "r2"}
	in := func(role Role) *Principal {
		return &Principal{User: &User{ID: string(role)}, Assignments: []Assignment{{Role: role, ScopeType: ScopeRound, ScopeID: "r1"}}}
	}
	admin := &Principal{User: &User{ID: "a"}, Assignments: []Assignment{{Role: RoleAdmin, ScopeType: ScopePlatform}}}
	orgCommissioner := &Principal{User: &User{ID: "c"}, Assignments: []Assignment{{Role: RoleCommissioner, ScopeType: ScopeOrganisation, ScopeID: "icb"}}}
	lead, fac, mem, obs := in(RoleCommissioner), in(RoleFacilitator), in(RoleMember), in(Role("observer"))
	cases := []struct {
		action Action
		p      *Principal
		o      Object
		want   bool
	}{
		{ActionListRounds, nil, Object{}, false},
		{ActionListRounds, obs, Object{}, true},
		{ActionCreateRound, orgCommissioner, Object{}, true},
		{ActionCreateRound, fac, Object{}, false},
		{ActionViewRound, nil, rd, false},
		{ActionViewRound, obs, rd, true},
		{ActionViewRound, obs, other, false},
		{ActionViewRound, admin, rd, true},
		{ActionViewRound, orgCommissioner, rd, false},
		{ActionManageRound, lead, rd, true},
		{ActionManageRound, fac, rd, false},
		{ActionManageRound, admin, rd, false},
		{ActionMoveStage, fac, rd, true},
		{ActionMoveStage, mem, rd, false},
		{ActionRunGroup, fac, rd, true},
		{ActionRunGroup, lead, rd, false},
		{ActionViewPrivate, fac, rd, true},
		{ActionViewPrivate, fac, other, false},
		{ActionViewPrivate, lead, rd, false},
		{ActionViewPrivate, admin, rd, false},
		{ActionViewPrivate, mem, rd, false},
		{ActionContribute, mem, rd, true},
		{ActionContribute, obs, rd, false},
		{ActionManageServices, lead, rd, true},
		{ActionManageServices, mem, rd, false},
		{ActionExportRoundContent, obs, rd, false},
		{ActionExportRoundContent, lead, rd, true},
		{ActionExportRoundContent, mem, rd, true},
		{ActionViewGroupContent, obs, rd, false},
		{ActionViewGroupContent, mem, rd, true},
		{ActionViewGroupContent, mem, other, false},
		{ActionViewGroupContent, lead, rd, true},
		{ActionViewGroupContent, fac, rd, true},
		{ActionViewGroupContent, admin, rd, true},
		{ActionViewGroupContent, nil, rd, false},
		{ActionOwnInformation, mem, rd, true},
		{ActionOwnInformation, mem, other, false},
		{ActionOwnInformation, fac, rd, false},
		{ActionOwnInformation, obs, rd, false},
		{ActionExportRoundContent, nil, rd, false},
		{ActionViewDecisions, mem, rd, true},
		{ActionViewDecisions, obs, rd, false},
		{ActionViewDecisions, admin, rd, false},
		{ActionPropose, lead, rd, true},
		{ActionPropose, mem, rd, true},
		{ActionPropose, obs, rd, false},
		{ActionPropose, mem, other, false},
		{ActionRespondToProposal, mem, rd, true},
		{ActionRespondToProposal, fac, rd, false},
		{ActionRespondToProposal, lead, rd, false},
		{ActionWriteEasyRead, fac, rd, true},
		{ActionWriteEasyRead, lead, rd, true},
		{ActionWriteEasyRead, mem, rd, false},
		{ActionWriteEasyRead, obs, rd, false},
		{ActionWriteEasyRead, fac, other, false},
		{ActionHelpDecide, fac, rd, true},
		{ActionHelpDecide, lead, rd, false},
		{ActionHelpDecide, mem, rd, false},
		{ActionWithdrawProposal, obs, rd, false},
		{ActionCarryOut, lead, rd, true},
		{ActionCarryOut, fac, rd, true},
		{ActionCarryOut, mem, rd, false},
		{ActionCarryOut, admin, rd, false},
	}
	for _, c := range cases {
		if got := Can(c.p, c.action, c.o); got != c.want {
			t.Errorf("Can(%v, %s, %v) = %v, want %v", c.p, c.action, c.o, got, c.want)
		}
	}
}
