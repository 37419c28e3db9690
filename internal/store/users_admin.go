package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
)

// adminsLockKey serialises changes that could leave the service without an
// active administrator on PostgreSQL; on SQLite the single writer already does.
const adminsLockKey = 0x61646d696e73

// Messages shown when an administrator change is refused.
const (
	msgDisableSelf   = "You cannot disable your own account. Ask another administrator to do it."
	msgRevokeSelf    = "You cannot remove your own administrator role. Ask another administrator to do it."
	msgLastAdmin     = "This is the last active administrator. Make someone else an administrator first, so the service always has one."
	msgAlreadyOff    = "This account is already disabled."
	msgAlreadyOn     = "This account is not disabled."
	actionUserOff    = "user.disable"
	actionUserOn     = "user.enable"
	actionRoleRevoke = "role.revoke"
)

// endSessions signs a user out everywhere.
func (tx *Tx) endSessions(ctx context.Context, userID string) error {
	_, err := tx.exec(ctx, "DELETE FROM sessions WHERE user_id = ?", userID)
	return err
}

// lockAdmins makes concurrent administrator changes wait for each other.
func (tx *Tx) lockAdmins(ctx context.Context) error {
	if tx.engine != Postgres {
		return nil
	}
	_, err := tx.exec(ctx, "SELECT pg_advisory_xact_lock(?)", adminsLockKey)
	return err
}

// otherActiveAdmins counts the platform administrators, other than userID,
// whose accounts are not disabled.
func (tx *Tx) otherActiveAdmins(ctx context.Context, userID string) (int, error) {
	var n int
	err := tx.queryRow(ctx, "SELECT COUNT(*) FROM role_assignments a JOIN users u ON u.id = a.user_id"+
		" WHERE a.role = ? AND a.scope_type = ? AND a.scope_id = '' AND u.disabled_at IS NULL AND u.id <> ?",
		string(auth.RoleAdmin), string(auth.ScopePlatform), userID).Scan(&n)
	return n, err
}

// isPlatformAdmin reports whether userID holds the platform administrator role.
func (tx *Tx) isPlatformAdmin(ctx context.Context, userID string) (bool, error) {
	var n int
	err := tx.queryRow(ctx, "SELECT COUNT(*) FROM role_assignments WHERE user_id = ? AND role = ? AND scope_type = ? AND scope_id = ''",
		userID, string(auth.RoleAdmin), string(auth.ScopePlatform)).Scan(&n)
	return n > 0, err
}

// DisableUser stops an account from signing in, ends its sessions and
// records why. Administrators cannot disable themselves, and the last active
// administrator cannot be disabled.
func (db *DB) DisableUser(ctx context.Context, userID, reason string) error {
	reason = strings.TrimSpace(reason)
	if m := auth.CheckDisableReason(reason); m != "" {
		return apperr.Fields([]apperr.FieldError{{Field: "reason", Message: m}})
	}
	if audit.ActorFrom(ctx) == userID {
		return apperr.Errorf(apperr.Conflict, msgDisableSelf)
	}
	return db.update(ctx, func(tx *Tx) error {
		if err := tx.lockAdmins(ctx); err != nil {
			return err
		}
		u, err := scanUser(tx.queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", userID))
		if err != nil {
			return mapErr(err, "user")
		}
		if u.DisabledAt != nil {
			return apperr.Errorf(apperr.Conflict, msgAlreadyOff)
		}
		admin, err := tx.isPlatformAdmin(ctx, userID)
		if err != nil {
			return err
		}
		if admin {
			n, err := tx.otherActiveAdmins(ctx, userID)
			if err != nil {
				return err
			}
			if n == 0 {
				return apperr.Errorf(apperr.Conflict, msgLastAdmin)
			}
		}
		if _, err := tx.exec(ctx, "UPDATE users SET disabled_at = ? WHERE id = ?", tx.now, userID); err != nil {
			return err
		}
		if err := tx.endSessions(ctx, userID); err != nil {
			return err
		}
		return tx.record(ctx, actionUserOff, "user", userID, map[string]string{"email": u.Email, "reason": reason})
	})
}

// EnableUser lets a disabled account sign in again.
func (db *DB) EnableUser(ctx context.Context, userID string) error {
	return db.update(ctx, func(tx *Tx) error {
		u, err := scanUser(tx.queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", userID))
		if err != nil {
			return mapErr(err, "user")
		}
		if u.DisabledAt == nil {
			return apperr.Errorf(apperr.Conflict, msgAlreadyOn)
		}
		if _, err := tx.exec(ctx, "UPDATE users SET disabled_at = NULL WHERE id = ?", userID); err != nil {
			return err
		}
		return tx.record(ctx, actionUserOn, "user", userID, map[string]string{"email": u.Email})
	})
}

// Disablement says when, by whom and why a disabled account was disabled,
// from the audit log; nil when the account is not disabled.
func (db *DB) Disablement(ctx context.Context, userID string) (*auth.Disablement, error) {
	var d *auth.Disablement
	err := db.view(ctx, func(tx *Tx) error {
		u, err := scanUser(tx.queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", userID))
		if err != nil {
			return mapErr(err, "user")
		}
		if u.DisabledAt == nil {
			return nil
		}
		d = &auth.Disablement{At: u.DisabledAt.UTC()}
		var at time.Time
		var details string
		var byName sql.NullString
		err = tx.queryRow(ctx, "SELECT e.at, e.actor_id, u.display_name, e.details FROM audit_events e"+
			" LEFT JOIN users u ON u.id = e.actor_id"+
			" WHERE e.action = ? AND e.object_type = 'user' AND e.object_id = ? ORDER BY e.seq DESC LIMIT 1",
			actionUserOff, userID).Scan(&at, &d.ByID, &byName, &details)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // disabled outside the application: the date is all we know
		}
		if err != nil {
			return err
		}
		d.ByName = byName.String
		var m map[string]string
		if json.Unmarshal([]byte(details), &m) == nil {
			d.Reason = m["reason"]
		}
		return nil
	})
	return d, err
}

// RevokeAssignment removes one of a user's role assignments. Administrators
// cannot remove their own platform administrator role, and the last active
// administrator keeps theirs.
func (db *DB) RevokeAssignment(ctx context.Context, userID, assignmentID string) error {
	return db.update(ctx, func(tx *Tx) error {
		if err := tx.lockAdmins(ctx); err != nil {
			return err
		}
		var role, scopeType, scopeID string
		err := tx.queryRow(ctx, "SELECT role, scope_type, scope_id FROM role_assignments WHERE id = ? AND user_id = ?",
			assignmentID, userID).Scan(&role, &scopeType, &scopeID)
		if err != nil {
			return mapErr(err, "role assignment")
		}
		if auth.Role(role) == auth.RoleAdmin && auth.ScopeType(scopeType) == auth.ScopePlatform && scopeID == "" {
			if audit.ActorFrom(ctx) == userID {
				return apperr.Errorf(apperr.Conflict, msgRevokeSelf)
			}
			var disabled sql.NullTime
			if err := tx.queryRow(ctx, "SELECT disabled_at FROM users WHERE id = ?", userID).Scan(&disabled); err != nil {
				return err
			}
			if !disabled.Valid {
				n, err := tx.otherActiveAdmins(ctx, userID)
				if err != nil {
					return err
				}
				if n == 0 {
					return apperr.Errorf(apperr.Conflict, msgLastAdmin)
				}
			}
		}
		if _, err := tx.exec(ctx, "DELETE FROM role_assignments WHERE id = ?", assignmentID); err != nil {
			return err
		}
		return tx.record(ctx, actionRoleRevoke, "user", userID, map[string]string{"assignment_id": assignmentID,
			"role": role, "scope_type": scopeType, "scope_id": scopeID})
	})
}
