package auth

// Commissioning round actions. The object is the round (ScopeRound and its
// id); roles in a round are assignments over that scope. Seeing what a
// member who withdrew consent contributed, and members' real names and
// contact details, is for the round's facilitators only — not even a
// platform administrator, who runs the service but not the group.
const (
	ActionListRounds         Action = "round.list"
	ActionCreateRound        Action = "round.create"
	ActionViewRound          Action = "round.view"
	ActionManageRound        Action = "round.manage"     // stake, publishing, closing
	ActionMoveStage          Action = "round.stage"      // moving between stages
	ActionInviteToRound      Action = "round.invite"     // one-time links to join in a role
	ActionRunGroup           Action = "round.group"      // members, consent, sessions, payments, voting, themes
	ActionViewPrivate        Action = "round.private"    // withdrawn content, real names and contact details
	ActionContribute         Action = "round.contribute" // stories, factors, feedback, statements, votes
	ActionManageServices     Action = "round.services"   // the landscape of existing services, imports
	ActionExportRoundContent Action = "round.export"     // evidence as JSON and CSV
)

// roundRules are the policy's rules for this area; policy.go merges every area's table.
var roundRules = map[Action]rule{
	ActionListRounds:         signedIn,
	ActionCreateRound:        func(p *Principal, _ Object) bool { return p.IsAdmin() || p.HasAnywhere(RoleCommissioner) },
	ActionViewRound:          viewRound,
	ActionManageRound:        inRound(RoleCommissioner),
	ActionMoveStage:          inRound(RoleCommissioner, RoleFacilitator),
	ActionInviteToRound:      inRound(RoleCommissioner, RoleFacilitator),
	ActionRunGroup:           inRound(RoleFacilitator),
	ActionViewPrivate:        inRound(RoleFacilitator),
	ActionContribute:         inRound(RoleFacilitator, RoleMember),
	ActionManageServices:     inRound(RoleCommissioner, RoleFacilitator),
	ActionExportRoundContent: viewRound,
}

// viewRound allows admins and anyone holding a role in the round.
func viewRound(p *Principal, o Object) bool { return p.IsAdmin() || anyRoundRole(p, o) }

// inRound allows holders of any of roles over the round the object names.
func inRound(roles ...Role) rule {
	return func(p *Principal, o Object) bool {
		if o.Type != ScopeRound {
			return false
		}
		for _, r := range roles {
			if p.Has(r, ScopeRound, o.ID) {
				return true
			}
		}
		return false
	}
}

func anyRoundRole(p *Principal, o Object) bool {
	if o.Type != ScopeRound || !p.SignedIn() {
		return false
	}
	for _, a := range p.Assignments {
		if a.ScopeType == ScopeRound && a.ScopeID == o.ID {
			return true
		}
	}
	return false
}
