package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/qualitycheck"
	"github.com/coprod/coprod/internal/round"
)

// Quality checks led by a user-led organisation (internal/qualitycheck).
// A check is the ULO's (its quality checkers and facilitators,
// auth.ActionRunQualityChecks) until the report is finished; from then the
// provider visited reads it too (auth.ActionAnswerQualityCheck). Anyone
// else is told there is no such check.

var _ qualitycheck.Service = (*DB)(nil)

var errNoCheck = apperr.Errorf(apperr.NotFound, "No such quality check")

const qcColumns = `q.id, q.ulo_id, u.name, q.provider_id, p.name, q.service, q.visit_on, q.reported_at, q.created_at
	FROM quality_checks q JOIN organisations u ON u.id = q.ulo_id JOIN organisations p ON p.id = q.provider_id`

func scanQualityCheck(r scanner) (qualitycheck.Check, error) {
	var c qualitycheck.Check
	var at sql.NullTime
	err := r.Scan(&c.ID, &c.ULOID, &c.ULOName, &c.ProviderID, &c.ProviderOf, &c.Service, &c.VisitOn, &at, &c.CreatedAt)
	if at.Valid {
		t := at.Time.UTC()
		c.ReportedAt = &t
	}
	return c, err
}

func uloObject(id string) auth.Object { return auth.Object{Type: auth.ScopeOrganisation, ID: id} }

// mayReadCheck: the ULO's team always; the provider once it is reported.
func mayReadCheck(p *auth.Principal, c qualitycheck.Check) bool {
	return auth.Can(p, auth.ActionRunQualityChecks, uloObject(c.ULOID)) ||
		(c.Reported() && auth.Can(p, auth.ActionAnswerQualityCheck, uloObject(c.ProviderID)))
}

// readableCheck loads a check the actor may read, with its checkers.
func (tx *Tx) readableCheck(ctx context.Context, id string) (*qualitycheck.Check, *auth.Principal, error) {
	c, err := scanQualityCheck(tx.queryRow(ctx, "SELECT "+qcColumns+" WHERE q.id = ?", id))
	if err == sql.ErrNoRows {
		return nil, nil, errNoCheck
	}
	if err != nil {
		return nil, nil, err
	}
	p, err := tx.actorPrincipal(ctx)
	if err != nil {
		return nil, nil, err
	}
	if !mayReadCheck(p, c) {
		return nil, nil, errNoCheck
	}
	err = tx.each(ctx, func(r scanner) error {
		var ps qualitycheck.Person
		c.Checkers = append(c.Checkers, ps)
		return r.Scan(&c.Checkers[len(c.Checkers)-1].ID, &c.Checkers[len(c.Checkers)-1].Name)
	}, `SELECT u.id, u.display_name FROM quality_check_checkers k JOIN users u ON u.id = k.user_id
		WHERE k.check_id = ? ORDER BY u.display_name, u.id`, id)
	return &c, p, err
}

// teamCheck loads a check for the ULO's team to work on: refused once the
// report is finished, as the provider may already be answering it.
func (tx *Tx) teamCheck(ctx context.Context, id string) (*qualitycheck.Check, error) {
	c, p, err := tx.readableCheck(ctx, id)
	if err != nil {
		return nil, err
	}
	if !auth.Can(p, auth.ActionRunQualityChecks, uloObject(c.ULOID)) {
		return nil, apperr.Errorf(apperr.Forbidden, "Only the user-led organisation's quality checkers can change its checks.")
	}
	if c.Reported() {
		return nil, apperr.Errorf(apperr.Conflict, "This report is finished and with the provider: it cannot be changed.")
	}
	return c, nil
}

// Checkers are the people holding the quality checker role in a ULO.
func (db *DB) Checkers(ctx context.Context, uloID string) ([]qualitycheck.Person, error) {
	var out []qualitycheck.Person
	err := db.view(ctx, func(tx *Tx) error {
		p, err := tx.actorPrincipal(ctx)
		if err != nil {
			return err
		}
		if !auth.Can(p, auth.ActionRunQualityChecks, uloObject(uloID)) {
			return nil
		}
		return tx.each(ctx, func(r scanner) error {
			var ps qualitycheck.Person
			err := r.Scan(&ps.ID, &ps.Name)
			out = append(out, ps)
			return err
		}, `SELECT DISTINCT u.id, u.display_name FROM role_assignments a JOIN users u ON u.id = a.user_id
			WHERE a.role = ? AND a.scope_type = ? AND a.scope_id = ? AND u.disabled_at IS NULL ORDER BY u.display_name, u.id`,
			string(auth.RoleQualityChecker), string(auth.ScopeOrganisation), uloID)
	})
	return out, err
}

// PlanCheck plans a visit: the ULO must be a user-led organisation whose
// team the actor is in, the provider a provider, and every checker one of
// the ULO's quality checkers.
func (db *DB) PlanCheck(ctx context.Context, n qualitycheck.NewCheck) (*qualitycheck.Check, error) {
	if err := n.Validate(); err != nil {
		return nil, err
	}
	checkers, err := db.Checkers(ctx, n.ULOID)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, c := range checkers {
		known[c.ID] = true
	}
	var out *qualitycheck.Check
	err = db.update(ctx, func(tx *Tx) error {
		p, err := tx.actorPrincipal(ctx)
		if err != nil {
			return err
		}
		var fs []apperr.FieldError
		if kind, err := tx.orgKind(ctx, n.ULOID); err != nil {
			return err
		} else if kind != auth.KindUserLed || !auth.Can(p, auth.ActionRunQualityChecks, uloObject(n.ULOID)) {
			fs = append(fs, apperr.FieldError{Field: "ulo", Message: "Select a user-led organisation whose quality checks you help run"})
		}
		if kind, err := tx.orgKind(ctx, n.ProviderID); err != nil {
			return err
		} else if kind != auth.KindProvider {
			fs = append(fs, apperr.FieldError{Field: "provider", Message: "Select a provider from the list"})
		}
		for _, id := range n.CheckerIDs {
			if !known[id] {
				fs = append(fs, apperr.FieldError{Field: "checkers", Message: "Select quality checkers of this organisation from the list"})
				break
			}
		}
		if len(fs) > 0 {
			return apperr.Fields(fs)
		}
		id := newID()
		if _, err := tx.exec(ctx, `INSERT INTO quality_checks (id, ulo_id, provider_id, service, visit_on, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, n.ULOID, n.ProviderID, n.Service, n.VisitOn, p.User.ID, tx.now); err != nil {
			return err
		}
		for _, u := range dedupeIDs(n.CheckerIDs) {
			if _, err := tx.exec(ctx, "INSERT INTO quality_check_checkers (check_id, user_id) VALUES (?, ?)", id, u); err != nil {
				return err
			}
		}
		if err := tx.record(ctx, "quality_check.plan", "quality_check", id, map[string]string{"ulo_id": n.ULOID,
			"provider_id": n.ProviderID, "visit_on": n.VisitOn}); err != nil {
			return err
		}
		out, _, err = tx.readableCheck(ctx, id)
		return err
	})
	return out, err
}

// orgKind is an organisation's kind, "" for none.
func (tx *Tx) orgKind(ctx context.Context, id string) (auth.OrgKind, error) {
	var kind string
	err := tx.queryRow(ctx, "SELECT kind FROM organisations WHERE id = ?", id).Scan(&kind)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return auth.OrgKind(kind), err
}

func dedupeIDs(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// QualityChecks lists the checks the actor may read, newest visit first:
// those of the ULOs whose team they are in, and the finished reports on
// the providers they answer for.
func (db *DB) QualityChecks(ctx context.Context) ([]qualitycheck.Check, error) {
	var out []qualitycheck.Check
	err := db.view(ctx, func(tx *Tx) error {
		p, err := tx.actorPrincipal(ctx)
		if err != nil || !p.SignedIn() {
			return err
		}
		var ids []any
		for _, id := range dedupeIDs(p.OrgIDs()) {
			ids = append(ids, id)
		}
		if len(ids) == 0 {
			return nil
		}
		in := "(?" + strings.Repeat(", ?", len(ids)-1) + ")"
		return tx.each(ctx, func(r scanner) error {
			c, err := scanQualityCheck(r)
			if err == nil && mayReadCheck(p, c) {
				out = append(out, c)
			}
			return err
		}, "SELECT "+qcColumns+" WHERE q.ulo_id IN "+in+" OR q.provider_id IN "+in+" ORDER BY q.visit_on DESC, q.created_at DESC, q.id",
			append(ids, ids...)...)
	})
	return out, err
}

// QualityCheck is one check with its points, for whoever may read it.
func (db *DB) QualityCheck(ctx context.Context, id string) (*qualitycheck.Report, error) {
	var out *qualitycheck.Report
	err := db.view(ctx, func(tx *Tx) error {
		c, _, err := tx.readableCheck(ctx, id)
		if err != nil {
			return err
		}
		out = &qualitycheck.Report{Check: *c}
		out.Points, err = tx.checkPoints(ctx, id)
		return err
	})
	return out, err
}

func (tx *Tx) checkPoints(ctx context.Context, id string) ([]qualitycheck.Point, error) {
	var out []qualitycheck.Point
	err := tx.each(ctx, func(r scanner) error {
		var pt qualitycheck.Point
		var answer string
		var at sql.NullTime
		if err := r.Scan(&pt.Question, &answer, &pt.Saw, &pt.ItemID, &pt.Reply, &pt.RepliedBy, &at); err != nil {
			return err
		}
		pt.Answer = qualitycheck.Answer(answer)
		if at.Valid {
			t := at.Time.UTC()
			pt.RepliedAt = &t
		}
		out = append(out, pt)
		return nil
	}, `SELECT x.question, x.answer, x.saw, COALESCE(x.item_id, ''), x.reply, COALESCE(u.display_name, ''), x.replied_at
		FROM quality_check_points x LEFT JOIN users u ON u.id = x.replied_by WHERE x.check_id = ?`, id)
	// Checklist order, whatever order the rows came in.
	order := map[string]int{}
	for i, q := range qualitycheck.Checklist {
		order[q.Key] = i
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && order[out[j].Question] < order[out[j-1].Question]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, err
}

// AnswerChecklist keeps one answer, replacing an earlier one.
func (db *DB) AnswerChecklist(ctx context.Context, checkID string, n qualitycheck.NewAnswer) error {
	if err := n.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.teamCheck(ctx, checkID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "DELETE FROM quality_check_points WHERE check_id = ? AND question = ?", checkID, n.Question); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO quality_check_points (check_id, question, answer, saw, answered_by, answered_at)
			VALUES (?, ?, ?, ?, ?, ?)`, checkID, n.Question, string(n.Answer), n.Saw, audit.ActorFrom(ctx), tx.now); err != nil {
			return err
		}
		return tx.record(ctx, "quality_check.answer", "quality_check", checkID, map[string]string{"question": n.Question, "answer": string(n.Answer)})
	})
}

// FinishReport sends the report to the provider: every question answered
// and the visit day come. Each "needs to change" point becomes a voice
// item concerning the provider and the ULO (whose members may then give
// the verdict), said on the day of the visit.
func (db *DB) FinishReport(ctx context.Context, checkID string) error {
	return db.update(ctx, func(tx *Tx) error {
		c, err := tx.teamCheck(ctx, checkID)
		if err != nil {
			return err
		}
		points, err := tx.checkPoints(ctx, checkID)
		if err != nil {
			return err
		}
		rep := qualitycheck.Report{Check: *c, Points: points}
		if missing := rep.Missing(); len(missing) > 0 {
			return apperr.Errorf(apperr.Conflict, "Answer every question before you finish: %d still to answer, starting with “%s”", len(missing), missing[0].EasyRead)
		}
		today := round.LondonDate(tx.now)
		if c.VisitOn > today {
			return apperr.Errorf(apperr.Conflict, "The visit is on %s. Finish the report after the visit.", round.FormatDate(c.VisitOn))
		}
		for _, pt := range points {
			if pt.Answer != qualitycheck.NeedsChange {
				continue
			}
			q, _, _ := qualitycheck.QuestionAt(pt.Question)
			said, easy := qualitycheck.VoiceItem(*c, q, pt)
			n := ledger.NewItem{Said: said, EasyRead: easy, Source: ledger.SourceQualityCheck, SaidOn: c.VisitOn,
				OrgIDs: []string{c.ProviderID, c.ULOID}, Themes: []string{qualitycheck.Theme}, Today: today}
			if err := n.Validate(); err != nil {
				return err
			}
			id, err := tx.createItem(ctx, n)
			if err != nil {
				return err
			}
			if _, err := tx.exec(ctx, "UPDATE quality_check_points SET item_id = ? WHERE check_id = ? AND question = ?", id, checkID, pt.Question); err != nil {
				return err
			}
		}
		if _, err := tx.exec(ctx, "UPDATE quality_checks SET reported_at = ? WHERE id = ?", tx.now, checkID); err != nil {
			return err
		}
		return tx.record(ctx, "quality_check.finish", "quality_check", checkID, nil)
	})
}

// ReplyToPoint keeps the provider's answer to one point of a finished
// report; answering again replaces it.
func (db *DB) ReplyToPoint(ctx context.Context, checkID string, n qualitycheck.NewReply) error {
	if err := n.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		c, p, err := tx.readableCheck(ctx, checkID)
		if err != nil {
			return err
		}
		if !c.Reported() || !auth.Can(p, auth.ActionAnswerQualityCheck, uloObject(c.ProviderID)) {
			return apperr.Errorf(apperr.Forbidden, "Only the provider visited can answer the report's points.")
		}
		res, err := tx.exec(ctx, "UPDATE quality_check_points SET reply = ?, replied_by = ?, replied_at = ? WHERE check_id = ? AND question = ?",
			n.Reply, p.User.ID, tx.now, checkID, n.Question)
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return apperr.Errorf(apperr.NotFound, "There is no such point in the report.")
		}
		return tx.record(ctx, "quality_check.reply", "quality_check", checkID, map[string]string{"question": n.Question})
	})
}

// PayChecker records an involvement payment to one of the visit's checkers.
func (db *DB) PayChecker(ctx context.Context, checkID string, n round.NewPayment) error {
	if err := n.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		c, p, err := tx.readableCheck(ctx, checkID)
		if err != nil {
			return err
		}
		if !auth.Can(p, auth.ActionPayQualityCheckers, uloObject(c.ULOID)) {
			return apperr.Errorf(apperr.Forbidden, "Only the user-led organisation's facilitators record payments.")
		}
		checker := false
		for _, k := range c.Checkers {
			checker = checker || k.ID == n.MemberID
		}
		if !checker {
			return apperr.Fields([]apperr.FieldError{{Field: "member_id", Message: "Select one of the visit's quality checkers"}})
		}
		id := newID()
		if _, err := tx.exec(ctx, `INSERT INTO quality_check_payments (id, check_id, user_id, amount_pence, method, paid_on, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, checkID, n.MemberID, n.Pence(), n.Method, n.PaidOn, tx.now); err != nil {
			return err
		}
		return tx.record(ctx, "quality_check.pay", "quality_check", checkID, map[string]string{"payment_id": id, "user_id": n.MemberID,
			"amount_pence": strconv.FormatInt(n.Pence(), 10)})
	})
}

// CheckPayments are the visit's involvement payments, oldest first, for
// the ULO's team.
func (db *DB) CheckPayments(ctx context.Context, checkID string) ([]qualitycheck.Payment, error) {
	var out []qualitycheck.Payment
	err := db.view(ctx, func(tx *Tx) error {
		c, p, err := tx.readableCheck(ctx, checkID)
		if err != nil {
			return err
		}
		if !auth.Can(p, auth.ActionRunQualityChecks, uloObject(c.ULOID)) {
			return nil
		}
		return tx.each(ctx, func(r scanner) error {
			var pay qualitycheck.Payment
			err := r.Scan(&pay.ID, &pay.Checker.ID, &pay.Checker.Name, &pay.AmountPence, &pay.Method, &pay.PaidOn)
			out = append(out, pay)
			return err
		}, `SELECT x.id, x.user_id, u.display_name, x.amount_pence, x.method, x.paid_on FROM quality_check_payments x
			JOIN users u ON u.id = x.user_id WHERE x.check_id = ? ORDER BY x.created_at, x.id`, checkID)
	})
	return out, err
}
