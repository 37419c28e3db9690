package web

import (
	"net/http"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/training"
)

// A session and who attended: the trainers' organisation sees everyone,
// a provider's lead their own staff, a trainee themselves.
var (
	trainingSessionPage     = page[trainingSessionData]{"training_session"}
	trainingAnswersPage     = page[trainingAnswersData]{"training_answers"}
	trainingCertificatePage = page[*training.Record]{"training_certificate"}
)

type trainingSessionData struct {
	Session   *training.Session
	Attendees []training.Record // those the reader may see
	Count     int
	Run       bool
	Providers []round.Option
	// Feedback to the trainers: read by the trainers' organisation, given
	// by those who attended (or recorded for them by the trainers).
	Feedback     []training.Feedback
	GiveFeedback bool
	// Payments are the trainers' involvement payment claims: all of them
	// for the organisation, a trainer's own for them.
	Payments []training.Payment
	// Deliverable: the session has started and is not yet recorded as
	// delivered, so the organisation can record it.
	Deliverable bool
}

func (s *Server) trainingSessionData(r *http.Request) (trainingSessionData, error) {
	if err := allow(r, auth.ActionViewTraining, auth.Object{}); err != nil {
		return trainingSessionData{}, err
	}
	ss, err := s.store.TrainingSession(r.Context(), r.PathValue("id"))
	if apperr.Code(err) == apperr.NotFound {
		return trainingSessionData{}, errNotFound
	} else if err != nil {
		return trainingSessionData{}, err
	}
	p := principal(r)
	d := trainingSessionData{Session: ss, Run: auth.Can(p, auth.ActionRunTraining, orgObject(ss.OrgID))}
	all, err := s.store.Attendees(r.Context(), ss.ID)
	if err != nil {
		return d, err
	}
	d.Count = len(all)
	d.GiveFeedback = d.Run
	for _, a := range all {
		if d.Run || a.UserID == p.User.ID || auth.Can(p, auth.ActionProviderTraining, orgObject(a.OrgID)) {
			d.Attendees = append(d.Attendees, a)
		}
		if a.UserID == p.User.ID {
			d.GiveFeedback = true
		}
	}
	pays, err := s.store.SessionPayments(r.Context(), ss.ID)
	if err != nil {
		return d, err
	}
	for _, x := range pays {
		if d.Run || x.UserID == p.User.ID {
			d.Payments = append(d.Payments, x)
		}
	}
	if d.Run {
		d.Deliverable = ss.DeliveredAt.IsZero() && !ss.StartsAt.After(s.cfg.Now())
		if d.Feedback, err = s.store.TrainingFeedback(r.Context(), ss.ID); err != nil {
			return d, err
		}
		orgs, _, err := s.store.ListOrganisations(r.Context(), auth.ListQuery{Limit: 200})
		if err != nil {
			return d, err
		}
		for _, o := range orgs {
			if o.Kind == auth.KindProvider {
				d.Providers = append(d.Providers, round.Option{Key: o.ID, Label: o.Name})
			}
		}
	}
	return d, nil
}

func (s *Server) trainingSession(w http.ResponseWriter, r *http.Request) error {
	d, err := s.trainingSessionData(r)
	if err != nil {
		return err
	}
	return s.showSession(w, r, d, http.StatusOK, nil)
}

// showSession draws the session's page, with a form's problems if any.
func (s *Server) showSession(w http.ResponseWriter, r *http.Request, d trainingSessionData, status int, errs []apperr.FieldError) error {
	v := view{Title: d.Session.CourseTitle + ": " + londonDateTime(d.Session.StartsAt), Errors: errs, Form: r.PostForm}
	return trainingSessionPage.show(s, w, r, status, v, d)
}

func (s *Server) trainingAddAttendee(w http.ResponseWriter, r *http.Request) error {
	d, err := s.trainingSessionData(r)
	if err != nil {
		return err
	}
	if !d.Run {
		return errForbidden
	}
	_ = r.ParseForm()
	again := func(status int, errs []apperr.FieldError) error { return s.showSession(w, r, d, status, errs) }
	userID := ""
	if email := auth.NormaliseEmail(r.PostForm.Get("email")); email != "" {
		u, err := s.store.UserByEmail(r.Context(), email)
		if apperr.Code(err) == apperr.NotFound {
			return again(http.StatusUnprocessableEntity, []apperr.FieldError{{Field: "email", Message: "No account has this email address. Leave it empty if they have none"}})
		} else if err != nil {
			return err
		}
		userID = u.ID
	}
	n := training.NewAttendee{Name: r.PostForm.Get("name"), OrgID: r.PostForm.Get("org"), Role: r.PostForm.Get("role")}
	if _, err := s.store.AddAttendee(r.Context(), d.Session.ID, n, userID); err != nil {
		return formProblem(err, again)
	}
	http.Redirect(w, r, "/training/sessions/"+d.Session.ID+"?done=training-attendee-added", http.StatusSeeOther)
	return nil
}

// attendeeFor loads the attendee in the path for a reader who runs the
// training, is the trainee, or (when lead is true) leads their provider.
func (s *Server) attendeeFor(r *http.Request, lead bool) (*training.Record, bool, error) {
	p := principal(r)
	if !p.SignedIn() {
		return nil, false, errSignIn
	}
	a, err := s.store.Attendee(r.Context(), r.PathValue("id"))
	if apperr.Code(err) == apperr.NotFound {
		return nil, false, errNotFound
	} else if err != nil {
		return nil, false, err
	}
	ss, err := s.store.TrainingSession(r.Context(), a.SessionID)
	if err != nil {
		return nil, false, err
	}
	run := auth.Can(p, auth.ActionRunTraining, orgObject(ss.OrgID))
	if run || a.UserID == p.User.ID || (lead && auth.Can(p, auth.ActionProviderTraining, orgObject(a.OrgID))) {
		return a, run, nil
	}
	return nil, false, errNotFound
}

// trainingAnswersData is the questionnaire for one attendee at one phase.
type trainingAnswersData struct {
	Attendee  *training.Record
	Phase     training.Phase
	Questions []trainingQuestion
}

type trainingQuestion struct {
	training.Question
	Choices choiceArgs
}

func (s *Server) trainingAnswersData(r *http.Request, a *training.Record, phase training.Phase, v view) (trainingAnswersData, error) {
	ss, err := s.store.TrainingSession(r.Context(), a.SessionID)
	if err != nil {
		return trainingAnswersData{}, err
	}
	c, err := s.store.Course(r.Context(), ss.CourseID)
	if err != nil {
		return trainingAnswersData{}, err
	}
	var scale []round.Option
	for i, l := range training.ScaleLabels {
		scale = append(scale, round.Option{Key: strconv.Itoa(i + 1), Label: strconv.Itoa(i+1) + ": " + l})
	}
	d := trainingAnswersData{Attendee: a, Phase: phase}
	for _, q := range c.Questions {
		d.Questions = append(d.Questions, trainingQuestion{Question: q, Choices: choiceList(v.Form, v.Errors, "q-"+q.ID, q.Text, "radio", "", scale)})
	}
	return d, nil
}

func parsePhase(r *http.Request) (training.Phase, error) {
	switch p := training.Phase(r.PathValue("phase")); p {
	case training.Before, training.After:
		return p, nil
	}
	return "", errNotFound
}

func answersTitle(phase training.Phase) string {
	if phase == training.Before {
		return "Confidence before the session"
	}
	return "Confidence after the session"
}

func (s *Server) trainingAnswersForm(w http.ResponseWriter, r *http.Request) error {
	phase, err := parsePhase(r)
	if err != nil {
		return err
	}
	a, _, err := s.attendeeFor(r, false)
	if err != nil {
		return err
	}
	v := view{Title: answersTitle(phase)}
	d, err := s.trainingAnswersData(r, a, phase, v)
	if err != nil {
		return err
	}
	return trainingAnswersPage.show(s, w, r, http.StatusOK, v, d)
}

func (s *Server) trainingAnswers(w http.ResponseWriter, r *http.Request) error {
	phase, err := parsePhase(r)
	if err != nil {
		return err
	}
	a, _, err := s.attendeeFor(r, false)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	values := map[string]int{}
	for k, vs := range r.PostForm {
		if len(k) > 2 && k[:2] == "q-" {
			n, _ := strconv.Atoi(vs[0])
			values[k[2:]] = n
		}
	}
	if err := s.store.RecordAnswers(r.Context(), a.ID, phase, values); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			v := view{Title: answersTitle(phase), Errors: errs, Form: r.PostForm}
			d, err := s.trainingAnswersData(r, a, phase, v)
			if err != nil {
				return err
			}
			return trainingAnswersPage.show(s, w, r, status, v, d)
		})
	}
	http.Redirect(w, r, "/training/sessions/"+a.SessionID+"?done=training-answers-saved", http.StatusSeeOther)
	return nil
}

func (s *Server) trainingCertificate(w http.ResponseWriter, r *http.Request) error {
	a, _, err := s.attendeeFor(r, true)
	if err != nil {
		return err
	}
	return trainingCertificatePage.show(s, w, r, http.StatusOK, view{Title: "Certificate of attendance"}, a)
}

func (s *Server) trainingFeedback(w http.ResponseWriter, r *http.Request) error {
	d, err := s.trainingSessionData(r)
	if err != nil {
		return err
	}
	if !d.GiveFeedback {
		return errForbidden
	}
	_ = r.ParseForm()
	if err := s.store.AddTrainingFeedback(r.Context(), d.Session.ID, r.PostForm.Get("feedback")); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.showSession(w, r, d, status, errs) })
	}
	http.Redirect(w, r, "/training/sessions/"+d.Session.ID+"?done=training-feedback-saved", http.StatusSeeOther)
	return nil
}

// trainingDelivered records that the session was delivered, which makes
// its trainers' involvement payment claims.
func (s *Server) trainingDelivered(w http.ResponseWriter, r *http.Request) error {
	d, err := s.trainingSessionData(r)
	if err != nil {
		return err
	}
	if !d.Run {
		return errForbidden
	}
	if err := s.store.RecordDelivered(r.Context(), d.Session.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/training/sessions/"+d.Session.ID+"?done=training-delivered", http.StatusSeeOther)
	return nil
}
