package smtpmail_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/notify"
	"github.com/coprod/coprod/internal/notify/smtpmail"
	"github.com/coprod/coprod/internal/notify/smtptest"
)

func sender(t *testing.T, srv *smtptest.Server, user string) *smtpmail.Sender {
	t.Helper()
	s, err := smtpmail.New(smtpmail.Config{Host: srv.Host, Port: srv.Port, Username: user, Password: "secret",
		From: "Coprod <noreply@coprod.example>", StartTLS: true, TLS: srv.ClientTLS(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func email() notify.Email {
	return notify.Email{From: "Coprod <noreply@coprod.example>", To: "robin@example.org", Subject: notify.SubjectTask,
		Body: "Hello,\n\nYour group has been asked to decide “Lower the stake”.\n", MessageID: notify.MessageID("42", "noreply@coprod.example"),
		Date: time.Date(2027, 6, 10, 17, 30, 0, 0, time.UTC)}
}

func TestSendUsesSTARTTLSAndSignsIn(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t)
	if err := sender(t, srv, "coprod").Send(context.Background(), email()); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want 1", len(msgs))
	}
	m := msgs[0]
	if !m.TLS {
		t.Error("the message was sent without STARTTLS")
	}
	if m.Auth != "coprod" {
		t.Errorf("signed in as %q, want coprod", m.Auth)
	}
	if m.From != "noreply@coprod.example" || len(m.To) != 1 || m.To[0] != "robin@example.org" {
		t.Errorf("envelope %q → %q", m.From, m.To)
	}
	for h, want := range map[string]string{"Subject": "You have a new task in Coprod", "Message-ID": "<notify.42@coprod.example>",
		"From": "Coprod <noreply@coprod.example>", "To": "robin@example.org", "Date": "Thu, 10 Jun 2027 17:30:00 +0000",
		"Content-Type": "text/plain; charset=utf-8", "Auto-Submitted": "auto-generated"} {
		if got := m.Header(h); got != want {
			t.Errorf("%s: %q, want %q", h, got, want)
		}
	}
	if !strings.Contains(m.Body(), "“Lower the stake”") {
		t.Errorf("body lost its text: %q", m.Body())
	}
}

func TestSendRefusesWithoutSTARTTLS(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t)
	srv.WithoutTLS()
	err := sender(t, srv, "").Send(context.Background(), email())
	if err == nil || srv.Attempts() != 0 {
		t.Fatalf("sent in clear: err %v, %d messages", err, srv.Attempts())
	}
	if got := notify.Classify(err, 1); got != notify.Retry {
		t.Errorf("no STARTTLS offered: %s, want retry", got)
	}
}

func TestSendClassifiesFailures(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		reply string
		want  notify.Outcome
	}{
		{"451 4.3.0 try again later", notify.Retry},
		{"550 5.1.1 no such mailbox", notify.Failed},
		{"drop", notify.Unknown},
	} {
		srv := smtptest.Start(t)
		srv.Reply(tc.reply)
		err := sender(t, srv, "").Send(context.Background(), email())
		var se *notify.SendError
		if !errors.As(err, &se) {
			t.Fatalf("%s: error %v is not a SendError", tc.reply, err)
		}
		if got := notify.Classify(err, 1); got != tc.want {
			t.Errorf("%s: %s, want %s (%v)", tc.reply, got, tc.want, err)
		}
		if len(srv.Messages()) != 0 {
			t.Errorf("%s: the server kept the message", tc.reply)
		}
	}
}

func TestSendWrongPasswordIsPermanent(t *testing.T) {
	t.Parallel()
	srv := smtptest.Start(t)
	s, err := smtpmail.New(smtpmail.Config{Host: srv.Host, Port: srv.Port, Username: "coprod", Password: "wrong",
		From: "noreply@coprod.example", StartTLS: true, TLS: srv.ClientTLS()})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Send(context.Background(), email())
	if got := notify.Classify(err, 1); got != notify.Failed {
		t.Errorf("wrong password: %s (%v), want failed", got, err)
	}
}

func TestConfigValidate(t *testing.T) {
	t.Parallel()
	for _, c := range []smtpmail.Config{
		{Port: 587, From: "a@b.example", StartTLS: true},
		{Host: "mail.example", From: "", StartTLS: true},
		{Host: "mail.example", From: "not an address", StartTLS: true},
		{Host: "mail.example", From: "a@b.example", Username: "u", StartTLS: false},
		{Host: "mail.example", Port: 70000, From: "a@b.example", StartTLS: true},
	} {
		if c.Validate() == nil {
			t.Errorf("%+v: accepted", c)
		}
	}
	if err := (smtpmail.Config{Host: "mail.example", From: "Coprod <a@b.example>", StartTLS: true}).Validate(); err != nil {
		t.Error(err)
	}
}
