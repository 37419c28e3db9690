package round

import (
	"context"
	"net/mail"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// Invitation is an expiring invitation to join a round in a role. It has
// one link and one short code (auth.ParseInviteCode); either works, once.
// Only hashes of the two are stored, so they exist in the clear only when
// the invitation is issued or re-issued (Issued).
type Invitation struct {
	ID      string
	RoundID string
	Role    auth.Role
	// ForName and Email say who it is for, so the people running the round
	// recognise it in the list of pending invitations. Joining does not
	// check them: whoever holds the link or code joins.
	ForName       string
	Email         string
	CreatedBy     string
	CreatedByName string
	CreatedAt     time.Time
	ExpiresAt     time.Time
	ReissuedAt    *time.Time
	UsedAt        *time.Time
	RevokedAt     *time.Time
}

// Issued is an invitation with its link token and code, as they are handed
// out: only at issue and at re-issue.
type Issued struct {
	Invitation *Invitation
	Token      string
	Code       string // canonical; show it with auth.FormatInviteCode
}

// Key is what someone presents to join: the link's token or a code
// (canonical, from auth.ParseInviteCode).
type Key struct {
	Token string
	Code  string
}

// Expired reports whether the invitation has run out at now.
func (i *Invitation) Expired(now time.Time) bool { return !now.Before(i.ExpiresAt) }

// Usable says whether someone may still join with the invitation at now,
// and if not, why not in words for the person holding it.
func (i *Invitation) Usable(now time.Time) error {
	switch {
	case i.RevokedAt != nil:
		return apperr.Errorf(apperr.NotFound, "This invitation was withdrawn by the people running the round. Ask them for a new one.")
	case i.UsedAt != nil:
		return apperr.Errorf(apperr.NotFound, "This invitation has already been used. Sign in, or ask for a new invitation.")
	case i.Expired(now):
		return apperr.Errorf(apperr.NotFound, "This invitation expired on %s. Ask for a new invitation.", i.ExpiresAt.In(London).Format("2 January 2006"))
	}
	return nil
}

// Pending reports whether the invitation still waits for someone: neither
// used nor withdrawn. An expired one is pending until it is re-issued or
// withdrawn, so the list shows it with a way to send it again.
func (i *Invitation) Pending() bool { return i.UsedAt == nil && i.RevokedAt == nil }

// Reissuable says whether the invitation may be sent again with a new link
// and code: not once used or withdrawn.
func (i *Invitation) Reissuable() error {
	switch {
	case i.UsedAt != nil:
		return apperr.Errorf(apperr.Conflict, "This invitation has been used, so it cannot be sent again. Invite the person afresh if you need to.")
	case i.RevokedAt != nil:
		return apperr.Errorf(apperr.Conflict, "This invitation was withdrawn, so it cannot be sent again. Invite the person afresh if you need to.")
	}
	return nil
}

// NewInvitation is what someone running a round enters to invite a person.
type NewInvitation struct {
	Role    auth.Role
	ForName string
	Email   string // optional
}

// Validate tidies the input and returns every problem at once.
func (n *NewInvitation) Validate() error {
	n.ForName, n.Email = strings.TrimSpace(n.ForName), auth.NormaliseEmail(n.Email)
	var fs []apperr.FieldError
	if !ValidRoundRole(n.Role) {
		fs = append(fs, apperr.FieldError{Field: "role", Message: "Select the role they will have in the round"})
	}
	if m := checkText("who the invitation is for", n.ForName, 120); m != "" {
		fs = append(fs, apperr.FieldError{Field: "for_name", Message: m})
	}
	if n.Email != "" {
		if a, err := mail.ParseAddress(n.Email); err != nil || a.Address != n.Email || len(n.Email) > 254 {
			fs = append(fs, apperr.FieldError{Field: "email", Message: "Enter an email address in the correct format, like name@example.org, or leave it empty"})
		}
	}
	return apperr.Fields(fs)
}

// Join is someone taking up an invitation: either a signed-in person
// (UserID) or someone new, whose account is created in the same step from
// Account (validated, with the password already hashed into PasswordHash).
type Join struct {
	UserID       string
	Account      *auth.NewUser // Password is cleared before it reaches the store
	PasswordHash string
	// Pseudonym is the name a group member chooses for the group, and
	// TakePart their agreement to take part; both only for members.
	Pseudonym string
	TakePart  bool
}

// Check returns every problem with a join in the role, the new account's
// included (its password confirmation in confirm), worded for the person.
func (j *Join) Check(role auth.Role, confirm string) []apperr.FieldError {
	var fs []apperr.FieldError
	if j.Account != nil {
		fs = append(fs, apperr.FieldsOf(j.Account.Validate())...)
		if !hasField(fs, "password") && j.Account.Password != confirm {
			fs = append(fs, apperr.FieldError{Field: "password_confirm", Message: "The passwords do not match. Type the same password twice."})
		}
	}
	if role == RoleMember {
		j.Pseudonym = strings.TrimSpace(j.Pseudonym)
		if m := checkText("the name the group will see", j.Pseudonym, 60); m != "" {
			fs = append(fs, apperr.FieldError{Field: "pseudonym", Message: m})
		}
		if !j.TakePart {
			fs = append(fs, apperr.FieldError{Field: "take_part", Message: "Tick the box to agree to take part, or close this page if you do not want to join"})
		}
	}
	return fs
}

func hasField(fs []apperr.FieldError, field string) bool {
	for _, f := range fs {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Joined is the outcome of a join: the invitation it used and the person
// now in the round (a new account's user, for a new person).
type Joined struct {
	Invitation *Invitation
	UserID     string
	NewAccount bool
}

// InvitationService issues, lists, withdraws and re-issues a round's
// invitations, and lets people join with them. Wrong codes are counted per
// address for auth.CodeWait.
type InvitationService interface {
	IssueRoundInvitation(ctx context.Context, roundID string, n NewInvitation, ttl time.Duration) (*Issued, error)
	RoundInvitation(ctx context.Context, key Key) (*Invitation, error)
	JoinRound(ctx context.Context, key Key, j Join) (*Joined, error)
	PendingRoundInvitations(ctx context.Context, roundID string) ([]Invitation, error)
	RevokeRoundInvitation(ctx context.Context, roundID, invitationID string) (*Invitation, error)
	ReissueRoundInvitation(ctx context.Context, roundID, invitationID string, ttl time.Duration) (*Issued, error)
	RecordWrongCode(ctx context.Context, address string) error
	WrongCodes(ctx context.Context, address string, since time.Time) (count int, latest time.Time, err error)
}
