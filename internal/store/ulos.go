package store

import (
	"context"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// User-led organisations set up by a provider for the people who use its
// services (auth.ULOService).

var _ auth.ULOService = (*DB)(nil)

// SetUpULO creates the ULO, marked as set up by the provider, and invites
// its first facilitator, all or nothing: a taken name or email address
// leaves nothing behind.
func (db *DB) SetUpULO(ctx context.Context, n auth.NewULO, ttl time.Duration) (*auth.Organisation, *auth.Invitation, string, error) {
	if err := n.Validate(); err != nil {
		return nil, nil, "", err
	}
	var org *auth.Organisation
	var inv *auth.Invitation
	var token string
	err := db.update(ctx, func(tx *Tx) error {
		p, err := tx.actorPrincipal(ctx)
		if err != nil {
			return err
		}
		kind, err := tx.orgKind(ctx, n.ProviderID)
		if err != nil {
			return err
		}
		if kind != auth.KindProvider || !auth.Can(p, auth.ActionSetUpULO, uloObject(n.ProviderID)) {
			return apperr.Errorf(apperr.Forbidden, "Only a provider's own staff can set up a user-led organisation for its service users.")
		}
		org = &auth.Organisation{ID: newID(), Name: n.Name, Kind: auth.KindUserLed, CreatedAt: tx.now}
		if _, err := tx.exec(ctx, "INSERT INTO organisations (id, name, kind, set_up_by, created_at) VALUES (?, ?, ?, ?, ?)",
			org.ID, org.Name, string(org.Kind), n.ProviderID, org.CreatedAt); err != nil {
			if apperr.Code(mapErr(err, "")) == apperr.Conflict {
				return apperr.Fields([]apperr.FieldError{{Field: "name", Message: "An organisation with that name already exists"}})
			}
			return err
		}
		if err := tx.record(ctx, "organisation.set_up", "organisation", org.ID, map[string]string{"name": org.Name,
			"kind": string(org.Kind), "set_up_by": n.ProviderID}); err != nil {
			return err
		}
		inv, token, err = tx.createInvitation(ctx, auth.NewInvitation{Email: n.FacilitatorEmail, DisplayName: n.FacilitatorName,
			OrgID: org.ID, Role: auth.RoleFacilitator}, ttl)
		return err
	})
	if err != nil {
		return nil, nil, "", err
	}
	return org, inv, token, nil
}

// ULOsSetUpBy lists the ULOs a provider set up, by name.
func (db *DB) ULOsSetUpBy(ctx context.Context, providerID string) ([]auth.Organisation, error) {
	var out []auth.Organisation
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			o, err := scanOrg(r)
			if err == nil {
				out = append(out, *o)
			}
			return err
		}, "SELECT id, name, kind, created_at FROM organisations WHERE set_up_by = ? ORDER BY name, id", providerID)
	})
	return out, err
}
