package auth

// Action names something a principal may try to do. Every handler asks Can
// before it acts; an action with no rule is denied.
type Action string

const (
	ActionViewAdmin         Action = "admin.view"
	ActionManageUsers       Action = "users.manage"
	ActionManageOrgs        Action = "organisations.manage"
	ActionInvite            Action = "invitations.create"
	ActionViewAudit         Action = "audit.view"
	ActionViewOwnAccount    Action = "account.view"
	ActionChangeOwnPassword Action = "account.password"
	ActionViewOrganisation  Action = "organisation.view"
	ActionManageOrgMembers  Action = "organisation.members"
)

// Object is what an action is aimed at; the zero value means "nothing in particular".
type Object struct {
	Type ScopeType
	ID   string
}

// rule decides one action. Rules get a principal that is never nil.
type rule func(p *Principal, o Object) bool

// rules is the whole policy: one rule per action, from every area's table.
var rules = mergeRules(coreRules, roundRules, ledgerRules, measureRules, readabilityRules, studyRules, tenderRules, joinRules, findingsRules, peerRules, adjustmentRules, trainingRules, adjustAuditRules, qualityCheckRules, uloRules)

// coreRules are the rules of accounts, organisations and administration.
var coreRules = map[Action]rule{
	ActionViewAdmin:         adminOnly,
	ActionManageUsers:       adminOnly,
	ActionManageOrgs:        adminOnly,
	ActionInvite:            adminOnly,
	ActionViewAudit:         adminOnly,
	ActionViewOwnAccount:    signedIn,
	ActionChangeOwnPassword: signedIn,
	ActionViewOrganisation: func(p *Principal, o Object) bool {
		return p.IsAdmin() || (o.Type == ScopeOrganisation && memberOf(p, o.ID))
	},
	ActionManageOrgMembers: adminOnly,
}

// mergeRules joins the areas' tables; an action ruled in two areas is a
// programming error, caught when the package loads.
func mergeRules(tables ...map[Action]rule) map[Action]rule {
	out := map[Action]rule{}
	for _, t := range tables {
		for a, r := range t {
			if _, dup := out[a]; dup {
				panic("auth: two rules for " + string(a))
			}
			out[a] = r
		}
	}
	return out
}

func adminOnly(p *Principal, _ Object) bool { return p.IsAdmin() }
func signedIn(p *Principal, _ Object) bool  { return p.SignedIn() }

func memberOf(p *Principal, orgID string) bool {
	for _, a := range p.Assignments {
		if a.ScopeType == ScopeOrganisation && a.ScopeID == orgID {
			return true
		}
	}
	return false
}

// Can reports whether p may perform action on o. Default deny: unknown
// actions and anonymous principals get false unless a rule says otherwise.
func Can(p *Principal, action Action, o Object) bool {
	r, ok := rules[action]
	if !ok {
		return false
	}
	if p == nil {
		p = &Principal{}
	}
	return r(p, o)
}
