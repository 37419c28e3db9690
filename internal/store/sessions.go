package store

import (
	"context"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// CreateSession starts a session for a user and returns its secret token.
// Expired sessions are swept here, so the table stays small without a job.
func (db *DB) CreateSession(ctx context.Context, userID string, ttl time.Duration) (string, error) {
	token := newToken()
	err := db.update(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, "DELETE FROM sessions WHERE expires_at < ?", tx.now); err != nil {
			return err
		}
		_, err := tx.exec(ctx, "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
			tokenHash(token), userID, tx.now, tx.now.Add(ttl))
		if err != nil {
			return mapErr(err, "session")
		}
		return tx.record(ctx, "session.create", "user", userID, nil)
	})
	return token, err
}

// PrincipalForSession returns the signed-in user and their roles for a
// session token; Unauthorized when the session is unknown, expired or the
// account disabled.
func (db *DB) PrincipalForSession(ctx context.Context, token string) (*auth.Principal, error) {
	p := &auth.Principal{}
	err := db.view(ctx, func(tx *Tx) error {
		u, err := scanUser(tx.queryRow(ctx, "SELECT u.id, u.email, u.display_name, u.password_hash, u.created_at, u.disabled_at"+
			" FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?", tokenHash(token), tx.now))
		if err != nil || u.DisabledAt != nil {
			return apperr.Errorf(apperr.Unauthorized, "Your session has ended. Sign in again.")
		}
		p.User = u
		if p.Assignments, err = tx.assignmentsOf(ctx, u.ID); err != nil {
			return err
		}
		p.Assignments, err = tx.withoutBidderRoles(ctx, u.ID, p.Assignments)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// DeleteSession ends a session (signing out).
func (db *DB) DeleteSession(ctx context.Context, token string) error {
	return db.update(ctx, func(tx *Tx) error {
		var userID string
		if err := tx.queryRow(ctx, "SELECT user_id FROM sessions WHERE token_hash = ?", tokenHash(token)).Scan(&userID); err != nil {
			return nil // already gone: signing out twice is fine
		}
		if _, err := tx.exec(ctx, "DELETE FROM sessions WHERE token_hash = ?", tokenHash(token)); err != nil {
			return err
		}
		return tx.record(ctx, "session.delete", "user", userID, nil)
	})
}
