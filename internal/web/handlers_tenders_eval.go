package web

import (
	"net/http"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/tender"
)

// evalView is an evaluator's place in the evaluation: their seat, the
// bidders with their declarations, and the bids they may score.
type evalView struct {
	Seat      tender.PanelMember
	Bidders   []tender.Bidder
	Declared  map[string]tender.Declaration // by bidder id: the reader's own
	AllDone   bool                          // declared for every bidder
	Bids      []tender.StoredBid            // bids the reader may see
	Bid       *tender.StoredBid
	Criteria  []tender.Criterion // the criteria the reader's panel scores
	Mine      map[string]tender.ScoreRecord
	Submitted bool
	Others    []tender.Declaration // for a chair: conflicts on their panel
	Members   []tender.PanelMember
}

// evaluation gathers an evaluator's view; the bids come only once they
// have declared for every bidder, and never one they are excluded from.
func (s *Server) evaluation(r *http.Request, t *tender.Tender) (evalView, error) {
	ctx, me := r.Context(), principal(r).User.ID
	v := evalView{Declared: map[string]tender.Declaration{}, Mine: map[string]tender.ScoreRecord{}}
	ms, err := s.store.PanelMembers(ctx, t.ID)
	if err != nil {
		return v, err
	}
	v.Members = ms
	for _, m := range ms {
		if m.UserID == me {
			v.Seat = m
		}
	}
	if v.Bidders, err = s.store.Bidders(ctx, t.ID); err != nil {
		return v, err
	}
	ds, err := s.store.Declarations(ctx, t.ID)
	if err != nil {
		return v, err
	}
	for _, d := range ds {
		if d.Evaluator == me {
			v.Declared[d.Bidder] = d
		} else if v.Seat.Chair && d.Conflict && panelOf(ms, d.Evaluator) == v.Seat.Panel {
			v.Others = append(v.Others, d)
		}
	}
	v.AllDone = len(v.Declared) == len(v.Bidders)
	for _, c := range t.ITT.Criteria {
		if v.Seat.Panel != "" && c.ScoredBy(v.Seat.Panel) {
			v.Criteria = append(v.Criteria, c)
		}
	}
	if !v.AllDone || !t.Closed(s.cfg.Now()) {
		return v, nil
	}
	bids, err := s.store.SubmittedBids(ctx, t.ID)
	if err != nil {
		return v, err
	}
	for _, b := range bids {
		d := v.Declared[b.BidderID]
		if tender.BidAccess(&d).Allowed {
			v.Bids = append(v.Bids, b)
		}
	}
	scores, err := s.store.Scores(ctx, t.ID, me)
	if err != nil {
		return v, err
	}
	for _, sc := range scores {
		if sc.Evaluator == me { // your own: in moderation the store gives the panel's too, which this page does not show
			v.Mine[sc.Bid+"/"+sc.Criterion] = sc
			v.Submitted = v.Submitted || sc.Submitted
		}
	}
	return v, nil
}

func panelOf(ms []tender.PanelMember, userID string) tender.Panel {
	for _, m := range ms {
		if m.UserID == userID {
			return m.Panel
		}
	}
	return ""
}

func (s *Server) showEval(w http.ResponseWriter, r *http.Request, status int, page, title string, t *tender.Tender, bidID string, errs []apperr.FieldError) {
	v, err := s.evaluation(r, t)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if bidID != "" {
		for i := range v.Bids {
			if v.Bids[i].ID == bidID {
				v.Bid = &v.Bids[i]
			}
		}
		if v.Bid == nil {
			s.fail(w, r, apperr.Errorf(apperr.NotFound, "You cannot see that bid: it does not exist, you have not declared your interests for every bidder, or a conflict of interest excludes you from it."))
			return
		}
		if r.Method == http.MethodGet {
			f := map[string][]string{}
			for _, c := range v.Criteria {
				if sc, ok := v.Mine[bidID+"/"+c.ID]; ok {
					f["score-"+c.ID], f["comment-"+c.ID] = []string{strconv.Itoa(sc.Score)}, []string{sc.Comment}
				}
			}
			r.URL.RawQuery = ""
			s.render(w, r, status, page, view{Title: title, Errors: errs, Form: f, Data: s.newTenderPage(r, t, v)})
			return
		}
	}
	s.showTender(w, r, status, page, title, t, v, errs)
}

func (s *Server) tenderConflicts(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionEvaluate)
	if !ok {
		return
	}
	s.showEval(w, r, http.StatusOK, "tender_conflicts", "Declare your interests", t, "", nil)
}

func (s *Server) tenderDeclare(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionEvaluate)
	if !ok {
		return
	}
	_ = r.ParseForm()
	bs, err := s.store.Bidders(r.Context(), t.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var fs []apperr.FieldError
	me := principal(r).User.ID
	for _, b := range bs {
		answer := r.PostForm.Get("conflict-" + b.ID)
		if answer == "" {
			fs = append(fs, apperr.FieldError{Field: "conflict-" + b.ID, Message: "Say whether you have a conflict of interest with " + b.OrgName})
			continue
		}
		if err := s.store.Declare(r.Context(), t.ID, me, b.ID, answer == "yes", r.PostForm.Get("detail-"+b.ID)); err != nil {
			if len(apperr.FieldsOf(err)) == 0 {
				s.fail(w, r, err)
				return
			}
			fs = append(fs, apperr.FieldsOf(err)...)
		}
	}
	if len(fs) > 0 {
		s.showEval(w, r, http.StatusUnprocessableEntity, "tender_conflicts", "Declare your interests", t, "", fs)
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/score?done=declared", http.StatusSeeOther)
}

func (s *Server) tenderMitigate(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionChairPanel)
	if !ok {
		return
	}
	_ = r.ParseForm()
	f := r.PostForm
	if err := s.store.Mitigate(r.Context(), t.ID, f.Get("evaluator"), f.Get("bidder"), f.Get("reason")); err != nil {
		if len(apperr.FieldsOf(err)) == 0 {
			s.fail(w, r, err)
			return
		}
		s.showEval(w, r, statusFor[apperr.Code(err)], "tender_conflicts", "Declare your interests", t, "", apperr.FieldsOf(err))
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/conflicts?done=mitigated", http.StatusSeeOther)
}

func (s *Server) tenderScoreList(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionEvaluate)
	if !ok {
		return
	}
	s.showEval(w, r, http.StatusOK, "tender_score_list", "Score the bids", t, "", nil)
}

func (s *Server) tenderScoreForm(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionEvaluate)
	if !ok {
		return
	}
	s.showEval(w, r, http.StatusOK, "tender_score", "Score a bid", t, r.PathValue("bid"), nil)
}

func (s *Server) tenderScoreSave(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionEvaluate)
	if !ok {
		return
	}
	_ = r.ParseForm()
	v, err := s.evaluation(r, t)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	me, bid := principal(r).User.ID, r.PathValue("bid")
	var fs []apperr.FieldError
	scored := 0
	for _, c := range v.Criteria {
		raw := r.PostForm.Get("score-" + c.ID)
		if raw == "" {
			continue // not scored yet: a partial save is fine
		}
		scored++
		n, cerr := strconv.Atoi(raw)
		if cerr != nil {
			n = -1
		}
		err := s.store.SaveScore(r.Context(), t.ID, tender.IndividualScore{Evaluator: me, Bid: bid, Criterion: c.ID, Panel: v.Seat.Panel,
			Score: n, Comment: r.PostForm.Get("comment-" + c.ID)})
		if err != nil {
			if len(apperr.FieldsOf(err)) == 0 {
				s.fail(w, r, err)
				return
			}
			fs = append(fs, apperr.FieldsOf(err)...)
		}
	}
	if scored == 0 && len(v.Criteria) > 0 {
		// Saving nothing would say "Scores saved" over an empty form.
		fs = append(fs, apperr.FieldError{Field: "score-" + v.Criteria[0].ID,
			Message: "Choose a score for at least one question. A comment is saved with its score"})
	}
	if len(fs) > 0 {
		s.showEval(w, r, http.StatusUnprocessableEntity, "tender_score", "Score a bid", t, bid, fs)
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/score?done=scores-saved", http.StatusSeeOther)
}

func (s *Server) tenderScoreSubmit(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionEvaluate)
	if !ok {
		return
	}
	me := principal(r).User.ID
	if err := s.store.SubmitScores(r.Context(), t.ID, me, panelOfReader(r, s, t)); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/score?done=scores-submitted", http.StatusSeeOther)
}

func panelOfReader(r *http.Request, s *Server, t *tender.Tender) tender.Panel {
	ms, _ := s.store.PanelMembers(r.Context(), t.ID)
	return panelOf(ms, principal(r).User.ID)
}

func (s *Server) tenderGuide(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionEvaluate)
	if !ok {
		return
	}
	s.showTender(w, r, http.StatusOK, "tender_guide", "How to score: Easy Read guide", t, nil, nil)
}

// moderationView is the chair's moderation page: each bid and criterion
// with the individual scores (once moderation is open), the spread, and
// the consensus with its rationale.
type moderationView struct {
	Seat      tender.PanelMember
	Progress  []tender.MemberProgress
	Names     map[string]string
	Spreads   []tender.Spread
	Consensus map[string]tender.ConsensusRecord // "bid/criterion"
	Bids      []tender.StoredBid
	BidNames  map[string]string // bid id to the bidder's name
	Criteria  []tender.Criterion
}

func (s *Server) moderation(r *http.Request, t *tender.Tender) (moderationView, error) {
	ctx, me := r.Context(), principal(r).User.ID
	v := moderationView{Names: map[string]string{}, Consensus: map[string]tender.ConsensusRecord{}}
	ms, err := s.store.PanelMembers(ctx, t.ID)
	if err != nil {
		return v, err
	}
	for _, m := range ms {
		v.Names[m.UserID] = m.Name
		if m.UserID == me && m.Chair {
			v.Seat = m
		}
	}
	for _, c := range t.ITT.Criteria {
		if c.ScoredBy(v.Seat.Panel) {
			v.Criteria = append(v.Criteria, c)
		}
	}
	if v.Progress, err = s.store.ModerationProgress(ctx, t.ID, v.Seat.Panel); err != nil {
		return v, err
	}
	if !t.Moderation[v.Seat.Panel] {
		return v, nil // sealed until the chair opens moderation
	}
	scores, err := s.store.Scores(ctx, t.ID, me) // what sealed scoring lets the chair see
	if err != nil {
		return v, err
	}
	visible := make([]tender.IndividualScore, len(scores))
	for i, sc := range scores {
		visible[i] = sc.IndividualScore
	}
	v.Spreads = tender.Spreads(visible)
	if v.Bids, err = s.store.SubmittedBids(ctx, t.ID); err != nil {
		return v, err
	}
	v.BidNames = map[string]string{}
	for _, b := range v.Bids {
		v.BidNames[b.ID] = b.OrgName
	}
	cs, err := s.store.ConsensusScores(ctx, t.ID, me) // the chair's panel's
	for _, c := range cs {
		v.Consensus[c.Bid+"/"+c.Criterion] = c
	}
	return v, err
}

func (s *Server) showModeration(w http.ResponseWriter, r *http.Request, status int, t *tender.Tender, errs []apperr.FieldError) {
	v, err := s.moderation(r, t)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.showTender(w, r, status, "tender_moderation", "Moderation", t, v, errs)
}

func (s *Server) tenderModeration(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionChairPanel)
	if !ok {
		return
	}
	s.showModeration(w, r, http.StatusOK, t, nil)
}

func (s *Server) tenderModerationOpen(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionChairPanel)
	if !ok {
		return
	}
	if err := s.store.OpenPanelModeration(r.Context(), t.ID, panelOfReader(r, s, t)); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/moderation?done=moderation-open", http.StatusSeeOther)
}

func (s *Server) tenderConsensus(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionChairPanel)
	if !ok {
		return
	}
	_ = r.ParseForm()
	n, err := strconv.Atoi(r.PostForm.Get("score"))
	if err != nil {
		n = -1
	}
	c := tender.Consensus{Bid: r.PathValue("bid"), Criterion: r.PostForm.Get("criterion"), Panel: panelOfReader(r, s, t), Score: n,
		Rationale: r.PostForm.Get("rationale")}
	if err := s.store.RecordConsensus(audit.WithActor(r.Context(), principal(r).User.ID), t.ID, c); err != nil {
		if len(apperr.FieldsOf(err)) == 0 {
			s.fail(w, r, err)
			return
		}
		s.showModeration(w, r, statusFor[apperr.Code(err)], t, apperr.FieldsOf(err))
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/moderation?done=consensus-saved", http.StatusSeeOther)
}
