package auth

// ActionKeepAdjustments is reading and keeping a group member's register of
// reasonable adjustments: the facilitators of the member's group (the
// round). Not a platform administrator, who runs the service but is not
// among those a person's adjustments are for. The person's own register and
// the entries shared with an organisation are found by the store from the
// session (internal/adjustment says who may see what).
const ActionKeepAdjustments Action = "adjustment.keep"

// adjustmentRules are the policy's rules for this area; policy.go merges every area's table.
var adjustmentRules = map[Action]rule{
	ActionKeepAdjustments: inRound(RoleFacilitator),
}
