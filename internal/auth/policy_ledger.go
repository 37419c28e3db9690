package auth

// Accountability ledger actions. The public board needs no account. Voice
// items concern organisations and, usually, a round; the faces ask about
// each organisation (ScopeOrganisation) and the round (ScopeRound) and
// allow the action if any of them allows it.
//
// Verdicts belong to the lived experience group alone: a member of the
// round's group, or — for an item with no round — someone holding the
// member role in a user-led organisation concerned (the face passes only
// user-led organisations). Not even a platform administrator may give one.
const (
	ActionViewBoard     Action = "ledger.board"     // the public board and its exports
	ActionViewLedger    Action = "ledger.view"      // an item's management page, its evidence files
	ActionRecordVoice   Action = "ledger.record"    // record or import voice items, withdraw them
	ActionRespond       Action = "ledger.respond"   // commitments, statuses, actions, evidence
	ActionRecordVerdict Action = "ledger.verdict"   // whether it changed
	ActionViewDashboard Action = "ledger.dashboard" // the commissioner dashboard
)

// ledgerRules are the policy's rules for this area; policy.go merges every area's table.
var ledgerRules = map[Action]rule{
	ActionViewBoard:   func(*Principal, Object) bool { return true },
	ActionViewLedger:  ledgerRole(RoleCommissioner, RoleFacilitator, RoleMember, RoleProvider, RoleEvaluator, RoleResearcher, RoleAdmin),
	ActionRecordVoice: ledgerRole(RoleCommissioner, RoleFacilitator),
	ActionRespond:     ledgerRole(RoleCommissioner, RoleFacilitator),
	ActionRecordVerdict: func(p *Principal, o Object) bool {
		return (o.Type == ScopeRound || o.Type == ScopeOrganisation) && p.Has(RoleMember, o.Type, o.ID)
	},
	ActionViewDashboard: func(p *Principal, _ Object) bool {
		return p.IsAdmin() || p.HasAnywhere(RoleCommissioner) || p.HasAnywhere(RoleFacilitator)
	},
}

// ledgerRole allows admins, and holders of any of roles over the
// organisation or round the object names.
func ledgerRole(roles ...Role) rule {
	return func(p *Principal, o Object) bool {
		if p.IsAdmin() {
			return true
		}
		if o.Type != ScopeOrganisation && o.Type != ScopeRound {
			return false
		}
		for _, r := range roles {
			if p.Has(r, o.Type, o.ID) {
				return true
			}
		}
		return false
	}
}

// ServesLedger reports whether the principal has a ledger dashboard, so
// pages offer the link only to those it opens for.
func (p *Principal) ServesLedger() bool { return Can(p, ActionViewDashboard, Object{}) }
