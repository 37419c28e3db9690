package store

import (
	"context"

	"github.com/coprod/coprod/internal/auth"
)

// Assign grants a role over a scope. It refuses a role that cannot be held
// over that scope (auth.Assignment.Validate), whoever asks.
func (db *DB) Assign(ctx context.Context, a auth.Assignment) (*auth.Assignment, error) {
	err := db.update(ctx, func(tx *Tx) error { return tx.assign(ctx, &a) })
	return &a, err
}

func (tx *Tx) assign(ctx context.Context, a *auth.Assignment) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if err := tx.refuseBidderInGroup(ctx, a); err != nil {
		return err
	}
	a.ID, a.CreatedAt = newID(), tx.now
	_, err := tx.exec(ctx, "INSERT INTO role_assignments (id, user_id, role, scope_type, scope_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		a.ID, a.UserID, string(a.Role), string(a.ScopeType), a.ScopeID, a.CreatedAt)
	if err != nil {
		return mapErr(err, "role assignment")
	}
	return tx.record(ctx, "role.assign", "user", a.UserID, map[string]string{"role": string(a.Role), "scope_type": string(a.ScopeType), "scope_id": a.ScopeID})
}

// AssignmentsOf lists a user's roles.
func (db *DB) AssignmentsOf(ctx context.Context, userID string) ([]auth.Assignment, error) {
	var out []auth.Assignment
	err := db.view(ctx, func(tx *Tx) (err error) {
		out, err = tx.assignmentsOf(ctx, userID)
		return err
	})
	return out, err
}

func (tx *Tx) assignmentsOf(ctx context.Context, userID string) ([]auth.Assignment, error) {
	rows, err := tx.query(ctx, "SELECT id, user_id, role, scope_type, scope_id, created_at FROM role_assignments WHERE user_id = ? ORDER BY created_at, id", userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []auth.Assignment
	for rows.Next() {
		var a auth.Assignment
		var role, scope string
		if err := rows.Scan(&a.ID, &a.UserID, &role, &scope, &a.ScopeID, &a.CreatedAt); err != nil {
			return nil, err
		}
		a.Role, a.ScopeType = auth.Role(role), auth.ScopeType(scope)
		out = append(out, a)
	}
	return out, rows.Err()
}
