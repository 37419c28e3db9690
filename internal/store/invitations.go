package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
)

// CreateInvitation records an invitation and returns its one-time token.
func (db *DB) CreateInvitation(ctx context.Context, n auth.NewInvitation, ttl time.Duration) (*auth.Invitation, string, error) {
	var inv *auth.Invitation
	var token string
	err := db.update(ctx, func(tx *Tx) (err error) {
		inv, token, err = tx.createInvitation(ctx, n, ttl)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return inv, token, nil
}

// createInvitation records an invitation and returns it with its one-time
// token; a ULO's set-up invites its first facilitator in its own
// transaction with it.
func (tx *Tx) createInvitation(ctx context.Context, n auth.NewInvitation, ttl time.Duration) (*auth.Invitation, string, error) {
	token := newToken()
	inv := &auth.Invitation{ID: newID(), Email: n.Email, DisplayName: n.DisplayName, OrgID: n.OrgID, Role: n.Role}
	inv.CreatedAt, inv.ExpiresAt, inv.CreatedBy = tx.now, tx.now.Add(ttl), audit.ActorFrom(ctx)
	var taken int
	if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM users WHERE email = ?", inv.Email).Scan(&taken); err != nil {
		return nil, "", err
	}
	if taken > 0 {
		return nil, "", &apperr.Error{Code: apperr.Conflict, Message: "An account with that email address already exists",
			Fields: []apperr.FieldError{{Field: "email", Message: "An account with that email address already exists"}}}
	}
	_, err := tx.exec(ctx, `INSERT INTO invitations (id, token_hash, email, display_name, org_id, role, created_by, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, inv.ID, tokenHash(token), inv.Email, inv.DisplayName, nullIfEmpty(inv.OrgID),
		string(inv.Role), nullIfEmpty(inv.CreatedBy), inv.CreatedAt, inv.ExpiresAt)
	if err != nil {
		return nil, "", mapErr(err, "invitation")
	}
	return inv, token, tx.record(ctx, "invitation.create", "invitation", inv.ID, map[string]string{
		"email": inv.Email, "org_id": inv.OrgID, "role": string(inv.Role), "expires_at": inv.ExpiresAt.Format(time.RFC3339)})
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (tx *Tx) invitationByToken(ctx context.Context, token string) (*auth.Invitation, error) {
	var inv auth.Invitation
	var org, by sql.NullString
	var role string
	err := tx.queryRow(ctx, `SELECT id, email, display_name, org_id, role, created_by, created_at, expires_at, used_at
		FROM invitations WHERE token_hash = ?`, tokenHash(token)).Scan(&inv.ID, &inv.Email, &inv.DisplayName, &org, &role, &by,
		&inv.CreatedAt, &inv.ExpiresAt, &inv.UsedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, apperr.Errorf(apperr.NotFound, "This invitation link is not valid. Check you copied the whole link, or ask for a new invitation.")
	} else if err != nil {
		return nil, err
	}
	inv.OrgID, inv.CreatedBy, inv.Role = org.String, by.String, auth.Role(role)
	switch {
	case inv.UsedAt != nil:
		return nil, apperr.Errorf(apperr.NotFound, "This invitation has already been used. Sign in, or ask for a new invitation.")
	case !tx.now.Before(inv.ExpiresAt):
		return nil, apperr.Errorf(apperr.NotFound, "This invitation expired on %s. Ask for a new invitation.", inv.ExpiresAt.UTC().Format("2 January 2006"))
	}
	return &inv, nil
}

// InvitationByToken returns a usable invitation, or NotFound saying why not.
func (db *DB) InvitationByToken(ctx context.Context, token string) (*auth.Invitation, error) {
	var inv *auth.Invitation
	err := db.view(ctx, func(tx *Tx) (err error) {
		inv, err = tx.invitationByToken(ctx, token)
		return err
	})
	return inv, err
}

// AcceptInvitation creates the invited account, grants what the invitation
// says, and uses the invitation up — all in one transaction.
func (db *DB) AcceptInvitation(ctx context.Context, token, displayName, passwordHash string) (*auth.User, error) {
	var u *auth.User
	err := db.update(ctx, func(tx *Tx) error {
		inv, err := tx.invitationByToken(ctx, token)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE invitations SET used_at = ? WHERE id = ? AND used_at IS NULL", tx.now, inv.ID); err != nil {
			return err
		}
		if u, err = tx.createUser(ctx, inv.Email, displayName, passwordHash); err != nil {
			return err
		}
		if inv.OrgID != "" {
			if err := tx.addMember(ctx, u.ID, inv.OrgID); err != nil {
				return err
			}
		}
		if inv.Role != "" {
			a := auth.Assignment{UserID: u.ID, Role: inv.Role, ScopeType: auth.ScopeOrganisation, ScopeID: inv.OrgID}
			if inv.Role == auth.RoleAdmin {
				a.ScopeType, a.ScopeID = auth.ScopePlatform, ""
			}
			if err := tx.assign(ctx, &a); err != nil {
				return err
			}
		}
		return tx.record(ctx, "invitation.accept", "invitation", inv.ID, map[string]string{"user_id": u.ID})
	})
	return u, err
}
