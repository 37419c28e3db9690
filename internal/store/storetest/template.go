package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/coprod/coprod/internal/store"
)

// Seeding a data set (the demo's hashes a dozen passwords and writes
// hundreds of audited rows) costs seconds, and many tests start from the
// same one. OpenSeeded seeds it once per engine per test process into a
// template, and gives each test its own copy: a file copy on SQLite, a
// CREATE DATABASE … TEMPLATE on PostgreSQL.

// Seed builds a data set in a migrated store.
type Seed func(ctx context.Context, db *store.DB) error

type template struct {
	once sync.Once
	err  error
	// path is the SQLite template file; dbname the PostgreSQL template database.
	path, dbname string
}

var (
	templatesMu sync.Mutex
	templates   = map[string]*template{}
	tempRoot    string // this process's folder for SQLite templates
)

// OpenSeeded returns a migrated store on engine holding its own copy of the
// data set that seed builds, under name: every test that names the same
// seed starts from the same data, and none sees another's changes.
func OpenSeeded(t testing.TB, engine store.Engine, name string, seed Seed) *store.DB {
	t.Helper()
	dsn := CopySeeded(t, engine, name, seed)
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("opening the copy of %q on %s: %v", name, engine, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// CopySeeded is OpenSeeded for tests that open the store themselves, such
// as a command given --db: it returns the copy's --db value, removed when
// the test ends.
func CopySeeded(t testing.TB, engine store.Engine, name string, seed Seed) string {
	t.Helper()
	if engine == store.Postgres && os.Getenv("COPROD_TEST_POSTGRES_URL") == "" {
		SkipOrFail(t, "PostgreSQL tests not run", "set COPROD_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test to run them")
	}
	key := string(engine) + "/" + name
	templatesMu.Lock()
	tpl, ok := templates[key]
	if !ok {
		tpl = &template{}
		templates[key] = tpl
	}
	templatesMu.Unlock()
	tpl.once.Do(func() { tpl.err = tpl.build(engine, name, seed) })
	if tpl.err != nil {
		t.Fatalf("seeding the %s template %q: %v", engine, name, tpl.err)
	}
	if engine == store.Postgres {
		return copyPostgres(t, tpl.dbname)
	}
	dsn := filepath.Join(t.TempDir(), "coprod.db")
	b, err := os.ReadFile(tpl.path)
	if err == nil {
		err = os.WriteFile(dsn, b, 0o600)
	}
	if err != nil {
		t.Fatalf("copying the SQLite template: %v", err)
	}
	return dsn
}

// build migrates a fresh database, runs seed on it and closes it, so that
// copies can be taken.
func (tpl *template) build(engine store.Engine, name string, seed Seed) error {
	ctx := context.Background()
	var dsn string
	if engine == store.SQLite {
		templatesMu.Lock()
		if tempRoot == "" {
			dir, err := os.MkdirTemp("", "coprod-templates-")
			if err != nil {
				templatesMu.Unlock()
				return err
			}
			tempRoot = dir
		}
		tpl.path = filepath.Join(tempRoot, safeName(name)+".db")
		templatesMu.Unlock()
		dsn = tpl.path
	} else {
		tpl.dbname = fmt.Sprintf("coprod_tpl_%s_%d", safeName(name), os.Getpid())
		if err := adminExec("DROP DATABASE IF EXISTS " + tpl.dbname); err != nil {
			return err
		}
		if err := adminExec("CREATE DATABASE " + tpl.dbname); err != nil {
			return err
		}
		dsn = databaseURL(tpl.dbname)
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		return err
	}
	if err := seed(ctx, db); err != nil {
		db.Close()
		return err
	}
	if engine == store.SQLite {
		// Fold the write-ahead log into the file, so the file alone is the copy.
		if err := db.ExecRaw(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			db.Close()
			return err
		}
	}
	return db.Close()
}

// copyPostgres makes a new database from the template and drops it when
// the test ends. PostgreSQL copies a template only while nobody is
// connected to it, which holds: build closed its connections.
func copyPostgres(t testing.TB, template string) string {
	t.Helper()
	name := "t_" + randomHex()
	if err := adminExec("CREATE DATABASE " + name + " TEMPLATE " + template); err != nil {
		t.Fatalf("copying the PostgreSQL template: %v", err)
	}
	t.Cleanup(func() { _ = adminExec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") })
	return databaseURL(name)
}

// Run runs a package's tests and then drops the templates they copied (on
// PostgreSQL they are databases that outlive the process), returning the
// exit code: the TestMain of every package that uses Open, OpenSeeded or
// CopySeeded passes it to os.Exit.
func Run(m *testing.M) int {
	code := m.Run()
	dropTemplates()
	return code
}

// dropTemplates removes this process's templates.
func dropTemplates() {
	templatesMu.Lock()
	defer templatesMu.Unlock()
	for _, tpl := range templates {
		if tpl.dbname != "" {
			_ = adminExec("DROP DATABASE IF EXISTS " + tpl.dbname + " WITH (FORCE)")
		}
	}
	if tempRoot != "" {
		os.RemoveAll(tempRoot)
	}
}

// adminExec runs one statement on the PostgreSQL test server's own database.
func adminExec(statement string) error {
	c, err := sql.Open("pgx", os.Getenv("COPROD_TEST_POSTGRES_URL"))
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Exec(statement)
	return err
}

// databaseURL is the test server's URL with another database name.
func databaseURL(name string) string {
	u, err := url.Parse(os.Getenv("COPROD_TEST_POSTGRES_URL"))
	if err != nil {
		return ""
	}
	u.Path = "/" + name
	return u.String()
}

// safeName keeps letters and digits, for file and database names.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, strings.ToLower(s))
}
