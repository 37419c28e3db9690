package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/notify"
	"github.com/coprod/coprod/internal/round"
)

// The outbox never sends a message twice. A row moves
//
//	pending → sending (claimed: attempts + 1) → sent | pending (4xx, later) | failed (5xx) | unknown
//
// and only a pending row is ever claimed, by a conditional update, so two
// workers cannot both take it. The one window SMTP leaves open is between
// the server accepting the message (its 250 reply to the final dot) and our
// recording "sent": if the process stops there, the row stays "sending".
// ExpireClaims turns such rows into "unknown" and they are never resent
// (the operator sees them, with their Message-ID, and can look in the mail
// server's log). The sender narrows the window by recording "sent" straight
// after the 250, before QUIT; and a failure after the whole message was
// handed over without a reply is also "unknown", never retried. Every row
// keeps one Message-ID, so if an operator does resend by hand, receiving
// systems can recognise the duplicate.

// ClaimEmail claims the next email due.
func (db *DB) ClaimEmail(ctx context.Context) (*notify.OutboxItem, error) {
	var out *notify.OutboxItem
	err := db.update(ctx, func(tx *Tx) error {
		var id string
		err := tx.queryRow(ctx, `SELECT id FROM email_outbox WHERE status = 'pending' AND next_attempt_at <= ?
			ORDER BY next_attempt_at, id LIMIT 1`, tx.now).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		res, err := tx.exec(ctx, `UPDATE email_outbox SET status = 'sending', claimed_at = ?, attempts = attempts + 1
			WHERE id = ? AND status = 'pending'`, tx.now, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return nil // another worker took it
		}
		it, err := tx.outboxItem(ctx, id)
		out = &it
		return err
	})
	return out, err
}

const outboxColumns = "id, user_id, to_address, subject, body, message_id, status, attempts, last_error, created_at, next_attempt_at"

func scanOutbox(r scanner) (notify.OutboxItem, error) {
	var it notify.OutboxItem
	err := r.Scan(&it.ID, &it.UserID, &it.To, &it.Subject, &it.Body, &it.MessageID, &it.Status, &it.Attempts, &it.LastError,
		&it.Created, &it.NextAttempt)
	it.Created, it.NextAttempt = it.Created.UTC(), it.NextAttempt.UTC()
	return it, err
}

func (tx *Tx) outboxItem(ctx context.Context, id string) (notify.OutboxItem, error) {
	return scanOutbox(tx.queryRow(ctx, "SELECT "+outboxColumns+" FROM email_outbox WHERE id = ?", id))
}

// FinishEmail records the outcome of the attempt on a claimed email. A
// row that is no longer "sending" (its claim expired) is left alone.
func (db *DB) FinishEmail(ctx context.Context, id string, outcome notify.Outcome, problem string) error {
	problem = strings.TrimSpace(problem)
	if len(problem) > 500 {
		problem = problem[:500]
	}
	return db.update(ctx, func(tx *Tx) error {
		var err error
		switch outcome {
		case notify.Sent:
			_, err = tx.exec(ctx, "UPDATE email_outbox SET status = 'sent', sent_at = ?, last_error = '' WHERE id = ? AND status = 'sending'", tx.now, id)
		case notify.Retry:
			var attempts int
			if err := tx.queryRow(ctx, "SELECT attempts FROM email_outbox WHERE id = ?", id).Scan(&attempts); err != nil {
				return mapErr(err, "email")
			}
			_, err = tx.exec(ctx, `UPDATE email_outbox SET status = 'pending', next_attempt_at = ?, last_error = ?
				WHERE id = ? AND status = 'sending'`, tx.now.Add(notify.Backoff(attempts)), problem, id)
		case notify.Failed, notify.Unknown:
			_, err = tx.exec(ctx, "UPDATE email_outbox SET status = ?, last_error = ? WHERE id = ? AND status = 'sending'",
				string(outcome), problem, id)
		default:
			return errors.New("notify: unknown outcome " + string(outcome))
		}
		return err
	})
}

// ExpireClaims marks emails claimed before cutoff and never finished as
// unknown (see the comment at the top of this file).
func (db *DB) ExpireClaims(ctx context.Context, cutoff time.Time) (int, error) {
	var n int64
	err := db.update(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, `UPDATE email_outbox SET status = 'unknown',
			last_error = 'The service stopped while sending this email: it may or may not have been delivered, so it is not sent again.'
			WHERE status = 'sending' AND claimed_at < ?`, cutoff.UTC())
		if err == nil {
			n, err = res.RowsAffected()
		}
		return err
	})
	return int(n), err
}

// EmailProblems lists emails that failed for good or may not have been
// delivered, newest first.
func (db *DB) EmailProblems(ctx context.Context, limit int) ([]notify.OutboxItem, error) {
	var out []notify.OutboxItem
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			it, err := scanOutbox(r)
			out = append(out, it)
			return err
		}, "SELECT "+outboxColumns+" FROM email_outbox WHERE status IN ('failed', 'unknown') ORDER BY created_at DESC, id DESC LIMIT ?",
			pageLimit(limit))
	})
	return out, err
}

// QueueDigests queues today's summary for everyone who chose a daily one,
// has something new and has not had today's, once the UK clock has passed
// notify.DigestHour. Each person's summary is one transaction: the outbox
// row (unique per person and day), its notifications marked done, and the
// day recorded.
func (db *DB) QueueDigests(ctx context.Context, o notify.MailOptions) (int, error) {
	if !o.Enabled {
		return 0, nil
	}
	now := db.Now().UTC()
	if londonHour(now) < notify.DigestHour {
		return 0, nil
	}
	today := round.LondonDate(now)
	var users []string
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			var u string
			err := r.Scan(&u)
			users = append(users, u)
			return err
		}, `SELECT p.user_id FROM notification_prefs p WHERE p.email = 'daily' AND p.last_digest_on < ?
			AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = p.user_id AND n.email_done = 0) ORDER BY p.user_id`, today)
	})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, u := range users {
		err := db.update(ctx, func(tx *Tx) error {
			var email string
			var disabled sql.NullTime
			if err := tx.queryRow(ctx, "SELECT email, disabled_at FROM users WHERE id = ?", u).Scan(&email, &disabled); err != nil {
				return err
			}
			prefs, memberEasy, err := tx.notificationPrefs(ctx, u)
			if err != nil {
				return err
			}
			var items []notify.Notification
			err = tx.each(ctx, func(r scanner) error {
				var it notify.Notification
				var kind string
				if err := r.Scan(&it.ID, &kind, &it.Text.Plain, &it.Text.EasyRead, &it.Link, &it.Created); err != nil {
					return err
				}
				it.Kind = notify.Kind(kind)
				items = append(items, it)
				return nil
			}, `SELECT id, kind, plain, easy_read, link, created_at FROM notifications WHERE user_id = ? AND email_done = 0
				ORDER BY id LIMIT 500`, u)
			if err != nil {
				return err
			}
			if len(items) > 0 && !disabled.Valid && prefs.Effective() == notify.EmailDaily {
				body := notify.Digest(items, prefs.EasyRead(memberEasy), o.BaseURL)
				if err := tx.queueEmail(ctx, u, email, "digest:"+u+":"+today, notify.SubjectDigest, body, o); err != nil {
					return err
				}
				n++
			}
			if len(items) > 0 {
				if _, err := tx.exec(ctx, "UPDATE notifications SET email_done = 1 WHERE user_id = ? AND email_done = 0 AND id <= ?",
					u, items[len(items)-1].ID); err != nil {
					return err
				}
			}
			_, err = tx.exec(ctx, "UPDATE notification_prefs SET last_digest_on = ? WHERE user_id = ?", today, u)
			return err
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
