package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mailFlagsFrom parses the email flags of `coprod serve` with the given
// environment and arguments.
func mailFlagsFrom(t *testing.T, envVars map[string]string, args ...string) (*mailFlags, env) {
	t.Helper()
	var errOut syncBuffer
	e := env{stderr: &errOut, getenv: func(k string) string { return envVars[k] }}
	fs := newFlags(e, "serve")
	m := addMailFlags(e, fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err, errOut.String())
	}
	return m, e
}

func TestMailFlags(t *testing.T) {
	t.Parallel()
	// No host: email is off, and nothing else is asked for.
	m, e := mailFlagsFrom(t, nil)
	if s, err := m.sender(e); s != nil || err != nil || m.port != 587 || !m.startTLS {
		t.Fatalf("defaults: %v %v port %d starttls %v", s, err, m.port, m.startTLS)
	}
	// Environment variables set the defaults; STARTTLS is turned off only by saying false.
	m, _ = mailFlagsFrom(t, map[string]string{"COPROD_SMTP_HOST": "mail.example", "COPROD_SMTP_PORT": "2525",
		"COPROD_SMTP_FROM": "Coprod <noreply@example.org>", "COPROD_SMTP_STARTTLS": "false"})
	if m.host != "mail.example" || m.port != 2525 || m.startTLS || m.from != "Coprod <noreply@example.org>" {
		t.Errorf("from the environment: %+v", m)
	}
	// A user name needs a password, from the environment or a file, never a flag.
	m, e = mailFlagsFrom(t, nil, "--smtp-host", "mail.example", "--smtp-from", "noreply@example.org", "--smtp-username", "coprod")
	if _, err := m.sender(e); err == nil || !strings.Contains(err.Error(), "COPROD_SMTP_PASSWORD") {
		t.Errorf("no password: %v", err)
	}
	m, e = mailFlagsFrom(t, map[string]string{"COPROD_SMTP_PASSWORD": "secret"},
		"--smtp-host", "mail.example", "--smtp-from", "noreply@example.org", "--smtp-username", "coprod")
	if s, err := m.sender(e); err != nil || s == nil || s.Host() != "mail.example" {
		t.Errorf("password from the environment: %v %v", s, err)
	}
	pw := filepath.Join(t.TempDir(), "smtp-password")
	if err := os.WriteFile(pw, []byte("secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m, e = mailFlagsFrom(t, nil, "--smtp-host", "mail.example", "--smtp-from", "noreply@example.org", "--smtp-username", "coprod",
		"--smtp-password-file", pw)
	if s, err := m.sender(e); err != nil || s == nil {
		t.Errorf("password from a file: %v", err)
	}
	// A user name without STARTTLS, a missing From, a public address that is not one: refused at start.
	for _, args := range [][]string{
		{"--smtp-host", "mail.example", "--smtp-from", "noreply@example.org", "--smtp-username", "coprod", "--smtp-password-file", pw, "--smtp-starttls=false"},
		{"--smtp-host", "mail.example"},
		{"--public-url", "coprod.example.org"},
	} {
		m, e = mailFlagsFrom(t, nil, args...)
		if _, err := m.sender(e); err == nil {
			t.Errorf("%v: accepted", args)
		}
	}
	fs := newFlags(e, "serve")
	addMailFlags(e, fs)
	if fs.Lookup("smtp-password") != nil || fs.Lookup("smtp-password-file") == nil {
		t.Error("a password flag exists")
	}
}
