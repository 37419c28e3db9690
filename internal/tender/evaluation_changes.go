package tender

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/bankholiday"
)

// The changes an evaluation allows. Each returns what to store, with its
// text trimmed, or an apperr error whose message is safe to show: Invalid
// (with the form's fields where there is a form), Forbidden for someone
// the rule does not let act, NotFound, or Conflict when the evaluation has
// moved past the change. The acting user is actor.

// Declare returns evaluatorID's declaration about bidderID, made by a
// member of either panel; a conflict needs a description.
func (e *Evaluation) Declare(evaluatorID, bidderID string, conflict bool, detail string) (Declaration, error) {
	detail = strings.TrimSpace(detail)
	if conflict && detail == "" {
		return Declaration{}, apperr.Fields([]apperr.FieldError{{Field: "detail-" + bidderID, Message: "Say what the conflict of interest is"}})
	}
	if _, ok := e.Seat(evaluatorID); !ok {
		return Declaration{}, apperr.Errorf(apperr.Forbidden, "Only members of the tender's panels declare conflicts of interest.")
	}
	return Declaration{Evaluator: evaluatorID, Bidder: bidderID, Conflict: conflict, Detail: detail}, nil
}

// Mitigate returns actor's decision that evaluatorID's declared conflict
// with bidderID is managed: only the chair of the evaluator's panel may
// record it, never for themselves, and only for a declared conflict.
func (e *Evaluation) Mitigate(actor, evaluatorID, bidderID, reason string) (Mitigation, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Mitigation{}, apperr.Fields([]apperr.FieldError{{Field: "reason", Message: "Say how the conflict is managed"}})
	}
	ev, ok := e.Seat(evaluatorID)
	chair, isMember := e.Seat(actor)
	if !ok || !isMember || !chair.Chair || chair.Panel != ev.Panel || actor == evaluatorID {
		return Mitigation{}, apperr.Errorf(apperr.Forbidden, "Only the chair of the evaluator's panel can manage their conflict, and nobody their own.")
	}
	if d := e.declaration(evaluatorID, bidderID); d == nil || !d.Conflict {
		return Mitigation{}, apperr.Errorf(apperr.NotFound, "No conflict declared by that evaluator for that bidder")
	}
	return Mitigation{RecordedBy: actor, ByChair: true, Reason: reason}, nil
}

// scoringOpen refuses any scoring before bids close and after the award.
func (e *Evaluation) scoringOpen() error {
	if !e.Tender.Closed(e.Now) {
		return apperr.Errorf(apperr.Conflict, "Scoring starts when bids close, after the submission deadline.")
	}
	if e.Tender.Awarded {
		return apperr.Errorf(apperr.Conflict, "This tender has been awarded; scores can no longer change.")
	}
	return nil
}

// scoring refuses evaluatorID's scoring on panel outside the scoring
// period, or when they do not sit on that panel.
func (e *Evaluation) scoring(evaluatorID string, panel Panel) error {
	if err := e.scoringOpen(); err != nil {
		return err
	}
	if seat, ok := e.Seat(evaluatorID); !ok || seat.Panel != panel {
		return apperr.Errorf(apperr.Forbidden, "Only members of the %s score for it.", strings.ToLower(panel.Label()))
	}
	return nil
}

// SaveScore returns an evaluator's own score to save (or change): on a
// submitted bid they are not excluded from, for a criterion their panel
// scores, on the scale, until they submit it or moderation starts.
func (e *Evaluation) SaveScore(sc IndividualScore) (IndividualScore, error) {
	sc.Comment = strings.TrimSpace(sc.Comment)
	if err := e.scoring(sc.Evaluator, sc.Panel); err != nil {
		return sc, err
	}
	if e.Tender.Moderation[sc.Panel] {
		return sc, apperr.Errorf(apperr.Conflict, "Moderation has started; individual scores can no longer change.")
	}
	b, ok := e.bid(sc.Bid)
	if !ok {
		return sc, apperr.Errorf(apperr.NotFound, "No such bid")
	}
	if d := e.Access(sc.Evaluator, b.BidderID); !d.Allowed {
		return sc, apperr.Errorf(apperr.Forbidden, "%s", d.Reason)
	}
	top := e.Tender.ITT.Scale.Max
	if c, ok := e.Tender.ITT.Criterion(sc.Criterion); !ok || !c.ScoredBy(sc.Panel) {
		return sc, apperr.Errorf(apperr.NotFound, "Your panel does not score that criterion")
	}
	if sc.Score < 0 || sc.Score > top {
		return sc, apperr.Fields([]apperr.FieldError{{Field: "score-" + sc.Criterion, Message: fmt.Sprintf("Choose a score from 0 to %d for %s", top, sc.Criterion)}})
	}
	if e.given(sc.Evaluator, sc.Panel)[sc.Bid+"/"+sc.Criterion].Submitted {
		return sc, apperr.Errorf(apperr.Conflict, "You have submitted your scores, so they can no longer change.")
	}
	return sc, nil
}

// Submit decides whether evaluatorID may seal their scores on panel: once
// they have declared for every bidder and given every score they owe. It
// returns how many scores they have on the panel, all of which are sealed.
func (e *Evaluation) Submit(evaluatorID string, panel Panel) (int, error) {
	if err := e.scoring(evaluatorID, panel); err != nil {
		return 0, err
	}
	if !e.declaredAll(evaluatorID) {
		return 0, apperr.Errorf(apperr.Invalid, "Declare your interests for every bidder before you submit your scores.")
	}
	have := e.given(evaluatorID, panel)
	missing := 0
	for _, k := range e.Owed(evaluatorID, panel) {
		if _, ok := have[k]; !ok {
			missing++
		}
	}
	if missing > 0 {
		return 0, apperr.Errorf(apperr.Invalid, "You have %d scores still to give. Score every criterion of every bid before you submit.", missing)
	}
	return len(have), nil
}

// OpenModeration decides whether actor may open moderation on panel: its
// chair, in the scoring period, once every member has submitted all they
// owe (see [OpenModeration]).
func (e *Evaluation) OpenModeration(actor string, panel Panel) error {
	if panel != Commissioner && panel != LivedExperience {
		return apperr.Errorf(apperr.NotFound, "No such panel")
	}
	if err := e.scoringOpen(); err != nil {
		return err
	}
	m, _ := e.Seat(actor)
	seat := Seat{Evaluator: actor, Panel: m.Panel, Chair: m.Chair && m.Panel == panel}
	if d := OpenModeration(seat, e.Progress(panel), PanelState{ModerationOpen: e.Tender.Moderation[panel]}); !d.Allowed {
		return apperr.Errorf(apperr.Conflict, "%s", d.Reason)
	}
	return nil
}

// RecordConsensus returns the panel's agreed score to record (or revise):
// by the panel's chair, in moderation, before the award, for a submitted
// bid the chair is not excluded from and a criterion the panel scores,
// with a written rationale. A chair conflicted from a bid cannot agree its
// score: nobody manages their own conflict (see [BidAccess]), so another
// decision-maker must.
func (e *Evaluation) RecordConsensus(actor string, c Consensus) (Consensus, error) {
	c.Rationale = strings.TrimSpace(c.Rationale)
	if seat, ok := e.Seat(actor); !ok || !seat.Chair || seat.Panel != c.Panel {
		return c, apperr.Errorf(apperr.Forbidden, "Only the chair of the %s records its consensus scores.", strings.ToLower(c.Panel.Label()))
	}
	if !e.Tender.Moderation[c.Panel] || e.Tender.Awarded {
		return c, apperr.Errorf(apperr.Conflict, "Consensus scores are recorded in moderation, before the award.")
	}
	if cr, ok := e.Tender.ITT.Criterion(c.Criterion); !ok || !cr.ScoredBy(c.Panel) {
		return c, apperr.Errorf(apperr.NotFound, "The panel does not score that criterion")
	}
	b, ok := e.bid(c.Bid)
	if !ok {
		return c, apperr.Errorf(apperr.NotFound, "No such bid")
	}
	if d := e.Access(actor, b.BidderID); !d.Allowed {
		return c, apperr.Errorf(apperr.Forbidden, "%s", d.Reason)
	}
	var fs []apperr.FieldError
	if top := e.Tender.ITT.Scale.Max; c.Score < 0 || c.Score > top {
		fs = append(fs, apperr.FieldError{Field: "score", Message: fmt.Sprintf("Choose a score from 0 to %d", top)})
	}
	if c.Rationale == "" {
		fs = append(fs, apperr.FieldError{Field: "rationale", Message: "Write the reason for the agreed score; it goes into the bidder's assessment summary"})
	}
	return c, apperr.Fields(fs)
}

// Award returns actor's award decision to record: once, to the engine's
// winner (or one of the bids tied first), with a reason, and the
// standstill end 8 working days after the award notice, from England and
// Wales bank holidays.
func (e *Evaluation) Award(actor, winnerBidID, reason string, noticeOn time.Time) (*AwardDecision, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, apperr.Fields([]apperr.FieldError{{Field: "reason", Message: "Write the reason for the decision"}})
	}
	if e.Tender.Awarded {
		return nil, apperr.Errorf(apperr.Conflict, "This tender has already been awarded.")
	}
	res, err := e.Tender.Evaluate(e.Bids, e.Consensus)
	if err != nil {
		return nil, err
	}
	if !(winnerBidID == res.Winner && res.Winner != "") && !slices.Contains(res.TiedFirst, winnerBidID) {
		return nil, apperr.Fields([]apperr.FieldError{{Field: "winner", Message: "Award the contract to the bid ranked first"}})
	}
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		london = time.UTC
	}
	// The standstill counts from the notice's date as read in England.
	notice := time.Date(noticeOn.Year(), noticeOn.Month(), noticeOn.Day(), 12, 0, 0, 0, london)
	end, err := StandstillEnd(notice, bankholiday.EnglandAndWales)
	if err != nil {
		return nil, apperr.Fields([]apperr.FieldError{{Field: "notice_on", Message: "The standstill cannot be worked out for that date: " + err.Error()}})
	}
	return &AwardDecision{TenderID: e.Tender.ID, WinnerBidID: winnerBidID, Reason: reason, DecidedBy: actor, DecidedAt: e.Now,
		NoticeOn: time.Date(noticeOn.Year(), noticeOn.Month(), noticeOn.Day(), 0, 0, 0, 0, time.UTC), StandstillEnd: end}, nil
}
