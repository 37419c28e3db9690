package adjustaudit

import (
	"context"
	"fmt"

	"github.com/coprod/coprod/internal/ledger"
)

// An audit's action plan: each action becomes a ledger voice item (source
// audit_action) saying what the audit found, committed to at once with the
// action as its commitment, so the public board follows it and the lived
// experience group gives the verdict.

// ActionSaid words what the audit found, as the voice item an action
// answers.
func ActionSaid(a Audit, t Template, r Result) string {
	return fmt.Sprintf("The audit of %s at %s (%s) found every question that applies met in %d of %d cases.",
		t.Title, a.Service, a.Period, r.Overall.Met, r.Overall.Applicable)
}

// ActionTheme is the theme of every action's voice item, so the board can
// show them together.
const ActionTheme = "Reasonable adjustments"

// ActionPlans is what the store implements for action plans, for the audit
// team only (as the rest of an audit).
type ActionPlans interface {
	// AddAuditAction records the finding said and commits to the action
	// (owned by the person adding it, for the audit's organisation) in one
	// transaction, returning the voice item's id.
	AddAuditAction(ctx context.Context, auditID, said string, c ledger.NewCommitment) (string, error)
	// AuditActions are the voice items of an audit's actions, oldest first.
	AuditActions(ctx context.Context, auditID string) ([]string, error)
}
