package auth

// Co-procurement actions. A tender belongs to a round: the commissioner lead
// holds RoleCommissioner over the round (ScopeRound), while panel members
// hold RoleEvaluator, and panel chairs RoleChair too, over the tender itself
// (ScopeTender), granted when they are added to a panel. Handlers ask with
// the round's object for round roles and the tender's object for panel roles.
// Bidders are providers: which bid is theirs is decided by their
// organisation in the store, so that one bidder never reaches another's.
const (
	ActionViewTenders   Action = "tender.list"     // a round's tenders (object: the round)
	ActionManageTender  Action = "tender.manage"   // ITT, publishing, panels, clarifications, award (object: the round)
	ActionBid           Action = "tender.bid"      // register interest, bid, ask (object: none; any provider)
	ActionEvaluate      Action = "tender.evaluate" // declare conflicts, score (object: the tender)
	ActionChairPanel    Action = "tender.chair"    // moderation, mitigations, consensus (object: the tender)
	ActionViewResult    Action = "tender.result"   // result and summaries (the round's lead, or a chair of the tender)
	ActionExportTenders Action = "tender.export"   // OCDS download (object: the round)
	// ActionViewAwardedResult is the result once the contract is awarded,
	// for the lived experience group that holds the stake: the round's
	// members and facilitators (object: the round). The face checks the
	// award, which the policy cannot see.
	ActionViewAwardedResult Action = "tender.result.awarded"
)

// RoleChair chairs a tender's evaluation panel; held over ScopeTender.
const RoleChair Role = "chair"

// tenderRules are the policy's rules for this area; policy.go merges every area's table.
var tenderRules = map[Action]rule{
	ActionViewTenders: func(p *Principal, o Object) bool {
		return p.IsAdmin() || anyRoundRole(p, o)
	},
	ActionManageTender: inRound(RoleCommissioner),
	ActionBid:          func(p *Principal, _ Object) bool { return p.HasAnywhere(RoleProvider) },
	ActionEvaluate:     inTender(RoleEvaluator),
	ActionChairPanel:   inTender(RoleChair),
	ActionViewResult: func(p *Principal, o Object) bool {
		return inRound(RoleCommissioner)(p, o) || inTender(RoleChair)(p, o)
	},
	ActionExportTenders:     inRound(RoleCommissioner),
	ActionViewAwardedResult: inRound(RoleMember, RoleFacilitator),
}

// inTender allows holders of any of roles over the tender the object names.
func inTender(roles ...Role) rule {
	return func(p *Principal, o Object) bool {
		if o.Type != ScopeTender {
			return false
		}
		for _, r := range roles {
			if p.Has(r, ScopeTender, o.ID) {
				return true
			}
		}
		return false
	}
}
