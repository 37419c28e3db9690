package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/coprod/coprod/internal/audit"
)

const auditUsage = `usage:
  coprod audit verify --db DSN [--key-file FILE] [--checkpoint FILE]
  coprod audit checkpoint --db DSN --key-file FILE
  coprod audit key new [--id ID]
  coprod audit key rotate --key-file FILE [--id ID]

The audit key makes the log tamper-evident against anyone who can write to
the database but does not hold the key. Create it once and keep it outside
the database and its backups (mode 0600, owned by the service):
  coprod audit key new > /etc/coprod/audit.key
and start the service with --audit-key-file /etc/coprod/audit.key (or
COPROD_AUDIT_KEY_FILE, or the key line itself in COPROD_AUDIT_KEY). To
rotate, append a new key: the newest line seals new events, older lines
still verify the events they sealed, so never delete a line:
  coprod audit key rotate --key-file /etc/coprod/audit.key
`

func cmdAudit(ctx context.Context, e env, args []string) int {
	switch {
	case len(args) >= 1 && args[0] == "verify":
		return cmdAuditVerify(ctx, e, args[1:])
	case len(args) >= 1 && args[0] == "checkpoint":
		return cmdAuditCheckpoint(ctx, e, args[1:])
	case len(args) >= 2 && args[0] == "key" && args[1] == "new":
		return cmdAuditKeyNew(e, args[2:])
	case len(args) >= 2 && args[0] == "key" && args[1] == "rotate":
		return cmdAuditKeyRotate(e, args[2:])
	}
	fmt.Fprint(e.stderr, auditUsage)
	return 2
}

// auditKeyFlag adds --key-file, defaulting to COPROD_AUDIT_KEY_FILE.
func auditKeyFlag(e env, fs *flag.FlagSet, name string) *string {
	return fs.String(name, e.getenv("COPROD_AUDIT_KEY_FILE"),
		"file of audit keys made by `coprod audit key new` (env COPROD_AUDIT_KEY_FILE, or the key itself in COPROD_AUDIT_KEY)")
}

// loadAuditKeys reads the operator's keys from the file, or from
// COPROD_AUDIT_KEY when no file is named; nil when neither is set.
func loadAuditKeys(e env, path string) (*audit.Keyring, error) {
	if path == "" {
		if v := e.getenv("COPROD_AUDIT_KEY"); v != "" {
			kr, err := audit.ParseKeyring([]byte(v))
			if err != nil {
				return nil, fmt.Errorf("COPROD_AUDIT_KEY: %v", err)
			}
			return kr, nil
		}
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the audit key file: %v", err)
	}
	kr, err := audit.ParseKeyring(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return kr, nil
}

func cmdAuditVerify(ctx context.Context, e env, args []string) int {
	fs := newFlags(e, "audit verify")
	dsn := dbFlag(e, fs, "")
	keyFile := auditKeyFlag(e, fs, "key-file")
	cpFile := fs.String("checkpoint", "", "a checkpoint kept from the public board (/board/checkpoint.json)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	keys, err := loadAuditKeys(e, *keyFile)
	if err != nil {
		return fail(e, "%v", err)
	}
	var cp *audit.Checkpoint
	if *cpFile != "" {
		data, err := os.ReadFile(*cpFile)
		if err != nil {
			return fail(e, "reading the checkpoint: %v", err)
		}
		c, err := audit.ParseCheckpoint(data)
		if err == nil {
			err = c.CheckSignature(keys)
		}
		if err != nil {
			fmt.Fprintf(e.stdout, "FAILED: %s: %v\n", *cpFile, err)
			return 1
		}
		cp = &c
	}
	db, err := openStore(ctx, e, *dsn)
	if err != nil {
		return fail(e, "%v", err)
	}
	defer db.Close()
	db.SetAuditKeys(keys)
	v, err := db.VerifyAuditAgainst(ctx, cp)
	if err != nil {
		fmt.Fprintf(e.stdout, "FAILED after %d good events: %v\n", v.Count(), err)
		return 1
	}
	fmt.Fprintf(e.stdout, "ok %d events\n", v.Count())
	keyed := v.Count() - v.Unkeyed()
	switch {
	case keyed > 0 && keys == nil:
		fmt.Fprintf(e.stdout, "%d events carry keyed links, not checked: give --key-file to check them\n", keyed)
	case keyed > 0:
		fmt.Fprintf(e.stdout, "keyed links checked on %d events", keyed)
		if v.Unkeyed() > 0 {
			fmt.Fprintf(e.stdout, "; the first %d were written before the key was set", v.Unkeyed())
		}
		fmt.Fprintln(e.stdout)
	}
	if cp != nil {
		fmt.Fprintf(e.stdout, "checkpoint: event %d of %s is unchanged (signed by key %s, public key %s)\n",
			cp.Seq, cp.Time.Format(time.RFC3339), cp.KeyID, cp.PublicKey)
	}
	return 0
}

func cmdAuditCheckpoint(ctx context.Context, e env, args []string) int {
	fs := newFlags(e, "audit checkpoint")
	dsn := dbFlag(e, fs, "")
	keyFile := auditKeyFlag(e, fs, "key-file")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	keys, err := loadAuditKeys(e, *keyFile)
	if err != nil {
		return fail(e, "%v", err)
	}
	if keys == nil {
		return fail(e, "a checkpoint is signed with the audit key: give --key-file")
	}
	db, err := openStore(ctx, e, *dsn)
	if err != nil {
		return fail(e, "%v", err)
	}
	defer db.Close()
	db.SetAuditKeys(keys)
	cp, err := db.AuditCheckpoint(ctx)
	if err != nil {
		return fail(e, "%v", err)
	}
	out, _ := json.MarshalIndent(cp, "", "  ")
	fmt.Fprintf(e.stdout, "%s\n", out)
	return 0
}

func cmdAuditKeyNew(e env, args []string) int {
	fs := newFlags(e, "audit key new")
	id := fs.String("id", "", "the key's name (default: the date and time)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	k, err := audit.NewKey(*id, time.Now())
	if err != nil {
		return fail(e, "%v", err)
	}
	fmt.Fprintln(e.stdout, k.Line())
	return 0
}

func cmdAuditKeyRotate(e env, args []string) int {
	fs := newFlags(e, "audit key rotate")
	path := fs.String("key-file", "", "the key file to add a new key to")
	id := fs.String("id", "", "the new key's name (default: the date and time)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *path == "" {
		fmt.Fprint(e.stderr, "coprod audit key rotate: --key-file FILE is required\n")
		return 2
	}
	if _, err := loadAuditKeys(e, *path); err != nil {
		return fail(e, "%v", err)
	}
	k, err := audit.NewKey(*id, time.Now())
	if err != nil {
		return fail(e, "%v", err)
	}
	if err := appendKey(*path, k); err != nil {
		return fail(e, "%v", err)
	}
	fmt.Fprintf(e.stdout, "added key %s to %s: restart the service to seal new events with it\n", k.ID, *path)
	return 0
}

// appendKey adds k at the end of the key file, refusing an id already there.
func appendKey(path string, k audit.Key) error {
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if len(data) > 0 {
		kr, err := audit.ParseKeyring(data)
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		if _, dup := kr.Lookup(k.ID); dup {
			return fmt.Errorf("%s already holds a key named %s", path, k.ID)
		}
		if data[len(data)-1] != '\n' {
			data = append(data, '\n')
		}
	}
	data = append(data, k.Line()+"\n"...)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600)
}
