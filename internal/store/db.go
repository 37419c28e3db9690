// Package store implements the domain's service interfaces over database/sql
// for SQLite (modernc.org/sqlite, no cgo) and PostgreSQL (pgx). Every method
// is one transaction: begin, call lowercase helpers that take the *Tx,
// commit. Each state change appends its audit event inside that transaction.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver

	"github.com/coprod/coprod/internal/audit"
)

// DB is an open store.
type DB struct {
	Engine Engine
	Path   string // SQLite file path; "" on PostgreSQL
	write  *sql.DB
	read   *sql.DB
	head   atomic.Pointer[sql.Stmt] // AuditHead's query, prepared once (audit_head.go)

	auditKeys *audit.Keyring // the operator's audit keys (SetAuditKeys); nil: events carry no keyed link

	// Now is the clock; tests replace it to control time.
	Now func() time.Time
}

// Open connects to the database named by dsn (see ParseDSN). It does not migrate.
func Open(ctx context.Context, dsn string) (*DB, error) {
	engine, target, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	db := &DB{Engine: engine, Now: time.Now}
	switch engine {
	case SQLite:
		db.Path = target
		if db.write, err = sql.Open("sqlite", sqliteDSN(target, false)); err != nil {
			return nil, err
		}
		// SQLite allows one writer at a time; one connection makes writers
		// queue in Go instead of failing with SQLITE_BUSY.
		db.write.SetMaxOpenConns(1)
		if db.read, err = sql.Open("sqlite", sqliteDSN(target, true)); err != nil {
			db.write.Close()
			return nil, err
		}
		db.read.SetMaxOpenConns(max(4, runtime.NumCPU()))
	case Postgres:
		if db.write, err = sql.Open("pgx", target); err != nil {
			return nil, err
		}
		db.write.SetMaxOpenConns(20)
		db.read = db.write
	}
	if err := db.write.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot reach the %s database: %w", engine, err)
	}
	return db, nil
}

// Close closes every connection.
func (db *DB) Close() error {
	err := db.write.Close()
	if db.read != db.write {
		if e := db.read.Close(); err == nil {
			err = e
		}
	}
	return err
}

// Ping reports whether the database answers a query.
func (db *DB) Ping(ctx context.Context) error {
	var one int
	return db.read.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Tx is a transaction with the engine's placeholder style and a fixed "now".
type Tx struct {
	tx     *sql.Tx
	db     *DB
	now    time.Time
	engine Engine
}

// begin starts a transaction; writable ones use the writer connection.
func (db *DB) begin(ctx context.Context, writable bool) (*Tx, error) {
	pool := db.read
	if writable {
		pool = db.write
	}
	tx, err := pool.BeginTx(ctx, &sql.TxOptions{ReadOnly: !writable && db.Engine == Postgres})
	if err != nil {
		return nil, err
	}
	// Both engines store microseconds; truncating here keeps what we hash
	// equal to what we read back.
	return &Tx{tx: tx, db: db, now: db.Now().UTC().Truncate(time.Microsecond), engine: db.Engine}, nil
}

// update runs fn in a write transaction and commits it when fn succeeds.
func (db *DB) update(ctx context.Context, fn func(*Tx) error) error {
	tx, err := db.begin(ctx, true)
	if err != nil {
		return err
	}
	defer tx.tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.tx.Commit()
}

// view runs fn in a read transaction.
func (db *DB) view(ctx context.Context, fn func(*Tx) error) error {
	tx, err := db.begin(ctx, false)
	if err != nil {
		return err
	}
	defer tx.tx.Rollback()
	return fn(tx)
}

// rebind turns ? placeholders into $1, $2… for PostgreSQL. Queries in this
// package never contain a literal question mark.
func rebind(engine Engine, q string) string {
	if engine != Postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (tx *Tx) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return tx.tx.ExecContext(ctx, rebind(tx.engine, q), args...)
}

func (tx *Tx) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return tx.tx.QueryContext(ctx, rebind(tx.engine, q), args...)
}

func (tx *Tx) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return tx.tx.QueryRowContext(ctx, rebind(tx.engine, q), args...)
}

// ExecRaw runs one statement outside the service methods and their audit;
// only tests and operator commands call it.
func (db *DB) ExecRaw(ctx context.Context, query string) error {
	_, err := db.write.ExecContext(ctx, query)
	return err
}

// PoolStats are the connection pools' statistics, for /metrics: "read"
// and "write" on SQLite (one writer, several readers), "shared" on
// PostgreSQL, where one pool serves both.
func (db *DB) PoolStats() map[string]sql.DBStats {
	if db.read == db.write {
		return map[string]sql.DBStats{"shared": db.write.Stats()}
	}
	return map[string]sql.DBStats{"read": db.read.Stats(), "write": db.write.Stats()}
}
