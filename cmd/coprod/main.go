// Command coprod runs the Coprod service and its administration commands.
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/coprod/coprod/internal/cli/cacli"
	"github.com/coprod/coprod/internal/cli/exportcli"
	"github.com/coprod/coprod/internal/cli/paymentscli"
	"github.com/coprod/coprod/internal/cli/qdacli"
	"github.com/coprod/coprod/internal/cli/readabilitycli"
	"github.com/coprod/coprod/internal/cli/spccli"
	"github.com/coprod/coprod/internal/cli/tendercli"
)

const usage = `coprod: co-production in health and social care commissioning

Usage:
  coprod serve   [--addr HOST:PORT] [--db DSN] [--no-migrate] [--behind-tls] [--trusted-proxies LIST] [--audit-key-file FILE]
                 [--smtp-host HOST [--smtp-port 587] [--smtp-username USER] [--smtp-password-file FILE]
                  --smtp-from ADDRESS [--smtp-starttls=false]] [--public-url URL]
  coprod demo    [--addr HOST:PORT] [--db DSN]
  coprod migrate --db DSN
  coprod user add --db DSN --email EMAIL --name NAME [--admin] [--org ORG_ID --role ROLE]
  coprod user reset-password --db DSN --email EMAIL
  coprod audit verify --db DSN [--key-file FILE] [--checkpoint FILE]
  coprod audit checkpoint --db DSN --key-file FILE
  coprod audit key new [--id ID] | key rotate --key-file FILE
  coprod backup  --db DSN --out FILE
  coprod version
  coprod readability [--profile plain|easyread] [--format json|text] [--fail-on issues] FILE|-
  coprod readability syllables   (one word a line on stdin; prints word<TAB>count)
  coprod ca analyse [--format json|csv|text] [--roles ID=supporter,ID=supported] [--keep-going] FILE...
  coprod ca convert --to chat|jefferson|json FILE
  coprod payments calc --profile FILE.json --reports FILE.csv [--format json|csv|text]
  coprod tender score --itt ITT.json --scores SCORES.csv [--format json|text]
  coprod spc [--direction up|down|neutral] [--format json|csv|text] FILE.csv
  coprod export ocds --db DSN [--tender ID] [--ocid-prefix PREFIX]
  coprod qda agreement [--metric alpha|fleiss|cohen|percent] [--level nominal|ordinal|interval|ratio]
                       [--bootstrap N] [--seed S] [--format json|text] FILE.csv|-
  coprod qda inspect [--format json|text] FILE.qdpx|FILE.qdc

DSN is a file path, sqlite:PATH or a postgres:// URL (default ./coprod.db).
COPROD_ADDR and COPROD_DB set --addr and --db; COPROD_SMTP_* and
COPROD_PUBLIC_URL set the email flags (COPROD_SMTP_PASSWORD the password). Passwords are read from a
prompt, or from standard input when it is not a terminal; never from flags.
COPROD_AUDIT_KEY_FILE (or COPROD_AUDIT_KEY) is the audit key (see coprod
audit). COPROD_METRICS_TOKEN is the bearer token /metrics asks for; without
it /metrics answers only on this machine.
`

// env is what a command gets from the outside world, so tests can run
// commands in-process with their own input and output.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

func main() {
	e := env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	limitServerMemory(os.Args[1:])
	os.Exit(run(context.Background(), e, os.Args[1:]))
}

// run dispatches a command line and returns the exit code: 0 success,
// 1 failure, 2 a usage error.
func run(ctx context.Context, e env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return 2
	}
	cmds := map[string]func(context.Context, env, []string) int{
		"serve":   cmdServe,
		"demo":    cmdDemo,
		"migrate": cmdMigrate,
		"user":    cmdUser,
		"audit":   cmdAudit,
		"backup":  cmdBackup,
		"version": cmdVersion,
		"readability": func(_ context.Context, e env, args []string) int {
			return readabilitycli.Run(args, e.stdin, e.stdout, e.stderr)
		},
		"ca": func(_ context.Context, e env, args []string) int {
			return cacli.Run(args, e.stdin, e.stdout, e.stderr)
		},
		"payments": func(_ context.Context, e env, args []string) int {
			return paymentscli.Run(args, e.stdin, e.stdout, e.stderr)
		},
		"tender": func(_ context.Context, e env, args []string) int {
			return tendercli.Run(args, e.stdin, e.stdout, e.stderr)
		},
		"spc": func(_ context.Context, e env, args []string) int {
			return spccli.Run(args, e.stdin, e.stdout, e.stderr)
		},
		"qda": func(_ context.Context, e env, args []string) int {
			return qdacli.Run(args, e.stdin, e.stdout, e.stderr)
		},
		"export": func(ctx context.Context, e env, args []string) int {
			return exportcli.Run(ctx, args, e.stdout, e.stderr)
		},
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(e.stdout, usage)
		return 0
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "coprod: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	return cmd(ctx, e, args[1:])
}

// fail prints an error for a command and returns exit code 1.
func fail(e env, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "coprod: "+format+"\n", args...)
	return 1
}
