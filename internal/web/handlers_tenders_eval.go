package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/tender"
)

// The evaluators' and chairs' pages.
var (
	tenderConflictsPage  = page[tenderData[evalView]]{"tender_conflicts"}
	tenderScoreListPage  = page[tenderData[evalView]]{"tender_score_list"}
	tenderScorePage      = page[tenderData[evalView]]{"tender_score"}
	tenderGuidePage      = page[tenderData[noData]]{"tender_guide"}
	tenderModerationPage = page[tenderData[moderationView]]{"tender_moderation"}
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

// showEval draws an evaluator's page (the declarations, or the list of
// bids to score).
func (s *Server) showEval(w http.ResponseWriter, r *http.Request, pg page[tenderData[evalView]], status int, v view, t *tender.Tender) error {
	e, err := s.evaluation(r, t)
	if err != nil {
		return err
	}
	return showTender(s, w, r, pg, status, v, t, e)
}

// showScoring draws the scoring form for one bid the reader may score: on
// a GET with their saved scores, after a refused save with what they sent.
func (s *Server) showScoring(w http.ResponseWriter, r *http.Request, status int, t *tender.Tender, bidID string, errs []apperr.FieldError) error {
	e, err := s.evaluation(r, t)
	if err != nil {
		return err
	}
	for i := range e.Bids {
		if e.Bids[i].ID == bidID {
			e.Bid = &e.Bids[i]
		}
	}
	if e.Bid == nil {
		return apperr.Errorf(apperr.NotFound, "You cannot see that bid: it does not exist, you have not declared your interests for every bidder, or a conflict of interest excludes you from it.")
	}
	v := view{Title: "Score a bid", Errors: errs}
	if r.Method == http.MethodGet {
		v.Form = scoresFormValues(e.Criteria, e.Mine, bidID)
	}
	return showTender(s, w, r, tenderScorePage, status, v, t, e)
}

func (s *Server) tenderConflicts(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionEvaluate)
	if err != nil {
		return err
	}
	return s.showEval(w, r, tenderConflictsPage, http.StatusOK, view{Title: "Declare your interests"}, t)
}

func (s *Server) tenderDeclare(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionEvaluate)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	bs, err := s.store.Bidders(r.Context(), t.ID)
	if err != nil {
		return err
	}
	ds, fs := newDeclarationsForm(r.PostForm, bs)
	me := principal(r).User.ID
	for _, d := range ds { // each answer given is saved, whatever happens to the others
		if err := s.store.Declare(r.Context(), t.ID, me, d.Bidder, d.Conflict, d.Detail); err != nil {
			if len(apperr.FieldsOf(err)) == 0 {
				return err
			}
			fs = append(fs, apperr.FieldsOf(err)...)
		}
	}
	if len(fs) > 0 {
		return s.showEval(w, r, tenderConflictsPage, http.StatusUnprocessableEntity, view{Title: "Declare your interests", Errors: fs}, t)
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/score?done=declared", http.StatusSeeOther)
	return nil
}

func (s *Server) tenderMitigate(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionChairPanel)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	f := r.PostForm
	if err := s.store.Mitigate(r.Context(), t.ID, f.Get("evaluator"), f.Get("bidder"), f.Get("reason")); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showEval(w, r, tenderConflictsPage, status, view{Title: "Declare your interests", Errors: errs}, t)
		})
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/conflicts?done=mitigated", http.StatusSeeOther)
	return nil
}

func (s *Server) tenderScoreList(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionEvaluate)
	if err != nil {
		return err
	}
	return s.showEval(w, r, tenderScoreListPage, http.StatusOK, view{Title: "Score the bids"}, t)
}

func (s *Server) tenderScoreForm(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionEvaluate)
	if err != nil {
		return err
	}
	return s.showScoring(w, r, http.StatusOK, t, r.PathValue("bid"), nil)
}

func (s *Server) tenderScoreSave(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionEvaluate)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	e, err := s.evaluation(r, t)
	if err != nil {
		return err
	}
	bid := r.PathValue("bid")
	scores := newScoresForm(r.PostForm, e.Criteria, tender.IndividualScore{Evaluator: principal(r).User.ID, Bid: bid, Panel: e.Seat.Panel})
	var fs []apperr.FieldError
	for _, sc := range scores {
		if err := s.store.SaveScore(r.Context(), t.ID, sc); err != nil {
			if len(apperr.FieldsOf(err)) == 0 {
				return err
			}
			fs = append(fs, apperr.FieldsOf(err)...)
		}
	}
	if len(scores) == 0 && len(e.Criteria) > 0 {
		// Saving nothing would say "Scores saved" over an empty form.
		fs = append(fs, apperr.FieldError{Field: "score-" + e.Criteria[0].ID,
			Message: "Choose a score for at least one question. A comment is saved with its score"})
	}
	if len(fs) > 0 {
		return s.showScoring(w, r, http.StatusUnprocessableEntity, t, bid, fs)
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/score?done=scores-saved", http.StatusSeeOther)
	return nil
}

func (s *Server) tenderScoreSubmit(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionEvaluate)
	if err != nil {
		return err
	}
	panel, err := s.readerPanel(r, t)
	if err != nil {
		return err
	}
	if err := s.store.SubmitScores(r.Context(), t.ID, principal(r).User.ID, panel); err != nil {
		return err
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/score?done=scores-submitted", http.StatusSeeOther)
	return nil
}

// readerPanel is the panel the reader sits on, "" for none.
func (s *Server) readerPanel(r *http.Request, t *tender.Tender) (tender.Panel, error) {
	ms, err := s.store.PanelMembers(r.Context(), t.ID)
	return panelOf(ms, principal(r).User.ID), err
}

func (s *Server) tenderGuide(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionEvaluate)
	if err != nil {
		return err
	}
	return showTender(s, w, r, tenderGuidePage, http.StatusOK, view{Title: "How to score: Easy Read guide"}, t, noData{})
}

// moderationView is the chair's moderation page: each bid and criterion
// with the individual scores (once moderation is open), the spread, and
// the consensus with its rationale.
type moderationView struct {
	Seat      tender.PanelMember
	Progress  []tender.MemberProgress
	Names     map[string]string
	Spreads   []tender.Spread
	ByBid     []moderationBid                   // the spreads, one bid at a time: one form each
	Consensus map[string]tender.ConsensusRecord // "bid/criterion"
	Bids      []tender.StoredBid
	BidNames  map[string]string // bid id to the bidder's name
	Criteria  []tender.Criterion
}

// moderationBid is one bid's criteria to agree, in one form, so that the
// chair records every score of a bid with one button and loses none.
type moderationBid struct {
	Bid, Name string
	Spreads   []tender.Spread
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
	for _, sp := range v.Spreads { // sorted by bid
		if n := len(v.ByBid); n == 0 || v.ByBid[n-1].Bid != sp.Bid {
			v.ByBid = append(v.ByBid, moderationBid{Bid: sp.Bid, Name: v.BidNames[sp.Bid]})
		}
		last := &v.ByBid[len(v.ByBid)-1]
		last.Spreads = append(last.Spreads, sp)
	}
	cs, err := s.store.ConsensusScores(ctx, t.ID, me) // the chair's panel's
	for _, c := range cs {
		v.Consensus[c.Bid+"/"+c.Criterion] = c
	}
	return v, err
}

func (s *Server) showModeration(w http.ResponseWriter, r *http.Request, status int, t *tender.Tender, errs []apperr.FieldError) error {
	m, err := s.moderation(r, t)
	if err != nil {
		return err
	}
	return showTender(s, w, r, tenderModerationPage, status, view{Title: "Moderation", Errors: errs}, t, m)
}

func (s *Server) tenderModeration(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionChairPanel)
	if err != nil {
		return err
	}
	return s.showModeration(w, r, http.StatusOK, t, nil)
}

func (s *Server) tenderModerationOpen(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionChairPanel)
	if err != nil {
		return err
	}
	panel, err := s.readerPanel(r, t)
	if err != nil {
		return err
	}
	if err := s.store.OpenPanelModeration(r.Context(), t.ID, panel); err != nil {
		return err
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/moderation?done=moderation-open", http.StatusSeeOther)
	return nil
}

func (s *Server) tenderConsensus(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionChairPanel)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	panel, err := s.readerPanel(r, t)
	if err != nil {
		return err
	}
	cs, err := newConsensusForm(r.PostForm, r.PathValue("bid"), panel, t.ITT.Criteria)
	if err == nil {
		err = s.store.RecordConsensus(audit.WithActor(r.Context(), principal(r).User.ID), t.ID, cs...)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showModeration(w, r, status, t, errs)
		})
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/moderation?done=consensus-saved", http.StatusSeeOther)
	return nil
}
