package auth

// Findings back to the group (internal/findings): the three documents made
// from a round's data. The object is the round.
const (
	// ActionViewFindings is reading the documents: members read only what
	// was released to them (the face shows them nothing else); the
	// commissioner lead reads the released versions too.
	ActionViewFindings Action = "round.findings"
	// ActionEditFindings is changing the draft, making it again from the
	// round's data and releasing it: the round's facilitators, who write
	// Easy Read for the group (the group is never asked to write it).
	ActionEditFindings Action = "round.findings.edit"
)

var findingsRules = map[Action]rule{
	ActionViewFindings: inRound(RoleCommissioner, RoleFacilitator, RoleMember),
	ActionEditFindings: inRound(RoleFacilitator),
}
