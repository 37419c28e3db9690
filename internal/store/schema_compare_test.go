package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// The migrations are written by hand once per engine. This test migrates a
// fresh database on each and compares what they built, so that a column,
// index, key or trigger added to one tree and forgotten in the other fails
// CI instead of failing in production on the engine nobody tried.
//
// Each engine's schema is read into a flat list of facts ("column
// users.email type" → "text"); the two lists must be equal except for the
// facts in schemaAllowed.

// schemaAllowed lists the facts where the engines legitimately differ,
// keyed as the facts are, with why. An entry no longer needed fails the
// test, so the list stays true.
var schemaAllowed = map[string]string{
	// The store writes each audit event's sequence number itself (it is part
	// of the hash chain), and so does the migrator with each version. SQLite
	// makes every INTEGER PRIMARY KEY an alias of the row id, which fills
	// itself in when left out; there is no way to declare it otherwise.
	"column audit_events.seq default":          "SQLite: row id alias",
	"column schema_migrations.version default": "SQLite: row id alias",
	// The migrator creates its own table with one statement for both engines,
	// before any migration runs; on PostgreSQL TIMESTAMP has no time zone.
	// The migrator writes UTC, and only it reads the column.
	"column schema_migrations.applied_at type": "PostgreSQL: timestamp without time zone",
}

// columnTypeFamily maps a declared type, on either engine, to a family
// both engines can hold: the same family means the store reads and writes
// the column the same way. PostgreSQL timestamps without a time zone are a
// family of their own, since the store keeps every time in UTC with its zone.
func columnTypeFamily(declared string) string {
	switch t := strings.ToLower(strings.TrimSpace(declared)); t {
	case "integer", "int", "bigint", "smallint":
		return "integer"
	case "text", "character varying", "varchar":
		return "text"
	case "real", "double precision", "float":
		return "real"
	case "blob", "bytea":
		return "blob"
	case "timestamp", "timestamptz", "timestamp with time zone", "datetime":
		return "timestamp"
	case "timestamp without time zone":
		return "timestamp without time zone"
	case "boolean", "bool":
		return "boolean"
	default:
		// A type this test does not know yet: add it above on purpose.
		return "unknown type " + t
	}
}

// schemaFacts is a normalised description of a migrated schema.
type schemaFacts map[string]string

func (f schemaFacts) add(key, value string) { f[key] = value }

// column records the four facts of one column.
func (f schemaFacts) column(table, name, declared string, notNull, hasDefault bool, pkPosition int) {
	key := "column " + table + "." + name
	f.add(key+" type", columnTypeFamily(declared))
	// PostgreSQL makes every primary key column NOT NULL. SQLite does so
	// for an INTEGER PRIMARY KEY but, by a documented historical quirk, not
	// for other primary keys; the store always supplies ids, so a primary
	// key column counts as NOT NULL on both.
	f.add(key+" not null", fmt.Sprint(notNull || pkPosition > 0))
	f.add(key+" default", fmt.Sprint(hasDefault))
	f.add(key+" primary key", fmt.Sprint(pkPosition))
}

// index records an index: a named one made by CREATE INDEX, or a UNIQUE
// constraint, which each engine names its own way and so is keyed by its
// columns instead.
func (f schemaFacts) index(table, name string, constraint bool, unique, partial bool, columns []string) {
	if constraint {
		f.add("unique constraint "+table+" ("+strings.Join(columns, ", ")+")", "yes")
		return
	}
	f.add("index "+name, fmt.Sprintf("on %s (%s) unique=%t partial=%t", table, strings.Join(columns, ", "), unique, partial))
}

// checks records how many CHECK constraints a table has: their text is
// rewritten by PostgreSQL, so only the count compares.
func (f schemaFacts) checks(table string, n int) {
	f.add("check constraints on "+table, fmt.Sprint(n))
}

func (f schemaFacts) foreignKey(table string, from []string, refTable string, to []string, onUpdate, onDelete string) {
	f.add("foreign key "+table+" ("+strings.Join(from, ", ")+")",
		fmt.Sprintf("references %s (%s) on update %s on delete %s", refTable, strings.Join(to, ", "), onUpdate, onDelete))
}

func TestMigratedSchemasMatch(t *testing.T) {
	lite := readSchema(t, store.SQLite)
	pg := readSchema(t, store.Postgres)
	if len(lite) < 1000 {
		t.Fatalf("only %d facts read from SQLite: the reader is broken", len(lite))
	}
	drift, stale := schemaDrift(lite, pg)
	if len(drift) > 0 {
		t.Errorf("the migrated schemas differ in %d ways (fix with a new migration in both trees, or allow a real engine difference in schemaAllowed):\n%s",
			len(drift), strings.Join(drift, "\n"))
	}
	for _, k := range stale {
		t.Errorf("schemaAllowed[%q] allows a difference that is no longer there: remove it", k)
	}
}

// TestSchemaComparisonSeesDrift changes the PostgreSQL schema behind the
// migrations' back and checks that the comparison reports each change.
func TestSchemaComparisonSeesDrift(t *testing.T) {
	lite := readSchema(t, store.SQLite)
	pg := readSchema(t, store.Postgres,
		"ALTER TABLE users ADD COLUMN nickname TEXT",
		"ALTER TABLE studies ALTER COLUMN description DROP DEFAULT",
		"DROP INDEX sessions_expiry",
		"CREATE UNIQUE INDEX users_name ON users (display_name DESC)",
		"ALTER TABLE stories ADD COLUMN org_id TEXT REFERENCES organisations (id) ON DELETE CASCADE",
		"ALTER TABLE tenders ADD CHECK (title <> '')")
	drift, _ := schemaDrift(lite, pg)
	want := []string{
		"check constraints on tenders: SQLite 0, PostgreSQL 1",
		"column stories.org_id default: false on PostgreSQL, missing on SQLite",
		"column stories.org_id not null: false on PostgreSQL, missing on SQLite",
		"column stories.org_id primary key: 0 on PostgreSQL, missing on SQLite",
		"column stories.org_id type: text on PostgreSQL, missing on SQLite",
		"column studies.description default: SQLite true, PostgreSQL false",
		"column users.nickname default: false on PostgreSQL, missing on SQLite",
		"column users.nickname not null: false on PostgreSQL, missing on SQLite",
		"column users.nickname primary key: 0 on PostgreSQL, missing on SQLite",
		"column users.nickname type: text on PostgreSQL, missing on SQLite",
		"foreign key stories (org_id): references organisations (id) on update NO ACTION on delete CASCADE on PostgreSQL, missing on SQLite",
		"index sessions_expiry: on sessions (expires_at) unique=false partial=false on SQLite, missing on PostgreSQL",
		"index users_name: on users (display_name DESC) unique=true partial=false on PostgreSQL, missing on SQLite",
	}
	if !slices.Equal(drift, want) {
		t.Fatalf("drift =\n%s\nwant\n%s", strings.Join(drift, "\n"), strings.Join(want, "\n"))
	}
}

// schemaDrift lists, in order, every fact that differs between the two
// schemas and is not allowed, and the allowed differences that are gone.
func schemaDrift(lite, pg schemaFacts) (drift, stale []string) {
	keys := map[string]bool{}
	for k := range lite {
		keys[k] = true
	}
	for k := range pg {
		keys[k] = true
	}
	used := map[string]bool{}
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		l, inLite := lite[k]
		p, inPG := pg[k]
		if inLite && inPG && l == p {
			continue
		}
		if _, ok := schemaAllowed[k]; ok {
			used[k] = true
			continue
		}
		switch {
		case !inPG:
			drift = append(drift, fmt.Sprintf("%s: %s on SQLite, missing on PostgreSQL", k, l))
		case !inLite:
			drift = append(drift, fmt.Sprintf("%s: %s on PostgreSQL, missing on SQLite", k, p))
		default:
			drift = append(drift, fmt.Sprintf("%s: SQLite %s, PostgreSQL %s", k, l, p))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(schemaAllowed)) {
		if !used[k] {
			stale = append(stale, k)
		}
	}
	return drift, stale
}

// readSchema migrates a fresh database on engine, runs any statements
// given after the migrations, and reads its schema.
func readSchema(t *testing.T, engine store.Engine, after ...string) schemaFacts {
	t.Helper()
	dsn := storetest.DSN(t, engine)
	ctx := context.Background()
	s, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for _, q := range after {
		if err := storetest.Exec(s, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	driver := map[store.Engine]string{store.SQLite: "sqlite", store.Postgres: "pgx"}[engine]
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// One connection, so PostgreSQL's search_path (the test's schema, set
	// in the DSN) holds for every query.
	db.SetMaxOpenConns(1)
	f := schemaFacts{}
	if engine == store.SQLite {
		err = readSQLite(ctx, db, f)
	} else {
		err = readPostgres(ctx, db, f)
	}
	if err != nil {
		t.Fatalf("reading the %s schema: %v", engine, err)
	}
	return f
}

// queryEach runs q and calls scan for each row.
func queryEach(ctx context.Context, db *sql.DB, q string, scan func(*sql.Rows) error, args ...any) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// SQLite keeps a table's CREATE statement as written (with columns added
// later), and has no pragma for CHECK constraints: they are counted in it.
var (
	sqliteCheck   = regexp.MustCompile(`(?i)\bCHECK\s*\(`)
	sqliteComment = regexp.MustCompile(`--[^\n]*`)
)

// sqliteTrigger reads when and on what a trigger fires from its SQL.
var sqliteTrigger = regexp.MustCompile(`(?is)\b(BEFORE|AFTER|INSTEAD\s+OF)\s+(INSERT|UPDATE|DELETE)\b`)

func readSQLite(ctx context.Context, db *sql.DB, f schemaFacts) error {
	var tables []string
	err := queryEach(ctx, db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", func(r *sql.Rows) error {
		var name, ddl string
		if err := r.Scan(&name, &ddl); err != nil {
			return err
		}
		tables = append(tables, name)
		f.checks(name, len(sqliteCheck.FindAllString(sqliteComment.ReplaceAllString(ddl, ""), -1)))
		return nil
	})
	if err != nil {
		return err
	}
	for _, table := range tables {
		if err := readSQLiteTable(ctx, db, f, table); err != nil {
			return fmt.Errorf("table %s: %w", table, err)
		}
	}
	return queryEach(ctx, db, "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'", func(r *sql.Rows) error {
		var table, ddl string
		if err := r.Scan(&table, &ddl); err != nil {
			return err
		}
		m := sqliteTrigger.FindStringSubmatch(ddl)
		if m == nil {
			return fmt.Errorf("cannot read the trigger on %s: %s", table, ddl)
		}
		f.add("trigger on "+table+" "+strings.ToUpper(strings.Join(strings.Fields(m[1]), " "))+" "+strings.ToUpper(m[2]), "yes")
		return nil
	})
}

func readSQLiteTable(ctx context.Context, db *sql.DB, f schemaFacts, table string) error {
	type col struct {
		name, declared string
		notNull        bool
		dflt           sql.NullString
		pk             int
	}
	var cols []col
	err := queryEach(ctx, db, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)", func(r *sql.Rows) error {
		var c col
		err := r.Scan(&c.name, &c.declared, &c.notNull, &c.dflt, &c.pk)
		cols = append(cols, c)
		return err
	}, table)
	if err != nil {
		return err
	}
	pkCols := 0
	for _, c := range cols {
		if c.pk > 0 {
			pkCols++
		}
	}
	for _, c := range cols {
		// A lone INTEGER PRIMARY KEY is the row id, filled in when left out:
		// the same as PostgreSQL's identity columns.
		rowid := c.pk == 1 && pkCols == 1 && strings.EqualFold(c.declared, "INTEGER")
		f.column(table, c.name, c.declared, c.notNull, c.dflt.Valid || rowid, c.pk)
	}

	type idx struct {
		name, origin    string
		unique, partial bool
	}
	var idxs []idx
	err = queryEach(ctx, db, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)", func(r *sql.Rows) error {
		var i idx
		err := r.Scan(&i.name, &i.unique, &i.origin, &i.partial)
		idxs = append(idxs, i)
		return err
	}, table)
	if err != nil {
		return err
	}
	for _, i := range idxs {
		if i.origin == "pk" {
			continue // the primary key is recorded with its columns
		}
		var columns []string
		err := queryEach(ctx, db, "SELECT name, \"desc\" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno", func(r *sql.Rows) error {
			var name sql.NullString
			var desc bool
			if err := r.Scan(&name, &desc); err != nil {
				return err
			}
			columns = append(columns, indexColumn(name, desc))
			return nil
		}, i.name)
		if err != nil {
			return err
		}
		f.index(table, i.name, i.origin == "u", i.unique, i.partial, columns)
	}

	type fk struct {
		refTable, onUpdate, onDelete string
		from, to                     []string
	}
	fks := map[int]*fk{}
	err = queryEach(ctx, db, "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq", func(r *sql.Rows) error {
		var id int
		var ref, from, onUpdate, onDelete string
		var to sql.NullString
		if err := r.Scan(&id, &ref, &from, &to, &onUpdate, &onDelete); err != nil {
			return err
		}
		if fks[id] == nil {
			fks[id] = &fk{refTable: ref, onUpdate: onUpdate, onDelete: onDelete}
		}
		fks[id].from = append(fks[id].from, from)
		// A reference naming no column means the referenced table's
		// primary key; the migrations always name it, so say so if not.
		fks[id].to = append(fks[id].to, cmp(to.String, "(its primary key)"))
		return nil
	}, table)
	if err != nil {
		return err
	}
	for _, k := range fks {
		f.foreignKey(table, k.from, k.refTable, k.to, k.onUpdate, k.onDelete)
	}
	return nil
}

// cmp returns s, or alt when s is empty.
func cmp(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// indexColumn names an index's column with its direction; an expression
// has no name on either engine.
func indexColumn(name sql.NullString, desc bool) string {
	s := cmp(name.String, "(expression)")
	if desc {
		s += " DESC"
	}
	return s
}

// pgActions spells PostgreSQL's foreign key action codes as SQLite does.
var pgActions = map[string]string{"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}

func readPostgres(ctx context.Context, db *sql.DB, f schemaFacts) error {
	// Primary key positions first: the column facts need them.
	pk := map[string]int{} // "table.column" → position in the key
	type pgIndex struct {
		table, name, constraint string
		unique, partial         bool
		columns                 []string
	}
	indexes := map[string]*pgIndex{}
	var order []string
	err := queryEach(ctx, db, `
		SELECT t.relname, i.relname, COALESCE(c.contype::text, ''), ix.indisunique, ix.indisprimary, ix.indpred IS NOT NULL,
			k.ord, a.attname, (ix.indoption[k.ord - 1] & 1) = 1
		FROM pg_index ix
		JOIN pg_class i ON i.oid = ix.indexrelid
		JOIN pg_class t ON t.oid = ix.indrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		LEFT JOIN pg_constraint c ON c.conindid = ix.indexrelid AND c.conrelid = t.oid AND c.contype IN ('p', 'u')
		CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
		LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
		WHERE n.nspname = current_schema()
		ORDER BY i.relname, k.ord`, func(r *sql.Rows) error {
		var table, name, contype string
		var unique, primary, partial, desc bool
		var ord int
		var column sql.NullString
		if err := r.Scan(&table, &name, &contype, &unique, &primary, &partial, &ord, &column, &desc); err != nil {
			return err
		}
		if primary {
			pk[table+"."+column.String] = ord
			return nil
		}
		if indexes[name] == nil {
			indexes[name] = &pgIndex{table: table, name: name, constraint: contype, unique: unique, partial: partial}
			order = append(order, name)
		}
		indexes[name].columns = append(indexes[name].columns, indexColumn(column, desc))
		return nil
	})
	if err != nil {
		return fmt.Errorf("indexes: %w", err)
	}
	for _, name := range order {
		i := indexes[name]
		f.index(i.table, i.name, i.constraint == "u", i.unique, i.partial, i.columns)
	}

	err = queryEach(ctx, db, `
		SELECT c.table_name, c.column_name, c.data_type, c.is_nullable = 'NO', c.column_default IS NOT NULL OR c.is_identity = 'YES'
		FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
		WHERE c.table_schema = current_schema()`, func(r *sql.Rows) error {
		var table, name, declared string
		var notNull, hasDefault bool
		if err := r.Scan(&table, &name, &declared, &notNull, &hasDefault); err != nil {
			return err
		}
		f.column(table, name, declared, notNull, hasDefault, pk[table+"."+name])
		return nil
	})
	if err != nil {
		return fmt.Errorf("columns: %w", err)
	}

	type fk struct {
		table, refTable, onUpdate, onDelete string
		from, to                            []string
	}
	fks := map[string]*fk{}
	err = queryEach(ctx, db, `
		SELECT c.conname, t.relname, ft.relname, c.confupdtype::text, c.confdeltype::text, a.attname, fa.attname
		FROM pg_constraint c
		JOIN pg_class t ON t.oid = c.conrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		JOIN pg_class ft ON ft.oid = c.confrelid
		CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(col, fcol, ord)
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
		JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = k.fcol
		WHERE c.contype = 'f' AND n.nspname = current_schema()
		ORDER BY c.conname, k.ord`, func(r *sql.Rows) error {
		var name, table, ref, onUpdate, onDelete, from, to string
		if err := r.Scan(&name, &table, &ref, &onUpdate, &onDelete, &from, &to); err != nil {
			return err
		}
		if fks[name] == nil {
			fks[name] = &fk{table: table, refTable: ref, onUpdate: pgActions[onUpdate], onDelete: pgActions[onDelete]}
		}
		fks[name].from = append(fks[name].from, from)
		fks[name].to = append(fks[name].to, to)
		return nil
	})
	if err != nil {
		return fmt.Errorf("foreign keys: %w", err)
	}
	for _, k := range fks {
		f.foreignKey(k.table, k.from, k.refTable, k.to, k.onUpdate, k.onDelete)
	}

	err = queryEach(ctx, db, `
		SELECT t.relname, COUNT(c.oid) FROM pg_class t
		JOIN pg_namespace n ON n.oid = t.relnamespace
		LEFT JOIN pg_constraint c ON c.conrelid = t.oid AND c.contype = 'c'
		WHERE t.relkind = 'r' AND n.nspname = current_schema()
		GROUP BY t.relname`, func(r *sql.Rows) error {
		var table string
		var n int
		if err := r.Scan(&table, &n); err != nil {
			return err
		}
		f.checks(table, n)
		return nil
	})
	if err != nil {
		return fmt.Errorf("checks: %w", err)
	}

	var triggers []string
	err = queryEach(ctx, db, `SELECT event_object_table, action_timing, event_manipulation FROM information_schema.triggers
		WHERE trigger_schema = current_schema()`, func(r *sql.Rows) error {
		var table, timing, event string
		if err := r.Scan(&table, &timing, &event); err != nil {
			return err
		}
		triggers = append(triggers, "trigger on "+table+" "+timing+" "+event)
		return nil
	})
	sort.Strings(triggers)
	for _, tr := range triggers {
		f.add(tr, "yes")
	}
	return err
}
