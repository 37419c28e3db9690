package auth

// Measures, specifications and contracts (issue 4). The object is the
// round (ScopeRound) or, where said, an organisation (ScopeOrganisation).
// Managing is for commissioners of the round or of the round's
// commissioning organisation: the faces ask about the round and about its
// organisation and allow the action if either allows it. Signing off is
// for the round's lived experience group alone; reporting values is for
// the contract's provider alone, asked about the provider organisation.
const (
	ActionViewMeasures   Action = "measure.view"    // measures, specifications, contracts and the chain of a round
	ActionManageMeasures Action = "measure.manage"  // write measures, specification versions, contracts, payment profiles
	ActionSignOff        Action = "measure.signoff" // the group's sign-off of a measure or a specification version
	ActionViewContract   Action = "contract.view"   // a contract page: round readers, or the provider (ScopeOrganisation)
	ActionReportValues   Action = "contract.report" // report indicator values: the provider (ScopeOrganisation)
)

// measureRules are the policy's rules for this area; policy.go merges every area's table.
var measureRules = map[Action]rule{
	ActionViewMeasures: func(p *Principal, o Object) bool { return p.IsAdmin() || anyRoundRole(p, o) },
	ActionManageMeasures: func(p *Principal, o Object) bool {
		return (o.Type == ScopeRound || o.Type == ScopeOrganisation) && p.Has(RoleCommissioner, o.Type, o.ID)
	},
	ActionSignOff: inRound(RoleMember),
	ActionViewContract: func(p *Principal, o Object) bool {
		if o.Type == ScopeOrganisation {
			return p.Has(RoleProvider, ScopeOrganisation, o.ID)
		}
		return p.IsAdmin() || anyRoundRole(p, o)
	},
	ActionReportValues: func(p *Principal, o Object) bool {
		return o.Type == ScopeOrganisation && p.Has(RoleProvider, ScopeOrganisation, o.ID)
	},
}

// ProviderOrgIDs lists the organisations the principal holds the provider
// role in, whose contracts they report against.
func (p *Principal) ProviderOrgIDs() []string {
	if !p.SignedIn() {
		return nil
	}
	var out []string
	for _, a := range p.Assignments {
		if a.Role == RoleProvider && a.ScopeType == ScopeOrganisation {
			out = append(out, a.ScopeID)
		}
	}
	return out
}
