package store

import (
	"context"

	"github.com/coprod/coprod/internal/adjustaudit"
	"github.com/coprod/coprod/internal/ledger"
)

var _ adjustaudit.ActionPlans = (*DB)(nil)

// AddAuditAction makes an action of an audit's plan a committed voice item
// about the audit's organisation: the finding as what was said, the
// action as the commitment, owned by the person adding it.
func (db *DB) AddAuditAction(ctx context.Context, auditID, said string, c ledger.NewCommitment) (string, error) {
	var id string
	err := db.update(ctx, func(tx *Tx) error {
		a, err := tx.teamAudit(ctx, auditID)
		if err != nil {
			return err
		}
		p, err := tx.actorPrincipal(ctx)
		if err != nil {
			return err
		}
		today := ledger.Today(tx.now)
		c.OwnerOrgID, c.OwnerUserID, c.Today, c.SaidOn = a.OrgID, p.User.ID, today, today
		if err := c.Validate(); err != nil {
			return err
		}
		n := ledger.NewItem{Said: said, Source: ledger.SourceAuditAction, SaidOn: today, OrgIDs: []string{a.OrgID},
			Themes: []string{adjustaudit.ActionTheme}, Today: today}
		if err := n.Validate(); err != nil {
			return err
		}
		if id, err = tx.createItem(ctx, n); err != nil {
			return err
		}
		if err := tx.commit(ctx, id, c); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "INSERT INTO adjustment_audit_actions (audit_id, item_id) VALUES (?, ?)", auditID, id); err != nil {
			return err
		}
		return tx.record(ctx, "adjustment_audit.action", "adjustment_audit", auditID, map[string]string{"item_id": id})
	})
	return id, err
}

// AuditActions are the voice items of an audit's actions, oldest first,
// for its team.
func (db *DB) AuditActions(ctx context.Context, auditID string) ([]string, error) {
	var out []string
	err := db.view(ctx, func(tx *Tx) error {
		if _, err := tx.teamAudit(ctx, auditID); err != nil {
			return err
		}
		return tx.each(ctx, func(r scanner) error {
			var id string
			err := r.Scan(&id)
			out = append(out, id)
			return err
		}, `SELECT x.item_id FROM adjustment_audit_actions x JOIN ledger_items i ON i.id = x.item_id
			WHERE x.audit_id = ? ORDER BY i.created_at, i.id`, auditID)
	})
	return out, err
}
