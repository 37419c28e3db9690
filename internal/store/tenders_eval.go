package store

import (
	"context"
	"strconv"
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

// evaluation loads the tender's evaluation as it stands, for its rules to
// decide. For a change it first locks the tender's row on PostgreSQL, where
// writers run side by side, so that nothing else lands between what the
// rules were asked and what is written (SQLite's one writer serialises
// changes anyway).
func (tx *Tx) evaluation(ctx context.Context, tenderID string, forChange bool) (*tender.Evaluation, error) {
	if forChange && tx.engine == Postgres {
		if _, err := tx.exec(ctx, "SELECT id FROM tenders WHERE id = ? FOR UPDATE", tenderID); err != nil {
			return nil, err
		}
	}
	t, err := tx.tenderByID(ctx, tenderID)
	if err != nil {
		return nil, err
	}
	e := &tender.Evaluation{Tender: t, Now: tx.now}
	if e.Members, err = tx.panelMembers(ctx, tenderID); err != nil {
		return nil, err
	}
	if e.Declarations, err = tx.declarations(ctx, tenderID); err != nil {
		return nil, err
	}
	if e.Bids, err = tx.scanBids(ctx, "b.tender_id = ? AND b.status = 'submitted'", tenderID); err != nil {
		return nil, err
	}
	if e.Scores, err = tx.scores(ctx, tenderID); err != nil {
		return nil, err
	}
	e.Consensus, err = tx.consensus(ctx, tenderID)
	return e, err
}

// Declare records an evaluator's declaration about one bidder. Changing it
// clears any mitigation, which was made for the declaration as it was.
func (db *DB) Declare(ctx context.Context, tenderID, evaluatorID, bidderID string, conflict bool, detail string) error {
	return db.update(ctx, func(tx *Tx) error {
		e, err := tx.evaluation(ctx, tenderID, true)
		if err != nil {
			return err
		}
		d, err := e.Declare(evaluatorID, bidderID, conflict, detail)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO tender_declarations (tender_id, evaluator_id, bidder_id, conflict, detail, declared_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (tender_id, evaluator_id, bidder_id) DO UPDATE SET conflict = excluded.conflict, detail = excluded.detail,
			declared_at = excluded.declared_at, mitigation = '', mitigated_by = '', mitigated_at = NULL`,
			tenderID, d.Evaluator, d.Bidder, boolInt(d.Conflict), d.Detail, tx.now); err != nil {
			return mapErr(err, "bidder")
		}
		return tx.record(ctx, "tender.declare", "tender", tenderID, map[string]string{"evaluator_id": evaluatorID, "bidder_id": bidderID,
			"conflict": strconv.FormatBool(conflict)})
	})
}

// Mitigate records the chair's decision that a declared conflict is
// managed (see tender.Evaluation.Mitigate for who may).
func (db *DB) Mitigate(ctx context.Context, tenderID, evaluatorID, bidderID, reason string) error {
	actor := audit.ActorFrom(ctx)
	return db.update(ctx, func(tx *Tx) error {
		e, err := tx.evaluation(ctx, tenderID, true)
		if err != nil {
			return err
		}
		m, err := e.Mitigate(actor, evaluatorID, bidderID, reason)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE tender_declarations SET mitigation = ?, mitigated_by = ?, mitigated_at = ?
			WHERE tender_id = ? AND evaluator_id = ? AND bidder_id = ?`, m.Reason, m.RecordedBy, tx.now, tenderID, evaluatorID, bidderID); err != nil {
			return err
		}
		return tx.record(ctx, "tender.mitigate", "tender", tenderID, map[string]string{"evaluator_id": evaluatorID, "bidder_id": bidderID, "reason": m.Reason})
	})
}

func (tx *Tx) declarations(ctx context.Context, tenderID string) ([]tender.Declaration, error) {
	var out []tender.Declaration
	err := tx.each(ctx, func(r scanner) error {
		var d tender.Declaration
		var conflict int
		var mitigation, by string
		var chair *int
		var chairPanel *string
		var panel string
		if err := r.Scan(&d.Evaluator, &d.Bidder, &conflict, &d.Detail, &mitigation, &by, &chair, &chairPanel, &panel); err != nil {
			return err
		}
		d.Conflict = conflict == 1
		if mitigation != "" {
			d.Mitigation = &tender.Mitigation{RecordedBy: by, Reason: mitigation,
				ByChair: chair != nil && *chair == 1 && chairPanel != nil && *chairPanel == panel && by != d.Evaluator}
		}
		out = append(out, d)
		return nil
	}, `SELECT d.evaluator_id, d.bidder_id, d.conflict, d.detail, d.mitigation, d.mitigated_by, m.chair, m.panel, e.panel
		FROM tender_declarations d
		JOIN tender_panel_members e ON e.tender_id = d.tender_id AND e.user_id = d.evaluator_id
		LEFT JOIN tender_panel_members m ON m.tender_id = d.tender_id AND m.user_id = d.mitigated_by
		WHERE d.tender_id = ? ORDER BY d.evaluator_id, d.bidder_id`, tenderID)
	return out, err
}

// Declarations lists every declaration made on the tender.
func (db *DB) Declarations(ctx context.Context, tenderID string) ([]tender.Declaration, error) {
	var out []tender.Declaration
	err := db.view(ctx, func(tx *Tx) (err error) { out, err = tx.declarations(ctx, tenderID); return err })
	return out, err
}

// SaveScore saves (or changes) an evaluator's own score, until they submit
// (see tender.Evaluation.SaveScore).
func (db *DB) SaveScore(ctx context.Context, tenderID string, sc tender.IndividualScore) error {
	return db.update(ctx, func(tx *Tx) error {
		e, err := tx.evaluation(ctx, tenderID, true)
		if err != nil {
			return err
		}
		if sc, err = e.SaveScore(sc); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO tender_scores (tender_id, evaluator_id, bid_id, criterion_id, panel, score, comment, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (tender_id, evaluator_id, bid_id, criterion_id, panel) DO UPDATE SET score = excluded.score, comment = excluded.comment,
			updated_at = excluded.updated_at`,
			tenderID, sc.Evaluator, sc.Bid, sc.Criterion, string(sc.Panel), sc.Score, sc.Comment, tx.now); err != nil {
			return mapErr(err, "bid")
		}
		return tx.record(ctx, "tender.score_save", "tender", tenderID, map[string]string{"evaluator_id": sc.Evaluator, "bid_id": sc.Bid,
			"criterion": sc.Criterion, "panel": string(sc.Panel), "score": strconv.Itoa(sc.Score)})
	})
}

// SubmitScores seals an evaluator's scores once every one they owe is given
// (see tender.Evaluation.Submit).
func (db *DB) SubmitScores(ctx context.Context, tenderID, evaluatorID string, panel tender.Panel) error {
	return db.update(ctx, func(tx *Tx) error {
		e, err := tx.evaluation(ctx, tenderID, true)
		if err != nil {
			return err
		}
		n, err := e.Submit(evaluatorID, panel)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE tender_scores SET submitted = 1 WHERE tender_id = ? AND evaluator_id = ? AND panel = ?", tenderID, evaluatorID, string(panel)); err != nil {
			return err
		}
		return tx.record(ctx, "tender.scores_submit", "tender", tenderID, map[string]string{"evaluator_id": evaluatorID, "panel": string(panel),
			"scores": strconv.Itoa(n)})
	})
}

func (tx *Tx) scores(ctx context.Context, tenderID string) ([]tender.ScoreRecord, error) {
	var out []tender.ScoreRecord
	err := tx.each(ctx, func(r scanner) error {
		var s tender.ScoreRecord
		var panel string
		var sub int
		if err := r.Scan(&s.Evaluator, &s.Bid, &s.Criterion, &panel, &s.Score, &s.Comment, &sub, &s.UpdatedAt); err != nil {
			return err
		}
		s.Panel, s.Submitted, s.UpdatedAt = tender.Panel(panel), sub == 1, s.UpdatedAt.UTC()
		out = append(out, s)
		return nil
	}, `SELECT evaluator_id, bid_id, criterion_id, panel, score, comment, submitted, updated_at FROM tender_scores
		WHERE tender_id = ? ORDER BY bid_id, criterion_id, panel, evaluator_id`, tenderID)
	return out, err
}

// Scores lists the individual scores viewer (a user id) may see under the
// sealed-scoring rules (tender.SeeIndividualScore): their own, and their
// panel's others once they have submitted all theirs and the chair has
// opened moderation, never on a bid a conflict excludes them from. The
// rules are applied here, not by the faces, so that no page or export can
// show a score its reader may not see.
func (db *DB) Scores(ctx context.Context, tenderID, viewer string) ([]tender.ScoreRecord, error) {
	var out []tender.ScoreRecord
	err := db.view(ctx, func(tx *Tx) error {
		e, err := tx.evaluation(ctx, tenderID, false)
		if err == nil {
			out = e.VisibleScores(viewer)
		}
		return err
	})
	return out, err
}

// ModerationProgress lists each member of the panel with whether they have
// submitted every score they owe: what the chair waits for before opening
// moderation. It shows no score.
func (db *DB) ModerationProgress(ctx context.Context, tenderID string, panel tender.Panel) ([]tender.MemberProgress, error) {
	var out []tender.MemberProgress
	err := db.view(ctx, func(tx *Tx) error {
		e, err := tx.evaluation(ctx, tenderID, false)
		if err == nil {
			out = e.Progress(panel)
		}
		return err
	})
	return out, err
}

// OpenPanelModeration lets the chair open moderation once every member of
// the panel has submitted all their scores (see
// tender.Evaluation.OpenModeration).
func (db *DB) OpenPanelModeration(ctx context.Context, tenderID string, panel tender.Panel) error {
	actor := audit.ActorFrom(ctx)
	return db.update(ctx, func(tx *Tx) error {
		e, err := tx.evaluation(ctx, tenderID, true)
		if err != nil {
			return err
		}
		if err := e.OpenModeration(actor, panel); err != nil {
			return err
		}
		col := map[tender.Panel]string{tender.Commissioner: "moderation_commissioner", tender.LivedExperience: "moderation_lep"}[panel]
		if _, err := tx.exec(ctx, "UPDATE tenders SET "+col+" = 1, updated_at = ? WHERE id = ?", tx.now, tenderID); err != nil {
			return err
		}
		return tx.record(ctx, "tender.moderation_open", "tender", tenderID, map[string]string{"panel": string(panel)})
	})
}

// RecordConsensus records (or revises) the panel's agreed scores, each for
// a bid and criterion with its rationale; only the panel's chair, in
// moderation (see tender.Evaluation.RecordConsensus). All are recorded or
// none; a field error is named for its own score ("score-BID-Q1",
// "rationale-BID-Q1"), as the moderation form names them.
func (db *DB) RecordConsensus(ctx context.Context, tenderID string, cs ...tender.Consensus) error {
	actor := audit.ActorFrom(ctx)
	return db.update(ctx, func(tx *Tx) error {
		e, err := tx.evaluation(ctx, tenderID, true)
		if err != nil {
			return err
		}
		// Every score is checked before any is written: the panel's scores
		// of a bid are recorded together or not at all.
		var fs []apperr.FieldError
		for i, c := range cs {
			if cs[i], err = e.RecordConsensus(actor, c); err != nil {
				f := apperr.FieldsOf(err)
				if len(f) == 0 {
					return err
				}
				for _, x := range f { // name the criterion's own field
					fs = append(fs, apperr.FieldError{Field: x.Field + "-" + c.Bid + "-" + c.Criterion, Message: c.Criterion + ": " + x.Message})
				}
			}
		}
		if err := apperr.Fields(fs); err != nil {
			return err
		}
		for _, c := range cs {
			if _, err := tx.exec(ctx, `INSERT INTO tender_consensus (tender_id, bid_id, criterion_id, panel, score, rationale, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (tender_id, bid_id, criterion_id, panel) DO UPDATE SET score = excluded.score, rationale = excluded.rationale,
				recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
				tenderID, c.Bid, c.Criterion, string(c.Panel), c.Score, c.Rationale, actor, tx.now); err != nil {
				return mapErr(err, "bid")
			}
			if err := tx.record(ctx, "tender.consensus", "tender", tenderID, map[string]string{"bid_id": c.Bid, "criterion": c.Criterion,
				"panel": string(c.Panel), "score": strconv.Itoa(c.Score)}); err != nil {
				return err
			}
		}
		return nil
	})
}

func (tx *Tx) consensus(ctx context.Context, tenderID string) ([]tender.ConsensusRecord, error) {
	var out []tender.ConsensusRecord
	err := tx.each(ctx, func(r scanner) error {
		var c tender.ConsensusRecord
		var panel string
		if err := r.Scan(&c.Bid, &c.Criterion, &panel, &c.Score, &c.Rationale, &c.RecordedBy, &c.RecordedAt); err != nil {
			return err
		}
		c.Panel, c.RecordedAt = tender.Panel(panel), c.RecordedAt.UTC()
		out = append(out, c)
		return nil
	}, `SELECT bid_id, criterion_id, panel, score, rationale, recorded_by, recorded_at FROM tender_consensus
		WHERE tender_id = ? ORDER BY bid_id, criterion_id, panel`, tenderID)
	return out, err
}

// ConsensusScores lists the consensus scores viewer (a user id), as a
// member of a panel, may see in moderation (tender.SeeConsensus): their own
// panel's, once moderation is open, never on a bid a conflict excludes them
// from.
func (db *DB) ConsensusScores(ctx context.Context, tenderID, viewer string) ([]tender.ConsensusRecord, error) {
	var out []tender.ConsensusRecord
	err := db.view(ctx, func(tx *Tx) error {
		e, err := tx.evaluation(ctx, tenderID, false)
		if err == nil {
			out = e.VisibleConsensus(viewer)
		}
		return err
	})
	return out, err
}

// ConsensusForResult lists every consensus score of both panels: the
// engine's input for the result, the assessment summaries, the award and
// the exports, which need all of them. It applies no sealed-scoring rule,
// so call it only for a reader the policy already lets see the result
// (auth.ActionViewResult, ActionManageTender, ActionExportTenders); a
// panel member in moderation gets ConsensusScores.
func (db *DB) ConsensusForResult(ctx context.Context, tenderID string) ([]tender.ConsensusRecord, error) {
	var out []tender.ConsensusRecord
	err := db.view(ctx, func(tx *Tx) (err error) { out, err = tx.consensus(ctx, tenderID); return err })
	return out, err
}

// RecordAward records the award decision (see tender.Evaluation.Award):
// the engine's winner (or one of the bids tied first), who decided and
// why, and the standstill end.
func (db *DB) RecordAward(ctx context.Context, tenderID, winnerBidID, reason string, noticeOn time.Time) (*tender.AwardDecision, error) {
	var a *tender.AwardDecision
	err := db.update(ctx, func(tx *Tx) error {
		e, err := tx.evaluation(ctx, tenderID, true)
		if err != nil {
			return err
		}
		if a, err = e.Award(audit.ActorFrom(ctx), winnerBidID, reason, noticeOn); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO tender_awards (tender_id, winner_bid_id, reason, decided_by, decided_at, notice_on, standstill_end)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, tenderID, a.WinnerBidID, a.Reason, a.DecidedBy, a.DecidedAt, a.NoticeOn.Format(time.DateOnly),
			a.StandstillEnd.Format(time.DateOnly)); err != nil {
			return mapErr(err, "award")
		}
		return tx.record(ctx, "tender.award", "tender", tenderID, map[string]string{"winner_bid_id": a.WinnerBidID, "reason": a.Reason,
			"notice_on": a.NoticeOn.Format(time.DateOnly), "standstill_end": a.StandstillEnd.Format(time.DateOnly)})
	})
	return a, err
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
