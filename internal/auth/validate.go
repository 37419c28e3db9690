package auth

import (
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
)

// NormaliseEmail trims and lower-cases an email address so it is unique however typed.
func NormaliseEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// CheckEmail returns a plain-English problem with the address, or "".
func CheckEmail(email string) string {
	if email == "" {
		return "Enter an email address"
	}
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email || !strings.Contains(email[strings.IndexByte(email, '@')+1:], ".") {
		return "Enter an email address in the correct format, like name@example.org"
	}
	if len(email) > 254 {
		return "Email address must be 254 characters or fewer"
	}
	return ""
}

// CheckName returns a problem with a display or organisation name, or "".
func CheckName(what, name string) string {
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		return "Enter " + what
	case n > 120:
		return strings.ToUpper(what[:1]) + what[1:] + " must be 120 characters or fewer"
	}
	return ""
}

// NewUser holds what is needed to create an account.
type NewUser struct {
	Email       string
	DisplayName string
	Password    string
}

// Validate normalises the input and returns every problem at once.
func (n *NewUser) Validate() error {
	n.Email = NormaliseEmail(n.Email)
	n.DisplayName = strings.TrimSpace(n.DisplayName)
	var fs []apperr.FieldError
	if m := CheckEmail(n.Email); m != "" {
		fs = append(fs, apperr.FieldError{Field: "email", Message: m})
	}
	if m := CheckName("a display name", n.DisplayName); m != "" {
		fs = append(fs, apperr.FieldError{Field: "display_name", Message: m})
	}
	if m := CheckPasswordRules(n.Password); m != "" {
		fs = append(fs, apperr.FieldError{Field: "password", Message: m})
	}
	return apperr.Fields(fs)
}

// NewOrganisation holds what is needed to create an organisation.
type NewOrganisation struct {
	Name string
	Kind OrgKind
}

// Validate normalises the input and returns every problem at once.
func (n *NewOrganisation) Validate() error {
	n.Name = strings.TrimSpace(n.Name)
	var fs []apperr.FieldError
	if m := CheckName("the organisation's name", n.Name); m != "" {
		fs = append(fs, apperr.FieldError{Field: "name", Message: m})
	}
	if !validKind(n.Kind) {
		fs = append(fs, apperr.FieldError{Field: "kind", Message: "Select the kind of organisation"})
	}
	return apperr.Fields(fs)
}

func validKind(k OrgKind) bool {
	for _, v := range OrgKinds {
		if v == k {
			return true
		}
	}
	return false
}

// ValidRole reports whether r is a known role.
func ValidRole(r Role) bool {
	for _, v := range Roles {
		if v == r {
			return true
		}
	}
	return false
}

// NewInvitation holds what an admin enters to invite someone.
type NewInvitation struct {
	Email       string
	DisplayName string
	OrgID       string
	Role        Role
}

// Validate normalises the input and returns every problem at once. A role
// other than admin must come with an organisation to hold it over.
func (n *NewInvitation) Validate() error {
	n.Email = NormaliseEmail(n.Email)
	n.DisplayName = strings.TrimSpace(n.DisplayName)
	var fs []apperr.FieldError
	if m := CheckEmail(n.Email); m != "" {
		fs = append(fs, apperr.FieldError{Field: "email", Message: m})
	}
	if m := CheckName("a display name", n.DisplayName); m != "" {
		fs = append(fs, apperr.FieldError{Field: "display_name", Message: m})
	}
	if n.Role != "" && !ValidRole(n.Role) {
		fs = append(fs, apperr.FieldError{Field: "role", Message: "Select a role from the list"})
	}
	if n.Role != "" && n.Role != RoleAdmin && n.OrgID == "" {
		fs = append(fs, apperr.FieldError{Field: "org_id", Message: "Select the organisation this role is for"})
	}
	return apperr.Fields(fs)
}

// CheckDisableReason returns a problem with the reason given for disabling
// an account, or "".
func CheckDisableReason(reason string) string {
	switch n := utf8.RuneCountInString(strings.TrimSpace(reason)); {
	case n == 0:
		return "Enter why you are disabling this account"
	case n > 1000:
		return "The reason must be 1,000 characters or fewer"
	}
	return ""
}
