package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"github.com/coprod/coprod/internal/display"
)

var _ display.Service = (*DB)(nil)

// DisplaySettings returns a person's saved settings, or the defaults, and
// whether any round lists Easy Read among their preferred formats (formats
// are kept space-separated, so the search pads them with spaces).
func (db *DB) DisplaySettings(ctx context.Context, userID string) (display.Settings, bool, error) {
	s := display.Default()
	var formatEasyRead bool
	err := db.view(ctx, func(tx *Tx) error {
		var easy int
		err := tx.queryRow(ctx, `SELECT CASE WHEN EXISTS (SELECT 1 FROM round_members
			WHERE user_id = ? AND (' ' || formats || ' ') LIKE '% easy_read %') THEN 1 ELSE 0 END`, userID).Scan(&easy)
		if err != nil {
			return err
		}
		formatEasyRead = easy == 1
		err = tx.queryRow(ctx, `SELECT text_size, spacing, contrast, scheme, motion, easy_read FROM display_settings WHERE user_id = ?`,
			userID).Scan(&s.TextSize, &s.Spacing, &s.Contrast, &s.Scheme, &s.Motion, &s.EasyRead)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	return s, formatEasyRead, err
}

// SaveDisplaySettings keeps a person's settings, audited.
func (db *DB) SaveDisplaySettings(ctx context.Context, userID string, s display.Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, `INSERT INTO display_settings (user_id, text_size, spacing, contrast, scheme, motion, easy_read, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET text_size = excluded.text_size,
			spacing = excluded.spacing, contrast = excluded.contrast, scheme = excluded.scheme, motion = excluded.motion,
			easy_read = excluded.easy_read, updated_at = excluded.updated_at`,
			userID, s.TextSize, s.Spacing, s.Contrast, s.Scheme, s.Motion, s.EasyRead, tx.now)
		if err != nil {
			return mapErr(err, "account")
		}
		return tx.record(ctx, "display.save", "user", userID, map[string]string{"text_size": strconv.Itoa(s.TextSize),
			"spacing": s.Spacing, "contrast": s.Contrast, "scheme": s.Scheme, "motion": s.Motion, "easy_read": s.EasyRead})
	})
}
