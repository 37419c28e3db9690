package store

import "context"

// MigrateTo applies the migrations up to version only, so a test can fill
// an older schema and then check what a later migration does to its rows.
func (db *DB) MigrateTo(ctx context.Context, version int) (int, error) {
	ms, err := db.migrations()
	if err != nil {
		return 0, err
	}
	return db.migrate(ctx, ms[:version])
}
