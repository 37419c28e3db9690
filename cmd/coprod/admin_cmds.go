package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/coprod/coprod/internal/store"
)

func cmdMigrate(ctx context.Context, e env, args []string) int {
	fs := newFlags(e, "migrate")
	dsn := dbFlag(e, fs, "")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return fail(e, "%v", err)
	}
	defer db.Close()
	v, err := db.Migrate(ctx)
	if err != nil {
		return fail(e, "%v", err)
	}
	fmt.Fprintf(e.stdout, "schema version %d (%s)\n", v, db.Engine)
	return 0
}

func cmdBackup(ctx context.Context, e env, args []string) int {
	fs := newFlags(e, "backup")
	dsn := dbFlag(e, fs, "")
	out := fs.String("out", "", "file to write the copy to (must not exist)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	engine, _, err := store.ParseDSN(*dsn)
	if err != nil {
		return fail(e, "%v", err)
	}
	if engine == store.Postgres {
		fmt.Fprint(e.stdout, store.PgDumpAdvice)
		return 0
	}
	if *out == "" {
		fmt.Fprint(e.stderr, "coprod backup: --out FILE is required\n")
		return 2
	}
	db, err := openStore(ctx, e, *dsn)
	if err != nil {
		return fail(e, "%v", err)
	}
	defer db.Close()
	if err := db.Backup(ctx, *out); err != nil {
		return fail(e, "%v", err)
	}
	fmt.Fprintf(e.stdout, "backup written to %s and passed PRAGMA integrity_check\n", *out)
	return 0
}

var errPasswordMismatch = errors.New("the two passwords do not match")
