package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/tender"
)

// The result's pages.
var (
	tenderResultPage    = page[tenderData[resultView]]{"tender_result"}
	tenderSummariesPage = page[tenderData[resultView]]{"tender_summaries"}
	tenderAwardPage     = page[tenderData[resultView]]{"tender_award"}
)

// resultView is the engine's result, published as every face publishes it.
type resultView struct {
	Report    tender.Report
	Words     tender.Words // the result in plain English, read before the table
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
	v.Words = tender.SayResult(v.Report)
	if a, err := s.store.AwardOf(r.Context(), t.ID); err == nil {
		v.Award = a
	} else if apperr.Code(err) != apperr.NotFound {
		return v, err
	}
	return v, nil
}

func (s *Server) showResult(w http.ResponseWriter, r *http.Request, pg page[tenderData[resultView]], status int, v view, t *tender.Tender) error {
	res, err := s.result(r, t)
	if err != nil {
		return err
	}
	return showTender(s, w, r, pg, status, v, t, res)
}

func (s *Server) tenderResult(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionViewResult, auth.ActionViewAwardedResult)
	if err != nil {
		return err
	}
	return s.showResult(w, r, tenderResultPage, http.StatusOK, view{Title: "Result"}, t)
}

func (s *Server) tenderSummaries(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionViewResult)
	if err != nil {
		return err
	}
	return s.showResult(w, r, tenderSummariesPage, http.StatusOK, view{Title: "Assessment summaries"}, t)
}

func (s *Server) tenderAwardForm(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionManageTender)
	if err != nil {
		return err
	}
	return s.showResult(w, r, tenderAwardPage, http.StatusOK, view{Title: "Award the contract"}, t)
}

func (s *Server) tenderAward(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionManageTender)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	f, err := newAwardForm(r.PostForm)
	if err == nil {
		_, err = s.store.RecordAward(r.Context(), t.ID, f.Winner, f.Reason, f.NoticeOn)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showResult(w, r, tenderAwardPage, status, view{Title: "Award the contract", Errors: errs}, t)
		})
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/result?done=awarded", http.StatusSeeOther)
	return nil
}

// The result's downloads, for checking it away from the platform: the
// result as "coprod tender score --format json" writes it, and the two
// files that command reads (tender.WriteOfflineITT, WriteOfflineScores).
// Running it on the second and third gives the first, byte for byte.

func (s *Server) tenderResultJSON(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionViewResult, auth.ActionViewAwardedResult)
	if err != nil {
		return err
	}
	v, err := s.result(r, t)
	if err != nil {
		return err
	}
	if v.Problem != "" {
		return apperr.Errorf(apperr.Conflict, "There is no result yet. %s", v.Problem)
	}
	download(w, "application/json; charset=utf-8", "result-"+t.ID+".json")
	_ = v.Report.WriteJSON(w)
	return nil
}

func (s *Server) tenderOfflineITT(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionViewResult, auth.ActionViewAwardedResult)
	if err != nil {
		return err
	}
	bids, err := s.store.SubmittedBids(r.Context(), t.ID)
	if err != nil {
		return err
	}
	eb, _ := t.EngineInput(bids, nil)
	download(w, "application/json; charset=utf-8", "itt-"+t.ID+".json")
	_ = tender.WriteOfflineITT(w, t.ITT, eb)
	return nil
}

func (s *Server) tenderOfflineScores(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionViewResult, auth.ActionViewAwardedResult)
	if err != nil {
		return err
	}
	cs, err := s.store.ConsensusForResult(r.Context(), t.ID)
	if err != nil {
		return err
	}
	_, ec := t.EngineInput(nil, cs)
	download(w, "text/csv; charset=utf-8", "scores-"+t.ID+".csv")
	_ = tender.WriteOfflineScores(w, ec)
	return nil
}
