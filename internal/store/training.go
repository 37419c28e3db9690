package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/training"
)

var _ training.Service = (*DB)(nil)

// CreateCourse adds a course run by a ULO, with its confidence questions.
func (db *DB) CreateCourse(ctx context.Context, orgID string, n training.NewCourse) (string, error) {
	qs, err := n.Validate()
	if err != nil {
		return "", err
	}
	id := newID()
	err = db.update(ctx, func(tx *Tx) error {
		if err := tx.userLed(ctx, orgID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "INSERT INTO training_courses (id, org_id, title, about, easy_read, rate_pence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
			id, orgID, n.Title, n.About, n.EasyRead, n.RatePence(), tx.now); err != nil {
			return mapErr(err, "organisation")
		}
		for i, q := range qs {
			if _, err := tx.exec(ctx, "INSERT INTO training_questions (id, course_id, position, text) VALUES (?, ?, ?, ?)", newID(), id, i+1, q); err != nil {
				return err
			}
		}
		return tx.record(ctx, "training_course.create", "training_course", id,
			map[string]string{"org_id": orgID, "title": n.Title, "questions": strconv.Itoa(len(qs))})
	})
	return id, err
}

const courseColumns = "c.id, c.org_id, o.name, c.title, c.about, c.easy_read, c.rate_pence FROM training_courses c JOIN organisations o ON o.id = c.org_id"

func scanCourse(r scanner) (training.Course, error) {
	var c training.Course
	err := r.Scan(&c.ID, &c.OrgID, &c.OrgName, &c.Title, &c.About, &c.EasyRead, &c.RatePence)
	return c, err
}

// Courses lists every course by title.
func (db *DB) Courses(ctx context.Context) ([]training.Course, error) {
	var out []training.Course
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			c, err := scanCourse(r)
			out = append(out, c)
			return err
		}, "SELECT "+courseColumns+" ORDER BY c.title, c.id")
	})
	return out, err
}

// Course returns a course with its questions in order.
func (db *DB) Course(ctx context.Context, id string) (*training.Course, error) {
	var c training.Course
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		if c, err = scanCourse(tx.queryRow(ctx, "SELECT "+courseColumns+" WHERE c.id = ?", id)); err != nil {
			return mapErr(err, "course")
		}
		return tx.each(ctx, func(r scanner) error {
			var q training.Question
			err := r.Scan(&q.ID, &q.Text)
			c.Questions = append(c.Questions, q)
			return err
		}, "SELECT id, text FROM training_questions WHERE course_id = ? ORDER BY position", id)
	})
	return &c, err
}

// AddSession adds a session of a course.
func (db *DB) AddSession(ctx context.Context, courseID string, n training.NewSession) (string, error) {
	trainers, err := n.Validate()
	if err != nil {
		return "", err
	}
	id := newID()
	err = db.update(ctx, func(tx *Tx) error {
		// Trainers with an account must belong to the ULO that runs the
		// course: it is the ULO that pays them.
		var names []string
		for _, uid := range n.TrainerIDs {
			var name string
			err := tx.queryRow(ctx, `SELECT u.display_name FROM users u JOIN memberships m ON m.user_id = u.id
				JOIN training_courses c ON c.org_id = m.org_id WHERE u.id = ? AND c.id = ?`, uid, courseID).Scan(&name)
			if err == sql.ErrNoRows {
				return apperr.Fields([]apperr.FieldError{{Field: "trainer_ids", Message: "Choose trainers from the organisation that runs the course"}})
			} else if err != nil {
				return err
			}
			names = append(names, name)
		}
		names = append(names, trainers...)
		if _, err := tx.exec(ctx, "INSERT INTO training_sessions (id, course_id, starts_at, place, trainers, created_at) VALUES (?, ?, ?, ?, ?, ?)",
			id, courseID, n.StartsAt.UTC(), n.Place, strings.Join(names, "\n"), tx.now); err != nil {
			return mapErr(err, "course")
		}
		for _, uid := range n.TrainerIDs {
			if _, err := tx.exec(ctx, "INSERT INTO training_session_trainers (session_id, user_id) VALUES (?, ?)", id, uid); err != nil {
				return mapErr(err, "trainer")
			}
		}
		return tx.record(ctx, "training_session.add", "training_course", courseID, map[string]string{"session_id": id, "trainers": strconv.Itoa(len(names)),
			"trainer_accounts": strings.Join(n.TrainerIDs, " ")})
	})
	return id, err
}

const trainingSessionColumns = `s.id, s.course_id, c.title, c.org_id, o.name, s.starts_at, s.place, s.trainers, s.delivered_at
	FROM training_sessions s JOIN training_courses c ON c.id = s.course_id JOIN organisations o ON o.id = c.org_id`

func scanTrainingSession(r scanner) (training.Session, error) {
	var s training.Session
	var trainers string
	var delivered sql.NullTime
	err := r.Scan(&s.ID, &s.CourseID, &s.CourseTitle, &s.OrgID, &s.OrgName, &s.StartsAt, &s.Place, &trainers, &delivered)
	s.StartsAt, s.Trainers = s.StartsAt.UTC(), unlines(trainers)
	if delivered.Valid {
		s.DeliveredAt = delivered.Time.UTC()
	}
	return s, err
}

// TrainingSessions lists a course's sessions, earliest first.
func (db *DB) TrainingSessions(ctx context.Context, courseID string) ([]training.Session, error) {
	var out []training.Session
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			s, err := scanTrainingSession(r)
			out = append(out, s)
			return err
		}, "SELECT "+trainingSessionColumns+" WHERE s.course_id = ? ORDER BY s.starts_at, s.id", courseID)
	})
	return out, err
}

// TrainingSession returns one session.
func (db *DB) TrainingSession(ctx context.Context, id string) (*training.Session, error) {
	var s training.Session
	err := db.view(ctx, func(tx *Tx) (err error) {
		if s, err = scanTrainingSession(tx.queryRow(ctx, "SELECT "+trainingSessionColumns+" WHERE s.id = ?", id)); err != nil {
			return mapErr(err, "session")
		}
		return tx.each(ctx, func(r scanner) error {
			var uid string
			err := r.Scan(&uid)
			s.TrainerIDs = append(s.TrainerIDs, uid)
			return err
		}, "SELECT user_id FROM training_session_trainers WHERE session_id = ? ORDER BY user_id", id)
	})
	return &s, err
}

// AddAttendee adds someone who attended a session; their organisation must
// be a provider.
func (db *DB) AddAttendee(ctx context.Context, sessionID string, n training.NewAttendee, userID string) (string, error) {
	if err := n.Validate(); err != nil {
		return "", err
	}
	id := newID()
	err := db.update(ctx, func(tx *Tx) error {
		var kind string
		if err := tx.queryRow(ctx, "SELECT kind FROM organisations WHERE id = ?", n.OrgID).Scan(&kind); err != nil || kind != "provider" {
			return apperr.Fields([]apperr.FieldError{{Field: "org", Message: "Choose the provider they work for"}})
		}
		if _, err := tx.exec(ctx, "INSERT INTO training_attendees (id, session_id, name, org_id, role, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
			id, sessionID, n.Name, n.OrgID, n.Role, userID, tx.now); err != nil {
			return mapErr(err, "session")
		}
		return tx.record(ctx, "training_attendee.add", "training_session", sessionID, map[string]string{"attendee_id": id, "org_id": n.OrgID, "role": n.Role})
	})
	return id, err
}

const attendeeColumns = `a.id, a.session_id, a.name, a.org_id, o.name, a.role, a.user_id,
	EXISTS (SELECT 1 FROM training_answers x WHERE x.attendee_id = a.id AND x.phase = 'before'),
	EXISTS (SELECT 1 FROM training_answers x WHERE x.attendee_id = a.id AND x.phase = 'after'),
	c.title, s.place, s.starts_at, s.trainers, g.name
	FROM training_attendees a JOIN organisations o ON o.id = a.org_id JOIN training_sessions s ON s.id = a.session_id
	JOIN training_courses c ON c.id = s.course_id JOIN organisations g ON g.id = c.org_id`

func scanAttendee(r scanner) (training.Record, error) {
	var a training.Record
	var trainers string
	err := r.Scan(&a.ID, &a.SessionID, &a.Name, &a.OrgID, &a.OrgName, &a.Role, &a.UserID, &a.AnsweredBefore, &a.AnsweredAfter,
		&a.CourseTitle, &a.Place, &a.StartsAt, &trainers, &a.TrainingOrg)
	a.StartsAt, a.Trainers = a.StartsAt.UTC(), unlines(trainers)
	return a, err
}

// Attendees lists a session's attendees by name.
func (db *DB) Attendees(ctx context.Context, sessionID string) ([]training.Record, error) {
	var out []training.Record
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			a, err := scanAttendee(r)
			out = append(out, a)
			return err
		}, "SELECT "+attendeeColumns+" WHERE a.session_id = ? ORDER BY a.name, a.id", sessionID)
	})
	return out, err
}

// Attendee returns one attendee with their session and course.
func (db *DB) Attendee(ctx context.Context, id string) (*training.Record, error) {
	var a training.Record
	err := db.view(ctx, func(tx *Tx) (err error) {
		a, err = scanAttendee(tx.queryRow(ctx, "SELECT "+attendeeColumns+" WHERE a.id = ?", id))
		return mapErr(err, "attendee")
	})
	return &a, err
}

// RecordAnswers keeps an attendee's answers at one phase; every question
// of the course must be answered.
func (db *DB) RecordAnswers(ctx context.Context, attendeeID string, phase training.Phase, values map[string]int) error {
	return db.update(ctx, func(tx *Tx) error {
		var qs []string
		err := tx.each(ctx, func(r scanner) error {
			var q string
			err := r.Scan(&q)
			qs = append(qs, q)
			return err
		}, `SELECT q.id FROM training_questions q JOIN training_sessions s ON s.course_id = q.course_id
			JOIN training_attendees a ON a.session_id = s.id WHERE a.id = ? ORDER BY q.position`, attendeeID)
		if err != nil {
			return err
		}
		if len(qs) == 0 {
			return apperr.Errorf(apperr.NotFound, "No such attendee")
		}
		var fs []apperr.FieldError
		for _, q := range qs {
			a := training.Answer{Attendee: attendeeID, Question: q, Phase: phase, Value: values[q]}
			if a.Check() != nil {
				fs = append(fs, apperr.FieldError{Field: "q-" + q, Message: "Choose an answer from 1 to 5 for every question"})
			}
		}
		if len(fs) > 0 {
			return apperr.Fields(fs)
		}
		if _, err := tx.exec(ctx, "DELETE FROM training_answers WHERE attendee_id = ? AND phase = ?", attendeeID, string(phase)); err != nil {
			return err
		}
		for _, q := range qs {
			if _, err := tx.exec(ctx, "INSERT INTO training_answers (attendee_id, question_id, phase, value) VALUES (?, ?, ?, ?)",
				attendeeID, q, string(phase), values[q]); err != nil {
				return err
			}
		}
		return tx.record(ctx, "training_answers.record", "training_attendee", attendeeID, map[string]string{"phase": string(phase)})
	})
}

// CourseAnswers lists every answer given on a course.
func (db *DB) CourseAnswers(ctx context.Context, courseID string) ([]training.Answer, error) {
	var out []training.Answer
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			var a training.Answer
			var phase string
			err := r.Scan(&a.Attendee, &a.Question, &phase, &a.Value)
			a.Phase = training.Phase(phase)
			out = append(out, a)
			return err
		}, `SELECT x.attendee_id, x.question_id, x.phase, x.value FROM training_answers x JOIN training_questions q ON q.id = x.question_id
			WHERE q.course_id = ? ORDER BY x.attendee_id, q.position, x.phase`, courseID)
	})
	return out, err
}

// SetStaffing records the staff a provider declares in one role.
func (db *DB) SetStaffing(ctx context.Context, s training.Staffing) error {
	s.Role = strings.TrimSpace(s.Role)
	if s.Role == "" || s.Declared < 0 {
		return apperr.Fields([]apperr.FieldError{{Field: "role", Message: "Enter a role and how many staff work in it"}})
	}
	return db.update(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, "UPDATE training_staffing SET declared = ?, updated_at = ? WHERE org_id = ? AND role = ?", s.Declared, tx.now, s.OrgID, s.Role)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := tx.exec(ctx, "INSERT INTO training_staffing (org_id, role, declared, updated_at) VALUES (?, ?, ?, ?)", s.OrgID, s.Role, s.Declared, tx.now); err != nil {
				return mapErr(err, "organisation")
			}
		}
		return tx.record(ctx, "training_staffing.set", "organisation", s.OrgID, map[string]string{"role": s.Role, "declared": strconv.Itoa(s.Declared)})
	})
}

// Staffing lists the staff every provider declares.
func (db *DB) Staffing(ctx context.Context) ([]training.Staffing, error) {
	var out []training.Staffing
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			var s training.Staffing
			err := r.Scan(&s.OrgID, &s.Organisation, &s.Role, &s.Declared)
			out = append(out, s)
			return err
		}, "SELECT s.org_id, o.name, s.role, s.declared FROM training_staffing s JOIN organisations o ON o.id = s.org_id ORDER BY o.name, s.role")
	})
	return out, err
}

// AllAttendees lists every attendee, for reach and who trained whom; Person
// is their account, or their name within their organisation when they have
// none.
func (db *DB) AllAttendees(ctx context.Context) ([]training.Attendee, error) {
	var out []training.Attendee
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			var a training.Attendee
			var user, name string
			err := r.Scan(&user, &name, &a.Organisation, &a.Role, &a.By, &a.OrgID, &a.At)
			a.Person = user
			if user == "" {
				a.Person = "name:" + strings.ToLower(name)
			}
			out = append(out, a)
			return err
		}, `SELECT a.user_id, a.name, o.name, a.role, g.name, a.org_id, s.starts_at FROM training_attendees a JOIN organisations o ON o.id = a.org_id
			JOIN training_sessions s ON s.id = a.session_id JOIN training_courses c ON c.id = s.course_id JOIN organisations g ON g.id = c.org_id
			ORDER BY a.created_at, a.id`)
	})
	return out, err
}

// AddTrainingFeedback keeps feedback to a session's trainers; the audit event
// names no one but the session.
func (db *DB) AddTrainingFeedback(ctx context.Context, sessionID, words string) error {
	words, err := training.CheckFeedback(words)
	if err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, "INSERT INTO training_feedback (id, session_id, words, created_at) VALUES (?, ?, ?, ?)",
			newID(), sessionID, words, tx.now); err != nil {
			return mapErr(err, "session")
		}
		return tx.record(ctx, "training_feedback.add", "training_session", sessionID, nil)
	})
}

// TrainingFeedback lists a session's feedback, newest first.
func (db *DB) TrainingFeedback(ctx context.Context, sessionID string) ([]training.Feedback, error) {
	var out []training.Feedback
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			var f training.Feedback
			err := r.Scan(&f.Words, &f.At)
			f.At = f.At.UTC()
			out = append(out, f)
			return err
		}, "SELECT words, created_at FROM training_feedback WHERE session_id = ? ORDER BY created_at DESC, id", sessionID)
	})
	return out, err
}
