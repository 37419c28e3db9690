package auth

// Research study actions. Transcripts of support are personal and
// sensitive, so only the researchers of the organisation that owns a study
// (and platform admins, who run the service) may see or change it. The
// object is the study's organisation. Anyone holding the researcher role
// over some organisation may open the list of studies, which shows only
// their organisations' studies.
const (
	ActionListStudies Action = "study.list"
	ActionCreateStudy Action = "study.create"
	ActionViewStudy   Action = "study.view"
	ActionManageStudy Action = "study.manage" // upload transcripts, assign roles
	ActionExportStudy Action = "study.export"
)

// studyRules are the policy's rules for this area; policy.go merges every area's table.
var studyRules = map[Action]rule{
	ActionListStudies: func(p *Principal, _ Object) bool {
		return p.IsAdmin() || len(p.ResearchOrgIDs()) > 0
	},
	ActionCreateStudy: researcherOrAdmin,
	ActionViewStudy:   researcherOrAdmin,
	ActionManageStudy: researcherOrAdmin,
	ActionExportStudy: researcherOrAdmin,
}

// researcherOrAdmin allows admins, and researchers of the organisation the
// object names.
func researcherOrAdmin(p *Principal, o Object) bool {
	return p.IsAdmin() || (o.Type == ScopeOrganisation && o.ID != "" && p.Has(RoleResearcher, ScopeOrganisation, o.ID))
}

// ResearchOrgIDs returns the organisations the principal is a researcher of.
func (p *Principal) ResearchOrgIDs() []string {
	if !p.SignedIn() {
		return nil
	}
	var ids []string
	for _, a := range p.Assignments {
		if a.Role == RoleResearcher && a.ScopeType == ScopeOrganisation {
			ids = append(ids, a.ScopeID)
		}
	}
	return ids
}
