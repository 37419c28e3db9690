package demo

import (
	"context"
	"time"

	"github.com/coprod/coprod/internal/training"
)

// seedTraining gives Voices Together a course delivered by trainers with
// lived experience (Sky, with an account and paid £75.00 a session, and
// Amira by name), two sessions with staff of both providers, the first
// recorded as delivered, their confidence before and after, and the staff
// Riverside declares.
func seedTraining(ctx context.Context, s Store, uloID, providerID, provider2ID string) error {
	cid, err := s.CreateCourse(ctx, uloID, training.NewCourse{
		Title: "Your rights under the NHS Constitution",
		About: "What the NHS Constitution promises patients, told by people who have used services, " +
			"and what staff can do so those promises are kept.",
		EasyRead: "The NHS has a list of promises. It is called the NHS Constitution.\nPeople who use services tell you what the promises mean for them.",
		Questions: "How confident are you to explain to a patient what the NHS Constitution promises them?\n" +
			"How confident are you to make a reasonable adjustment when someone asks?\n" +
			"How confident are you to help someone complain?",
		Rate: "75.00",
	})
	if err != nil {
		return err
	}
	c, err := s.Course(ctx, cid)
	if err != nil {
		return err
	}
	for _, m := range []struct {
		v          training.Version
		name, text string
	}{
		{training.PlainEnglish, "nhs-constitution-notes.txt", "Your rights under the NHS Constitution: notes for staff.\n\n" +
			"The NHS Constitution sets out what patients can expect: to be treated with dignity and respect, to be involved in decisions about their care, " +
			"and to complain and have the complaint looked into. The trainers tell you what those promises meant for them, and what you can do so they are kept.\n"},
		{training.EasyRead, "nhs-constitution-easy-read.txt", "The NHS has a list of promises.\nIt is called the NHS Constitution.\n" +
			"You should be treated well.\nYou can say what you want.\nYou can complain.\n"},
	} {
		if _, err := s.AddMaterial(ctx, cid, m.v, m.name, []byte(m.text)); err != nil {
			return err
		}
	}
	prov, err := s.UserByEmail(ctx, "provider@demo.test")
	if err != nil {
		return err
	}
	sky, err := s.UserByEmail(ctx, "member2@demo.test") // a trainer with an account at Voices Together
	if err != nil {
		return err
	}
	day := time.Now().UTC().Truncate(24 * time.Hour)
	sessions := []struct {
		ago       int
		place     string
		attendees []struct {
			name, org, role, user string
			before, after         [3]int
		}
	}{
		{21, "Riverside Community Hall", []struct {
			name, org, role, user string
			before, after         [3]int
		}{
			{"Sam Okafor", providerID, "Service manager", prov.ID, [3]int{2, 3, 2}, [3]int{4, 4, 3}},
			{"Dee Hart", providerID, "Support worker", "", [3]int{1, 2, 2}, [3]int{3, 4, 3}},
			{"Eli Moss", providerID, "Support worker", "", [3]int{2, 2, 3}, [3]int{3, 3, 4}},
		}},
		{7, "Online", []struct {
			name, org, role, user string
			before, after         [3]int
		}{
			{"Fay Lin", provider2ID, "Receptionist", "", [3]int{1, 1, 2}, [3]int{3, 2, 3}},
			{"Gus Reid", providerID, "Support worker", "", [3]int{3, 2, 2}, [3]int{3, 3, 2}},
		}},
	}
	for i, ss := range sessions {
		sid, err := s.AddSession(ctx, cid, training.NewSession{StartsAt: day.AddDate(0, 0, -ss.ago).Add(9*time.Hour + 30*time.Minute),
			Place: ss.place, TrainerIDs: []string{sky.ID}, Trainers: "Amira"})
		if err != nil {
			return err
		}
		if i == 0 { // the first is recorded as delivered, so Sky has a claim; the second waits
			if err := s.RecordDelivered(ctx, sid); err != nil {
				return err
			}
		}
		for _, a := range ss.attendees {
			id, err := s.AddAttendee(ctx, sid, training.NewAttendee{Name: a.name, OrgID: a.org, Role: a.role}, a.user)
			if err != nil {
				return err
			}
			for _, phase := range []training.Phase{training.Before, training.After} {
				vals := a.before
				if phase == training.After {
					vals = a.after
				}
				m := map[string]int{}
				for i, q := range c.Questions {
					m[q.ID] = vals[i]
				}
				if err := s.RecordAnswers(ctx, id, phase, m); err != nil {
					return err
				}
			}
		}
	}
	for _, st := range []training.Staffing{{OrgID: providerID, Role: "Support worker", Declared: 40}, {OrgID: providerID, Role: "Service manager", Declared: 4}} {
		if err := s.SetStaffing(ctx, st); err != nil {
			return err
		}
	}
	return nil
}
