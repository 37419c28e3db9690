// Package worker runs notifications in the background of `coprod serve`:
// it turns new audit events into notifications, tells owners of overdue
// commitments once a day, queues daily summaries, and delivers the outbox
// through the mail sender, recording each attempt's outcome.
package worker

import (
	"context"
	"log/slog"
	"time"

	"github.com/coprod/coprod/internal/notify"
	"github.com/coprod/coprod/internal/round"
)

// Sender delivers one email (smtpmail.Sender).
type Sender interface {
	Send(ctx context.Context, m notify.Email) error
}

// Worker is the background loop's settings.
type Worker struct {
	Store  notify.Worker
	Sender Sender // nil: email is off and only in-product notifications are made
	Mail   notify.MailOptions
	Log    *slog.Logger
	Now    func() time.Time
	Every  time.Duration // how often to look for new events (30 seconds when 0)

	overdueOn string // the UK date of the last overdue scan
}

func (w *Worker) defaults() {
	if w.Log == nil {
		w.Log = slog.Default()
	}
	if w.Now == nil {
		w.Now = time.Now
	}
	if w.Every == 0 {
		w.Every = 30 * time.Second
	}
	w.Mail.Enabled = w.Sender != nil
}

// Run steps every Every until ctx ends; a failed step is logged and tried
// again at the next tick.
func (w *Worker) Run(ctx context.Context) {
	w.defaults()
	t := time.NewTicker(w.Every)
	defer t.Stop()
	for {
		if err := w.Step(ctx); err != nil && ctx.Err() == nil {
			w.Log.Error("notifications", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Step does one round of everything: expire dead claims, derive every new
// event, the day's overdue scan and summaries, and deliver every email due.
func (w *Worker) Step(ctx context.Context) error {
	w.defaults()
	if n, err := w.Store.ExpireClaims(ctx, w.Now().Add(-notify.ClaimLease)); err != nil {
		return err
	} else if n > 0 {
		w.Log.Warn("emails whose sending was interrupted are marked unknown and will not be resent", "count", n)
	}
	for {
		n, err := w.Store.DeriveNotifications(ctx, w.Mail, 200)
		if err != nil {
			return err
		}
		if n == 0 {
			break
		}
	}
	if day := round.LondonDate(w.Now()); day != w.overdueOn {
		if _, err := w.Store.NotifyOverdue(ctx, w.Mail); err != nil {
			return err
		}
		w.overdueOn = day
	}
	if _, err := w.Store.QueueDigests(ctx, w.Mail); err != nil {
		return err
	}
	if w.Sender == nil {
		return nil
	}
	return w.deliver(ctx)
}

// deliver sends every email due, one at a time.
func (w *Worker) deliver(ctx context.Context) error {
	for ctx.Err() == nil {
		it, err := w.Store.ClaimEmail(ctx)
		if err != nil || it == nil {
			return err
		}
		sendErr := w.Sender.Send(ctx, it.Email(w.Mail.From))
		outcome := notify.Classify(sendErr, it.Attempts)
		problem := ""
		if sendErr != nil {
			problem = sendErr.Error()
		}
		// Record the outcome even when ctx has ended: the message may
		// have been accepted.
		if err := w.Store.FinishEmail(context.WithoutCancel(ctx), it.ID, outcome, problem); err != nil {
			return err
		}
		switch outcome {
		case notify.Failed, notify.Unknown:
			// The operator sees these on the administration page; the log
			// names the outbox row, never the address.
			w.Log.Warn("an email could not be delivered", "outbox_id", it.ID, "outcome", outcome, "attempts", it.Attempts, "err", problem)
		case notify.Retry:
			w.Log.Info("an email will be tried again later", "outbox_id", it.ID, "attempts", it.Attempts, "err", problem)
		}
	}
	return ctx.Err()
}
