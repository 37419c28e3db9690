package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/notify"
	"github.com/coprod/coprod/internal/round"
)

var (
	_ notify.Service = (*DB)(nil)
	_ notify.Worker  = (*DB)(nil)
)

// DeriveNotifications reads up to batch audit events after the cursor and
// writes the notifications each one calls for, moving the cursor in the same
// transaction: an event is turned into notifications exactly once, however
// often the worker stops and starts. Audit events commit in sequence order
// (tx.record holds the chain's lock until commit), so no event can appear
// behind the cursor later.
func (db *DB) DeriveNotifications(ctx context.Context, o notify.MailOptions, batch int) (int, error) {
	if batch <= 0 {
		batch = 200
	}
	n := 0
	err := db.update(ctx, func(tx *Tx) error {
		var cursor int64
		// The update takes the row's lock first on PostgreSQL, so two
		// instances never derive the same events.
		if _, err := tx.exec(ctx, "UPDATE notification_cursor SET seq = seq WHERE name = 'audit'"); err != nil {
			return err
		}
		if err := tx.queryRow(ctx, "SELECT seq FROM notification_cursor WHERE name = 'audit'").Scan(&cursor); err != nil {
			return err
		}
		var events []auditEventRow
		err := tx.each(ctx, func(r scanner) error {
			e, err := scanEvent(r)
			if err == nil {
				events = append(events, auditEventRow{e.Seq, e.ActorID, e})
			}
			return err
		}, "SELECT "+auditColumns+" FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?", cursor, batch)
		if err != nil {
			return err
		}
		for _, e := range events {
			p, ok := notify.FromEvent(e.event)
			if !ok {
				continue
			}
			if err := tx.notifyPlan(ctx, p, "event:"+strconv.FormatInt(e.seq, 10), e.seq, e.actor, o); err != nil {
				return err
			}
		}
		n = len(events)
		if n > 0 {
			_, err = tx.exec(ctx, "UPDATE notification_cursor SET seq = ? WHERE name = 'audit'", events[n-1].seq)
		}
		return err
	})
	return n, err
}

type auditEventRow struct {
	seq   int64
	actor string
	event audit.Event
}

// NotifyOverdue tells the owners of commitments past their due date (UK
// date), once per item and due date.
func (db *DB) NotifyOverdue(ctx context.Context, o notify.MailOptions) (int, error) {
	n := 0
	err := db.update(ctx, func(tx *Tx) error {
		type item struct{ id, org, user, round, due string }
		var items []item
		err := tx.each(ctx, func(r scanner) error {
			var it item
			var org, user, rnd sql.NullString
			if err := r.Scan(&it.id, &org, &user, &rnd, &it.due); err != nil {
				return err
			}
			it.org, it.user, it.round = org.String, user.String, rnd.String
			items = append(items, it)
			return nil
		}, `SELECT id, owner_org_id, owner_user_id, round_id, due_on FROM ledger_items
			WHERE status IN ('committed', 'in_progress') AND shown = 1 AND due_on < ? ORDER BY due_on, id`, round.LondonDate(tx.now))
		if err != nil {
			return err
		}
		for _, it := range items {
			p := notify.Overdue(it.id, it.org, it.user, it.round, it.due)
			if len(p.Audiences) == 0 {
				continue
			}
			if err := tx.notifyPlan(ctx, p, "overdue:"+it.id+":"+it.due, 0, "", o); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// notifyPlan fills in the plan's round, tender and titles, finds its
// people (leaving out the one who acted and disabled accounts) and writes
// each a notification keyed by dedupe, queueing the email where they want
// one now.
func (tx *Tx) notifyPlan(ctx context.Context, p notify.Plan, dedupe string, seq int64, actor string, o notify.MailOptions) error {
	if err := tx.planContext(ctx, &p); err != nil {
		return err
	}
	if p.PanelComplete != "" {
		var waiting int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM tender_panel_members m WHERE m.tender_id = ? AND m.panel = ?
			AND NOT EXISTS (SELECT 1 FROM tender_scores s WHERE s.tender_id = m.tender_id AND s.evaluator_id = m.user_id
				AND s.panel = m.panel AND s.submitted = 1)`, p.TenderID, p.PanelComplete).Scan(&waiting); err != nil {
			return err
		}
		if waiting > 0 {
			return nil
		}
	}
	users, err := tx.audience(ctx, p)
	if err != nil {
		return err
	}
	text := notify.Compose(p.Kind, p.Facts)
	link := p.Link()
	for _, u := range users {
		if u == actor {
			continue
		}
		if err := tx.notifyUser(ctx, u, p.Kind, text, link, seq, dedupe, o); err != nil {
			return err
		}
	}
	return nil
}

// planContext finds the round and tender an event's object belongs to when
// the event did not say, and the titles the words use.
func (tx *Tx) planContext(ctx context.Context, p *notify.Plan) error {
	lookup := func(q, id string, dst *string) error {
		var v sql.NullString
		err := tx.queryRow(ctx, q, id).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		*dst = v.String
		return err
	}
	if p.RoundID == "" {
		switch {
		case p.TenderID != "":
			if err := lookup("SELECT round_id FROM tenders WHERE id = ?", p.TenderID, &p.RoundID); err != nil {
				return err
			}
		case p.ObjectType == "proposal":
			if err := lookup("SELECT round_id FROM proposals WHERE id = ?", p.ObjectID, &p.RoundID); err != nil {
				return err
			}
		case p.ObjectType == "ledger_item":
			if err := lookup("SELECT round_id FROM ledger_items WHERE id = ?", p.ObjectID, &p.RoundID); err != nil {
				return err
			}
		}
	}
	for i := range p.Audiences {
		if p.Audiences[i].Kind == notify.RoundMembers && p.Audiences[i].ID == "" {
			p.Audiences[i].ID = p.RoundID
		}
	}
	if p.RoundID != "" {
		if err := lookup("SELECT title FROM rounds WHERE id = ?", p.RoundID, &p.Facts.RoundTitle); err != nil {
			return err
		}
	}
	if p.TenderID != "" {
		if err := lookup("SELECT title FROM tenders WHERE id = ?", p.TenderID, &p.Facts.TenderTitle); err != nil {
			return err
		}
	}
	if p.ObjectType == "proposal" && p.Facts.ProposalTitle == "" {
		if err := lookup("SELECT title FROM proposals WHERE id = ?", p.ObjectID, &p.Facts.ProposalTitle); err != nil {
			return err
		}
	}
	return nil
}

// audience lists the accounts a plan's audiences name, each once, in the
// order found.
func (tx *Tx) audience(ctx context.Context, p notify.Plan) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	add := func(r scanner) error {
		var id sql.NullString
		if err := r.Scan(&id); err != nil {
			return err
		}
		if id.Valid && id.String != "" && !seen[id.String] {
			seen[id.String] = true
			out = append(out, id.String)
		}
		return nil
	}
	for _, a := range p.Audiences {
		if a.ID == "" {
			continue // e.g. the group of an item outside any round
		}
		var q string
		args := []any{a.ID}
		switch a.Kind {
		case notify.RoundMembers:
			q = "SELECT user_id FROM round_members WHERE round_id = ? AND user_id IS NOT NULL AND part_withdrawn = 0 ORDER BY created_at, id"
		case notify.OneUser:
			q = "SELECT id FROM users WHERE id = ?"
		case notify.OrgPeople:
			q = "SELECT user_id FROM memberships WHERE org_id = ? ORDER BY created_at, user_id"
		case notify.TenderPanel:
			q, args = "SELECT user_id FROM tender_panel_members WHERE tender_id = ? AND panel = ? ORDER BY added_at, user_id", append(args, a.Panel)
		case notify.PanelChairs:
			q, args = "SELECT user_id FROM tender_panel_members WHERE tender_id = ? AND panel = ? AND chair = 1 ORDER BY added_at, user_id", append(args, a.Panel)
		case notify.TenderBidders:
			q = `SELECT m.user_id FROM tender_bidders b JOIN memberships m ON m.org_id = b.org_id
				WHERE b.tender_id = ? ORDER BY b.registered_at, m.created_at, m.user_id`
		case notify.QuestionAsker:
			q = `SELECT m.user_id FROM tender_questions q JOIN tender_bidders b ON b.id = q.bidder_id
				JOIN memberships m ON m.org_id = b.org_id WHERE q.id = ? ORDER BY m.created_at, m.user_id`
		case notify.EmailAccount:
			q = "SELECT id FROM users WHERE email = ?"
		case notify.ItemOwners:
			q = `SELECT DISTINCT ra.user_id FROM ledger_items i JOIN role_assignments ra
				ON ra.role IN ('commissioner', 'facilitator', 'provider')
				AND ((ra.scope_type = 'organisation' AND ra.scope_id IN (SELECT org_id FROM ledger_item_orgs WHERE item_id = i.id))
					OR (ra.scope_type = 'round' AND ra.scope_id = i.round_id))
				WHERE i.id = ? AND (ra.user_id = i.owner_user_id
					OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = ra.user_id AND m.org_id = i.owner_org_id))
				ORDER BY ra.user_id`
		case notify.RoundInvitee:
			q = `SELECT u.id FROM round_invitations ri JOIN users u ON u.email = ri.email
				WHERE ri.id = ? AND ri.email <> '' AND ri.used_at IS NULL`
		default:
			return nil, errors.New("notify: unknown audience " + string(a.Kind))
		}
		if err := tx.each(ctx, add, q, args...); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// notifyUser writes one notification (nothing when the person already has
// the one keyed dedupe, or their account is disabled) and queues its email
// when email is on and the person wants one for each.
func (tx *Tx) notifyUser(ctx context.Context, userID string, k notify.Kind, text notify.Text, link string, seq int64,
	dedupe string, o notify.MailOptions) error {
	var email string
	var disabled sql.NullTime
	if err := tx.queryRow(ctx, "SELECT email, disabled_at FROM users WHERE id = ?", userID).Scan(&email, &disabled); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	}
	if disabled.Valid {
		return nil
	}
	prefs, memberEasy, err := tx.notificationPrefs(ctx, userID)
	if err != nil {
		return err
	}
	choice := prefs.Effective()
	done := !o.Enabled || choice != notify.EmailDaily // a daily summary picks up the rest
	var id int64
	err = tx.queryRow(ctx, `INSERT INTO notifications (user_id, kind, plain, easy_read, link, event_seq, dedupe, created_at, email_done)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, dedupe) DO NOTHING RETURNING id`,
		userID, string(k), text.Plain, text.EasyRead, link, seq, dedupe, tx.now, boolInt(done)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // already told
	}
	if err != nil {
		return err
	}
	if !o.Enabled || choice != notify.EmailEach {
		return nil
	}
	n := notify.Notification{ID: id, UserID: userID, Kind: k, Text: text, Link: link, Created: tx.now}
	return tx.queueEmail(ctx, userID, email, "notification:"+strconv.FormatInt(id, 10), notify.Subject(k),
		notify.Body(n, prefs.EasyRead(memberEasy), o.BaseURL), o)
}

// queueEmail adds an email to the outbox, once per dedupe key.
func (tx *Tx) queueEmail(ctx context.Context, userID, to, dedupe, subject, body string, o notify.MailOptions) error {
	id := newID()
	_, err := tx.exec(ctx, `INSERT INTO email_outbox (id, user_id, dedupe, to_address, subject, body, message_id, next_attempt_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe) DO NOTHING`,
		id, userID, dedupe, to, subject, body, notify.MessageID(id, o.From), tx.now, tx.now)
	return err
}

// Notifications lists a person's notifications, newest first.
func (db *DB) Notifications(ctx context.Context, userID string, before int64, limit int) (notify.Page, error) {
	limit = pageLimit(limit)
	var pg notify.Page
	err := db.view(ctx, func(tx *Tx) error {
		if err := tx.queryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END), 0)
			FROM notifications WHERE user_id = ?`, userID).Scan(&pg.Total, &pg.Unread); err != nil {
			return err
		}
		q := "SELECT id, user_id, kind, plain, easy_read, link, event_seq, created_at, read_at FROM notifications WHERE user_id = ?"
		args := []any{userID}
		if before > 0 {
			q, args = q+" AND id < ?", append(args, before)
		}
		q, args = q+" ORDER BY id DESC LIMIT ?", append(args, limit+1)
		return tx.each(ctx, func(r scanner) error {
			var n notify.Notification
			var kind string
			var read sql.NullTime
			if err := r.Scan(&n.ID, &n.UserID, &kind, &n.Text.Plain, &n.Text.EasyRead, &n.Link, &n.EventSeq, &n.Created, &read); err != nil {
				return err
			}
			n.Kind, n.Created = notify.Kind(kind), n.Created.UTC()
			if read.Valid {
				t := read.Time.UTC()
				n.ReadAt = &t
			}
			pg.Items = append(pg.Items, n)
			return nil
		}, q, args...)
	})
	if len(pg.Items) > limit {
		pg.Items = pg.Items[:limit]
		pg.Before = pg.Items[limit-1].ID
	}
	return pg, err
}

// UnreadNotifications counts a person's unread notifications (an index range).
func (db *DB) UnreadNotifications(ctx context.Context, userID string) (int, error) {
	var n int
	err := db.view(ctx, func(tx *Tx) error {
		return tx.queryRow(ctx, "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", userID).Scan(&n)
	})
	return n, err
}

// MarkNotificationRead marks one of the person's own notifications read.
// Reading is the person's own bookkeeping, not a change to the product's
// records, so it is not audited.
func (db *DB) MarkNotificationRead(ctx context.Context, userID string, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?", tx.now, id, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.Errorf(apperr.NotFound, "No such notification")
		}
		return nil
	})
}

// MarkAllNotificationsRead marks all of a person's notifications read.
func (db *DB) MarkAllNotificationsRead(ctx context.Context, userID string) error {
	return db.update(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL", tx.now, userID)
		return err
	})
}

// NotificationPrefs returns a person's choices and whether one of their
// round memberships lists Easy Read among their preferred formats.
func (db *DB) NotificationPrefs(ctx context.Context, userID string) (notify.Prefs, bool, error) {
	var p notify.Prefs
	var easy bool
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		p, easy, err = tx.notificationPrefs(ctx, userID)
		return err
	})
	return p, easy, err
}

func (tx *Tx) notificationPrefs(ctx context.Context, userID string) (notify.Prefs, bool, error) {
	var p notify.Prefs
	var email, format string
	var easy int
	err := tx.queryRow(ctx, `SELECT COALESCE((SELECT email FROM notification_prefs WHERE user_id = ?), ''),
		COALESCE((SELECT format FROM notification_prefs WHERE user_id = ?), ''),
		CASE WHEN EXISTS (SELECT 1 FROM round_members WHERE user_id = ? AND (' ' || formats || ' ') LIKE '% easy_read %') THEN 1 ELSE 0 END`,
		userID, userID, userID).Scan(&email, &format, &easy)
	p.Email, p.Format = notify.EmailChoice(email), notify.Format(format)
	return p, easy == 1, err
}

// SetNotificationPrefs saves a person's choices, audited. Notifications
// waiting for a daily summary stop waiting when the person leaves the
// daily summary, so a later change back does not send old news.
func (db *DB) SetNotificationPrefs(ctx context.Context, userID string, p notify.Prefs) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, `INSERT INTO notification_prefs (user_id, email, format, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, format = excluded.format, updated_at = excluded.updated_at`,
			userID, string(p.Email), string(p.Format), tx.now); err != nil {
			return mapErr(err, "account")
		}
		if p.Email != notify.EmailDaily {
			if _, err := tx.exec(ctx, "UPDATE notifications SET email_done = 1 WHERE user_id = ? AND email_done = 0", userID); err != nil {
				return err
			}
		}
		return tx.record(ctx, "notification.prefs", "user", userID, map[string]string{"email": string(p.Email), "format": string(p.Format)})
	})
}

// londonHour is the hour of t on the UK clock.
func londonHour(t time.Time) int { return t.In(round.London).Hour() }
