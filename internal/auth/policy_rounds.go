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

func init() {
	rules[ActionListRounds] = signedIn
	rules[ActionCreateRound] = func(p *Principal, _ Object) bool { return p.IsAdmin() || p.HasAnywhere(RoleCommissioner) }
	rules[ActionViewRound] = func(p *Principal, o Object) bool { return p.IsAdmin() || anyRoundRole(p, o) }
	rules[ActionManageRound] = inRound(RoleCommissioner)
	rules[ActionMoveStage] = inRound(RoleCommissioner, RoleFacilitator)
	rules[ActionInviteToRound] = inRound(RoleCommissioner, RoleFacilitator)
	rules[ActionRunGroup] = inRound(RoleFacilitator)
	rules[ActionViewPrivate] = inRound(RoleFacilitator)
	rules[ActionContribute] = inRound(RoleFacilitator, RoleMember)
	rules[ActionManageServices] = inRound(RoleCommissioner, RoleFacilitator)
	rules[ActionExportRoundContent] = rules[ActionViewRound]
}

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
