package store

import (
	"fmt"
	"net/url"
	"strings"
)

// Engine is the database behind a store.
type Engine string

const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// ParseDSN tells the engine of a --db value and returns what its driver
// needs: for SQLite the file path; for PostgreSQL the URL unchanged.
// Accepted: a plain file path, sqlite:PATH, postgres:// or postgresql:// URLs.
func ParseDSN(dsn string) (Engine, string, error) {
	switch {
	case dsn == "":
		return "", "", fmt.Errorf("no database given: use --db with a file path, sqlite:PATH or a postgres:// URL")
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		if _, err := url.Parse(dsn); err != nil {
			return "", "", fmt.Errorf("the PostgreSQL URL does not parse: %v", err)
		}
		return Postgres, dsn, nil
	case strings.HasPrefix(dsn, "sqlite:"):
		path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")
		if path == "" {
			return "", "", fmt.Errorf("sqlite: needs a file path, e.g. sqlite:./coprod.db")
		}
		return SQLite, path, nil
	case strings.Contains(dsn, "://"):
		return "", "", fmt.Errorf("unknown database scheme in %q: use a file path, sqlite:PATH or a postgres:// URL", dsn)
	}
	return SQLite, dsn, nil
}

// sqliteDSN builds the modernc.org/sqlite DSN for a file. busy_timeout comes
// first so that it already applies while the later pragmas run; WAL lets
// readers work beside the one writer; synchronous(FULL) makes every
// acknowledged commit survive a crash of the process or the machine.
func sqliteDSN(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(FULL)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}
