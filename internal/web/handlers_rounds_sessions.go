package web

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"time"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

func (s *Server) sessionList(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionViewRound)
	if !ok {
		return
	}
	q := r.URL.Query()
	ss, next, err := s.store.ListGroupSessions(r.Context(), rd.ID, q.Get("after"), 25)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.showRound(w, r, http.StatusOK, "round_sessions", "Sessions", rd, listData[round.Session]{Items: ss, Next: nextPage(r, next), First: q.Get("after") == ""}, nil)
}

func (s *Server) sessionNewForm(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionRunGroup)
	if !ok {
		return
	}
	s.showRound(w, r, http.StatusOK, "round_session_new", "Add a session", rd, nil, nil)
}

func (s *Server) sessionCreate(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionRunGroup)
	if !ok {
		return
	}
	_ = r.ParseForm()
	f := r.PostForm
	n := round.NewSession{Date: f.Get("date"), Time: f.Get("time"), Place: f.Get("place"), OnlineLink: f.Get("online_link"),
		Activities: f["activities"], AccessArrangements: f.Get("access_arrangements"), Notes: f.Get("notes")}
	err := n.Validate()
	var ss *round.Session
	if err == nil {
		ss, err = s.store.CreateGroupSession(r.Context(), rd.ID, n)
	}
	if err != nil {
		s.roundFormError(w, r, err, "round_session_new", "Add a session", rd, nil)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/sessions/"+ss.ID+"?done=session-added", http.StatusSeeOther)
}

type sessionData struct {
	Session  *round.Session
	Attended map[string]bool
	Names    map[string]string // member id → pseudonym
}

func (s *Server) sessionShow(w http.ResponseWriter, r *http.Request) {
	s.sessionPage(w, r, http.StatusOK, nil)
}

// sessionPage shows a session; attendance and payments are the
// facilitators' records, so only they see them.
func (s *Server) sessionPage(w http.ResponseWriter, r *http.Request, status int, err error) {
	rd, ok := s.loadRound(w, r, auth.ActionViewRound)
	if !ok {
		return
	}
	ss, e := s.store.GroupSessionByID(r.Context(), rd.ID, r.PathValue("sid"))
	if e != nil {
		s.fail(w, r, e)
		return
	}
	d := sessionData{Session: ss, Attended: map[string]bool{}, Names: map[string]string{}}
	for _, m := range ss.Attendees {
		d.Attended[m] = true
	}
	p, e := s.newRoundPage(r, rd, nil)
	if e != nil {
		s.serverError(w, r, e)
		return
	}
	for _, m := range p.Members {
		d.Names[m.ID] = m.Pseudonym
	}
	if !p.Facilitator() {
		ss.Attendees, ss.Payments = nil, nil
	}
	if err != nil {
		s.roundFormError(w, r, err, "round_session", "Session on "+ss.StartsAt.Format("2 January 2006"), rd, d)
		return
	}
	p.Page = d
	s.render(w, r, status, "round_session", view{Title: "Session on " + ss.StartsAt.Format("2 January 2006"), Form: formValues(r), Data: p})
}

func (s *Server) sessionAttendance(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionRunGroup)
	if !ok {
		return
	}
	_ = r.ParseForm()
	if err := s.store.SetAttendance(r.Context(), rd.ID, r.PathValue("sid"), r.PostForm["attended"]); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/sessions/"+r.PathValue("sid")+"?done=attendance", http.StatusSeeOther)
}

func (s *Server) sessionPayment(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionRunGroup)
	if !ok {
		return
	}
	_ = r.ParseForm()
	f := r.PostForm
	n := round.NewPayment{MemberID: f.Get("member_id"), Amount: f.Get("amount"), Method: f.Get("method"), PaidOn: f.Get("paid_on")}
	err := n.Validate()
	if err == nil {
		err = s.store.AddPayment(r.Context(), rd.ID, r.PathValue("sid"), n)
	}
	if err != nil {
		s.sessionPage(w, r, http.StatusUnprocessableEntity, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/sessions/"+r.PathValue("sid")+"?done=payment-added", http.StatusSeeOther)
}

// paymentsCSV is the finance export of involvement payments: facilitators
// only, since it names the people paid.
func (s *Server) paymentsCSV(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionRunGroup)
	if !ok {
		return
	}
	lines, err := s.store.RoundPayments(r.Context(), rd.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	download(w, "text/csv; charset=utf-8", "involvement-payments.csv")
	w.Header().Set("Cache-Control", "no-store")
	cw := csv.NewWriter(w)
	cw.Write([]string{"session_date", "pseudonym", "real_name", "amount_pence", "amount", "method", "paid_on", "payment_id"})
	for _, l := range lines {
		cw.Write([]string{l.SessionStartsAt.Format(time.DateOnly), l.Pseudonym, l.RealName, strconv.FormatInt(l.AmountPence, 10),
			round.FormatPence(l.AmountPence), l.Method, l.PaidOn, l.ID})
	}
	cw.Flush()
}
