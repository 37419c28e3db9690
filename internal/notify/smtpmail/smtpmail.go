// Package smtpmail sends notification emails through the operator's SMTP
// server (a relay or submission port), with STARTTLS required unless the
// operator turns it off, and says of every failure whether it is worth
// trying again and whether the message may already have been accepted.
package smtpmail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"strconv"
	"time"

	"github.com/coprod/coprod/internal/notify"
)

// Config is how to reach the mail server.
type Config struct {
	Host     string
	Port     int // 587 (submission) by default
	Username string
	Password string // never logged
	From     string // the From header, e.g. "Coprod <noreply@example.org>"
	// StartTLS requires the connection to be upgraded with STARTTLS before
	// anything is sent (the default). Turning it off is for a relay on the
	// same machine only: the password and the messages would cross the
	// network in clear.
	StartTLS bool
	// TLS configures the upgrade; nil verifies the server's certificate
	// against the system's roots for Host.
	TLS *tls.Config
	// Timeout bounds one whole delivery (30 seconds when 0).
	Timeout time.Duration
	// HelloName is the name given in EHLO ("localhost" when empty).
	HelloName string
}

// Validate checks the settings before the service starts.
func (c Config) Validate() error {
	switch {
	case c.Host == "":
		return errors.New("the SMTP host is missing")
	case c.Port < 0 || c.Port > 65535:
		return fmt.Errorf("the SMTP port %d is not a port number", c.Port)
	case c.From == "":
		return errors.New("the From address for emails is missing")
	}
	if _, err := mail.ParseAddress(c.From); err != nil {
		return fmt.Errorf("the From address %q is not an email address: %v", c.From, err)
	}
	if c.Username != "" && !c.StartTLS {
		return errors.New("a username and password need STARTTLS: they would cross the network in clear")
	}
	return nil
}

// Sender delivers emails with one connection per message.
type Sender struct{ cfg Config }

// New returns a sender for cfg.
func New(cfg Config) (*Sender, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Port == 0 {
		cfg.Port = 587
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.HelloName == "" {
		cfg.HelloName = "localhost"
	}
	return &Sender{cfg: cfg}, nil
}

// Host is the mail server's name, for the log.
func (s *Sender) Host() string { return s.cfg.Host }

// From is the configured From header.
func (s *Sender) From() string { return s.cfg.From }

// Send delivers m. Its error is a *notify.SendError: a reply code when the
// server refused, Uncertain when the whole message was sent but its reply
// never came.
func (s *Sender) Send(ctx context.Context, m notify.Email) error {
	from, err := mail.ParseAddress(m.From)
	if err != nil {
		return &notify.SendError{Code: 550, Err: fmt.Errorf("the From address is not valid: %v", err)}
	}
	to, err := mail.ParseAddress(m.To)
	if err != nil {
		return &notify.SendError{Code: 550, Err: fmt.Errorf("the recipient's address is not valid: %v", err)}
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort(s.cfg.Host, strconv.Itoa(s.cfg.Port)))
	if err != nil {
		return &notify.SendError{Err: fmt.Errorf("cannot reach the mail server: %w", err)}
	}
	deadline, _ := ctx.Deadline()
	conn.SetDeadline(deadline)
	c, err := smtp.NewClient(conn, s.cfg.Host)
	if err != nil {
		conn.Close()
		return refused(err)
	}
	defer c.Close()
	if err := c.Hello(s.cfg.HelloName); err != nil {
		return refused(err)
	}
	if ok, _ := c.Extension("STARTTLS"); ok {
		tc := s.cfg.TLS
		if tc == nil {
			tc = &tls.Config{ServerName: s.cfg.Host, MinVersion: tls.VersionTLS12}
		}
		if err := c.StartTLS(tc); err != nil {
			return refused(fmt.Errorf("STARTTLS: %w", err))
		}
	} else if s.cfg.StartTLS {
		// Possibly stripped by something in between: try again later
		// rather than send in clear.
		return &notify.SendError{Err: errors.New("the mail server does not offer STARTTLS, which is required")}
	}
	if s.cfg.Username != "" {
		if err := c.Auth(smtp.PlainAuth("", s.cfg.Username, s.cfg.Password, s.cfg.Host)); err != nil {
			return refused(fmt.Errorf("signing in to the mail server: %w", err))
		}
	}
	if err := c.Mail(from.Address); err != nil {
		return refused(err)
	}
	if err := c.Rcpt(to.Address); err != nil {
		return refused(err)
	}
	w, err := c.Data()
	if err != nil {
		return refused(err)
	}
	if _, err := w.Write(m.Bytes()); err != nil {
		// The final dot was not sent, so the server cannot have accepted it.
		return &notify.SendError{Err: fmt.Errorf("sending the message: %w", err)}
	}
	// Close sends the final dot and reads the server's answer: from here a
	// lost reply means the message may have been accepted.
	if err := w.Close(); err != nil {
		var te *textproto.Error
		if errors.As(err, &te) {
			return &notify.SendError{Code: te.Code, Err: err}
		}
		return &notify.SendError{Uncertain: true, Err: fmt.Errorf("no answer after the message was sent: %w", err)}
	}
	c.Quit() // the message is accepted; a failed goodbye changes nothing
	return nil
}

// refused wraps an error from before the message was handed over: the
// server's reply code when there is one, else a connection problem (try
// again later).
func refused(err error) error {
	var te *textproto.Error
	if errors.As(err, &te) {
		return &notify.SendError{Code: te.Code, Err: err}
	}
	return &notify.SendError{Err: err}
}
