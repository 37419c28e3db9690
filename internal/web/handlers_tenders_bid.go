package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/tender"
)

// The bidder's pages, and the clarification questions.
var (
	tenderBidPage       = page[tenderData[bidView]]{"tender_bid"}
	tenderReceiptPage   = page[tenderData[*tender.StoredBid]]{"tender_receipt"}
	tenderQuestionsPage = page[tenderData[questionsView]]{"tender_questions"}
)

// bidView is a bidder's own bid, and nothing of anybody else's.
type bidView struct {
	Bid *tender.StoredBid
	// Amended are the amendments published since the bid last changed:
	// every bidder is told, on the page where they would act on them.
	Amended []tender.Amendment
	// Outcome is the award and the bidder's own assessment summary, once
	// the contract is awarded and for a bid that was submitted.
	Outcome *bidOutcome
}

// bidOutcome is what a bidder is told at award: who won, and their own
// bid's scores and reasons (no other bid's scores).
type bidOutcome struct {
	Award   *tender.AwardDecision
	Winner  string // the winning bidder's name
	Summary *tender.Summary
}

// outcomeFor is the award and the bidder's own summary, nil before the
// award or for a bid that was never submitted.
func (s *Server) outcomeFor(r *http.Request, t *tender.Tender, bid *tender.StoredBid) (*bidOutcome, error) {
	if !t.Awarded || bid == nil || bid.SubmittedAt == nil {
		return nil, nil
	}
	res, err := s.result(r, t)
	if err != nil || res.Award == nil {
		return nil, err
	}
	o := &bidOutcome{Award: res.Award}
	for _, b := range res.Report.Bids {
		if b.ID == res.Award.WinnerBidID {
			o.Winner = b.Name
		}
	}
	for i := range res.Summaries {
		if sm := res.Summaries[i]; sm.Bid.ID == bid.ID {
			sm.Winner = nil // the winner's scores are not this bidder's to read
			sm.Lines = append([]tender.SummaryLine(nil), sm.Lines...)
			for j := range sm.Lines {
				sm.Lines[j].WinnerScore, sm.Lines[j].WinnerWeighted, sm.Lines[j].WinnerRationale = nil, nil, ""
			}
			if !sm.Successful && !sm.Failed && len(sm.Reasons) > 1 {
				sm.Reasons = sm.Reasons[:1] // their own rank and total; the next compares with the winner's
			}
			o.Summary = &sm
		}
	}
	return o, nil
}

// ownBidder returns the reader's bidder record, registering their
// organisation's interest when register is true.
func (s *Server) ownBidder(r *http.Request, t *tender.Tender, register bool) (*tender.Bidder, error) {
	orgs := providerOrgs(principal(r))
	b, err := s.store.BidderForOrgs(r.Context(), t.ID, orgs)
	if err == nil || !register || apperr.Code(err) != apperr.NotFound || len(orgs) == 0 {
		return b, err
	}
	return s.store.RegisterInterest(r.Context(), t.ID, orgs[0])
}

// ownBid returns the reader's own bid, nil when their organisation has not
// registered or has no bid yet.
func (s *Server) ownBid(r *http.Request, t *tender.Tender) (*tender.StoredBid, error) {
	b, err := s.ownBidder(r, t, false)
	if err == nil {
		var bid *tender.StoredBid
		if bid, err = s.store.BidOf(r.Context(), t.ID, b.ID); err == nil {
			return bid, nil
		}
	}
	if apperr.Code(err) == apperr.NotFound {
		return nil, nil
	}
	return nil, err
}

func (s *Server) tenderBidForm(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionBid)
	if err != nil {
		return err
	}
	v := bidView{}
	if v.Bid, err = s.ownBid(r, t); err != nil {
		return err
	}
	am, err := s.store.Amendments(r.Context(), t.ID)
	if err != nil {
		return err
	}
	for _, a := range am {
		if a.Version > 1 && (v.Bid == nil || a.CreatedAt.After(v.Bid.UpdatedAt)) {
			v.Amended = append(v.Amended, a)
		}
	}
	if v.Outcome, err = s.outcomeFor(r, t, v.Bid); err != nil {
		return err
	}
	return showTender(s, w, r, tenderBidPage, http.StatusOK, view{Title: "Your bid", Form: bidFormValues(v.Bid)}, t, v)
}

func (s *Server) tenderBidSave(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionBid)
	if err != nil {
		return err
	}
	formErr := parseBidForm(w, r, t) // the answers, and any files chosen
	b, err := s.ownBidder(r, t, true)
	if err != nil {
		return err
	}
	f, err := newBidForm(r.PostForm, t.ITT)
	if err == nil {
		err = formErr
	}
	if err == nil {
		_, err = s.store.SaveBid(r.Context(), t.ID, b.ID, f.Pence, f.Answers)
	}
	if err == nil {
		err = s.attachBidFiles(r, t, b.ID) // the answers stay saved whatever happens to a file
	}
	var sb *tender.StoredBid
	if err == nil && r.PostForm.Get("action") == "submit" {
		sb, err = s.store.SubmitBid(r.Context(), t.ID, b.ID)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			cur, err := s.store.BidOf(r.Context(), t.ID, b.ID)
			if err != nil && apperr.Code(err) != apperr.NotFound {
				return err
			}
			return showTender(s, w, r, tenderBidPage, status, view{Title: "Your bid", Errors: errs}, t, bidView{Bid: cur})
		})
	}
	if sb != nil {
		return showTender(s, w, r, tenderReceiptPage, http.StatusOK, view{Title: "Bid submitted"}, t, sb)
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/bid?done=bid-saved", http.StatusSeeOther)
	return nil
}

func (s *Server) tenderBidWithdraw(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionBid)
	if err != nil {
		return err
	}
	b, err := s.ownBidder(r, t, false)
	if err != nil {
		return err
	}
	if err := s.store.WithdrawBid(r.Context(), t.ID, b.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/bid?done=bid-withdrawn", http.StatusSeeOther)
	return nil
}

// questionsView is the clarification questions a reader may see: all of
// them for the commissioners, otherwise the bidder's own and the public answers.
type questionsView struct {
	Questions []tender.Question
	Bidders   map[string]string // bidder id to name, for the commissioners
}

func (s *Server) tenderQuestions(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionManageTender, auth.ActionBid)
	if err != nil {
		return err
	}
	return s.showQuestions(w, r, http.StatusOK, t, nil)
}

func (s *Server) showQuestions(w http.ResponseWriter, r *http.Request, status int, t *tender.Tender, errs []apperr.FieldError) error {
	v := questionsView{Bidders: map[string]string{}}
	asker := "-" // public answers only
	if canTender(r, auth.ActionManageTender, t) {
		bs, err := s.store.Bidders(r.Context(), t.ID)
		if err != nil {
			return err
		}
		for _, b := range bs {
			v.Bidders[b.ID] = b.OrgName
		}
		asker = ""
	} else if b, err := s.ownBidder(r, t, false); err == nil {
		asker = b.ID
	} else if apperr.Code(err) != apperr.NotFound {
		return err
	}
	var err error
	if v.Questions, err = s.store.Questions(r.Context(), t.ID, asker); err != nil {
		return err
	}
	return showTender(s, w, r, tenderQuestionsPage, status, view{Title: "Clarification questions", Errors: errs}, t, v)
}

func (s *Server) tenderAsk(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionBid)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	b, err := s.ownBidder(r, t, true)
	if err == nil {
		_, err = s.store.AskQuestion(r.Context(), t.ID, b.ID, r.PostForm.Get("question"))
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showQuestions(w, r, status, t, errs)
		})
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/questions?done=question-asked", http.StatusSeeOther)
	return nil
}

func (s *Server) tenderAnswer(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionManageTender)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	f := newAnswerForm(r.PostForm)
	if err := s.store.AnswerQuestion(r.Context(), t.ID, r.PathValue("qid"), f.Answer, f.Public, f.PrivateReason); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showQuestions(w, r, status, t, errs)
		})
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/questions?done=question-answered", http.StatusSeeOther)
	return nil
}
