package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// The facilitator or commissioner writes a proposal's Easy Read version,
// with the Easy Read checker beside the box, after anyone proposed it: a
// member proposing is never asked to (issue 15).
var decisionEasyReadPage = page[roundPage[decisionEasyReadData]]{"round_decision_easy_read"}

// decisionEasyReadData is the proposal whose Easy Read is written.
type decisionEasyReadData struct {
	ID, Title, PlainEnglish string
}

// easyReadProposal loads the proposal in the path for someone who may
// write its Easy Read version, while it can still change.
func (s *Server) easyReadProposal(r *http.Request) (*round.Round, *round.ProposalDetail, error) {
	rd, err := s.roundFor(r, auth.ActionWriteEasyRead)
	if err != nil {
		return nil, nil, err
	}
	pr, err := s.store.ProposalByID(r.Context(), rd.ID, r.PathValue("pid"), round.Facilitators)
	if err != nil {
		return nil, nil, err
	}
	if why := round.EasyReadChangeable(pr.State(s.cfg.Now())); why != "" {
		return nil, nil, apperr.Errorf(apperr.Conflict, "%s", why)
	}
	return rd, pr, nil
}

func (s *Server) decisionEasyReadForm(w http.ResponseWriter, r *http.Request) error {
	rd, pr, err := s.easyReadProposal(r)
	if err != nil {
		return err
	}
	d := decisionEasyReadData{ID: pr.ID, Title: pr.Title, PlainEnglish: pr.PlainEnglish}
	p, err := newRoundPage[decisionEasyReadData](s, r, rd)
	if err != nil {
		return err
	}
	p.Page = d
	return decisionEasyReadPage.show(s, w, r, http.StatusOK, view{Title: "Write the Easy Read version", Form: url.Values{"easy_read": {pr.EasyRead}}}, p)
}

func (s *Server) decisionEasyRead(w http.ResponseWriter, r *http.Request) error {
	rd, pr, err := s.easyReadProposal(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if err := s.store.SetProposalEasyRead(r.Context(), rd.ID, pr.ID, round.ProposalEasyRead{Text: r.PostForm.Get("easy_read")}); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			d := decisionEasyReadData{ID: pr.ID, Title: pr.Title, PlainEnglish: pr.PlainEnglish}
			return showInRound(s, w, r, decisionEasyReadPage, status, view{Title: "Write the Easy Read version", Errors: errs}, rd, d)
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/decisions/"+pr.ID+"?done=easy-read-written", http.StatusSeeOther)
	return nil
}
