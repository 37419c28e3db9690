package auth

import (
	"context"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

// A provider can help the people who use its services start their own
// user-led organisation (ULO): it sets the organisation up and invites its
// first facilitator; from then the ULO's facilitators invite its members
// (service users), more facilitators and quality checkers. The provider
// holds no role in it.

// NewULO is a ULO as a provider sets it up, with its first facilitator.
type NewULO struct {
	ProviderID                        string
	Name                              string
	FacilitatorName, FacilitatorEmail string
}

// Validate tidies the input and returns every problem at once, named by
// the form's fields (provider, name, display_name, email).
func (n *NewULO) Validate() error {
	org := NewOrganisation{Name: n.Name, Kind: KindUserLed}
	inv := NewInvitation{Email: n.FacilitatorEmail, DisplayName: n.FacilitatorName}
	var fs []apperr.FieldError
	if n.ProviderID == "" {
		fs = append(fs, apperr.FieldError{Field: "provider", Message: "Select the provider setting it up"})
	}
	fs = append(append(fs, apperr.FieldsOf(org.Validate())...), apperr.FieldsOf(inv.Validate())...)
	n.Name, n.FacilitatorName, n.FacilitatorEmail = org.Name, inv.DisplayName, inv.Email
	return apperr.Fields(fs)
}

// ULORoles are the roles a ULO's facilitators may invite people to.
var ULORoles = []Role{RoleMember, RoleFacilitator, RoleQualityChecker}

// ULOService is what the store implements for ULOs set up by providers.
type ULOService interface {
	// SetUpULO creates the ULO and its first facilitator's invitation in
	// one transaction, returning the invitation's one-time token.
	SetUpULO(ctx context.Context, n NewULO, ttl time.Duration) (*Organisation, *Invitation, string, error)
	// ULOsSetUpBy lists the ULOs a provider set up, by name.
	ULOsSetUpBy(ctx context.Context, providerID string) ([]Organisation, error)
}
