package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
)

func cmdUser(ctx context.Context, e env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, "usage: coprod user add|reset-password ...\n")
		return 2
	}
	switch args[0] {
	case "add":
		return cmdUserAdd(ctx, e, args[1:])
	case "reset-password":
		return cmdUserReset(ctx, e, args[1:])
	}
	fmt.Fprintf(e.stderr, "coprod user: unknown subcommand %q (use add or reset-password)\n", args[0])
	return 2
}

func cmdUserAdd(ctx context.Context, e env, args []string) int {
	fs := newFlags(e, "user add")
	dsn := dbFlag(e, fs, "./coprod.db")
	email := fs.String("email", "", "email address (required)")
	name := fs.String("name", "", "display name (required)")
	admin := fs.Bool("admin", false, "make the user a platform administrator")
	org := fs.String("org", "", "organisation id to add the user to")
	role := fs.String("role", "", "role to hold over --org")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if (*org == "") != (*role == "") {
		fmt.Fprint(e.stderr, "coprod user add: --org and --role go together\n")
		return 2
	}
	if *role != "" && auth.CheckRole(auth.Role(*role), auth.ScopeOrganisation) != "" {
		var names []string
		for _, r := range auth.RolesFor(auth.ScopeOrganisation) {
			names = append(names, string(r))
		}
		fmt.Fprintf(e.stderr, "coprod user add: --role must be one of %s (use --admin for administrators)\n", strings.Join(names, ", "))
		return 2
	}
	pw, err := readNewPassword(e)
	if err != nil {
		return fail(e, "%v", err)
	}
	n := auth.NewUser{Email: *email, DisplayName: *name, Password: pw}
	if err := n.Validate(); err != nil {
		for _, f := range apperr.FieldsOf(err) {
			fmt.Fprintf(e.stderr, "coprod user add: %s: %s\n", f.Field, f.Message)
		}
		return 1
	}
	db, err := openStore(ctx, e, *dsn)
	if err != nil {
		return fail(e, "%v", err)
	}
	defer db.Close()
	hash, err := auth.HashPassword(n.Password)
	if err != nil {
		return fail(e, "%v", err)
	}
	ctx = audit.WithActor(ctx, "")
	u, err := db.CreateUser(ctx, n.Email, n.DisplayName, hash)
	if err != nil {
		return fail(e, "%s", apperr.Message(err))
	}
	if *admin {
		if _, err := db.Assign(ctx, auth.Assignment{UserID: u.ID, Role: auth.RoleAdmin, ScopeType: auth.ScopePlatform}); err != nil {
			return fail(e, "%s", apperr.Message(err))
		}
	}
	if *org != "" {
		if err := db.AddMember(ctx, u.ID, *org); err != nil {
			return fail(e, "adding to organisation %s: %s", *org, apperr.Message(err))
		}
		if _, err := db.Assign(ctx, auth.Assignment{UserID: u.ID, Role: auth.Role(*role), ScopeType: auth.ScopeOrganisation, ScopeID: *org}); err != nil {
			return fail(e, "%s", apperr.Message(err))
		}
	}
	fmt.Fprintf(e.stdout, "created user %s (%s)\n", u.Email, u.ID)
	return 0
}

func cmdUserReset(ctx context.Context, e env, args []string) int {
	fs := newFlags(e, "user reset-password")
	dsn := dbFlag(e, fs, "./coprod.db")
	email := fs.String("email", "", "email address of the account (required)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	db, err := openStore(ctx, e, *dsn)
	if err != nil {
		return fail(e, "%v", err)
	}
	defer db.Close()
	u, err := db.UserByEmail(ctx, *email)
	if err != nil {
		return fail(e, "no account with the email address %q", *email)
	}
	pw, err := readNewPassword(e)
	if err != nil {
		return fail(e, "%v", err)
	}
	if m := auth.CheckPasswordRules(pw); m != "" {
		return fail(e, "%s", m)
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return fail(e, "%v", err)
	}
	if err := db.SetPassword(audit.WithActor(ctx, ""), u.ID, hash); err != nil {
		return fail(e, "%s", apperr.Message(err))
	}
	fmt.Fprintf(e.stdout, "password reset for %s; their sessions have been ended\n", u.Email)
	return 0
}

// readNewPassword asks twice without echo on a terminal, or reads one line
// from standard input when it is piped.
func readNewPassword(e env) (string, error) {
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(e.stderr, "New password: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", err
		}
		fmt.Fprint(e.stderr, "Type it again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", errPasswordMismatch
		}
		return string(a), nil
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", fmt.Errorf("no password on standard input: pipe it in, e.g. printf '%%s\\n' \"$PW\" | coprod user add ...")
	}
	return strings.TrimRight(line, "\r\n"), nil
}
