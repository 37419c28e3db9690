package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
)

// CreateGroupSession records a session of the group.
func (db *DB) CreateGroupSession(ctx context.Context, roundID string, n round.NewSession) (*round.Session, error) {
	s := &round.Session{ID: newID(), RoundID: roundID, StartsAt: n.StartsAt(), Place: n.Place, OnlineLink: n.OnlineLink,
		Activities: n.Activities, AccessArrangements: n.AccessArrangements, Notes: n.Notes}
	err := db.update(ctx, func(tx *Tx) error {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		s.CreatedAt = tx.now
		if _, err := tx.exec(ctx, `INSERT INTO round_sessions (id, round_id, starts_at, place, online_link, activities, access_arrangements, notes, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, s.ID, roundID, s.StartsAt, s.Place, s.OnlineLink, strings.Join(s.Activities, " "),
			s.AccessArrangements, s.Notes, s.CreatedAt); err != nil {
			return mapErr(err, "session")
		}
		return tx.record(ctx, "round.session_create", "round_session", s.ID, map[string]string{"round_id": roundID,
			"starts_at": s.StartsAt.Format(time.RFC3339), "activities": strings.Join(s.Activities, " ")})
	})
	return s, err
}

const sessionColumns = "id, round_id, starts_at, place, online_link, activities, access_arrangements, notes, created_at"

func scanSession(s scanner) (round.Session, error) {
	var x round.Session
	var acts string
	err := s.Scan(&x.ID, &x.RoundID, &x.StartsAt, &x.Place, &x.OnlineLink, &acts, &x.AccessArrangements, &x.Notes, &x.CreatedAt)
	x.Activities, x.StartsAt, x.CreatedAt = strings.Fields(acts), x.StartsAt.UTC(), x.CreatedAt.UTC()
	return x, err
}

// ListGroupSessions pages through the round's sessions in date order, keyset on (starts_at, id).
func (db *DB) ListGroupSessions(ctx context.Context, roundID, after string, limit int) ([]round.Session, string, error) {
	limit = pageLimit(limit)
	key, id := decodeCursor(after)
	at, _ := time.Parse(time.RFC3339Nano, key)
	var out []round.Session
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(s scanner) error {
			x, err := scanSession(s)
			out = append(out, x)
			return err
		}, "SELECT "+sessionColumns+" FROM round_sessions WHERE round_id = ? AND (starts_at > ? OR (starts_at = ? AND id > ?)) ORDER BY starts_at, id LIMIT ?",
			roundID, at, at, id, limit+1)
	})
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = encodeCursor(out[limit-1].StartsAt.Format(time.RFC3339Nano), out[limit-1].ID)
	}
	return out, next, err
}

// GroupSessionByID returns a session with its attendance and payments.
func (db *DB) GroupSessionByID(ctx context.Context, roundID, id string) (*round.Session, error) {
	var x round.Session
	err := db.view(ctx, func(tx *Tx) (err error) {
		if x, err = scanSession(tx.queryRow(ctx, "SELECT "+sessionColumns+" FROM round_sessions WHERE id = ? AND round_id = ?", id, roundID)); err != nil {
			return mapErr(err, "session")
		}
		if err := tx.each(ctx, func(s scanner) error {
			var m string
			err := s.Scan(&m)
			x.Attendees = append(x.Attendees, m)
			return err
		}, "SELECT member_id FROM session_attendance WHERE session_id = ? ORDER BY member_id", id); err != nil {
			return err
		}
		return tx.each(ctx, func(s scanner) error {
			var p round.Payment
			err := s.Scan(&p.ID, &p.SessionID, &p.MemberID, &p.AmountPence, &p.Method, &p.PaidOn, &p.CreatedAt)
			x.Payments = append(x.Payments, p)
			return err
		}, "SELECT id, session_id, member_id, amount_pence, method, paid_on, created_at FROM involvement_payments WHERE session_id = ? ORDER BY created_at, id", id)
	})
	if err != nil {
		return nil, err
	}
	return &x, nil
}

func (tx *Tx) sessionInRound(ctx context.Context, roundID, sessionID string) error {
	var n int
	if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM round_sessions WHERE id = ? AND round_id = ?", sessionID, roundID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return apperr.Errorf(apperr.NotFound, "No such session in this round")
	}
	return nil
}

// SetAttendance replaces who attended a session.
func (db *DB) SetAttendance(ctx context.Context, roundID, sessionID string, memberIDs []string) error {
	return db.update(ctx, func(tx *Tx) error {
		if err := tx.sessionInRound(ctx, roundID, sessionID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "DELETE FROM session_attendance WHERE session_id = ?", sessionID); err != nil {
			return err
		}
		for _, m := range memberIDs {
			if err := tx.memberInRound(ctx, roundID, m); err != nil {
				return err
			}
			if _, err := tx.exec(ctx, "INSERT INTO session_attendance (session_id, member_id) VALUES (?, ?)", sessionID, m); err != nil {
				return mapErr(err, "attendance")
			}
		}
		return tx.record(ctx, "round.session_attendance", "round_session", sessionID, map[string]string{"attendees": strconv.Itoa(len(memberIDs))})
	})
}

// AddPayment records an involvement payment to a member for a session.
func (db *DB) AddPayment(ctx context.Context, roundID, sessionID string, n round.NewPayment) error {
	return db.update(ctx, func(tx *Tx) error {
		if err := tx.sessionInRound(ctx, roundID, sessionID); err != nil {
			return err
		}
		if err := tx.memberInRound(ctx, roundID, n.MemberID); err != nil {
			return apperr.Fields([]apperr.FieldError{{Field: "member_id", Message: "Select who was paid"}})
		}
		id := newID()
		if _, err := tx.exec(ctx, `INSERT INTO involvement_payments (id, session_id, member_id, amount_pence, method, paid_on, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, sessionID, n.MemberID, n.Pence(), n.Method, n.PaidOn, tx.now); err != nil {
			return mapErr(err, "payment")
		}
		return tx.record(ctx, "round.payment_add", "round_session", sessionID, map[string]string{"payment_id": id, "member_id": n.MemberID,
			"amount_pence": strconv.FormatInt(n.Pence(), 10), "method": n.Method, "paid_on": n.PaidOn})
	})
}

// RoundPayments lists every payment of the round, for the finance export.
func (db *DB) RoundPayments(ctx context.Context, roundID string) ([]round.PaymentLine, error) {
	var out []round.PaymentLine
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(s scanner) error {
			var l round.PaymentLine
			err := s.Scan(&l.ID, &l.SessionID, &l.MemberID, &l.AmountPence, &l.Method, &l.PaidOn, &l.CreatedAt, &l.SessionStartsAt, &l.Pseudonym, &l.RealName)
			l.SessionStartsAt = l.SessionStartsAt.UTC()
			out = append(out, l)
			return err
		}, `SELECT p.id, p.session_id, p.member_id, p.amount_pence, p.method, p.paid_on, p.created_at, s.starts_at, m.pseudonym, m.real_name
			FROM involvement_payments p JOIN round_sessions s ON s.id = p.session_id JOIN round_members m ON m.id = p.member_id
			WHERE s.round_id = ? ORDER BY s.starts_at, m.pseudonym, p.id`, roundID)
	})
	return out, err
}
