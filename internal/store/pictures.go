package store

import (
	"context"
	"strings"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/pictures"
)

var _ pictures.Service = (*DB)(nil)

// ChoosePicture keeps the picture chosen for a thing, or takes it away
// (an empty key), audited. Whether the chooser may change the thing is the
// caller's policy check.
func (db *DB) ChoosePicture(ctx context.Context, c pictures.Choice) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		var err error
		if c.Key == "" {
			_, err = tx.exec(ctx, `DELETE FROM picture_choices WHERE kind = ? AND item_id = ?`, string(c.Kind), c.ItemID)
		} else {
			_, err = tx.exec(ctx, `INSERT INTO picture_choices (kind, item_id, picture, chosen_by, chosen_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (kind, item_id) DO UPDATE SET picture = excluded.picture, chosen_by = excluded.chosen_by,
				chosen_at = excluded.chosen_at`, string(c.Kind), c.ItemID, c.Key, audit.ActorFrom(ctx), tx.now)
		}
		if err != nil {
			return mapErr(err, "picture")
		}
		return tx.record(ctx, "picture.choose", string(c.Kind), c.ItemID, map[string]string{"picture": c.Key})
	})
}

// ChosenPictures returns the picture key of each of ids that has one.
func (db *DB) ChosenPictures(ctx context.Context, kind pictures.Kind, ids []string) (map[string]string, error) {
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	args := []any{string(kind)}
	for _, id := range ids {
		args = append(args, id)
	}
	q := `SELECT item_id, picture FROM picture_choices WHERE kind = ? AND item_id IN (?` + strings.Repeat(", ?", len(ids)-1) + `)`
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			var id, key string
			err := r.Scan(&id, &key)
			out[id] = key
			return err
		}, q, args...)
	})
	return out, err
}
