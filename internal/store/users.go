package store

import (
	"context"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

const userColumns = "id, email, display_name, password_hash, created_at, disabled_at"

func scanUser(r scanner) (*auth.User, error) {
	var u auth.User
	if err := r.Scan(&u.ID, &u.Email, &u.DisplayName, &u.PasswordHash, &u.CreatedAt, &u.DisabledAt); err != nil {
		return nil, err
	}
	u.CreatedAt = u.CreatedAt.UTC()
	return &u, nil
}

// CreateUser adds an account. The email must already be normalised and
// validated (auth.NewUser.Validate).
func (db *DB) CreateUser(ctx context.Context, email, displayName, passwordHash string) (*auth.User, error) {
	var u *auth.User
	err := db.update(ctx, func(tx *Tx) (err error) {
		u, err = tx.createUser(ctx, email, displayName, passwordHash)
		return err
	})
	return u, err
}

func (tx *Tx) createUser(ctx context.Context, email, displayName, passwordHash string) (*auth.User, error) {
	u := &auth.User{ID: newID(), Email: auth.NormaliseEmail(email), DisplayName: displayName, PasswordHash: passwordHash, CreatedAt: tx.now}
	_, err := tx.exec(ctx, "INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
		u.ID, u.Email, u.DisplayName, u.PasswordHash, u.CreatedAt)
	if err != nil {
		if apperr.Code(mapErr(err, "")) == apperr.Conflict {
			return nil, &apperr.Error{Code: apperr.Conflict, Message: "An account with that email address already exists",
				Fields: []apperr.FieldError{{Field: "email", Message: "An account with that email address already exists"}}}
		}
		return nil, err
	}
	return u, tx.record(ctx, "user.create", "user", u.ID, map[string]string{"email": u.Email, "display_name": u.DisplayName})
}

// UserByID returns one user.
func (db *DB) UserByID(ctx context.Context, id string) (*auth.User, error) {
	var u *auth.User
	err := db.view(ctx, func(tx *Tx) (err error) {
		u, err = scanUser(tx.queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", id))
		return mapErr(err, "user")
	})
	return u, err
}

// UserByEmail returns the user with that email, however it was typed.
func (db *DB) UserByEmail(ctx context.Context, email string) (*auth.User, error) {
	var u *auth.User
	err := db.view(ctx, func(tx *Tx) (err error) {
		u, err = scanUser(tx.queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE email = ?", auth.NormaliseEmail(email)))
		return mapErr(err, "user")
	})
	return u, err
}

// ListUsers pages through users ordered by email; Search matches email or name.
func (db *DB) ListUsers(ctx context.Context, q auth.ListQuery) ([]auth.User, string, error) {
	limit := pageLimit(q.Limit)
	sqlq := "SELECT " + userColumns + " FROM users WHERE email > ?"
	args := []any{q.After}
	if q.Search != "" {
		sqlq += " AND (LOWER(email) LIKE ?" + likeEscape + " OR LOWER(display_name) LIKE ?" + likeEscape + ")"
		pat := likePattern(q.Search)
		args = append(args, pat, pat)
	}
	sqlq += " ORDER BY email LIMIT ?"
	args = append(args, limit+1)
	var out []auth.User
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			u, err := scanUser(r)
			if err == nil {
				out = append(out, *u)
			}
			return err
		}, sqlq, args...)
	})
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = out[limit-1].Email
	}
	return out, next, err
}

// SetPassword replaces a user's password hash and signs them out everywhere.
func (db *DB) SetPassword(ctx context.Context, userID, passwordHash string) error {
	return db.update(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, "UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.Errorf(apperr.NotFound, "No such user")
		}
		if err := tx.endSessions(ctx, userID); err != nil {
			return err
		}
		return tx.record(ctx, "user.password_set", "user", userID, nil)
	})
}
