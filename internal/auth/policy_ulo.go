package auth

// ULO actions: a provider sets up a ULO for the people who use its
// services (the object is the provider); a ULO's facilitators invite its
// members, facilitators and quality checkers (the object is the ULO; the
// face checks it is user-led).
const (
	ActionSetUpULO    Action = "ulo.set_up"
	ActionInviteToULO Action = "ulo.invite"
)

var uloRules = map[Action]rule{
	ActionSetUpULO:    inOrg(RoleProvider),
	ActionInviteToULO: inOrg(RoleFacilitator),
}
