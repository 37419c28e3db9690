package auth

import (
	"slices"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
)

// RoleObserver watches a round without taking part; held over ScopeRound.
const RoleObserver Role = "observer"

// scopeRoles says which roles may be held over which kind of scope: the
// pairs the policy reads. Anything else would grant nothing, or worse,
// look like more than it grants (an administrator role held over one
// organisation is not a platform administrator, but would read like one on
// the user's page). Studies are reached through the research organisation,
// so no role is held over a study itself.
var scopeRoles = map[ScopeType][]Role{
	ScopePlatform:     {RoleAdmin},
	ScopeOrganisation: {RoleCommissioner, RoleFacilitator, RoleMember, RoleProvider, RoleEvaluator, RoleResearcher, RoleCoordinator, RolePeerSupporter, RoleSafeguardingLead, RoleQualityChecker},
	ScopeRound:        {RoleCommissioner, RoleFacilitator, RoleMember, RoleObserver},
	ScopeTender:       {RoleEvaluator, RoleChair},
	ScopeStudy:        nil,
}

// RolesFor lists the roles that can be held over a scope of the given type.
func RolesFor(scope ScopeType) []Role { return slices.Clone(scopeRoles[scope]) }

// msgSelectRole is what a person choosing a role from a list is told when
// the role cannot be held there.
const msgSelectRole = "Select a role from the list"

// CheckRole returns a problem with holding role over a scope of the given
// type, or "".
func CheckRole(role Role, scope ScopeType) string {
	if !slices.Contains(scopeRoles[scope], role) {
		return msgSelectRole
	}
	return ""
}

// Validate returns every problem with the assignment at once: the role
// must be one that can be held over the scope, a platform role names no
// scope, and every other role names the one it is held over.
func (a *Assignment) Validate() error {
	var fs []apperr.FieldError
	if a.UserID == "" {
		fs = append(fs, apperr.FieldError{Field: "user_id", Message: "Choose the person who will hold the role"})
	}
	if _, ok := scopeRoles[a.ScopeType]; !ok {
		fs = append(fs, apperr.FieldError{Field: "scope_type", Message: "Choose what the role is held over"})
	} else if m := CheckRole(a.Role, a.ScopeType); m != "" {
		fs = append(fs, apperr.FieldError{Field: "role", Message: m})
	}
	switch {
	case a.ScopeType == ScopePlatform && a.ScopeID != "":
		fs = append(fs, apperr.FieldError{Field: "scope_id", Message: "A platform role is held over the whole platform, not over one part of it"})
	case a.ScopeType != ScopePlatform && a.ScopeID == "":
		fs = append(fs, apperr.FieldError{Field: "scope_id", Message: "Select the " + scopeNoun(a.ScopeType) + " this role is for"})
	}
	return apperr.Fields(fs)
}

// scopeNoun names a kind of scope in a sentence.
func scopeNoun(s ScopeType) string {
	if s == "" {
		return "place"
	}
	return string(s)
}

// NewOrgMember is what an administrator enters to add an existing account
// to an organisation: the account's email address and, when one is
// chosen, a role to hold over the organisation.
type NewOrgMember struct {
	OrgID string
	Email string
	Role  Role // "" for membership without a role
}

// Validate normalises the input and returns every problem at once.
func (n *NewOrgMember) Validate() error {
	n.Email = NormaliseEmail(n.Email)
	n.Role = Role(strings.TrimSpace(string(n.Role)))
	var fs []apperr.FieldError
	if m := CheckEmail(n.Email); m != "" {
		fs = append(fs, apperr.FieldError{Field: "email", Message: m})
	}
	if n.Role != "" {
		if m := CheckRole(n.Role, ScopeOrganisation); m != "" {
			fs = append(fs, apperr.FieldError{Field: "role", Message: m})
		}
	}
	return apperr.Fields(fs)
}

// Assignment is the role the new member will hold over the organisation;
// nil when none was chosen.
func (n *NewOrgMember) Assignment(userID string) *Assignment {
	if n.Role == "" {
		return nil
	}
	return &Assignment{UserID: userID, Role: n.Role, ScopeType: ScopeOrganisation, ScopeID: n.OrgID}
}
