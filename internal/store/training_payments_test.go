package store_test

import (
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/training"
)

// TestTrainersPaidAsInvolvement: a course at £75.50 a session; a session
// delivered by Sky (an account at the ULO) and Amira (a name only). Recording
// it delivered makes one claim, Sky's, of £75.50 — once; a session not yet
// started cannot be recorded; someone outside the ULO cannot be a trainer;
// an unpaid course makes no claims.
func TestTrainersPaidAsInvolvement(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		ulo, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Voices Together", Kind: auth.KindUserLed})
		must(err)
		sky, err := db.CreateUser(ctx, "sky@example.org", "Sky", "x")
		must(err)
		must(db.AddMember(ctx, sky.ID, ulo.ID))
		outsider, err := db.CreateUser(ctx, "out@example.org", "Out", "x")
		must(err)

		course := training.NewCourse{Title: "A patient's journey", About: "Told by the patient.", Questions: "How confident are you?", Rate: "75.5"}
		if _, err := db.CreateCourse(ctx, ulo.ID, course); len(apperr.FieldsOf(err)) != 1 || apperr.FieldsOf(err)[0].Field != "rate" {
			t.Errorf("a rate without both pence: %v", err)
		}
		course.Rate = "£75.50"
		cid, err := db.CreateCourse(ctx, ulo.ID, course)
		must(err)
		if c, err := db.Course(ctx, cid); err != nil || c.RatePence != 7550 {
			t.Fatalf("course = %+v, %v", c, err)
		}
		past := training.NewSession{StartsAt: now.Add(-3 * time.Hour), Place: "Riverside hall", Trainers: "Amira", TrainerIDs: []string{sky.ID}}
		if _, err := db.AddSession(ctx, cid, training.NewSession{StartsAt: past.StartsAt, Place: "Hall", TrainerIDs: []string{outsider.ID}}); apperr.FieldsOf(err) == nil {
			t.Errorf("a trainer from outside the ULO: %v", err)
		}
		sid, err := db.AddSession(ctx, cid, past)
		must(err)
		future := past
		future.StartsAt = now.Add(time.Hour)
		later, err := db.AddSession(ctx, cid, future)
		must(err)
		if err := db.RecordDelivered(ctx, later); apperr.Code(err) != apperr.Conflict {
			t.Errorf("a session not started recorded as delivered: %v", err)
		}
		must(db.RecordDelivered(ctx, sid))
		if err := db.RecordDelivered(ctx, sid); apperr.Code(err) != apperr.Conflict {
			t.Errorf("recorded twice: %v", err)
		}
		s, err := db.TrainingSession(ctx, sid)
		if err != nil || !s.DeliveredAt.Equal(now) || len(s.TrainerIDs) != 1 || s.TrainerIDs[0] != sky.ID || len(s.Trainers) != 2 || s.Trainers[0] != "Sky" || s.Trainers[1] != "Amira" {
			t.Fatalf("session = %+v, %v", s, err)
		}
		ps, err := db.SessionPayments(ctx, sid)
		if err != nil || len(ps) != 1 || ps[0].UserID != sky.ID || ps[0].Trainer != "Sky" || ps[0].AmountPence != 7550 || ps[0].CourseTitle != course.Title {
			t.Fatalf("claims = %+v, %v", ps, err)
		}
		if mine, err := db.TrainerPayments(ctx, sky.ID); err != nil || len(mine) != 1 || mine[0].ID != ps[0].ID {
			t.Errorf("Sky's claims = %+v, %v", mine, err)
		}

		unpaid, err := db.CreateCourse(ctx, ulo.ID, training.NewCourse{Title: "Reasonable adjustments", About: "x", Questions: "Q"})
		must(err)
		usid, err := db.AddSession(ctx, unpaid, past)
		must(err)
		must(db.RecordDelivered(ctx, usid))
		if ps, err := db.SessionPayments(ctx, usid); err != nil || len(ps) != 0 {
			t.Errorf("an unpaid course's claims = %+v, %v", ps, err)
		}
	})
}
