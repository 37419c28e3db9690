package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/tender"
)

// bidView is a bidder's own bid, and nothing of anybody else's.
type bidView struct {
	Bid       *tender.StoredBid
	Questions []tender.Question
	// Amended are the amendments published since the bid last changed:
	// every bidder is told, on the page where they would act on them.
	Amended []tender.Amendment
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

func (s *Server) tenderBidForm(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionBid)
	if !ok {
		return
	}
	v := bidView{}
	form := map[string][]string{}
	if b, err := s.ownBidder(r, t, false); err == nil {
		if v.Bid, err = s.store.BidOf(r.Context(), t.ID, b.ID); err == nil {
			form["price"] = []string{round.FormatPence(v.Bid.PricePence)[len("£"):]}
			for k, a := range v.Bid.Answers {
				form["answer-"+k] = []string{a}
			}
		}
	}
	am, err := s.store.Amendments(r.Context(), t.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, a := range am {
		if a.Version > 1 && (v.Bid == nil || a.CreatedAt.After(v.Bid.UpdatedAt)) {
			v.Amended = append(v.Amended, a)
		}
	}
	s.render(w, r, http.StatusOK, "tender_bid", view{Title: "Your bid", Form: form, Data: s.newTenderPage(r, t, v)})
}

func (s *Server) tenderBidSave(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionBid)
	if !ok {
		return
	}
	formErr := parseBidForm(w, r, t) // the answers, and any files chosen
	b, err := s.ownBidder(r, t, true)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	answers := map[string]string{}
	for _, c := range t.ITT.Criteria {
		answers[c.ID] = r.PostForm.Get("answer-" + c.ID)
	}
	var pence int64
	if p := r.PostForm.Get("price"); p != "" {
		var msg string
		if pence, msg = round.ParsePounds(p); msg != "" {
			err = apperr.Fields([]apperr.FieldError{{Field: "price", Message: msg}})
		}
	}
	if err == nil {
		err = formErr
	}
	if err == nil {
		_, err = s.store.SaveBid(r.Context(), t.ID, b.ID, pence, answers)
	}
	if err == nil {
		err = s.attachBidFiles(r, t, b.ID) // the answers stay saved whatever happens to a file
	}
	var sb *tender.StoredBid
	if err == nil && r.PostForm.Get("action") == "submit" {
		sb, err = s.store.SubmitBid(r.Context(), t.ID, b.ID)
	}
	if err != nil {
		cur, _ := s.store.BidOf(r.Context(), t.ID, b.ID)
		s.tenderFormError(w, r, err, "tender_bid", "Your bid", t, bidView{Bid: cur})
		return
	}
	if sb != nil {
		s.showTender(w, r, http.StatusOK, "tender_receipt", "Bid submitted", t, sb, nil)
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/bid?done=bid-saved", http.StatusSeeOther)
}

func (s *Server) tenderBidWithdraw(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionBid)
	if !ok {
		return
	}
	b, err := s.ownBidder(r, t, false)
	if err == nil {
		err = s.store.WithdrawBid(r.Context(), t.ID, b.ID)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/bid?done=bid-withdrawn", http.StatusSeeOther)
}

// questionsView is the clarification questions a reader may see: all of
// them for the commissioners, otherwise the bidder's own and the public answers.
type questionsView struct {
	Questions []tender.Question
	Bidders   map[string]string // bidder id to name, for the commissioners
}

func (s *Server) tenderQuestions(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionManageTender, auth.ActionBid)
	if !ok {
		return
	}
	s.showQuestions(w, r, http.StatusOK, t, nil)
}

func (s *Server) showQuestions(w http.ResponseWriter, r *http.Request, status int, t *tender.Tender, errs []apperr.FieldError) {
	v := questionsView{Bidders: map[string]string{}}
	var err error
	if canTender(r, auth.ActionManageTender, t) {
		bs, _ := s.store.Bidders(r.Context(), t.ID)
		for _, b := range bs {
			v.Bidders[b.ID] = b.OrgName
		}
		v.Questions, err = s.store.Questions(r.Context(), t.ID, "")
	} else if b, berr := s.ownBidder(r, t, false); berr == nil {
		v.Questions, err = s.store.Questions(r.Context(), t.ID, b.ID)
	} else {
		v.Questions, err = s.store.Questions(r.Context(), t.ID, "-") // public answers only
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.showTender(w, r, status, "tender_questions", "Clarification questions", t, v, errs)
}

func (s *Server) tenderAsk(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionBid)
	if !ok {
		return
	}
	_ = r.ParseForm()
	b, err := s.ownBidder(r, t, true)
	if err == nil {
		_, err = s.store.AskQuestion(r.Context(), t.ID, b.ID, r.PostForm.Get("question"))
	}
	if err != nil {
		if len(apperr.FieldsOf(err)) == 0 {
			s.fail(w, r, err)
			return
		}
		s.showQuestions(w, r, statusFor[apperr.Code(err)], t, apperr.FieldsOf(err))
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/questions?done=question-asked", http.StatusSeeOther)
}

func (s *Server) tenderAnswer(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionManageTender)
	if !ok {
		return
	}
	_ = r.ParseForm()
	f := r.PostForm
	if err := s.store.AnswerQuestion(r.Context(), t.ID, r.PathValue("qid"), f.Get("answer"), f.Get("to") != "asker", f.Get("private_reason")); err != nil {
		if len(apperr.FieldsOf(err)) == 0 {
			s.fail(w, r, err)
			return
		}
		s.showQuestions(w, r, statusFor[apperr.Code(err)], t, apperr.FieldsOf(err))
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/questions?done=question-answered", http.StatusSeeOther)
}
