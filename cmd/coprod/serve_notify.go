package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/notify"
	"github.com/coprod/coprod/internal/notify/smtpmail"
	"github.com/coprod/coprod/internal/notify/worker"
	"github.com/coprod/coprod/internal/store"
)

// mailFlags are the SMTP settings of `coprod serve`. Email is on when
// --smtp-host is set. The password is never a flag (flags show in process
// lists): it comes from COPROD_SMTP_PASSWORD or a file.
type mailFlags struct {
	host, username, passwordFile, from, publicURL string
	port                                          int
	startTLS                                      bool
}

func addMailFlags(e env, fs *flag.FlagSet) *mailFlags {
	m := &mailFlags{}
	fs.StringVar(&m.host, "smtp-host", e.getenv("COPROD_SMTP_HOST"), "mail server for notification emails; email is off when empty (env COPROD_SMTP_HOST)")
	port, _ := strconv.Atoi(envOr(e, "COPROD_SMTP_PORT", "587"))
	fs.IntVar(&m.port, "smtp-port", port, "mail server port (env COPROD_SMTP_PORT)")
	fs.StringVar(&m.username, "smtp-username", e.getenv("COPROD_SMTP_USERNAME"), "user name for the mail server, if it needs one (env COPROD_SMTP_USERNAME)")
	fs.StringVar(&m.passwordFile, "smtp-password-file", e.getenv("COPROD_SMTP_PASSWORD_FILE"),
		"file holding the mail server password (env COPROD_SMTP_PASSWORD_FILE); or set COPROD_SMTP_PASSWORD")
	fs.StringVar(&m.from, "smtp-from", e.getenv("COPROD_SMTP_FROM"), `From address of emails, e.g. "Coprod <noreply@example.org>" (env COPROD_SMTP_FROM)`)
	fs.BoolVar(&m.startTLS, "smtp-starttls", e.getenv("COPROD_SMTP_STARTTLS") != "false",
		"require STARTTLS before sending (env COPROD_SMTP_STARTTLS=false turns it off, for a relay on this machine only)")
	fs.StringVar(&m.publicURL, "public-url", e.getenv("COPROD_PUBLIC_URL"), "the service's public address, for links in emails, e.g. https://coprod.example.org (env COPROD_PUBLIC_URL)")
	return m
}

// sender returns the mail sender, or nil when email is off.
func (m *mailFlags) sender(e env) (*smtpmail.Sender, error) {
	if m.publicURL != "" {
		u, err := url.Parse(m.publicURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return nil, fmt.Errorf("--public-url %q is not a web address like https://coprod.example.org", m.publicURL)
		}
	}
	if m.host == "" {
		return nil, nil
	}
	password := e.getenv("COPROD_SMTP_PASSWORD")
	if m.passwordFile != "" {
		b, err := os.ReadFile(m.passwordFile)
		if err != nil {
			return nil, fmt.Errorf("reading the SMTP password file: %w", err)
		}
		password = strings.TrimRight(string(b), "\r\n")
	}
	if m.username != "" && password == "" {
		return nil, fmt.Errorf("--smtp-username is set but there is no password: set COPROD_SMTP_PASSWORD or --smtp-password-file")
	}
	return smtpmail.New(smtpmail.Config{Host: m.host, Port: m.port, Username: m.username, Password: password, From: m.from, StartTLS: m.startTLS})
}

// startNotifications runs the notification worker until ctx ends, and
// returns a function that waits for it to stop. With a nil sender only
// in-product notifications are made.
func startNotifications(ctx context.Context, db *store.DB, log *slog.Logger, s *smtpmail.Sender, publicURL string) (wait func()) {
	w := &worker.Worker{Store: db, Log: log, Mail: notify.MailOptions{BaseURL: publicURL}}
	if s != nil {
		w.Sender, w.Mail.From = s, s.From()
		log.Info("notification emails are on", "smtp_host", s.Host())
	} else {
		log.Info("notification emails are off: set --smtp-host to send them")
	}
	done := make(chan struct{})
	go func() { defer close(done); w.Run(ctx) }()
	return func() { <-done }
}
