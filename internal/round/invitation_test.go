package round

import (
	"reflect"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

func fieldNames(fs []apperr.FieldError) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Field)
	}
	return out
}

// A member joining must choose a name for the group and tick the box; the
// other roles are asked neither. Someone new also gives an account that
// follows the product's rules, with the password typed twice alike.
func TestJoinCheck(t *testing.T) {
	account := func(pw string) *auth.NewUser {
		return &auth.NewUser{Email: " Kai@Example.org ", DisplayName: " Kai Jones ", Password: pw}
	}
	for _, tc := range []struct {
		name    string
		role    auth.Role
		j       Join
		confirm string
		want    []string
	}{
		{"member, nothing", RoleMember, Join{UserID: "u"}, "", []string{"pseudonym", "take_part"}},
		{"member, box ticked", RoleMember, Join{UserID: "u", Pseudonym: " Kai ", TakePart: true}, "", nil},
		{"observer", RoleObserver, Join{UserID: "u"}, "", nil},
		{"new observer", RoleObserver, Join{Account: account("correct horse")}, "correct horse", nil},
		{"new, short password", RoleObserver, Join{Account: account("short")}, "short", []string{"password"}},
		{"new, passwords differ", RoleObserver, Join{Account: account("correct horse")}, "correct hose", []string{"password_confirm"}},
		{"new, no account details", RoleMember, Join{Account: &auth.NewUser{}, TakePart: true, Pseudonym: "K"}, "", []string{"email", "display_name", "password"}},
	} {
		got := fieldNames(tc.j.Check(tc.role, tc.confirm))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: problems with %v, want %v", tc.name, got, tc.want)
		}
	}
	j := Join{Account: account("correct horse"), Pseudonym: " Kai "}
	j.Check(RoleMember, "correct horse")
	if j.Account.Email != "kai@example.org" || j.Account.DisplayName != "Kai Jones" || j.Pseudonym != "Kai" {
		t.Errorf("not tidied: %+v %+v", j, j.Account)
	}
}

func TestNewInvitationValidate(t *testing.T) {
	n := NewInvitation{Role: RoleMember, ForName: "  Sam ", Email: " SAM@example.org "}
	if err := n.Validate(); err != nil || n.ForName != "Sam" || n.Email != "sam@example.org" {
		t.Fatalf("%+v %v", n, err)
	}
	bad := NewInvitation{Role: auth.RoleAdmin, Email: "not an address"}
	if got := fieldNames(apperr.FieldsOf(bad.Validate())); !reflect.DeepEqual(got, []string{"role", "for_name", "email"}) {
		t.Errorf("problems with %v", got)
	}
}

// An invitation is usable until it is used, withdrawn or out of time,
// and says which in words; the date is the UK one.
func TestInvitationUsable(t *testing.T) {
	exp := time.Date(2026, 6, 9, 23, 30, 0, 0, time.UTC) // 00:30 on 10 June in London
	at := exp.Add(-time.Hour)
	used, revoked := at, at
	for _, tc := range []struct {
		inv  Invitation
		now  time.Time
		want string
	}{
		{Invitation{ExpiresAt: exp}, at, ""},
		{Invitation{ExpiresAt: exp}, exp, "This invitation expired on 10 June 2026. Ask for a new invitation."},
		{Invitation{ExpiresAt: exp, UsedAt: &used}, at, "This invitation has already been used. Sign in, or ask for a new invitation."},
		{Invitation{ExpiresAt: exp, UsedAt: &used, RevokedAt: &revoked}, exp, "This invitation was withdrawn by the people running the round. Ask them for a new one."},
	} {
		err := tc.inv.Usable(tc.now)
		if (err == nil) != (tc.want == "") || err != nil && (apperr.Message(err) != tc.want || apperr.Code(err) != apperr.NotFound) {
			t.Errorf("Usable = %v, want %q", err, tc.want)
		}
	}
}
