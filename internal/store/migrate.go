package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations
var migrationFS embed.FS

// migrationLockKey is the PostgreSQL advisory lock that lets only one
// instance migrate at a time ("coprod" in ASCII, as a number).
const migrationLockKey = 0x636f70726f64

type migration struct {
	version int
	name    string
	sql     string
}

func (db *DB) migrations() ([]migration, error) {
	dir := path.Join("migrations", string(db.Engine))
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration file %s/%s is not named NNNN_name.sql", dir, e.Name())
		}
		body, err := fs.ReadFile(migrationFS, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations for %s skip from %d to %d", db.Engine, i, m.version)
		}
	}
	return ms, nil
}

// KnownVersion is the newest schema version this build knows.
func (db *DB) KnownVersion() int {
	ms, _ := db.migrations()
	return len(ms)
}

// SchemaTooNewError says the database was migrated by a newer coprod.
type SchemaTooNewError struct{ Have, Know int }

func (e *SchemaTooNewError) Error() string {
	return fmt.Sprintf("the database schema is at version %d, but this coprod knows only up to version %d: "+
		"run a coprod at least as new as the one that last migrated this database", e.Have, e.Know)
}

// SchemaVersion returns the version the database is at (0 when never migrated).
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	exists := "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
	if db.Engine == Postgres {
		exists = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
	}
	var n, v int
	if err := db.read.QueryRowContext(ctx, exists).Scan(&n); err != nil || n == 0 {
		return 0, err
	}
	err := db.read.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v)
	return v, err
}

// CheckSchema refuses a database that is newer than this build, or not migrated.
func (db *DB) CheckSchema(ctx context.Context) (int, error) {
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return 0, err
	}
	if known := db.KnownVersion(); v > known {
		return v, &SchemaTooNewError{Have: v, Know: known}
	} else if v < known {
		return v, fmt.Errorf("the database schema is at version %d and this coprod needs %d: run coprod migrate", v, known)
	}
	return v, nil
}

// Migrate applies every pending migration, each in its own transaction, and
// returns the resulting version. On PostgreSQL an advisory lock makes
// concurrent instances wait for one another.
func (db *DB) Migrate(ctx context.Context) (int, error) {
	ms, err := db.migrations()
	if err != nil {
		return 0, err
	}
	return db.migrate(ctx, ms)
}

// migrate applies the migrations ms (all of them, or the first few when a
// test builds an older schema to fill before migrating the rest).
func (db *DB) migrate(ctx context.Context, ms []migration) (int, error) {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if db.Engine == Postgres {
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", migrationLockKey); err != nil {
			return 0, fmt.Errorf("taking the migration lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrationLockKey)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)`); err != nil {
		return 0, err
	}
	var have int
	if err := conn.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&have); err != nil {
		return 0, err
	}
	if have > len(ms) {
		return have, &SchemaTooNewError{Have: have, Know: len(ms)}
	}
	if db.Engine == SQLite && have < len(ms) {
		// SQLite changes a constraint only by rebuilding the table, and
		// dropping a table others refer to breaks their foreign keys even
		// when a copy takes its name in the same transaction. So, as
		// sqlite.org/lang_altertable.html says, foreign keys are off while
		// migrating (the pragma cannot change inside a transaction) and
		// checked before each migration commits.
		if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
			return have, err
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON")
	}
	for _, m := range ms[have:] {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return have, err
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return have, fmt.Errorf("migration %s: %w", m.name, err)
		}
		if err := foreignKeysHold(ctx, db.Engine, tx); err != nil {
			tx.Rollback()
			return have, fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, rebind(db.Engine, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
			m.version, m.name, db.Now().UTC()); err != nil {
			tx.Rollback()
			return have, err
		}
		if err := tx.Commit(); err != nil {
			return have, err
		}
		have = m.version
	}
	return have, nil
}

// foreignKeysHold reports the first row a SQLite migration left without
// its parent (foreign keys are off while migrating); PostgreSQL checks
// them itself.
func foreignKeysHold(ctx context.Context, engine Engine, tx *sql.Tx) error {
	if engine != SQLite {
		return nil
	}
	var table, parent string
	var rowid sql.NullInt64
	var fk int
	err := tx.QueryRowContext(ctx, "PRAGMA foreign_key_check").Scan(&table, &rowid, &parent, &fk)
	if err == sql.ErrNoRows {
		return nil
	} else if err != nil {
		return err
	}
	return fmt.Errorf("a row of %s (row id %d) refers to a missing row of %s", table, rowid.Int64, parent)
}
