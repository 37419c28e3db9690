package auth

// ActionRunAdjustmentAudits is running audits of reasonable adjustments and
// reading their cases: the audit team, which is the auditing
// organisation's facilitators and researchers. Cases are seen by the team
// only; results leave it only as aggregates.
const ActionRunAdjustmentAudits Action = "adjustment_audit.run"

// adjustAuditRules are the policy's rules for this area; policy.go merges every area's table.
var adjustAuditRules = map[Action]rule{
	ActionRunAdjustmentAudits: inOrg(RoleFacilitator, RoleResearcher),
}
