// Package storetest opens isolated, migrated stores for tests on every
// engine: SQLite always, PostgreSQL when COPROD_TEST_POSTGRES_URL is set.
// With COPROD_TEST_STRICT=1 (as CI sets it) a missing PostgreSQL URL fails
// the test instead of skipping that engine.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/coprod/coprod/internal/store"
)

// Strict reports whether skips must become failures (COPROD_TEST_STRICT=1).
func Strict() bool { return os.Getenv("COPROD_TEST_STRICT") == "1" }

// SkipOrFail skips the test with how to enable it, or fails it in strict mode.
func SkipOrFail(t testing.TB, why, howToEnable string) {
	t.Helper()
	if Strict() {
		t.Fatalf("%s (COPROD_TEST_STRICT=1 forbids skipping; %s)", why, howToEnable)
	}
	t.Skipf("%s; %s", why, howToEnable)
}

// Each runs fn as a subtest once per available engine, each with its own
// fresh, migrated database.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	Engines(t, func(t *testing.T, engine store.Engine) { fn(t, Open(t, engine)) })
}

// Engines runs fn as a subtest once per available engine, for tests that
// open their stores themselves (a seeded copy, a server). PostgreSQL's
// subtest skips, or fails in strict mode, without a PostgreSQL URL.
func Engines(t *testing.T, fn func(t *testing.T, engine store.Engine)) {
	t.Helper()
	for _, engine := range []store.Engine{store.SQLite, store.Postgres} {
		t.Run(string(engine), func(t *testing.T) {
			t.Parallel() // each engine's store is its own
			if engine == store.Postgres && os.Getenv("COPROD_TEST_POSTGRES_URL") == "" {
				SkipOrFail(t, "PostgreSQL tests not run", "set COPROD_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test to run them")
			}
			fn(t, engine)
		})
	}
}

// Open returns a migrated store on engine, isolated from every other test,
// closed and removed when the test ends. It is a copy of a store migrated
// once per test process: migrating costs tens of statements per test
// (seconds on SQLite under the race detector), a copy one file or one
// CREATE DATABASE.
func Open(t testing.TB, engine store.Engine) *store.DB {
	t.Helper()
	return OpenSeeded(t, engine, "migrated", func(context.Context, *store.DB) error { return nil })
}

// DSN returns a --db value for a fresh, empty database on engine: a file in
// the test's temporary folder, or a new PostgreSQL schema dropped at the end.
func DSN(t testing.TB, engine store.Engine) string {
	t.Helper()
	if engine == store.SQLite {
		return filepath.Join(t.TempDir(), "coprod.db")
	}
	base := os.Getenv("COPROD_TEST_POSTGRES_URL")
	if base == "" {
		SkipOrFail(t, "PostgreSQL tests not run", "set COPROD_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test to run them")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("PostgreSQL URL: %v", err)
	}
	defer admin.Close()
	schema := "t_" + randomHex()
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("creating test schema on %s: %v", base, err)
	}
	t.Cleanup(func() {
		c, err := sql.Open("pgx", base)
		if err == nil {
			c.Exec("DROP SCHEMA " + schema + " CASCADE")
			c.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("PostgreSQL URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// randomHex is a fresh name suffix, unique across concurrent tests.
func randomHex() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Exec runs raw SQL on the store's writer, for tests that tamper with data
// or simulate what another program did to the database.
func Exec(db *store.DB, query string) error { return db.ExecRaw(context.Background(), query) }
