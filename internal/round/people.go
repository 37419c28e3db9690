package round

import (
	"net/mail"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// Roles in a round are role assignments over the round's scope, so the
// policy can read them from the principal like any other role.
const (
	RoleLead        = auth.RoleCommissioner // the commissioner lead
	RoleFacilitator = auth.RoleFacilitator
	RoleMember      = auth.RoleMember
	RoleObserver    = auth.RoleObserver
)

// RoundRoles lists the roles a round invitation may grant.
var RoundRoles = []auth.Role{RoleLead, RoleFacilitator, RoleMember, RoleObserver}

// RoleLabel names a role held in a round.
func RoleLabel(r auth.Role) string {
	switch r {
	case RoleLead:
		return "Commissioner lead"
	case RoleFacilitator:
		return "Facilitator"
	case RoleMember:
		return "Group member"
	case RoleObserver:
		return "Observer"
	}
	return string(r)
}

// ValidRoundRole reports whether r may be held in a round.
func ValidRoundRole(r auth.Role) bool {
	for _, v := range RoundRoles {
		if v == r {
			return true
		}
	}
	return false
}

// Participant is a person holding a role in a round.
type Participant struct {
	UserID string
	Name   string
	Role   auth.Role
}

// Adjustment categories from the NHS Reasonable Adjustment Flag.
var Adjustments = []Option{
	{"communication_support", "Communication support"},
	{"communication_professional", "Communication professional"},
	{"contact_method", "Specific contact method"},
	{"information_format", "Specific information format"},
	{"additional_communication", "Additional communication needs"},
	{"community_language", "Community language"},
	{"additional_support", "Additional support"},
	{"individual_care", "Individual care requirements"},
	{"care_environment", "Care environment"},
	{"additional_needs", "Additional needs"},
	{"bespoke", "Bespoke"},
}

// Formats are the formats a member may prefer information in.
var Formats = []Option{
	{"easy_read", "Easy Read"},
	{"large_print", "Large print"},
	{"bsl", "British Sign Language (BSL)"},
	{"audio", "Audio"},
	{"braille", "Braille"},
	{"plain_email", "Plain text email"},
	{"phone", "Phone call"},
}

// Option is one choice in a fixed list: a stored key and a label.
type Option struct{ Key, Label string }

// Labels returns the labels of the keys that are in opts, in opts' order.
func Labels(opts []Option, keys []string) []string {
	var out []string
	for _, o := range opts {
		for _, k := range keys {
			if k == o.Key {
				out = append(out, o.Label)
				break
			}
		}
	}
	return out
}

// onlyKnown reports whether every key is one of opts.
func onlyKnown(opts []Option, keys []string) bool {
	for _, k := range keys {
		if len(Labels(opts, []string{k})) == 0 {
			return false
		}
	}
	return true
}

// Member is a member of a round's lived experience group. The pseudonym is
// shown everywhere; the real name and contact details only to facilitators.
type Member struct {
	ID              string
	RoundID         string
	UserID          string // "" when the member has no account
	Pseudonym       string
	RealName        string
	ContactEmail    string
	ContactPhone    string
	Adjustments     []string
	AdjustmentNotes string
	Formats         []string
	Consent         Consent
	CreatedAt       time.Time
}

// NewMember is what a facilitator enters to add a member.
type NewMember struct {
	UserID          string
	Pseudonym       string
	RealName        string
	ContactEmail    string
	ContactPhone    string
	Adjustments     []string
	AdjustmentNotes string
	Formats         []string
	// Consents given when the member joins, by purpose.
	Consents []ConsentPurpose
}

// Validate normalises the input and returns every problem at once.
func (n *NewMember) Validate() error {
	n.Pseudonym, n.RealName = strings.TrimSpace(n.Pseudonym), strings.TrimSpace(n.RealName)
	n.ContactEmail, n.ContactPhone = auth.NormaliseEmail(n.ContactEmail), strings.TrimSpace(n.ContactPhone)
	n.AdjustmentNotes = strings.TrimSpace(n.AdjustmentNotes)
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	if m := checkText("a pseudonym", n.Pseudonym, 60); m != "" {
		add("pseudonym", m)
	}
	if m := checkOptional("the real name", n.RealName, 120); m != "" {
		add("real_name", m)
	}
	if n.ContactEmail != "" {
		if a, err := mail.ParseAddress(n.ContactEmail); err != nil || a.Address != n.ContactEmail {
			add("contact_email", "Enter an email address in the correct format, like name@example.org")
		}
	}
	if m := checkOptional("the phone number", n.ContactPhone, 40); m != "" {
		add("contact_phone", m)
	}
	if !onlyKnown(Adjustments, n.Adjustments) {
		add("adjustments", "Select adjustments from the list")
	}
	if m := checkOptional("the notes on adjustments", n.AdjustmentNotes, 2000); m != "" {
		add("adjustment_notes", m)
	}
	if !onlyKnown(Formats, n.Formats) {
		add("formats", "Select formats from the list")
	}
	for _, p := range n.Consents {
		if p.Label() == "" {
			add("consent", "Select consents from the list")
			break
		}
	}
	return apperr.Fields(fs)
}
