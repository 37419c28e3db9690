package web

import (
	"net/http"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/tender"
)

// resultView is the engine's result, published as every face publishes it.
type resultView struct {
	Report    tender.Report
	Summaries []tender.Summary
	Award     *tender.AwardDecision
	Problem   string // why there is no result yet
}

// result runs the engine on the tender's bids and consensus scores.
func (s *Server) result(r *http.Request, t *tender.Tender) (resultView, error) {
	var v resultView
	bids, err := s.store.SubmittedBids(r.Context(), t.ID)
	if err != nil {
		return v, err
	}
	cs, err := s.store.ConsensusForResult(r.Context(), t.ID)
	if err != nil {
		return v, err
	}
	res, err := t.Evaluate(bids, cs)
	if err != nil {
		if apperr.Code(err) == apperr.Invalid {
			v.Problem = apperr.Message(err)
			return v, nil
		}
		return v, err
	}
	v.Report, v.Summaries = tender.NewReport(t.ITT, res), tender.Summaries(t.ITT, res)
	if a, err := s.store.AwardOf(r.Context(), t.ID); err == nil {
		v.Award = a
	} else if apperr.Code(err) != apperr.NotFound {
		return v, err
	}
	return v, nil
}

func (s *Server) showResult(w http.ResponseWriter, r *http.Request, status int, page, title string, t *tender.Tender, errs []apperr.FieldError) {
	v, err := s.result(r, t)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.showTender(w, r, status, page, title, t, v, errs)
}

func (s *Server) tenderResult(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionViewResult)
	if !ok {
		return
	}
	s.showResult(w, r, http.StatusOK, "tender_result", "Result", t, nil)
}

func (s *Server) tenderSummaries(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionViewResult)
	if !ok {
		return
	}
	s.showResult(w, r, http.StatusOK, "tender_summaries", "Assessment summaries", t, nil)
}

func (s *Server) tenderAwardForm(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionManageTender)
	if !ok {
		return
	}
	s.showResult(w, r, http.StatusOK, "tender_award", "Award the contract", t, nil)
}

func (s *Server) tenderAward(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionManageTender)
	if !ok {
		return
	}
	_ = r.ParseForm()
	notice, msg := round.ParseDate(r.PostForm.Get("notice_on"))
	var err error
	if msg != "" {
		err = apperr.Fields([]apperr.FieldError{{Field: "notice_on", Message: msg}})
	} else {
		_, err = s.store.RecordAward(r.Context(), t.ID, r.PostForm.Get("winner"), r.PostForm.Get("reason"), notice.In(time.UTC))
	}
	if err != nil {
		if len(apperr.FieldsOf(err)) == 0 {
			s.fail(w, r, err)
			return
		}
		s.showResult(w, r, statusFor[apperr.Code(err)], "tender_award", "Award the contract", t, apperr.FieldsOf(err))
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/result?done=awarded", http.StatusSeeOther)
}

// The result's downloads, for checking it away from the platform: the
// result as "coprod tender score --format json" writes it, and the two
// files that command reads (tender.WriteOfflineITT, WriteOfflineScores).
// Running it on the second and third gives the first, byte for byte.

func (s *Server) tenderResultJSON(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionViewResult)
	if !ok {
		return
	}
	v, err := s.result(r, t)
	if err == nil && v.Problem != "" {
		err = apperr.Errorf(apperr.Conflict, "There is no result yet. %s", v.Problem)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	download(w, "application/json; charset=utf-8", "result-"+t.ID+".json")
	_ = v.Report.WriteJSON(w)
}

func (s *Server) tenderOfflineITT(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionViewResult)
	if !ok {
		return
	}
	bids, err := s.store.SubmittedBids(r.Context(), t.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	eb, _ := t.EngineInput(bids, nil)
	download(w, "application/json; charset=utf-8", "itt-"+t.ID+".json")
	_ = tender.WriteOfflineITT(w, t.ITT, eb)
}

func (s *Server) tenderOfflineScores(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionViewResult)
	if !ok {
		return
	}
	cs, err := s.store.ConsensusForResult(r.Context(), t.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	_, ec := t.EngineInput(nil, cs)
	download(w, "text/csv; charset=utf-8", "scores-"+t.ID+".csv")
	_ = tender.WriteOfflineScores(w, ec)
}
