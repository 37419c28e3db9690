package notify

import (
	"context"
	"time"
)

// Service is what the faces need of storage for notifications.
type Service interface {
	// Notifications lists a person's notifications newest first, a page of
	// limit at a time: before is the id to start below (0 for the newest).
	Notifications(ctx context.Context, userID string, before int64, limit int) (Page, error)
	// UnreadNotifications counts a person's unread notifications.
	UnreadNotifications(ctx context.Context, userID string) (int, error)
	// MarkNotificationRead marks one of the person's own notifications read.
	MarkNotificationRead(ctx context.Context, userID string, id int64) error
	// MarkAllNotificationsRead marks every one of the person's notifications read.
	MarkAllNotificationsRead(ctx context.Context, userID string) error
	// NotificationPrefs returns the person's choices and whether one of
	// their round memberships lists Easy Read as a preferred format.
	NotificationPrefs(ctx context.Context, userID string) (Prefs, bool, error)
	// SetNotificationPrefs saves the person's choices (audited).
	SetNotificationPrefs(ctx context.Context, userID string, p Prefs) error
	// EmailProblems lists emails that failed for good or may not have been
	// delivered, newest first, for the operator.
	EmailProblems(ctx context.Context, limit int) ([]OutboxItem, error)
}

// Worker is what the notification worker needs of storage.
type Worker interface {
	// DeriveNotifications turns up to batch audit events after the cursor
	// into notifications (and queued emails), moving the cursor in the same
	// transaction; it returns how many events it read.
	DeriveNotifications(ctx context.Context, o MailOptions, batch int) (int, error)
	// NotifyOverdue notifies the owners of commitments past their due date,
	// once per item and due date.
	NotifyOverdue(ctx context.Context, o MailOptions) (int, error)
	// QueueDigests queues the daily summary of everyone who chose one and
	// has not had today's, once the UK clock has passed DigestHour.
	QueueDigests(ctx context.Context, o MailOptions) (int, error)
	// ClaimEmail claims the next email due, or returns nil when none is.
	ClaimEmail(ctx context.Context) (*OutboxItem, error)
	// FinishEmail records an attempt's outcome.
	FinishEmail(ctx context.Context, id string, outcome Outcome, problem string) error
	// ExpireClaims marks emails claimed before cutoff and never finished
	// (the process stopped while sending) as unknown: they are never resent.
	ExpireClaims(ctx context.Context, cutoff time.Time) (int, error)
}

// MailOptions say how notifications become emails.
type MailOptions struct {
	Enabled bool   // SMTP is configured; otherwise no email is queued
	From    string // the From header
	BaseURL string // the service's public address for links, "" for none
}

// ClaimLease is how long a claimed email may stay unfinished before its
// process is taken to have died while sending; far longer than a delivery's
// timeout.
const ClaimLease = 10 * time.Minute

// DigestHour is the hour (UK time) from which the daily summary is sent.
const DigestHour = 8

// OutboxItem is one email in the outbox.
type OutboxItem struct {
	ID          string
	UserID      string
	To          string
	Subject     string
	Body        string
	MessageID   string
	Status      string // pending, sending, sent, failed, unknown
	Attempts    int
	LastError   string
	Created     time.Time
	NextAttempt time.Time
}

// Email returns the message to send for the item.
func (o OutboxItem) Email(from string) Email {
	return Email{From: from, To: o.To, Subject: o.Subject, Body: o.Body, MessageID: o.MessageID, Date: o.Created}
}
