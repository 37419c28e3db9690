package auth

import "testing"

func TestLedgerPolicy(t *testing.T) {
	org := Object{Type: ScopeOrganisation, ID: "ulo"}
	rnd := Object{Type: ScopeRound, ID: "r1"}
	as := func(role Role, scope ScopeType, id string) *Principal {
		return &Principal{User: &User{ID: "u"}, Assignments: []Assignment{{Role: role, ScopeType: scope, ScopeID: id}}}
	}
	admin := as(RoleAdmin, ScopePlatform, "")
	cases := []struct {
		name   string
		p      *Principal
		action Action
		o      Object
		want   bool
	}{
		{"anyone sees the board", nil, ActionViewBoard, Object{}, true},
		{"anonymous cannot record voice", nil, ActionRecordVoice, org, false},
		{"facilitator of the organisation records voice", as(RoleFacilitator, ScopeOrganisation, "ulo"), ActionRecordVoice, org, true},
		{"facilitator of another organisation cannot", as(RoleFacilitator, ScopeOrganisation, "other"), ActionRecordVoice, org, false},
		{"commissioner of the round responds", as(RoleCommissioner, ScopeRound, "r1"), ActionRespond, rnd, true},
		{"provider cannot respond", as(RoleProvider, ScopeOrganisation, "ulo"), ActionRespond, org, false},
		{"member cannot respond", as(RoleMember, ScopeRound, "r1"), ActionRespond, rnd, false},
		{"member of the round's group gives a verdict", as(RoleMember, ScopeRound, "r1"), ActionRecordVerdict, rnd, true},
		{"member of another round cannot", as(RoleMember, ScopeRound, "r2"), ActionRecordVerdict, rnd, false},
		{"member of the organisation gives a verdict on an item without a round", as(RoleMember, ScopeOrganisation, "ulo"), ActionRecordVerdict, org, true},
		{"admin cannot give a verdict", admin, ActionRecordVerdict, rnd, false},
		{"commissioner cannot give a verdict", as(RoleCommissioner, ScopeRound, "r1"), ActionRecordVerdict, rnd, false},
		{"facilitator cannot give a verdict", as(RoleFacilitator, ScopeRound, "r1"), ActionRecordVerdict, rnd, false},
		{"anonymous cannot give a verdict", nil, ActionRecordVerdict, rnd, false},
		{"a verdict needs a round or an organisation", as(RoleMember, ScopePlatform, ""), ActionRecordVerdict, Object{}, false},
		{"commissioner sees the dashboard", as(RoleCommissioner, ScopeOrganisation, "icb"), ActionViewDashboard, Object{}, true},
		{"member does not", as(RoleMember, ScopeOrganisation, "ulo"), ActionViewDashboard, Object{}, false},
		{"researcher in the round views the item", as(RoleResearcher, ScopeRound, "r1"), ActionViewLedger, rnd, true},
		{"admin views any item", admin, ActionViewLedger, org, true},
	}
	for _, c := range cases {
		if got := Can(c.p, c.action, c.o); got != c.want {
			t.Errorf("%s: Can = %v, want %v", c.name, got, c.want)
		}
	}
}
