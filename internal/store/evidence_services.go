package store

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// AddService adds an existing service or support to the round's landscape.
func (db *DB) AddService(ctx context.Context, roundID string, n evidence.NewService) (*evidence.LocalService, error) {
	s := &evidence.LocalService{ID: newID(), RoundID: roundID, Name: n.Name, Provider: n.Provider, Type: n.Type}
	err := db.update(ctx, func(tx *Tx) error {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		s.CreatedAt = tx.now
		_, err := tx.exec(ctx, "INSERT INTO services (id, round_id, name, provider, kind, created_at) VALUES (?, ?, ?, ?, ?, ?)",
			s.ID, roundID, s.Name, s.Provider, s.Type, s.CreatedAt)
		if apperr.Code(mapErr(err, "")) == apperr.Conflict {
			return &apperr.Error{Code: apperr.Conflict, Message: "This round already has a service with that name",
				Fields: []apperr.FieldError{{Field: "name", Message: "This round already has a service called " + s.Name}}}
		} else if err != nil {
			return mapErr(err, "service")
		}
		return tx.record(ctx, "service.create", "service", s.ID, map[string]string{"round_id": roundID, "name": s.Name})
	})
	return s, err
}

const serviceColumns = "sv.id, sv.round_id, sv.name, sv.provider, sv.kind, sv.created_at"

func scanService(sc scanner, extra ...any) (evidence.LocalService, error) {
	var s evidence.LocalService
	err := sc.Scan(append([]any{&s.ID, &s.RoundID, &s.Name, &s.Provider, &s.Type, &s.CreatedAt}, extra...)...)
	s.CreatedAt = s.CreatedAt.UTC()
	return s, err
}

// Services lists the round's services by name, counting the feedback the
// reader may see.
func (db *DB) Services(ctx context.Context, roundID string, a round.Audience) ([]evidence.LocalService, error) {
	var out []evidence.LocalService
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(sc scanner) error {
			var n int
			s, err := scanService(sc, &n)
			s.Feedback = n
			out = append(out, s)
			return err
		}, "SELECT "+serviceColumns+`, (SELECT COUNT(*) FROM service_feedback f LEFT JOIN round_members m ON m.id = f.member_id
			WHERE f.service_id = sv.id AND `+optionalAuthorFilter(a, "m")+`) FROM services sv WHERE sv.round_id = ? ORDER BY sv.name, sv.id`, roundID)
	})
	return out, err
}

// ServiceByID returns one service of the round.
func (db *DB) ServiceByID(ctx context.Context, roundID, id string) (*evidence.LocalService, error) {
	var s evidence.LocalService
	err := db.view(ctx, func(tx *Tx) (err error) {
		s, err = scanService(tx.queryRow(ctx, "SELECT "+serviceColumns+" FROM services sv WHERE sv.id = ? AND sv.round_id = ?", id, roundID))
		return mapErr(err, "service")
	})
	if err != nil {
		return nil, err
	}
	return &s, nil
}

// Feedback lists a service's feedback as the reader may see it.
func (db *DB) Feedback(ctx context.Context, roundID, serviceID string, a round.Audience) ([]evidence.Feedback, error) {
	var out []evidence.Feedback
	err := db.view(ctx, func(tx *Tx) error {
		err := tx.each(ctx, func(sc scanner) error {
			var f evidence.Feedback
			var mid, pseudonym sql.NullString
			var named, takes, withdrawn sql.NullInt64
			if err := sc.Scan(&f.ID, &f.ServiceID, &f.Source, &f.Comment, &f.CreatedAt, &mid, &pseudonym, &named, &takes, &withdrawn); err != nil {
				return err
			}
			f.CreatedAt, f.Ratings = f.CreatedAt.UTC(), map[string]int{}
			if mid.Valid {
				f.Author = author(a, mid.String, pseudonym.String, int(named.Int64), int(takes.Int64), int(withdrawn.Int64))
			}
			out = append(out, f)
			return nil
		}, `SELECT f.id, f.service_id, f.source, f.comment, f.created_at, m.id, m.pseudonym, m.named, m.takes_part, m.part_withdrawn
			FROM service_feedback f JOIN services sv ON sv.id = f.service_id LEFT JOIN round_members m ON m.id = f.member_id
			WHERE f.service_id = ? AND sv.round_id = ? AND `+optionalAuthorFilter(a, "m")+` ORDER BY f.created_at, f.id`, serviceID, roundID)
		if err != nil {
			return err
		}
		for i := range out {
			if err := tx.each(ctx, func(sc scanner) error {
				var d string
				var score int
				err := sc.Scan(&d, &score)
				out[i].Ratings[d] = score
				return err
			}, "SELECT dimension, score FROM feedback_ratings WHERE feedback_id = ?", out[i].ID); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// AddFeedback records a member's feedback on a service.
func (db *DB) AddFeedback(ctx context.Context, roundID, serviceID string, n evidence.NewFeedback) error {
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		if err := tx.memberInRound(ctx, roundID, n.MemberID); err != nil {
			return err
		}
		id, err := tx.addFeedback(ctx, roundID, serviceID, n, "entered")
		if err != nil {
			return err
		}
		return tx.record(ctx, "service.feedback_add", "service", serviceID, map[string]string{"feedback_id": id, "member_id": n.MemberID})
	})
}

func (tx *Tx) addFeedback(ctx context.Context, roundID, serviceID string, n evidence.NewFeedback, source string) (string, error) {
	if !tx.itemInRound(ctx, roundID, evidence.KindService, serviceID) {
		return "", apperr.Errorf(apperr.NotFound, "No such service in this round")
	}
	id := newID()
	if _, err := tx.exec(ctx, "INSERT INTO service_feedback (id, service_id, member_id, source, comment, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		id, serviceID, nullIfEmpty(n.MemberID), source, n.Comment, tx.now); err != nil {
		return "", mapErr(err, "feedback")
	}
	for d, score := range n.Ratings {
		if _, err := tx.exec(ctx, "INSERT INTO feedback_ratings (feedback_id, dimension, score) VALUES (?, ?, ?)", id, d, score); err != nil {
			return "", mapErr(err, "rating")
		}
	}
	return id, nil
}

// ImportFeedback saves the valid rows of a previewed file, all or nothing,
// as imported feedback with no author in the group.
func (db *DB) ImportFeedback(ctx context.Context, roundID string, rows []evidence.ImportRow) (int, error) {
	n := 0
	err := db.update(ctx, func(tx *Tx) error {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		for _, r := range rows {
			if !r.Valid() {
				continue
			}
			fb := r.Feedback
			fb.MemberID = ""
			if _, err := tx.addFeedback(ctx, roundID, r.ServiceID, fb, "imported"); err != nil {
				return err
			}
			n++
		}
		if n == 0 {
			return apperr.Errorf(apperr.Invalid, "There are no valid rows to import.")
		}
		return tx.record(ctx, "service.feedback_import", "round", roundID, map[string]string{"rows": strconv.Itoa(n)})
	})
	return n, err
}
