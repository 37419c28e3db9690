package auth

// Accessible-information checker actions. Any signed-in person may check a
// letter; the library of saved checks belongs to an organisation, so saving
// to it and reading it need a role in that organisation (or admin).
const (
	ActionCheckReadability Action = "readability.check"
	ActionSaveCheck        Action = "readability.save"
	ActionViewChecks       Action = "readability.library"
)

// readabilityRules are the policy's rules for this area; policy.go merges every area's table.
var readabilityRules = map[Action]rule{
	ActionCheckReadability: signedIn,
	ActionSaveCheck:        orgMemberOrAdmin,
	ActionViewChecks:       orgMemberOrAdmin,
}

// orgMemberOrAdmin allows admins, and anyone holding a role over the
// organisation the object names.
func orgMemberOrAdmin(p *Principal, o Object) bool {
	return p.IsAdmin() || (o.Type == ScopeOrganisation && memberOf(p, o.ID))
}

// OrgIDs returns the organisations the principal holds a role over.
func (p *Principal) OrgIDs() []string {
	var ids []string
	seen := map[string]bool{}
	for _, a := range p.Assignments {
		if a.ScopeType == ScopeOrganisation && !seen[a.ScopeID] {
			seen[a.ScopeID] = true
			ids = append(ids, a.ScopeID)
		}
	}
	return ids
}
