// Package auth holds the people and organisations of Coprod, their roles, and
// the policy that decides who may do what. It is pure: storage implements
// its Service interface elsewhere.
package auth

import "time"

// OrgKind is the kind of an organisation.
type OrgKind string

const (
	KindCommissioner OrgKind = "commissioner"
	KindUserLed      OrgKind = "user_led"
	KindProvider     OrgKind = "provider"
	KindResearch     OrgKind = "research"
)

// OrgKinds lists the kinds in the order forms show them.
var OrgKinds = []OrgKind{KindCommissioner, KindUserLed, KindProvider, KindResearch}

// Label is the plain-English name of the kind.
func (k OrgKind) Label() string {
	switch k {
	case KindCommissioner:
		return "Commissioner"
	case KindUserLed:
		return "User-led organisation"
	case KindProvider:
		return "Provider"
	case KindResearch:
		return "Research"
	}
	return string(k)
}

// Role names a set of permissions held over a scope.
type Role string

const (
	RoleAdmin        Role = "admin"
	RoleCommissioner Role = "commissioner"
	RoleFacilitator  Role = "facilitator"
	RoleMember       Role = "member"
	RoleProvider     Role = "provider"
	RoleEvaluator    Role = "evaluator"
	RoleResearcher   Role = "researcher"
)

// Roles lists every role, the admin first.
var Roles = []Role{RoleAdmin, RoleCommissioner, RoleFacilitator, RoleMember, RoleProvider, RoleEvaluator, RoleResearcher,
	RoleCoordinator, RolePeerSupporter, RoleSafeguardingLead, RoleQualityChecker}

// Label is the plain-English name of the role.
func (r Role) Label() string {
	switch r {
	case RoleAdmin:
		return "Administrator"
	case RoleCommissioner:
		return "Commissioner"
	case RoleFacilitator:
		return "Facilitator"
	case RoleMember:
		return "Lived experience group member"
	case RoleProvider:
		return "Provider"
	case RoleEvaluator:
		return "Evaluator"
	case RoleResearcher:
		return "Researcher"
	case RoleCoordinator:
		return "Peer support coordinator"
	case RolePeerSupporter:
		return "Peer supporter"
	case RoleSafeguardingLead:
		return "Safeguarding lead"
	case RoleQualityChecker:
		return "Quality checker"
	}
	return string(r)
}

// ScopeType says what a role assignment is held over.
type ScopeType string

const (
	ScopePlatform     ScopeType = "platform"
	ScopeOrganisation ScopeType = "organisation"
	ScopeRound        ScopeType = "round"
	ScopeTender       ScopeType = "tender"
	ScopeStudy        ScopeType = "study"
)

// User is a person who can sign in.
type User struct {
	ID           string
	Email        string // lower-cased, unique
	DisplayName  string
	PasswordHash string // argon2id, PHC string format
	CreatedAt    time.Time
	DisabledAt   *time.Time
}

// Organisation is a commissioner, user-led organisation, provider or research body.
type Organisation struct {
	ID        string
	Name      string
	Kind      OrgKind
	CreatedAt time.Time
}

// Membership says a user belongs to an organisation.
type Membership struct {
	UserID, OrgID string
	OrgName       string
	UserName      string
	UserEmail     string
	CreatedAt     time.Time
}

// Assignment grants a role over one scope (the platform, an organisation, a round…).
type Assignment struct {
	ID        string
	UserID    string
	Role      Role
	ScopeType ScopeType
	ScopeID   string // "" for the platform
	CreatedAt time.Time
}

// Invitation is a one-time, expiring link that lets someone create their account.
type Invitation struct {
	ID          string
	Email       string
	DisplayName string
	OrgID       string // "" when the invitation grants no membership
	Role        Role   // "" when it grants no role
	CreatedBy   string
	CreatedAt   time.Time
	ExpiresAt   time.Time
	UsedAt      *time.Time
}

// Session is a signed-in browser.
type Session struct {
	UserID    string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// Principal is who is asking: a user with their assignments, or nobody.
type Principal struct {
	User        *User
	Assignments []Assignment
}

// SignedIn reports whether the principal is a user.
func (p *Principal) SignedIn() bool { return p != nil && p.User != nil }

// Has reports whether the principal holds role over the scope. A platform
// admin holds every role everywhere only through the policy, not here.
func (p *Principal) Has(role Role, scope ScopeType, scopeID string) bool {
	if !p.SignedIn() {
		return false
	}
	for _, a := range p.Assignments {
		if a.Role == role && a.ScopeType == scope && a.ScopeID == scopeID {
			return true
		}
	}
	return false
}

// HasAnywhere reports whether the principal holds role over any scope.
func (p *Principal) HasAnywhere(role Role) bool {
	if !p.SignedIn() {
		return false
	}
	for _, a := range p.Assignments {
		if a.Role == role {
			return true
		}
	}
	return false
}

// IsAdmin reports whether the principal is a platform administrator.
func (p *Principal) IsAdmin() bool { return p.Has(RoleAdmin, ScopePlatform, "") }

// Disablement says when, by whom and why an account was disabled.
type Disablement struct {
	At     time.Time
	ByID   string // "" when the system did it
	ByName string
	Reason string
}
