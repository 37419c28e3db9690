package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
)

// PgDumpAdvice is what backup says on PostgreSQL, where pg_dump is the right tool.
const PgDumpAdvice = `coprod backup copies SQLite databases only. For PostgreSQL use pg_dump, which takes a consistent snapshot while the service runs:

    pg_dump --format=custom --file=coprod.dump "postgres://USER@HOST/DB"

and restore into an empty database with:

    pg_restore --dbname="postgres://USER@HOST/NEWDB" coprod.dump
`

// Backup writes an online, consistent copy of a SQLite database to out with
// VACUUM INTO (readers and the writer carry on meanwhile), then checks the
// copy with PRAGMA integrity_check. out must not exist yet.
func (db *DB) Backup(ctx context.Context, out string) error {
	if db.Engine != SQLite {
		return fmt.Errorf("%s", PgDumpAdvice)
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s already exists: choose a new file name so no backup is overwritten", out)
	}
	if _, err := db.write.ExecContext(ctx, "VACUUM INTO ?", out); err != nil {
		return fmt.Errorf("copying the database to %s: %w", out, err)
	}
	return CheckIntegrity(ctx, out)
}

// CheckIntegrity runs PRAGMA integrity_check on a SQLite file.
func CheckIntegrity(ctx context.Context, path string) error {
	c, err := sql.Open("sqlite", sqliteDSN(path, true))
	if err != nil {
		return err
	}
	defer c.Close()
	var result string
	if err := c.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return fmt.Errorf("checking %s: %w", path, err)
	}
	if result != "ok" {
		return fmt.Errorf("%s failed the integrity check: %s", path, result)
	}
	return nil
}
