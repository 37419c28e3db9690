package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/tender"
)

// AddPanelMember seats a user on a panel of the tender and grants them the
// evaluator role over the tender (and the chair role for a chair).
func (db *DB) AddPanelMember(ctx context.Context, tenderID, userID string, panel tender.Panel, chair bool) error {
	if panel != tender.Commissioner && panel != tender.LivedExperience {
		return apperr.Fields([]apperr.FieldError{{Field: "panel", Message: "Choose the commissioner panel or the lived experience panel"}})
	}
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.tenderByID(ctx, tenderID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "INSERT INTO tender_panel_members (tender_id, user_id, panel, chair, added_at) VALUES (?, ?, ?, ?, ?)",
			tenderID, userID, string(panel), boolInt(chair), tx.now); err != nil {
			if apperr.Code(mapErr(err, "")) == apperr.Conflict {
				return apperr.Fields([]apperr.FieldError{{Field: "email", Message: "That person is already on a panel of this tender"}})
			}
			return mapErr(err, "user")
		}
		roles := []auth.Role{auth.RoleEvaluator}
		if chair {
			roles = append(roles, auth.RoleChair)
		}
		for _, r := range roles {
			if err := tx.assign(ctx, &auth.Assignment{UserID: userID, Role: r, ScopeType: auth.ScopeTender, ScopeID: tenderID}); err != nil {
				return err
			}
		}
		return tx.record(ctx, "tender.panel_add", "tender", tenderID, map[string]string{"user_id": userID, "panel": string(panel),
			"chair": strconv.FormatBool(chair)})
	})
}

func (tx *Tx) panelMembers(ctx context.Context, tenderID string) ([]tender.PanelMember, error) {
	rows, err := tx.query(ctx, `SELECT m.user_id, u.display_name, m.panel, m.chair FROM tender_panel_members m JOIN users u ON u.id = m.user_id
		WHERE m.tender_id = ? ORDER BY m.panel, m.chair DESC, u.display_name, m.user_id`, tenderID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tender.PanelMember
	for rows.Next() {
		var m tender.PanelMember
		var panel string
		var chair int
		if err := rows.Scan(&m.UserID, &m.Name, &panel, &chair); err != nil {
			return nil, err
		}
		m.Panel, m.Chair = tender.Panel(panel), chair == 1
		out = append(out, m)
	}
	return out, rows.Err()
}

// PanelMembers lists both panels, chairs first.
func (db *DB) PanelMembers(ctx context.Context, tenderID string) ([]tender.PanelMember, error) {
	var out []tender.PanelMember
	err := db.view(ctx, func(tx *Tx) (err error) { out, err = tx.panelMembers(ctx, tenderID); return err })
	return out, err
}

// seatOf returns userID's seat on the tender's panels.
func seatOf(members []tender.PanelMember, userID string) (tender.PanelMember, bool) {
	for _, m := range members {
		if m.UserID == userID {
			return m, true
		}
	}
	return tender.PanelMember{}, false
}

// Declare records an evaluator's declaration about one bidder. Changing it
// clears any mitigation, which was made for the declaration as it was.
func (db *DB) Declare(ctx context.Context, tenderID, evaluatorID, bidderID string, conflict bool, detail string) error {
	detail = strings.TrimSpace(detail)
	if conflict && detail == "" {
		return apperr.Fields([]apperr.FieldError{{Field: "detail-" + bidderID, Message: "Say what the conflict of interest is"}})
	}
	return db.update(ctx, func(tx *Tx) error {
		ms, err := tx.panelMembers(ctx, tenderID)
		if err != nil {
			return err
		}
		if _, ok := seatOf(ms, evaluatorID); !ok {
			return apperr.Errorf(apperr.Forbidden, "Only members of the tender's panels declare conflicts of interest.")
		}
		if _, err := tx.exec(ctx, `INSERT INTO tender_declarations (tender_id, evaluator_id, bidder_id, conflict, detail, declared_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (tender_id, evaluator_id, bidder_id) DO UPDATE SET conflict = excluded.conflict, detail = excluded.detail,
			declared_at = excluded.declared_at, mitigation = '', mitigated_by = '', mitigated_at = NULL`,
			tenderID, evaluatorID, bidderID, boolInt(conflict), detail, tx.now); err != nil {
			return mapErr(err, "bidder")
		}
		return tx.record(ctx, "tender.declare", "tender", tenderID, map[string]string{"evaluator_id": evaluatorID, "bidder_id": bidderID,
			"conflict": strconv.FormatBool(conflict)})
	})
}

// Mitigate records the chair's decision that a declared conflict is
// managed. Only the chair of the evaluator's panel may, never for themselves.
func (db *DB) Mitigate(ctx context.Context, tenderID, evaluatorID, bidderID, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return apperr.Fields([]apperr.FieldError{{Field: "reason", Message: "Say how the conflict is managed"}})
	}
	actor := audit.ActorFrom(ctx)
	return db.update(ctx, func(tx *Tx) error {
		ms, err := tx.panelMembers(ctx, tenderID)
		if err != nil {
			return err
		}
		ev, ok := seatOf(ms, evaluatorID)
		chair, isChair := seatOf(ms, actor)
		if !ok || !isChair || !chair.Chair || chair.Panel != ev.Panel || actor == evaluatorID {
			return apperr.Errorf(apperr.Forbidden, "Only the chair of the evaluator's panel can manage their conflict, and nobody their own.")
		}
		res, err := tx.exec(ctx, `UPDATE tender_declarations SET mitigation = ?, mitigated_by = ?, mitigated_at = ?
			WHERE tender_id = ? AND evaluator_id = ? AND bidder_id = ? AND conflict = 1`, reason, actor, tx.now, tenderID, evaluatorID, bidderID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Errorf(apperr.NotFound, "No conflict declared by that evaluator for that bidder")
		}
		return tx.record(ctx, "tender.mitigate", "tender", tenderID, map[string]string{"evaluator_id": evaluatorID, "bidder_id": bidderID, "reason": reason})
	})
}

func (tx *Tx) declarations(ctx context.Context, tenderID string) ([]tender.Declaration, error) {
	rows, err := tx.query(ctx, `SELECT d.evaluator_id, d.bidder_id, d.conflict, d.detail, d.mitigation, d.mitigated_by, m.chair, m.panel, e.panel
		FROM tender_declarations d
		JOIN tender_panel_members e ON e.tender_id = d.tender_id AND e.user_id = d.evaluator_id
		LEFT JOIN tender_panel_members m ON m.tender_id = d.tender_id AND m.user_id = d.mitigated_by
		WHERE d.tender_id = ? ORDER BY d.evaluator_id, d.bidder_id`, tenderID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tender.Declaration
	for rows.Next() {
		var d tender.Declaration
		var conflict int
		var mitigation, by string
		var chair *int
		var chairPanel *string
		var panel string
		if err := rows.Scan(&d.Evaluator, &d.Bidder, &conflict, &d.Detail, &mitigation, &by, &chair, &chairPanel, &panel); err != nil {
			return nil, err
		}
		d.Conflict = conflict == 1
		if mitigation != "" {
			d.Mitigation = &tender.Mitigation{RecordedBy: by, Reason: mitigation,
				ByChair: chair != nil && *chair == 1 && chairPanel != nil && *chairPanel == panel && by != d.Evaluator}
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Declarations lists every declaration made on the tender.
func (db *DB) Declarations(ctx context.Context, tenderID string) ([]tender.Declaration, error) {
	var out []tender.Declaration
	err := db.view(ctx, func(tx *Tx) (err error) { out, err = tx.declarations(ctx, tenderID); return err })
	return out, err
}

// access decides an evaluator's access to a bid from their declarations.
func access(ds []tender.Declaration, evaluatorID, bidderID string) tender.Decision {
	for i := range ds {
		if ds[i].Evaluator == evaluatorID && ds[i].Bidder == bidderID {
			return tender.BidAccess(&ds[i])
		}
	}
	return tender.BidAccess(nil)
}

// scoring gathers what a scoring change needs, refusing it before the
// deadline, after award, and to anyone not on the panel.
type scoring struct {
	t     *tender.Tender
	seat  tender.PanelMember
	ds    []tender.Declaration
	bids  []tender.StoredBid
	owned map[string]bool // "bid/criterion" keys the seat has scored
}

func (tx *Tx) scoringFor(ctx context.Context, tenderID, evaluatorID string, panel tender.Panel) (*scoring, error) {
	t, err := tx.tenderByID(ctx, tenderID)
	if err != nil {
		return nil, err
	}
	if !t.Closed(tx.now) {
		return nil, apperr.Errorf(apperr.Conflict, "Scoring starts when bids close, after the submission deadline.")
	}
	if t.Awarded {
		return nil, apperr.Errorf(apperr.Conflict, "This tender has been awarded; scores can no longer change.")
	}
	ms, err := tx.panelMembers(ctx, tenderID)
	if err != nil {
		return nil, err
	}
	seat, ok := seatOf(ms, evaluatorID)
	if !ok || seat.Panel != panel {
		return nil, apperr.Errorf(apperr.Forbidden, "Only members of the %s score for it.", strings.ToLower(panel.Label()))
	}
	s := &scoring{t: t, seat: seat}
	if s.ds, err = tx.declarations(ctx, tenderID); err != nil {
		return nil, err
	}
	s.bids, err = tx.scanBids(ctx, "b.tender_id = ? AND b.status = 'submitted'", tenderID)
	return s, err
}

// SaveScore saves (or changes) an evaluator's own score, until they submit.
func (db *DB) SaveScore(ctx context.Context, tenderID string, sc tender.IndividualScore) error {
	sc.Comment = strings.TrimSpace(sc.Comment)
	return db.update(ctx, func(tx *Tx) error {
		s, err := tx.scoringFor(ctx, tenderID, sc.Evaluator, sc.Panel)
		if err != nil {
			return err
		}
		if s.t.Moderation[sc.Panel] {
			return apperr.Errorf(apperr.Conflict, "Moderation has started; individual scores can no longer change.")
		}
		var bidder string
		for _, b := range s.bids {
			if b.ID == sc.Bid {
				bidder = b.BidderID
			}
		}
		if bidder == "" {
			return apperr.Errorf(apperr.NotFound, "No such bid")
		}
		if d := access(s.ds, sc.Evaluator, bidder); !d.Allowed {
			return apperr.Errorf(apperr.Forbidden, "%s", d.Reason)
		}
		c, ok := s.t.ITT.Criterion(sc.Criterion)
		if !ok || !c.ScoredBy(sc.Panel) {
			return apperr.Errorf(apperr.NotFound, "Your panel does not score that criterion")
		}
		field := "score-" + sc.Criterion
		if sc.Score < 0 || sc.Score > s.t.ITT.Scale.Max {
			return apperr.Fields([]apperr.FieldError{{Field: field, Message: fmt.Sprintf("Choose a score from 0 to %d for %s", s.t.ITT.Scale.Max, sc.Criterion)}})
		}
		res, err := tx.exec(ctx, `INSERT INTO tender_scores (tender_id, evaluator_id, bid_id, criterion_id, panel, score, comment, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (tender_id, evaluator_id, bid_id, criterion_id, panel) DO UPDATE SET score = excluded.score, comment = excluded.comment,
			updated_at = excluded.updated_at WHERE tender_scores.submitted = 0`,
			tenderID, sc.Evaluator, sc.Bid, sc.Criterion, string(sc.Panel), sc.Score, sc.Comment, tx.now)
		if err != nil {
			return mapErr(err, "bid")
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.Errorf(apperr.Conflict, "You have submitted your scores, so they can no longer change.")
		}
		return tx.record(ctx, "tender.score_save", "tender", tenderID, map[string]string{"evaluator_id": sc.Evaluator, "bid_id": sc.Bid,
			"criterion": sc.Criterion, "panel": string(sc.Panel), "score": strconv.Itoa(sc.Score)})
	})
}

// owed lists the "bid/criterion" scores the seat owes: every criterion
// their panel scores, on every submitted bid they are not excluded from.
func (s *scoring) owed() []string {
	var out []string
	for _, b := range s.bids {
		if !access(s.ds, s.seat.UserID, b.BidderID).Allowed {
			continue
		}
		for _, c := range s.t.ITT.Criteria {
			if c.ScoredBy(s.seat.Panel) {
				out = append(out, b.ID+"/"+c.ID)
			}
		}
	}
	return out
}

// SubmitScores seals an evaluator's scores once every one they owe is given.
// An evaluator who has not declared for every bidder owes nothing yet and
// cannot submit.
func (db *DB) SubmitScores(ctx context.Context, tenderID, evaluatorID string, panel tender.Panel) error {
	return db.update(ctx, func(tx *Tx) error {
		s, err := tx.scoringFor(ctx, tenderID, evaluatorID, panel)
		if err != nil {
			return err
		}
		for _, b := range s.bids {
			if !declared(s.ds, evaluatorID, b.BidderID) {
				return apperr.Errorf(apperr.Invalid, "Declare your interests for every bidder before you submit your scores.")
			}
		}
		have := map[string]bool{}
		rows, err := tx.query(ctx, "SELECT bid_id, criterion_id FROM tender_scores WHERE tender_id = ? AND evaluator_id = ? AND panel = ?", tenderID, evaluatorID, string(panel))
		if err != nil {
			return err
		}
		for rows.Next() {
			var b, c string
			if err := rows.Scan(&b, &c); err != nil {
				rows.Close()
				return err
			}
			have[b+"/"+c] = true
		}
		rows.Close()
		missing := 0
		for _, k := range s.owed() {
			if !have[k] {
				missing++
			}
		}
		if missing > 0 {
			return apperr.Errorf(apperr.Invalid, "You have %d scores still to give. Score every criterion of every bid before you submit.", missing)
		}
		if _, err := tx.exec(ctx, "UPDATE tender_scores SET submitted = 1 WHERE tender_id = ? AND evaluator_id = ? AND panel = ?", tenderID, evaluatorID, string(panel)); err != nil {
			return err
		}
		return tx.record(ctx, "tender.scores_submit", "tender", tenderID, map[string]string{"evaluator_id": evaluatorID, "panel": string(panel),
			"scores": strconv.Itoa(len(have))})
	})
}

func declared(ds []tender.Declaration, evaluatorID, bidderID string) bool {
	for _, d := range ds {
		if d.Evaluator == evaluatorID && d.Bidder == bidderID {
			return true
		}
	}
	return false
}

// Scores lists every individual score of the tender; the faces show each
// person only what the sealed-scoring rules let them see.
func (db *DB) Scores(ctx context.Context, tenderID string) ([]tender.ScoreRecord, error) {
	var out []tender.ScoreRecord
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, `SELECT evaluator_id, bid_id, criterion_id, panel, score, comment, submitted, updated_at FROM tender_scores
			WHERE tender_id = ? ORDER BY bid_id, criterion_id, panel, evaluator_id`, tenderID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s tender.ScoreRecord
			var panel string
			var sub int
			if err := rows.Scan(&s.Evaluator, &s.Bid, &s.Criterion, &panel, &s.Score, &s.Comment, &sub, &s.UpdatedAt); err != nil {
				return err
			}
			s.Panel, s.Submitted, s.UpdatedAt = tender.Panel(panel), sub == 1, s.UpdatedAt.UTC()
			out = append(out, s)
		}
		return rows.Err()
	})
	return out, err
}

// OpenPanelModeration lets the chair open moderation once every member of
// the panel has submitted all their scores.
func (db *DB) OpenPanelModeration(ctx context.Context, tenderID string, panel tender.Panel) error {
	actor := audit.ActorFrom(ctx)
	return db.update(ctx, func(tx *Tx) error {
		ms, err := tx.panelMembers(ctx, tenderID)
		if err != nil {
			return err
		}
		chair, _ := seatOf(ms, actor)
		seat := tender.Seat{Evaluator: actor, Panel: chair.Panel, Chair: chair.Chair && chair.Panel == panel}
		var progress []tender.MemberProgress
		for _, m := range ms {
			if m.Panel != panel {
				continue
			}
			s, err := tx.scoringFor(ctx, tenderID, m.UserID, panel)
			if err != nil {
				return err
			}
			var n int
			if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM tender_scores WHERE tender_id = ? AND evaluator_id = ? AND panel = ? AND submitted = 1",
				tenderID, m.UserID, string(panel)).Scan(&n); err != nil {
				return err
			}
			progress = append(progress, tender.MemberProgress{Evaluator: m.UserID, SubmittedAll: n >= len(s.owed()) && (n > 0 || len(s.owed()) == 0)})
		}
		col := map[tender.Panel]string{tender.Commissioner: "moderation_commissioner", tender.LivedExperience: "moderation_lep"}[panel]
		if col == "" {
			return apperr.Errorf(apperr.NotFound, "No such panel")
		}
		if d := tender.OpenModeration(seat, progress, tender.PanelState{}); !d.Allowed {
			return apperr.Errorf(apperr.Conflict, "%s", d.Reason)
		}
		if _, err := tx.exec(ctx, "UPDATE tenders SET "+col+" = 1, updated_at = ? WHERE id = ?", tx.now, tenderID); err != nil {
			return err
		}
		return tx.record(ctx, "tender.moderation_open", "tender", tenderID, map[string]string{"panel": string(panel)})
	})
}

// RecordConsensus records (or revises) the panel's agreed score for a bid
// and criterion, with its rationale; only the panel's chair, in moderation.
func (db *DB) RecordConsensus(ctx context.Context, tenderID string, c tender.Consensus) error {
	c.Rationale = strings.TrimSpace(c.Rationale)
	actor := audit.ActorFrom(ctx)
	return db.update(ctx, func(tx *Tx) error {
		t, err := tx.tenderByID(ctx, tenderID)
		if err != nil {
			return err
		}
		ms, err := tx.panelMembers(ctx, tenderID)
		if err != nil {
			return err
		}
		if seat, ok := seatOf(ms, actor); !ok || !seat.Chair || seat.Panel != c.Panel {
			return apperr.Errorf(apperr.Forbidden, "Only the chair of the %s records its consensus scores.", strings.ToLower(c.Panel.Label()))
		}
		if !t.Moderation[c.Panel] || t.Awarded {
			return apperr.Errorf(apperr.Conflict, "Consensus scores are recorded in moderation, before the award.")
		}
		cr, ok := t.ITT.Criterion(c.Criterion)
		if !ok || !cr.ScoredBy(c.Panel) {
			return apperr.Errorf(apperr.NotFound, "The panel does not score that criterion")
		}
		var fs []apperr.FieldError
		if c.Score < 0 || c.Score > t.ITT.Scale.Max {
			fs = append(fs, apperr.FieldError{Field: "score", Message: fmt.Sprintf("Choose a score from 0 to %d", t.ITT.Scale.Max)})
		}
		if c.Rationale == "" {
			fs = append(fs, apperr.FieldError{Field: "rationale", Message: "Write the reason for the agreed score; it goes into the bidder's assessment summary"})
		}
		if len(fs) > 0 {
			return apperr.Fields(fs)
		}
		if _, err := tx.exec(ctx, `INSERT INTO tender_consensus (tender_id, bid_id, criterion_id, panel, score, rationale, recorded_by, recorded_at)
			SELECT ?, id, ?, ?, ?, ?, ?, ? FROM tender_bids WHERE id = ? AND tender_id = ? AND status = 'submitted'
			ON CONFLICT (tender_id, bid_id, criterion_id, panel) DO UPDATE SET score = excluded.score, rationale = excluded.rationale,
			recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
			tenderID, c.Criterion, string(c.Panel), c.Score, c.Rationale, actor, tx.now, c.Bid, tenderID); err != nil {
			return mapErr(err, "bid")
		}
		return tx.record(ctx, "tender.consensus", "tender", tenderID, map[string]string{"bid_id": c.Bid, "criterion": c.Criterion,
			"panel": string(c.Panel), "score": strconv.Itoa(c.Score)})
	})
}

func (tx *Tx) consensus(ctx context.Context, tenderID string) ([]tender.ConsensusRecord, error) {
	rows, err := tx.query(ctx, `SELECT bid_id, criterion_id, panel, score, rationale, recorded_by, recorded_at FROM tender_consensus
		WHERE tender_id = ? ORDER BY bid_id, criterion_id, panel`, tenderID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tender.ConsensusRecord
	for rows.Next() {
		var c tender.ConsensusRecord
		var panel string
		if err := rows.Scan(&c.Bid, &c.Criterion, &panel, &c.Score, &c.Rationale, &c.RecordedBy, &c.RecordedAt); err != nil {
			return nil, err
		}
		c.Panel, c.RecordedAt = tender.Panel(panel), c.RecordedAt.UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}

// ConsensusScores lists every consensus score of the tender.
func (db *DB) ConsensusScores(ctx context.Context, tenderID string) ([]tender.ConsensusRecord, error) {
	var out []tender.ConsensusRecord
	err := db.view(ctx, func(tx *Tx) (err error) { out, err = tx.consensus(ctx, tenderID); return err })
	return out, err
}

// RecordAward records the award decision: the engine's winner (or one of
// the bids tied first), who decided and why, and the standstill end, 8
// working days after the award notice, from England and Wales bank holidays.
func (db *DB) RecordAward(ctx context.Context, tenderID, winnerBidID, reason string, noticeOn time.Time) (*tender.AwardDecision, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, apperr.Fields([]apperr.FieldError{{Field: "reason", Message: "Write the reason for the decision"}})
	}
	var a *tender.AwardDecision
	err := db.update(ctx, func(tx *Tx) error {
		t, err := tx.tenderByID(ctx, tenderID)
		if err != nil {
			return err
		}
		if t.Awarded {
			return apperr.Errorf(apperr.Conflict, "This tender has already been awarded.")
		}
		bids, err := tx.scanBids(ctx, "b.tender_id = ? AND b.status = 'submitted'", tenderID)
		if err != nil {
			return err
		}
		cs, err := tx.consensus(ctx, tenderID)
		if err != nil {
			return err
		}
		res, err := t.Evaluate(bids, cs)
		if err != nil {
			return err
		}
		if !(winnerBidID == res.Winner && res.Winner != "") && !containsString(res.TiedFirst, winnerBidID) {
			return apperr.Fields([]apperr.FieldError{{Field: "winner", Message: "Award the contract to the bid ranked first"}})
		}
		london, err := time.LoadLocation("Europe/London")
		if err != nil {
			london = time.UTC
		}
		notice := time.Date(noticeOn.Year(), noticeOn.Month(), noticeOn.Day(), 12, 0, 0, 0, london)
		end, err := tender.StandstillEnd(notice, tender.EnglandAndWales())
		if err != nil {
			return apperr.Fields([]apperr.FieldError{{Field: "notice_on", Message: "There is no bank holiday data for that date: " + err.Error()}})
		}
		a = &tender.AwardDecision{TenderID: tenderID, WinnerBidID: winnerBidID, Reason: reason, DecidedBy: audit.ActorFrom(ctx), DecidedAt: tx.now,
			NoticeOn: time.Date(noticeOn.Year(), noticeOn.Month(), noticeOn.Day(), 0, 0, 0, 0, time.UTC), StandstillEnd: end}
		if _, err := tx.exec(ctx, `INSERT INTO tender_awards (tender_id, winner_bid_id, reason, decided_by, decided_at, notice_on, standstill_end)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, tenderID, winnerBidID, reason, a.DecidedBy, tx.now, a.NoticeOn.Format(time.DateOnly), end.Format(time.DateOnly)); err != nil {
			return mapErr(err, "award")
		}
		return tx.record(ctx, "tender.award", "tender", tenderID, map[string]string{"winner_bid_id": winnerBidID, "reason": reason,
			"notice_on": a.NoticeOn.Format(time.DateOnly), "standstill_end": end.Format(time.DateOnly)})
	})
	return a, err
}

func containsString(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// AwardOf returns the award decision of a tender.
func (db *DB) AwardOf(ctx context.Context, tenderID string) (*tender.AwardDecision, error) {
	var a tender.AwardDecision
	var notice, end string
	err := db.view(ctx, func(tx *Tx) error {
		return mapErr(tx.queryRow(ctx, `SELECT tender_id, winner_bid_id, reason, decided_by, decided_at, notice_on, standstill_end FROM tender_awards WHERE tender_id = ?`,
			tenderID).Scan(&a.TenderID, &a.WinnerBidID, &a.Reason, &a.DecidedBy, &a.DecidedAt, &notice, &end), "award")
	})
	if err != nil {
		return nil, err
	}
	a.DecidedAt = a.DecidedAt.UTC()
	a.NoticeOn, _ = time.Parse(time.DateOnly, notice)
	a.StandstillEnd, _ = time.Parse(time.DateOnly, end)
	return &a, nil
}
