package store

import (
	"context"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/training"
)

// RecordDelivered records that a session was delivered and makes each of
// its trainers with an account an involvement payment claim at the
// course's rate, in one transaction: a claim exists exactly when the
// session is recorded as delivered. A session that has not started yet,
// or was recorded already, is refused.
func (db *DB) RecordDelivered(ctx context.Context, sessionID string) error {
	return db.update(ctx, func(tx *Tx) error {
		s, err := scanTrainingSession(tx.queryRow(ctx, "SELECT "+trainingSessionColumns+" WHERE s.id = ?", sessionID))
		if err != nil {
			return mapErr(err, "session")
		}
		switch {
		case !s.DeliveredAt.IsZero():
			return apperr.Errorf(apperr.Conflict, "This session is already recorded as delivered.")
		case s.StartsAt.After(tx.now):
			return apperr.Errorf(apperr.Conflict, "This session has not started yet, so it cannot be recorded as delivered.")
		}
		var rate int64
		if err := tx.queryRow(ctx, "SELECT rate_pence FROM training_courses WHERE id = ?", s.CourseID).Scan(&rate); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE training_sessions SET delivered_at = ? WHERE id = ?", tx.now, sessionID); err != nil {
			return err
		}
		claims := 0
		if rate > 0 {
			var trainers []string
			if err := tx.each(ctx, func(r scanner) error {
				var uid string
				err := r.Scan(&uid)
				trainers = append(trainers, uid)
				return err
			}, "SELECT user_id FROM training_session_trainers WHERE session_id = ? ORDER BY user_id", sessionID); err != nil {
				return err
			}
			for _, uid := range trainers {
				if _, err := tx.exec(ctx, "INSERT INTO training_payments (id, session_id, user_id, amount_pence, claimed_at) VALUES (?, ?, ?, ?, ?)",
					newID(), sessionID, uid, rate, tx.now); err != nil {
					return err
				}
				claims++
			}
		}
		return tx.record(ctx, "training_session.delivered", "training_session", sessionID,
			map[string]string{"claims": strconv.Itoa(claims), "rate_pence": strconv.FormatInt(rate, 10)})
	})
}

const trainingPaymentColumns = `p.id, p.session_id, p.user_id, u.display_name, p.amount_pence, p.claimed_at, c.title, s.starts_at
	FROM training_payments p JOIN users u ON u.id = p.user_id JOIN training_sessions s ON s.id = p.session_id
	JOIN training_courses c ON c.id = s.course_id`

func (tx *Tx) trainingPayments(ctx context.Context, where string, arg any) ([]training.Payment, error) {
	var out []training.Payment
	err := tx.each(ctx, func(r scanner) error {
		var p training.Payment
		err := r.Scan(&p.ID, &p.SessionID, &p.UserID, &p.Trainer, &p.AmountPence, &p.ClaimedAt, &p.CourseTitle, &p.SessionStartsAt)
		p.ClaimedAt, p.SessionStartsAt = p.ClaimedAt.UTC(), p.SessionStartsAt.UTC()
		out = append(out, p)
		return err
	}, "SELECT "+trainingPaymentColumns+" WHERE "+where+" ORDER BY s.starts_at DESC, u.display_name, p.id", arg)
	return out, err
}

// SessionPayments are the involvement payment claims for a session.
func (db *DB) SessionPayments(ctx context.Context, sessionID string) (out []training.Payment, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.trainingPayments(ctx, "p.session_id = ?", sessionID)
		return err
	})
	return out, err
}

// TrainerPayments are one trainer's involvement payment claims, newest
// session first.
func (db *DB) TrainerPayments(ctx context.Context, userID string) (out []training.Payment, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.trainingPayments(ctx, "p.user_id = ?", userID)
		return err
	})
	return out, err
}
