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

func cmdAudit(ctx context.Context, e env, args []string) int {
	if len(args) == 0 || args[0] != "verify" {
		fmt.Fprint(e.stderr, "usage: coprod audit verify --db DSN\n")
		return 2
	}
	fs := newFlags(e, "audit verify")
	dsn := dbFlag(e, fs, "")
	if code, ok := parse(fs, args[1:]); !ok {
		return code
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return fail(e, "%v", err)
	}
	defer db.Close()
	n, err := db.VerifyAudit(ctx)
	if err != nil {
		fmt.Fprintf(e.stdout, "FAILED after %d good events: %v\n", n, err)
		return 1
	}
	fmt.Fprintf(e.stdout, "ok %d events\n", n)
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
	db, err := openStore(ctx, *dsn)
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
