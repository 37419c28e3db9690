package auth

// Training actions. Courses, sessions and their aggregate results are for
// anyone signed in; who attended is seen by the trainers' organisation, the
// provider's lead for their own staff, and the trainee.
const (
	ActionViewTraining Action = "training.view"
	// ActionRunTraining is running a ULO's courses: sessions, attendees,
	// answers. The object is the ULO.
	ActionRunTraining Action = "training.run"
	// ActionProviderTraining is a provider's lead seeing their staff's
	// attendance and declaring their staff by role. The object is the provider.
	ActionProviderTraining Action = "training.provider"
)

// trainingRules are the policy's rules for this area; policy.go merges every area's table.
var trainingRules = map[Action]rule{
	ActionViewTraining:     signedIn,
	ActionRunTraining:      inOrg(RoleFacilitator, RoleCoordinator),
	ActionProviderTraining: inOrg(RoleProvider),
}
