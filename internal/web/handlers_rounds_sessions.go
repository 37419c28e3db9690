package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/csvcell"
	"github.com/coprod/coprod/internal/round"
)

// The pages of the group's sessions.
var (
	roundSessionsPage   = page[roundPage[listData[round.Session]]]{"round_sessions"}
	roundSessionNewPage = page[roundPage[noData]]{"round_session_new"}
	roundSessionPage    = page[roundPage[sessionData]]{"round_session"}
)

func (s *Server) sessionList(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewGroupContent)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	ss, next, err := s.store.ListGroupSessions(r.Context(), rd.ID, q.Get("after"), 25)
	if err != nil {
		return err
	}
	return showInRound(s, w, r, roundSessionsPage, http.StatusOK, view{Title: "Sessions"}, rd,
		listData[round.Session]{Items: ss, Next: nextPage(r, next), First: q.Get("after") == ""})
}

func (s *Server) sessionNewForm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionRunGroup)
	if err != nil {
		return err
	}
	return showInRound(s, w, r, roundSessionNewPage, http.StatusOK, view{Title: "Add a session"}, rd, noData{})
}

func (s *Server) sessionCreate(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionRunGroup)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	n := newSessionForm(r.PostForm)
	err = n.Validate()
	var ss *round.Session
	if err == nil {
		ss, err = s.store.CreateGroupSession(r.Context(), rd.ID, n)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return showInRound(s, w, r, roundSessionNewPage, status, view{Title: "Add a session", Errors: errs}, rd, noData{})
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/sessions/"+ss.ID+"?done=session-added", http.StatusSeeOther)
	return nil
}

type sessionData struct {
	Session  *round.Session
	Attended map[string]bool
	Names    map[string]string // member id → pseudonym
}

func (s *Server) sessionShow(w http.ResponseWriter, r *http.Request) error {
	return s.sessionPage(w, r, http.StatusOK, nil)
}

// sessionPage shows a session; attendance and payments are the
// facilitators' records, so only they see them.
func (s *Server) sessionPage(w http.ResponseWriter, r *http.Request, status int, errs []apperr.FieldError) error {
	rd, err := s.roundFor(r, auth.ActionViewGroupContent)
	if err != nil {
		return err
	}
	ss, err := s.store.GroupSessionByID(r.Context(), rd.ID, r.PathValue("sid"))
	if err != nil {
		return err
	}
	p, err := newRoundPage[sessionData](s, r, rd)
	if err != nil {
		return err
	}
	d := sessionData{Session: ss, Attended: map[string]bool{}, Names: map[string]string{}}
	for _, m := range ss.Attendees {
		d.Attended[m] = true
	}
	for _, m := range p.Members {
		d.Names[m.ID] = m.Pseudonym
	}
	if !p.Facilitator() {
		ss.Attendees, ss.Payments = nil, nil
	}
	p.Page = d
	return roundSessionPage.show(s, w, r, status, view{Title: "Session on " + ss.StartsAt.Format("2 January 2006"), Errors: errs, Form: formValues(r)}, p)
}

func (s *Server) sessionAttendance(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionRunGroup)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if err := s.store.SetAttendance(r.Context(), rd.ID, r.PathValue("sid"), r.PostForm["attended"]); err != nil {
		return err
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/sessions/"+r.PathValue("sid")+"?done=attendance", http.StatusSeeOther)
	return nil
}

func (s *Server) sessionPayment(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionRunGroup)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	n := newPaymentForm(r.PostForm)
	err = n.Validate()
	if err == nil {
		err = s.store.AddPayment(r.Context(), rd.ID, r.PathValue("sid"), n)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.sessionPage(w, r, status, errs) })
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/sessions/"+r.PathValue("sid")+"?done=payment-added", http.StatusSeeOther)
	return nil
}

// paymentsCSV is the finance export of involvement payments: facilitators
// only, since it names the people paid.
func (s *Server) paymentsCSV(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionRunGroup)
	if err != nil {
		return err
	}
	lines, err := s.store.RoundPayments(r.Context(), rd.ID)
	if err != nil {
		return err
	}
	download(w, "text/csv; charset=utf-8", "involvement-payments.csv")
	w.Header().Set("Cache-Control", "no-store")
	cw := csvcell.NewWriter(w)
	cw.Write([]string{"session_date", "pseudonym", "real_name", "amount_pence", "amount", "method", "paid_on", "payment_id"})
	for _, l := range lines {
		cw.Write([]string{l.SessionStartsAt.Format(time.DateOnly), l.Pseudonym, l.RealName, strconv.FormatInt(l.AmountPence, 10),
			round.FormatPence(l.AmountPence), l.Method, l.PaidOn, l.ID})
	}
	// Once the file has begun, a write error means the reader has gone:
	// there is no one left to tell.
	cw.Flush()
	return nil
}
