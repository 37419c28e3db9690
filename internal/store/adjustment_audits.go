package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/coprod/coprod/internal/adjustaudit"
	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
)

// Audits of reasonable adjustments (internal/adjustaudit). The audit team
// is the auditing organisation's facilitators and researchers
// (auth.ActionRunAdjustmentAudits); anyone else is told there is no such
// audit, so the cases never leave the team.

var _ adjustaudit.Service = (*DB)(nil)

var errNoAudit = apperr.Errorf(apperr.NotFound, "No such audit")

const raAuditColumns = `a.id, a.org_id, o.name, a.template, a.service, a.period, COALESCE(a.previous_id, ''), a.created_at
	FROM adjustment_audits a JOIN organisations o ON o.id = a.org_id`

func scanAudit(r scanner) (adjustaudit.Audit, error) {
	var a adjustaudit.Audit
	err := r.Scan(&a.ID, &a.OrgID, &a.OrgName, &a.Template, &a.Service, &a.Period, &a.PreviousID, &a.CreatedAt)
	return a, err
}

// teamAudit loads an audit the actor's team runs.
func (tx *Tx) teamAudit(ctx context.Context, id string) (*adjustaudit.Audit, error) {
	a, err := scanAudit(tx.queryRow(ctx, "SELECT "+raAuditColumns+" WHERE a.id = ?", id))
	if err == sql.ErrNoRows {
		return nil, errNoAudit
	}
	if err != nil {
		return nil, err
	}
	p, err := tx.actorPrincipal(ctx)
	if err != nil {
		return nil, err
	}
	if !auth.Can(p, auth.ActionRunAdjustmentAudits, auth.Object{Type: auth.ScopeOrganisation, ID: a.OrgID}) {
		return nil, errNoAudit
	}
	return &a, nil
}

// CreateAudit starts an audit; a re-audit must repeat an audit of the same
// team and template.
func (db *DB) CreateAudit(ctx context.Context, n adjustaudit.NewAudit) (*adjustaudit.Audit, error) {
	if err := n.Validate(); err != nil {
		return nil, err
	}
	var out *adjustaudit.Audit
	err := db.update(ctx, func(tx *Tx) error {
		p, err := tx.actorPrincipal(ctx)
		if err != nil {
			return err
		}
		if !auth.Can(p, auth.ActionRunAdjustmentAudits, auth.Object{Type: auth.ScopeOrganisation, ID: n.OrgID}) {
			return errForbiddenAudit
		}
		if n.PreviousID != "" {
			prev, err := tx.teamAudit(ctx, n.PreviousID)
			if err != nil || prev.OrgID != n.OrgID || prev.Template != n.Template {
				return apperr.Fields([]apperr.FieldError{{Field: "previous", Message: "A re-audit repeats an audit of the same team and template"}})
			}
		}
		id := newID()
		if _, err := tx.exec(ctx, `INSERT INTO adjustment_audits (id, org_id, template, service, period, previous_id, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, n.OrgID, n.Template, n.Service, n.Period, nullable(n.PreviousID), p.User.ID, tx.now); err != nil {
			return mapErr(err, "organisation")
		}
		if err := tx.record(ctx, "adjustment_audit.create", "adjustment_audit", id, map[string]string{"org_id": n.OrgID,
			"template": n.Template, "service": n.Service, "previous_id": n.PreviousID}); err != nil {
			return err
		}
		out, err = tx.teamAudit(ctx, id)
		return err
	})
	return out, err
}

var errForbiddenAudit = apperr.Errorf(apperr.Forbidden, "Only the audit team (the organisation's facilitators and researchers) can do this.")

// AdjustmentAudits lists the audits of the organisations given that the
// actor's team runs, newest first.
func (db *DB) AdjustmentAudits(ctx context.Context, orgIDs []string) ([]adjustaudit.Audit, error) {
	var out []adjustaudit.Audit
	err := db.view(ctx, func(tx *Tx) error {
		p, err := tx.actorPrincipal(ctx)
		if err != nil {
			return err
		}
		var mine []any
		for _, o := range orgIDs {
			if auth.Can(p, auth.ActionRunAdjustmentAudits, auth.Object{Type: auth.ScopeOrganisation, ID: o}) {
				mine = append(mine, o)
			}
		}
		if len(mine) == 0 {
			return nil
		}
		return tx.each(ctx, func(r scanner) error {
			a, err := scanAudit(r)
			out = append(out, a)
			return err
		}, "SELECT "+raAuditColumns+" WHERE a.org_id IN (?"+strings.Repeat(", ?", len(mine)-1)+") ORDER BY a.created_at DESC, a.id", mine...)
	})
	return out, err
}

// AdjustmentAudit is one audit, for its team.
func (db *DB) AdjustmentAudit(ctx context.Context, id string) (*adjustaudit.Audit, error) {
	var out *adjustaudit.Audit
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.teamAudit(ctx, id)
		return err
	})
	return out, err
}

// AddCase adds a case with its answers.
func (db *DB) AddCase(ctx context.Context, auditID string, n adjustaudit.NewCase) error {
	return db.update(ctx, func(tx *Tx) error {
		a, err := tx.teamAudit(ctx, auditID)
		if err != nil {
			return err
		}
		t, _ := adjustaudit.TemplateByKey(a.Template)
		if err := n.Validate(t); err != nil {
			return err
		}
		id := newID()
		if _, err := tx.exec(ctx, "INSERT INTO adjustment_audit_cases (id, audit_id, label, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
			id, auditID, n.Label, audit.ActorFrom(ctx), tx.now); err != nil {
			if apperr.Code(mapErr(err, "case")) == apperr.Conflict {
				return apperr.Fields([]apperr.FieldError{{Field: "label", Message: "This audit already has a case " + n.Label + ": use another number"}})
			}
			return err
		}
		for _, c := range t.Criteria {
			if _, err := tx.exec(ctx, "INSERT INTO adjustment_audit_answers (case_id, criterion, answer, evidence) VALUES (?, ?, ?, ?)",
				id, c.Key, string(n.Answers[c.Key]), strings.TrimSpace(n.Evidence[c.Key])); err != nil {
				return err
			}
		}
		return tx.record(ctx, "adjustment_audit.case", "adjustment_audit", auditID, map[string]string{"case_id": id})
	})
}

// Cases are an audit's cases in the order they were added, for its team.
func (db *DB) Cases(ctx context.Context, auditID string) ([]adjustaudit.StoredCase, error) {
	var out []adjustaudit.StoredCase
	err := db.view(ctx, func(tx *Tx) error {
		if _, err := tx.teamAudit(ctx, auditID); err != nil {
			return err
		}
		idx := map[string]int{}
		return tx.each(ctx, func(r scanner) error {
			var id, label, criterion, answer, evidence string
			if err := r.Scan(&id, &label, &criterion, &answer, &evidence); err != nil {
				return err
			}
			i, ok := idx[id]
			if !ok {
				i = len(out)
				idx[id] = i
				out = append(out, adjustaudit.StoredCase{ID: id, Case: adjustaudit.Case{Label: label, Answers: map[string]adjustaudit.Answer{}},
					Evidence: map[string]string{}})
			}
			out[i].Answers[criterion] = adjustaudit.Answer(answer)
			out[i].Evidence[criterion] = evidence
			return nil
		}, `SELECT c.id, c.label, x.criterion, x.answer, x.evidence FROM adjustment_audit_cases c
			JOIN adjustment_audit_answers x ON x.case_id = c.id WHERE c.audit_id = ? ORDER BY c.created_at, c.id`, auditID)
	})
	return out, err
}

// PublishedAudits is every audit, oldest first, with its cases' answers
// and nothing else (no label, no evidence), for the public board's
// aggregates; anyone may read it.
func (db *DB) PublishedAudits(ctx context.Context) ([]adjustaudit.Published, error) {
	var out []adjustaudit.Published
	err := db.view(ctx, func(tx *Tx) error {
		idx := map[string]int{}
		err := tx.each(ctx, func(r scanner) error {
			a, err := scanAudit(r)
			idx[a.ID] = len(out)
			out = append(out, adjustaudit.Published{Audit: a})
			return err
		}, "SELECT "+raAuditColumns+" ORDER BY a.created_at, a.id")
		if err != nil {
			return err
		}
		cases := map[string]int{} // case id → index in its audit's Cases
		return tx.each(ctx, func(r scanner) error {
			var auditID, caseID, criterion, answer string
			if err := r.Scan(&auditID, &caseID, &criterion, &answer); err != nil {
				return err
			}
			p := &out[idx[auditID]]
			i, ok := cases[caseID]
			if !ok {
				i = len(p.Cases)
				cases[caseID] = i
				p.Cases = append(p.Cases, adjustaudit.Case{Answers: map[string]adjustaudit.Answer{}})
			}
			p.Cases[i].Answers[criterion] = adjustaudit.Answer(answer)
			return nil
		}, `SELECT c.audit_id, c.id, x.criterion, x.answer FROM adjustment_audit_cases c
			JOIN adjustment_audit_answers x ON x.case_id = c.id ORDER BY c.created_at, c.id`)
	})
	return out, err
}
