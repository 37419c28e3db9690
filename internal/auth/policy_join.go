package auth

// Joining a round by invitation. Those who run a round (its commissioner
// lead and facilitators) invite people to it (ActionInviteToRound, in the
// rounds' table), see its pending invitations and withdraw or re-issue them.
// Only a commissioner lead may invite another commissioner lead: a
// facilitator runs the group, not the commissioning. Taking up an
// invitation is open to anyone holding its link or code, signed in or not:
// the link or code is the permission, checked by the store.
const (
	ActionManageInvitations Action = "round.invitations" // the pending list, withdraw, re-issue
	ActionInviteLead        Action = "round.invite_lead" // inviting someone as commissioner lead
	ActionJoinByInvitation  Action = "round.join"        // taking up an invitation
)

// joinRules are the policy's rules for joining; policy.go merges them.
var joinRules = map[Action]rule{
	ActionManageInvitations: inRound(RoleCommissioner, RoleFacilitator),
	ActionInviteLead:        inRound(RoleCommissioner),
	ActionJoinByInvitation:  func(*Principal, Object) bool { return true },
}
