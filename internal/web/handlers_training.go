package web

import (
	"net/http"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/training"
)

// Training by people with lived experience: the courses a ULO runs, their
// sessions and results per question (never one satisfaction score).
var (
	trainingListPage   = page[trainingListData]{"training_list"}
	trainingCoursePage = page[trainingCourseData]{"training_course"}
	trainingReachPage  = page[trainingReachData]{"training_reach"}
)

type trainingListData struct {
	Courses []training.Course
	RunFor  []round.Option // the ULOs the reader runs training for
	// Payments are the reader's own claims for sessions they delivered.
	Payments []training.Payment
}

func (s *Server) trainingListData(r *http.Request) (trainingListData, error) {
	var d trainingListData
	var err error
	if d.Courses, err = s.store.Courses(r.Context()); err != nil {
		return d, err
	}
	p := principal(r)
	if p.SignedIn() {
		if d.Payments, err = s.store.TrainerPayments(r.Context(), p.User.ID); err != nil {
			return d, err
		}
	}
	var ids []string
	for _, id := range p.PeerOrgIDs(auth.RoleFacilitator, auth.RoleCoordinator) {
		if o, err := s.store.OrganisationByID(r.Context(), id); err == nil && o.Kind == auth.KindUserLed && auth.Can(p, auth.ActionRunTraining, orgObject(id)) {
			ids = append(ids, id)
		}
	}
	d.RunFor, err = s.orgOptions(r, ids)
	return d, err
}

func (s *Server) trainingList(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewTraining, auth.Object{}); err != nil {
		return err
	}
	d, err := s.trainingListData(r)
	if err != nil {
		return err
	}
	return trainingListPage.show(s, w, r, http.StatusOK, view{Title: "Training by people with lived experience"}, d)
}

func (s *Server) trainingCreateCourse(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	org := r.PostForm.Get("org")
	if err := allow(r, auth.ActionRunTraining, orgObject(org)); err != nil {
		return err
	}
	n := training.NewCourse{Title: r.PostForm.Get("title"), About: r.PostForm.Get("about"), EasyRead: r.PostForm.Get("easy_read"),
		Questions: r.PostForm.Get("questions"), Rate: r.PostForm.Get("rate")}
	id, err := s.store.CreateCourse(r.Context(), org, n)
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			d, err := s.trainingListData(r)
			if err != nil {
				return err
			}
			return trainingListPage.show(s, w, r, status, view{Title: "Training by people with lived experience", Errors: errs, Form: r.PostForm}, d)
		})
	}
	http.Redirect(w, r, "/training/courses/"+id+"?done=training-course-added", http.StatusSeeOther)
	return nil
}

type trainingCourseData struct {
	Course   *training.Course
	Sessions []training.Session
	Results  []training.Result
	Run      bool
	// Trainers are the accounts at the ULO that can deliver a session.
	Trainers  []round.Option
	Materials []training.Material
	Versions  []round.Option // of the materials' upload form
}

func (s *Server) trainingCourseData(r *http.Request) (trainingCourseData, error) {
	c, err := s.store.Course(r.Context(), r.PathValue("id"))
	if apperr.Code(err) == apperr.NotFound {
		return trainingCourseData{}, errNotFound
	} else if err != nil {
		return trainingCourseData{}, err
	}
	d := trainingCourseData{Course: c, Run: auth.Can(principal(r), auth.ActionRunTraining, orgObject(c.OrgID)), Versions: materialVersions}
	if d.Sessions, err = s.store.TrainingSessions(r.Context(), c.ID); err != nil {
		return d, err
	}
	if d.Materials, err = s.store.Materials(r.Context(), c.ID); err != nil {
		return d, err
	}
	if d.Run {
		ms, err := s.store.Members(r.Context(), c.OrgID)
		if err != nil {
			return d, err
		}
		for _, m := range ms {
			d.Trainers = append(d.Trainers, round.Option{Key: m.UserID, Label: m.UserName})
		}
	}
	answers, err := s.store.CourseAnswers(r.Context(), c.ID)
	if err != nil {
		return d, err
	}
	d.Results, err = training.Results(c.Questions, answers)
	return d, err
}

func (s *Server) trainingCourse(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewTraining, auth.Object{}); err != nil {
		return err
	}
	d, err := s.trainingCourseData(r)
	if err != nil {
		return err
	}
	return trainingCoursePage.show(s, w, r, http.StatusOK, view{Title: d.Course.Title}, d)
}

func (s *Server) trainingAddSession(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewTraining, auth.Object{}); err != nil {
		return err
	}
	d, err := s.trainingCourseData(r)
	if err != nil {
		return err
	}
	if !d.Run {
		return errForbidden
	}
	_ = r.ParseForm()
	again := func(status int, errs []apperr.FieldError) error {
		return trainingCoursePage.show(s, w, r, status, view{Title: d.Course.Title, Errors: errs, Form: r.PostForm}, d)
	}
	n := training.NewSession{Place: r.PostForm.Get("place"), Trainers: r.PostForm.Get("trainers"), TrainerIDs: r.PostForm["trainer_ids"]}
	if v := r.PostForm.Get("starts_at"); v != "" {
		at, m := parseDeadline(v)
		if m != "" {
			return again(http.StatusUnprocessableEntity, []apperr.FieldError{{Field: "starts_at", Message: m}})
		}
		n.StartsAt = at
	}
	if _, err := s.store.AddSession(r.Context(), d.Course.ID, n); err != nil {
		return formProblem(err, again)
	}
	http.Redirect(w, r, "/training/courses/"+d.Course.ID+"?done=training-session-added", http.StatusSeeOther)
	return nil
}

// trainingReachData is trained staff against declared staff, per provider
// and role, with the form for the providers the reader leads.
type trainingReachData struct {
	Reach     []training.Reach
	Whom      []training.Trained
	Providers []round.Option
}

func (s *Server) trainingReachData(r *http.Request) (trainingReachData, error) {
	staff, err := s.store.Staffing(r.Context())
	if err != nil {
		return trainingReachData{}, err
	}
	all, err := s.store.AllAttendees(r.Context())
	if err != nil {
		return trainingReachData{}, err
	}
	d := trainingReachData{Reach: training.ReachOf(staff, all), Whom: training.WhoTrainedWhom(all)}
	d.Providers, err = s.orgOptions(r, principal(r).PeerOrgIDs(auth.RoleProvider))
	return d, err
}

func (s *Server) trainingReach(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewTraining, auth.Object{}); err != nil {
		return err
	}
	d, err := s.trainingReachData(r)
	if err != nil {
		return err
	}
	return trainingReachPage.show(s, w, r, http.StatusOK, view{Title: "Reach: staff trained at each provider"}, d)
}

func (s *Server) trainingDeclare(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	org := r.PostForm.Get("org")
	if err := allow(r, auth.ActionProviderTraining, orgObject(org)); err != nil {
		return err
	}
	n, err := strconv.Atoi(r.PostForm.Get("declared"))
	if err != nil || n < 0 || n > 1000000 {
		n = -1
	}
	if err := s.store.SetStaffing(r.Context(), training.Staffing{OrgID: org, Role: r.PostForm.Get("role"), Declared: n}); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			d, err := s.trainingReachData(r)
			if err != nil {
				return err
			}
			return trainingReachPage.show(s, w, r, status, view{Title: "Reach: staff trained at each provider", Errors: errs, Form: r.PostForm}, d)
		})
	}
	http.Redirect(w, r, "/training/reach?done=training-staff-saved", http.StatusSeeOther)
	return nil
}
