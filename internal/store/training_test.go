package store_test

import (
	"math"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/training"
)

// TestTrainingCourseAnswersAndReach: a course with two questions, one
// session, three attendees from one provider. Question 1 before → after:
// 2→4, 3→4, 1→3 (differences 2 1 2: mean 5/3, as in the training
// package's hand-worked case); question 2 is answered the same by all.
func TestTrainingCourseAnswersAndReach(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ulo, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Voices Together", Kind: auth.KindUserLed})
		prov, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Riverside Care", Kind: auth.KindProvider})
		if _, err := db.CreateCourse(ctx, prov.ID, training.NewCourse{Title: "X", About: "Y", Questions: "Q"}); apperr.Code(err) != apperr.Invalid {
			t.Errorf("a provider's course: %v", err)
		}
		cid, err := db.CreateCourse(ctx, ulo.ID, training.NewCourse{Title: "Your rights under the NHS Constitution", About: "What the NHS Constitution promises.",
			Questions: "How confident are you to explain a patient's rights?\n\nHow confident are you to make a reasonable adjustment?"})
		if err != nil {
			t.Fatal(err)
		}
		c, err := db.Course(ctx, cid)
		if err != nil || len(c.Questions) != 2 || c.OrgName != "Voices Together" {
			t.Fatalf("course: %+v, %v", c, err)
		}
		sid, err := db.AddSession(ctx, cid, training.NewSession{StartsAt: time.Date(2026, 6, 2, 9, 30, 0, 0, time.UTC), Place: "Riverside hall", Trainers: "Sky\nAmira"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddAttendee(ctx, sid, training.NewAttendee{Name: "Pat", OrgID: ulo.ID, Role: "Worker"}, ""); apperr.Code(err) != apperr.Invalid {
			t.Errorf("an attendee from a ULO, not a provider: %v", err)
		}
		q1, q2 := c.Questions[0].ID, c.Questions[1].ID
		var ids []string
		for _, p := range []struct {
			name          string
			before, after int
		}{{"Ana", 2, 4}, {"Ben", 3, 4}, {"Cy", 1, 3}} {
			id, err := db.AddAttendee(ctx, sid, training.NewAttendee{Name: p.name, OrgID: prov.ID, Role: "Support worker"}, "")
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
			if err := db.RecordAnswers(ctx, id, training.Before, map[string]int{q1: p.before, q2: 3}); err != nil {
				t.Fatal(err)
			}
			if err := db.RecordAnswers(ctx, id, training.After, map[string]int{q1: p.after, q2: 3}); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.RecordAnswers(ctx, ids[0], training.After, map[string]int{q1: 4}); len(apperr.FieldsOf(err)) != 1 {
			t.Errorf("a question left out: %v", err)
		}
		answers, _ := db.CourseAnswers(ctx, cid)
		rs, err := training.Results(c.Questions, answers)
		if err != nil || rs[0].Change.N != 3 || math.Abs(rs[0].Change.Mean-5.0/3) > 1e-12 || math.Abs(rs[0].Change.Upper-rs[0].Change.Mean-1.434218) > 1e-6 ||
			rs[1].Change.Mean != 0 {
			t.Errorf("results: %+v, %v", rs, err)
		}
		as, _ := db.Attendees(ctx, sid)
		if len(as) != 3 || !as[0].AnsweredBefore || !as[0].AnsweredAfter || as[0].CourseTitle != c.Title || len(as[0].Trainers) != 2 || as[0].TrainingOrg != "Voices Together" {
			t.Errorf("attendees: %+v", as)
		}
		if err := db.AddTrainingFeedback(ctx, sid, "  "); apperr.Code(err) != apperr.Invalid {
			t.Errorf("empty feedback: %v", err)
		}
		if err := db.AddTrainingFeedback(ctx, sid, "Hearing Sky's story changed how I book appointments."); err != nil {
			t.Fatal(err)
		}
		if fb, _ := db.TrainingFeedback(ctx, sid); len(fb) != 1 || fb[0].Words != "Hearing Sky's story changed how I book appointments." {
			t.Errorf("feedback: %+v", fb)
		}
		if err := db.SetStaffing(ctx, training.Staffing{OrgID: prov.ID, Role: "Support worker", Declared: 40}); err != nil {
			t.Fatal(err)
		}
		if err := db.SetStaffing(ctx, training.Staffing{OrgID: prov.ID, Role: "Support worker", Declared: 30}); err != nil {
			t.Fatal(err)
		}
		staff, _ := db.Staffing(ctx)
		all, _ := db.AllAttendees(ctx)
		reach := training.ReachOf(staff, all)
		// 3 of 30 declared support workers: 10%.
		if len(reach) != 1 || reach[0].Trained != 3 || reach[0].Declared != 30 || reach[0].Percent() != 10 {
			t.Errorf("reach: %+v", reach)
		}
	})
}
