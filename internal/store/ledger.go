package store

import (
	"context"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/ledger"
)

var _ ledger.Service = (*DB)(nil)

// CreateItem records one voice item; the input must be validated.
func (db *DB) CreateItem(ctx context.Context, n ledger.NewItem) (*ledger.Item, error) {
	var id string
	err := db.update(ctx, func(tx *Tx) (err error) {
		id, err = tx.createItem(ctx, n)
		return err
	})
	if err != nil {
		return nil, err
	}
	return db.LedgerItem(ctx, id, ledger.Staff)
}

// ImportItems records validated voice items in one transaction: all or none.
func (db *DB) ImportItems(ctx context.Context, items []ledger.NewItem) (int, error) {
	err := db.update(ctx, func(tx *Tx) error {
		for _, n := range items {
			if _, err := tx.createItem(ctx, n); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(items), nil
}

func (tx *Tx) createItem(ctx context.Context, n ledger.NewItem) (string, error) {
	if n.RoundID != "" {
		var k int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM rounds WHERE id = ?", n.RoundID).Scan(&k); err != nil {
			return "", err
		}
		if k == 0 {
			return "", apperr.Fields([]apperr.FieldError{{Field: "round_id", Message: "Select a round from the list"}})
		}
	}
	if n.MemberID != "" {
		if err := tx.memberInRound(ctx, n.RoundID, n.MemberID); err != nil {
			return "", apperr.Fields([]apperr.FieldError{{Field: "member_id", Message: "Select a member of this round's group"}})
		}
		if err := tx.noteAuthor(ctx, n.MemberID); err != nil {
			return "", err
		}
	}
	id := newID()
	// Inserted hidden and counted as nothing; changeItem then shows it and
	// counts it, by the same rule as every later change.
	if _, err := tx.exec(ctx, `INSERT INTO ledger_items (id, said, easy_read, source, said_on, round_id, member_id, themes, status,
		shown, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', 0, ?, ?)`,
		id, n.Said, n.EasyRead, string(n.Source), n.SaidOn, nullIfEmpty(n.RoundID), nullIfEmpty(n.MemberID),
		strings.Join(n.Themes, "\n"), tx.now, tx.now); err != nil {
		return "", mapErr(err, "voice item")
	}
	for _, org := range n.OrgIDs {
		if _, err := tx.exec(ctx, "INSERT INTO ledger_item_orgs (item_id, org_id, said_on, shown) VALUES (?, ?, ?, 0)", id, org, n.SaidOn); err != nil {
			if e := mapErr(err, "organisation"); apperr.Code(e) == apperr.Invalid {
				return "", apperr.Fields([]apperr.FieldError{{Field: "org_ids", Message: "Select organisations from the list"}})
			}
			return "", err
		}
	}
	for _, t := range n.Themes {
		if _, err := tx.exec(ctx, "INSERT INTO ledger_item_themes (item_id, theme, said_on, shown) VALUES (?, ?, ?, 0)", id, t, n.SaidOn); err != nil {
			return "", err
		}
	}
	if _, err := tx.changeItem(ctx, id, func(*itemState) error { return nil }); err != nil {
		return "", err
	}
	// What was said stays out of the audit log, which admins read: it may
	// be withdrawn later, and the log cannot forget.
	return id, tx.record(ctx, "ledger.item_create", "ledger_item", id, map[string]string{"round_id": n.RoundID,
		"org_ids": strings.Join(n.OrgIDs, " "), "source": string(n.Source), "said_on": n.SaidOn})
}

// WithdrawItem hides an item whose consent was withdrawn, everywhere in
// public and in the counts, for good.
func (db *DB) WithdrawItem(ctx context.Context, id string) error {
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.changeItem(ctx, id, func(s *itemState) error {
			if s.Withdrawn {
				return apperr.Errorf(apperr.Conflict, "Consent for this item was already withdrawn")
			}
			s.Withdrawn = true
			return nil
		}); err != nil {
			return err
		}
		return tx.record(ctx, "ledger.item_withdraw", "ledger_item", id, nil)
	})
}

// Commit records (or replaces) the commitment and marks the item committed.
func (db *DB) Commit(ctx context.Context, itemID string, n ledger.NewCommitment) error {
	return db.update(ctx, func(tx *Tx) error { return tx.commit(ctx, itemID, n) })
}

// commit is Commit inside a transaction; an audit's action plan commits
// the item it creates in the same one.
func (tx *Tx) commit(ctx context.Context, itemID string, n ledger.NewCommitment) error {
	var member int
	if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM memberships WHERE user_id = ? AND org_id = ?", n.OwnerUserID, n.OwnerOrgID).Scan(&member); err != nil {
		return err
	}
	if member == 0 {
		return apperr.Fields([]apperr.FieldError{{Field: "owner_user_id", Message: "The owner must belong to the organisation that owns the commitment"}})
	}
	var ind ledger.IndicatorOption
	if n.ContractID != "" {
		var err error
		if ind, err = tx.itemIndicator(ctx, itemID, n.ContractID, n.IndicatorID); err != nil {
			return err
		}
	}
	if _, err := tx.changeItem(ctx, itemID, func(s *itemState) error {
		if s.Status == string(ledger.StatusNotDoing) || s.Status == string(ledger.StatusDone) {
			return apperr.Errorf(apperr.Conflict, "This item is %s. Change its status before changing the commitment.", strings.ToLower(ledger.Status(s.Status).Label()))
		}
		if err := n.CheckSaid(s.SaidOn); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE ledger_items SET owner_org_id = ?, owner_user_id = ?, commitment = ?, due_on = ?, indicator = ?,
			contract_id = ?, indicator_code = ? WHERE id = ?`,
			n.OwnerOrgID, n.OwnerUserID, n.What, n.DueOn, ind.Name, nullIfEmpty(ind.ContractID), ind.IndicatorID, itemID); err != nil {
			return mapErr(err, "owner")
		}
		s.Commitment, s.CommittedOn = n.What, n.CommittedOn
		if s.Status == string(ledger.StatusOpen) {
			s.Status = string(ledger.StatusCommitted)
		}
		return nil
	}); err != nil {
		return err
	}
	return tx.record(ctx, "ledger.commit", "ledger_item", itemID, map[string]string{"owner_org_id": n.OwnerOrgID,
		"owner_user_id": n.OwnerUserID, "what": n.What, "due_on": n.DueOn, "contract_id": ind.ContractID, "indicator": ind.IndicatorID, "committed_on": n.CommittedOn})
}

// SetStatus moves an item to a new status by the rules in ledger.StatusChange.
func (db *DB) SetStatus(ctx context.Context, itemID string, c ledger.StatusChange) error {
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.changeItem(ctx, itemID, func(s *itemState) error {
			it := &ledger.Item{Status: ledger.Status(s.Status)}
			if s.CommittedOn != "" {
				it.Commitment = &ledger.Commitment{What: s.Commitment}
			}
			if err := c.Check(it); err != nil {
				return err
			}
			s.Status, s.DoneOn = string(c.Status), ""
			if c.Status == ledger.StatusDone {
				s.DoneOn = c.On
			}
			_, err := tx.exec(ctx, "UPDATE ledger_items SET not_doing_reason = ? WHERE id = ?", c.Reason, itemID)
			return err
		}); err != nil {
			return err
		}
		return tx.record(ctx, "ledger.status", "ledger_item", itemID, map[string]string{"status": string(c.Status), "on": c.On, "reason": c.Reason})
	})
}

// AddAction logs a step taken.
func (db *DB) AddAction(ctx context.Context, itemID string, n ledger.NewAction) error {
	return db.update(ctx, func(tx *Tx) error {
		id := newID()
		if _, err := tx.changeItem(ctx, itemID, func(*itemState) error {
			_, err := tx.exec(ctx, "INSERT INTO ledger_actions (id, item_id, done_on, what, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
				id, itemID, n.On, n.What, audit.ActorFrom(ctx), tx.now)
			return err
		}); err != nil {
			return err
		}
		return tx.record(ctx, "ledger.action", "ledger_item", itemID, map[string]string{"action_id": id, "on": n.On, "what": n.What})
	})
}

// AddEvidence adds a piece of evidence.
func (db *DB) AddEvidence(ctx context.Context, itemID string, n ledger.NewEvidence) error {
	return db.update(ctx, func(tx *Tx) error {
		id := newID()
		var data any
		if n.Kind == ledger.EvidenceFile {
			data = n.FileData
		}
		// Indicator values are read from the contract's reports now and
		// kept with the evidence, so later corrections do not rewrite it.
		var ind ledger.IndicatorOption
		var values []ledger.IndicatorValue
		var latest ledger.IndicatorValue
		if n.Kind == ledger.EvidenceIndicator {
			var err error
			if ind, err = tx.itemIndicator(ctx, itemID, n.ContractID, n.IndicatorID); err != nil {
				return err
			}
			if values, err = tx.indicatorValues(ctx, ind.ContractID, ind.IndicatorID); err != nil {
				return err
			}
			if len(values) == 0 {
				return apperr.Fields([]apperr.FieldError{{Field: "indicator",
					Message: "No values have been reported for “" + ind.Name + "” yet. Add this evidence once the provider has reported."}})
			}
			latest = values[len(values)-1]
		}
		if _, err := tx.changeItem(ctx, itemID, func(*itemState) error {
			if _, err := tx.exec(ctx, `INSERT INTO ledger_evidence (id, item_id, kind, body, url, file_name, file_type, file_size, file_data,
				indicator, value, period, contract_id, indicator_code, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, itemID, string(n.Kind), n.Text, n.URL, n.FileName, n.FileType, len(n.FileData), data, ind.Name, latest.Value, latest.Period,
				nullIfEmpty(ind.ContractID), ind.IndicatorID, audit.ActorFrom(ctx), tx.now); err != nil {
				return err
			}
			for i, v := range values {
				if _, err := tx.exec(ctx, "INSERT INTO ledger_evidence_values (evidence_id, position, period, value) VALUES (?, ?, ?, ?)",
					id, i, v.Period, v.Value); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
		details := map[string]string{"evidence_id": id, "kind": string(n.Kind), "file_name": n.FileName, "bytes": strconv.Itoa(len(n.FileData))}
		if ind.ContractID != "" {
			details["contract_id"], details["indicator"], details["values"] = ind.ContractID, ind.IndicatorID, strconv.Itoa(len(values))
		}
		return tx.record(ctx, "ledger.evidence", "ledger_item", itemID, details)
	})
}

// EvidenceFile returns an uploaded file for download.
func (db *DB) EvidenceFile(ctx context.Context, itemID, evidenceID string) (*ledger.Evidence, []byte, error) {
	var e ledger.Evidence
	var data []byte
	err := db.view(ctx, func(tx *Tx) error {
		return mapErr(tx.queryRow(ctx, `SELECT id, file_name, file_type, file_size, file_data FROM ledger_evidence
			WHERE id = ? AND item_id = ? AND kind = 'file'`, evidenceID, itemID).Scan(&e.ID, &e.FileName, &e.FileType, &e.FileSize, &data), "file")
	})
	if err != nil {
		return nil, nil, err
	}
	e.Kind = ledger.EvidenceFile
	return &e, data, nil
}

// RecordVerdict records (or replaces) one person's verdict. The face has
// checked they belong to the group concerned.
func (db *DB) RecordVerdict(ctx context.Context, itemID string, n ledger.NewVerdict, by ledger.VerdictBy) error {
	return db.update(ctx, func(tx *Tx) error {
		if by.MemberID != "" {
			if err := tx.noteAuthor(ctx, by.MemberID); err != nil {
				return err
			}
		}
		if _, err := tx.changeItem(ctx, itemID, func(s *itemState) error {
			if s.Status != string(ledger.StatusDone) && s.Status != string(ledger.StatusInProgress) {
				return apperr.Errorf(apperr.Conflict, "The group can say whether it changed once the work is in progress or done. This item is %s.",
					strings.ToLower(ledger.Status(s.Status).Label()))
			}
			today := tx.now.Format(ledger.DateLayout)
			_, err := tx.exec(ctx, `INSERT INTO ledger_verdicts (id, item_id, user_id, member_id, verdict, comment, given_on, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item_id, user_id) DO UPDATE SET verdict = excluded.verdict,
				comment = excluded.comment, given_on = excluded.given_on, member_id = excluded.member_id`,
				newID(), itemID, by.UserID, nullIfEmpty(by.MemberID), string(n.Verdict), n.Comment, today, tx.now)
			return err
		}); err != nil {
			return err
		}
		return tx.record(ctx, "ledger.verdict", "ledger_item", itemID, map[string]string{"verdict": string(n.Verdict), "member_id": by.MemberID})
	})
}
