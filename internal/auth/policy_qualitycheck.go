package auth

// RoleQualityChecker is a person with lived experience who checks the
// quality of providers' services for a user-led organisation (ULO); held
// over the ULO. They are paid for each visit through involvement payments.
const RoleQualityChecker Role = "quality_checker"

// Quality check actions. A check is the ULO's until its report is
// finished; then the provider visited reads it and answers each point.
const (
	// ActionRunQualityChecks is planning a visit, answering the checklist
	// and finishing the report: the ULO's quality checkers, and its
	// facilitators, who support them. The object is the ULO.
	ActionRunQualityChecks Action = "quality_check.run"
	// ActionPayQualityCheckers is recording the checkers' involvement
	// payments: the ULO's facilitators, as for a group's sessions.
	ActionPayQualityCheckers Action = "quality_check.pay"
	// ActionAnswerQualityCheck is the provider visited reading the
	// finished report and answering its points. The object is the provider.
	ActionAnswerQualityCheck Action = "quality_check.answer"
)

// qualityCheckRules are the policy's rules for this area; policy.go merges every area's table.
var qualityCheckRules = map[Action]rule{
	ActionRunQualityChecks:   inOrg(RoleQualityChecker, RoleFacilitator),
	ActionPayQualityCheckers: inOrg(RoleFacilitator),
	ActionAnswerQualityCheck: inOrg(RoleProvider),
}
