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
	// ActionViewGroupContent is reading the group's own spaces: its members,
	// sessions (venues and times), stories, factors, feedback and vision.
	// Observers see the round and its aggregates (counts and themes) only.
	ActionViewGroupContent Action = "round.group_content"
	// ActionOwnInformation is a member seeing, downloading and controlling
	// what the round holds about them; the store finds the member from the
	// session, so nobody reaches another member's record this way.
	ActionOwnInformation Action = "round.mine"
)

// Group decision actions (see round.Proposal). The decision is the group's:
// the others here only start proposals, help members take part, and apply
// what the group decided.
const (
	// ActionViewDecisions is seeing the round's proposals, their counts and
	// who responded (by chosen name): the group, its facilitators and the
	// commissioner lead. Observers see outcomes on the public board.
	ActionViewDecisions Action = "round.decisions"
	// ActionPropose is putting a proposal to the group.
	ActionPropose Action = "round.propose"
	// ActionRespondToProposal is a member answering for themselves: the store takes
	// the member from the session, so nobody answers for another this way.
	ActionRespondToProposal Action = "round.respond"
	// ActionHelpDecide is a facilitator recording a response a member gave
	// in person and recording how a block was resolved.
	ActionHelpDecide Action = "round.decisions.facilitate"
	// ActionWithdrawProposal lets those who may propose reach the withdraw
	// button; the store allows only the proposal's own proposer.
	ActionWithdrawProposal Action = "round.decisions.withdraw"
	// ActionCarryOut is applying a passed decision. For every kind the
	// software can apply (lowering the stake, agreeing the impact and
	// closing the round, changing the rule, signing off a measure or a
	// specification version) it is the commissioner lead or a facilitator:
	// the change is exactly what the group passed, so carrying it out adds
	// no judgement of its own, only the moment. An agreement of tender
	// questions is carried out by publishing the tender (tenders' policy),
	// and a general question has nothing to carry out.
	ActionCarryOut Action = "round.decisions.carry_out"
	// ActionWriteEasyRead is writing the Easy Read version of a proposal:
	// the facilitator or the commissioner lead, never asked of members
	// (issue 15).
	ActionWriteEasyRead Action = "round.decisions.easy_read"
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
	ActionExportRoundContent: groupContent,
	ActionViewGroupContent:   groupContent,
	ActionOwnInformation:     inRound(RoleMember),

	ActionViewDecisions:     inRound(RoleCommissioner, RoleFacilitator, RoleMember),
	ActionPropose:           inRound(RoleCommissioner, RoleFacilitator, RoleMember),
	ActionRespondToProposal: inRound(RoleMember),
	ActionHelpDecide:        inRound(RoleFacilitator),
	ActionWithdrawProposal:  inRound(RoleCommissioner, RoleFacilitator, RoleMember),
	ActionCarryOut:          inRound(RoleCommissioner, RoleFacilitator),
	ActionWriteEasyRead:     inRound(RoleCommissioner, RoleFacilitator),
}

// groupContent allows admins and those who run the round or are in its
// group: everyone in the round but its observers.
func groupContent(p *Principal, o Object) bool {
	return p.IsAdmin() || inRound(RoleCommissioner, RoleFacilitator, RoleMember)(p, o)
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
