package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/coprod/coprod/internal/store"
)

// newFlags returns a flag set that reports errors on e.stderr and never exits.
func newFlags(e env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("coprod "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

// dbFlag adds --db with COPROD_DB as its default.
func dbFlag(e env, fs *flag.FlagSet, fallback string) *string {
	def := e.getenv("COPROD_DB")
	if def == "" {
		def = fallback
	}
	return fs.String("db", def, "database: a file path, sqlite:PATH or a postgres:// URL (env COPROD_DB)")
}

// parse parses args, returning the exit code to use when parsing failed.
func parse(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return 2, false
	}
	return 0, true
}

// openStore opens the database and checks its schema is the one this build
// knows. The operator's audit key (COPROD_AUDIT_KEY_FILE or COPROD_AUDIT_KEY)
// seals what the command changes, as the service's own changes are sealed:
// an unkeyed event after keyed ones would read as tampering.
func openStore(ctx context.Context, e env, dsn string) (*store.DB, error) {
	keys, err := loadAuditKeys(e, e.getenv("COPROD_AUDIT_KEY_FILE"))
	if err != nil {
		return nil, err
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	db.SetAuditKeys(keys)
	if _, err := db.CheckSchema(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
