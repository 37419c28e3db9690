package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/coprod/coprod/internal/auth"
)

// signInLockKey is the PostgreSQL advisory lock that makes concurrent
// sign-in attempts, from any instance, count and record their failures one
// after another, so a burst of parallel guesses cannot all slip through the
// same free turn.
const signInLockKey = 0x7369676e696e

// KnownDevice returns the id of the known device, among the tokens a
// browser showed, that has signed in to userID within auth.KnownDeviceFor;
// "" when none has.
func (db *DB) KnownDevice(ctx context.Context, userID string, tokens []string) (string, error) {
	var id string
	err := db.view(ctx, func(tx *Tx) error {
		for _, t := range tokens {
			err := tx.queryRow(ctx, "SELECT id FROM known_devices WHERE token_hash = ? AND user_id = ? AND last_used_at > ?",
				tokenHash(t), userID, tx.now.Add(-auth.KnownDeviceFor)).Scan(&id)
			if err == nil {
				return nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		return nil
	})
	return id, err
}

// StartSignIn asks the throttle whether the attempt may have its password
// checked now. When it must wait, the wait is returned and nothing is
// recorded. Otherwise an attempt from an unknown device is recorded as a
// failure at once — in the same transaction as the count, so parallel
// guesses each see the others — and stays one unless FinishSignIn follows.
// A known device's attempt is recorded only if it fails (SignInFailed): its
// parallel sign-ins (tabs, or clients sharing its cookies) are its own
// owner's, and must not delay each other. Failures older than
// auth.FailureMemory are forgotten here.
func (db *DB) StartSignIn(ctx context.Context, a auth.SignInAttempt) (time.Duration, error) {
	var wait time.Duration
	email := auth.NormaliseEmail(a.Email)
	err := db.update(ctx, func(tx *Tx) error {
		if tx.engine == Postgres {
			if _, err := tx.exec(ctx, "SELECT pg_advisory_xact_lock(?)", signInLockKey); err != nil {
				return err
			}
		}
		if _, err := tx.exec(ctx, "DELETE FROM login_failures WHERE at < ?", tx.now.Add(-auth.FailureMemory)); err != nil {
			return err
		}
		var f auth.SignInFailures
		var err error
		if f.Account, err = tx.failures(ctx, "email = ? AND device_id = ?", email, a.DeviceID); err != nil {
			return err
		}
		if f.Address, err = tx.failures(ctx, "address = ?", a.Address); err != nil {
			return err
		}
		if wait = auth.SignInWait(a, f, tx.now); wait > 0 || a.DeviceID != "" {
			return nil
		}
		_, err = tx.exec(ctx, "INSERT INTO login_failures (email, address, device_id, at) VALUES (?, ?, ?, ?)", email, a.Address, a.DeviceID, tx.now)
		return err
	})
	return wait, err
}

// SignInFailed follows a StartSignIn whose password was wrong. An unknown
// device's attempt was recorded already; a known device's is recorded now.
func (db *DB) SignInFailed(ctx context.Context, a auth.SignInAttempt) error {
	if a.DeviceID == "" {
		return nil
	}
	return db.update(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, "INSERT INTO login_failures (email, address, device_id, at) VALUES (?, ?, ?, ?)",
			auth.NormaliseEmail(a.Email), a.Address, a.DeviceID, tx.now)
		return err
	})
}

// failures counts the failures matching where in the last
// auth.FailureMemory and finds the latest.
func (tx *Tx) failures(ctx context.Context, where string, args ...any) (auth.Failures, error) {
	var f auth.Failures
	args = append(args, tx.now.Add(-auth.FailureMemory))
	if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM login_failures WHERE "+where+" AND at >= ?", args...).Scan(&f.Count); err != nil || f.Count == 0 {
		return f, err
	}
	err := tx.queryRow(ctx, "SELECT at FROM login_failures WHERE "+where+" AND at >= ? ORDER BY at DESC LIMIT 1", args...).Scan(&f.Latest)
	f.Latest = f.Latest.UTC()
	return f, err
}

// FinishSignIn follows a StartSignIn whose password was right: it forgets
// the failures that counted against the attempt's device for the account
// (the one StartSignIn recorded among them) and remembers the device. It
// returns a new device token to give the browser when the attempt came from
// an unknown device, "" when the known device was only marked as used.
func (db *DB) FinishSignIn(ctx context.Context, a auth.SignInAttempt, userID string) (string, error) {
	var token string
	err := db.update(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, "DELETE FROM login_failures WHERE email = ? AND device_id = ?", auth.NormaliseEmail(a.Email), a.DeviceID); err != nil {
			return err
		}
		if a.DeviceID != "" {
			_, err := tx.exec(ctx, "UPDATE known_devices SET last_used_at = ? WHERE id = ? AND user_id = ?", tx.now, a.DeviceID, userID)
			return err
		}
		if _, err := tx.exec(ctx, "DELETE FROM known_devices WHERE last_used_at < ?", tx.now.Add(-auth.KnownDeviceFor)); err != nil {
			return err
		}
		token = newToken()
		_, err := tx.exec(ctx, "INSERT INTO known_devices (id, token_hash, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?, ?)",
			newID(), tokenHash(token), userID, tx.now, tx.now)
		return mapErr(err, "known device")
	})
	if err != nil {
		return "", err
	}
	return token, nil
}
