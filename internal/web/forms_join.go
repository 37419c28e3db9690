package web

import (
	"net/url"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// roundInvitationForm reads the invitation form.
func roundInvitationForm(f url.Values) round.NewInvitation {
	return round.NewInvitation{Role: auth.Role(f.Get("role")), ForName: f.Get("for_name"), Email: f.Get("email")}
}

// joinForm reads the join form: a signed-in person brings their account,
// anyone else the account they are making.
func joinForm(f url.Values, p *auth.Principal) round.Join {
	j := round.Join{Pseudonym: f.Get("pseudonym"), TakePart: f.Get("take_part") == "yes"}
	if p.SignedIn() {
		j.UserID = p.User.ID
	} else {
		j.Account = &auth.NewUser{Email: f.Get("email"), DisplayName: f.Get("display_name"), Password: f.Get("password")}
	}
	return j
}

// withoutPasswords is a posted form to draw again: passwords are never
// echoed back.
func withoutPasswords(f url.Values) url.Values {
	out := url.Values{}
	for k, v := range f {
		if k != "password" && k != "password_confirm" {
			out[k] = v
		}
	}
	return out
}
