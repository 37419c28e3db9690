package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
)

// itemSelect reads what lists and pages show of an item. Of the round
// member who said it, only the group name and naming consent are read.
const itemSelect = `SELECT v.id, v.said, v.easy_read, v.source, v.said_on, v.round_id, r.title, v.member_id, m.pseudonym, m.named,
	v.themes, v.shown, v.status, v.not_doing_reason, v.owner_org_id, oo.name, v.owner_user_id, u.display_name,
	v.commitment, v.due_on, v.indicator, v.committed_on, v.done_on, v.evidence_count, v.verdict_count, v.verdict, v.vague,
	v.contract_id, lc.title, lc.round_id, lc.provider_org_id, v.indicator_code, v.created_at, v.updated_at`

const itemJoins = ` LEFT JOIN rounds r ON r.id = v.round_id LEFT JOIN round_members m ON m.id = v.member_id
	LEFT JOIN organisations oo ON oo.id = v.owner_org_id LEFT JOIN users u ON u.id = v.owner_user_id
	LEFT JOIN contracts lc ON lc.id = v.contract_id`

// scanItem reads one item row. Staff see a hidden item marked, without
// its words; the public never gets one (queries filter on shown).
func scanItem(s scanner, a ledger.Audience) (ledger.Item, error) {
	var it ledger.Item
	var roundID, roundTitle, memberID, pseudonym, ownerOrg, ownerOrgName, ownerUser, ownerName, due, committed, done sql.NullString
	var named sql.NullInt64
	var contractID, contractTitle, contractRound, contractProvider sql.NullString
	var themes, source, status, verdict, commitment, indicator, indicatorCode string
	var shown, vague int
	if err := s.Scan(&it.ID, &it.Said, &it.EasyRead, &source, &it.SaidOn, &roundID, &roundTitle, &memberID, &pseudonym, &named,
		&themes, &shown, &status, &it.NotDoingReason, &ownerOrg, &ownerOrgName, &ownerUser, &ownerName,
		&commitment, &due, &indicator, &committed, &done, &it.EvidenceCount, &it.VerdictCount, &verdict, &vague,
		&contractID, &contractTitle, &contractRound, &contractProvider, &indicatorCode, &it.CreatedAt, &it.UpdatedAt); err != nil {
		return it, err
	}
	it.Source, it.Status, it.Verdict, it.Vague = ledger.Source(source), ledger.Status(status), ledger.Verdict(verdict), vague == 1
	it.RoundID, it.RoundTitle, it.MemberID, it.DoneOn = roundID.String, roundTitle.String, memberID.String, done.String
	it.CreatedAt, it.UpdatedAt = it.CreatedAt.UTC(), it.UpdatedAt.UTC()
	if themes != "" {
		it.Themes = strings.Split(themes, "\n")
	}
	it.SaidBy = ledger.TheGroup
	if it.Source == ledger.SourceResearch {
		it.SaidBy = ledger.SaidInResearch
	}
	if memberID.Valid {
		it.SaidBy = round.Attribution(memberID.String, pseudonym.String, named.Int64 == 1, round.Group)
	}
	if committed.Valid {
		it.Commitment = &ledger.Commitment{OwnerOrgID: ownerOrg.String, OwnerOrgName: ownerOrgName.String, OwnerUserID: ownerUser.String,
			OwnerName: ownerName.String, What: commitment, DueOn: due.String, Indicator: indicator, CommittedOn: committed.String,
			IndicatorID: indicatorCode, ContractID: contractID.String, ContractTitle: contractTitle.String,
			ContractRoundID: contractRound.String, ContractProviderOrgID: contractProvider.String}
	}
	if shown == 0 {
		it.Withdrawn, it.Said, it.EasyRead, it.SaidBy = true, "", "", ""
	}
	if a == ledger.Public {
		it = ledger.PublicCopy(it)
	}
	return it, nil
}

// LedgerItem returns one item in full, as the audience may see it.
func (db *DB) LedgerItem(ctx context.Context, id string, a ledger.Audience) (*ledger.Item, error) {
	if err := db.syncLedgerConsent(ctx); err != nil {
		return nil, err
	}
	var it ledger.Item
	err := db.view(ctx, func(tx *Tx) (err error) {
		q := itemSelect + " FROM ledger_items v" + itemJoins + " WHERE v.id = ?"
		if a == ledger.Public {
			q += " AND v.shown = 1"
		}
		if it, err = scanItem(tx.queryRow(ctx, q, id), a); err != nil {
			return mapErr(err, "voice item")
		}
		items := []ledger.Item{it}
		if err := tx.fillOrgs(ctx, items); err != nil {
			return err
		}
		it = items[0]
		return tx.fillResponse(ctx, &it, a)
	})
	if err != nil {
		return nil, err
	}
	return &it, nil
}

// fillOrgs adds each item's organisations with one query for the page.
func (tx *Tx) fillOrgs(ctx context.Context, items []ledger.Item) error {
	if len(items) == 0 {
		return nil
	}
	at := map[string]int{}
	args := make([]any, len(items))
	for i, it := range items {
		at[it.ID], args[i] = i, it.ID
	}
	return tx.each(ctx, func(s scanner) error {
		var item string
		var o ledger.OrgRef
		var kind string
		if err := s.Scan(&item, &o.ID, &o.Name, &kind); err != nil {
			return err
		}
		o.UserLed = kind == "user_led"
		items[at[item]].Orgs = append(items[at[item]].Orgs, o)
		return nil
	}, `SELECT io.item_id, o.id, o.name, o.kind FROM ledger_item_orgs io JOIN organisations o ON o.id = io.org_id
		WHERE io.item_id IN (?`+strings.Repeat(", ?", len(items)-1)+`) ORDER BY o.name`, args...)
}

// fillResponse adds the actions, evidence (without file contents) and the
// verdicts of members who take part.
func (tx *Tx) fillResponse(ctx context.Context, it *ledger.Item, a ledger.Audience) error {
	err := tx.each(ctx, func(s scanner) error {
		var x ledger.Action
		err := s.Scan(&x.ID, &x.On, &x.What, &x.CreatedAt)
		x.CreatedAt = x.CreatedAt.UTC()
		it.Actions = append(it.Actions, x)
		return err
	}, "SELECT id, done_on, what, created_at FROM ledger_actions WHERE item_id = ? ORDER BY done_on, created_at, id", it.ID)
	if err != nil {
		return err
	}
	err = tx.each(ctx, func(s scanner) error {
		var e ledger.Evidence
		var kind string
		var contractID sql.NullString
		err := s.Scan(&e.ID, &kind, &e.Text, &e.URL, &e.FileName, &e.FileType, &e.FileSize, &e.Indicator, &e.Value, &e.Period,
			&contractID, &e.IndicatorID, &e.CreatedAt)
		e.Kind, e.CreatedAt, e.ContractID = ledger.EvidenceKind(kind), e.CreatedAt.UTC(), contractID.String
		it.Evidence = append(it.Evidence, e)
		return err
	}, `SELECT id, kind, body, url, file_name, file_type, file_size, indicator, value, period, contract_id, indicator_code, created_at
		FROM ledger_evidence WHERE item_id = ? ORDER BY created_at, id`, it.ID)
	if err != nil {
		return err
	}
	if err := tx.fillEvidenceValues(ctx, it); err != nil {
		return err
	}
	err = tx.each(ctx, func(s scanner) error {
		var v ledger.VerdictRecord
		var verdict string
		var memberID, pseudonym sql.NullString
		var named sql.NullInt64
		if err := s.Scan(&v.ID, &v.UserID, &memberID, &pseudonym, &named, &verdict, &v.Comment, &v.GivenOn, &v.Recorded); err != nil {
			return err
		}
		v.Verdict, v.Recorded, v.By = ledger.Verdict(verdict), v.Recorded.UTC(), round.Anonymous
		if memberID.Valid {
			v.By = round.Attribution(memberID.String, pseudonym.String, named.Int64 == 1, round.Group)
		}
		if a == ledger.Public {
			v.UserID = ""
		}
		it.Verdicts = append(it.Verdicts, v)
		return nil
	}, `SELECT v.id, v.user_id, v.member_id, m.pseudonym, m.named, v.verdict, v.comment, v.given_on, v.created_at
		FROM ledger_verdicts v LEFT JOIN round_members m ON m.id = v.member_id
		WHERE v.item_id = ? AND `+optionalAuthorFilter(round.Group, "m")+` ORDER BY v.created_at, v.id`, it.ID)
	if err != nil {
		return err
	}
	if a == ledger.Public {
		*it = ledger.PublicCopy(*it)
	}
	return nil
}

// errBadCursor is the answer to a page link that was not made here.
var errBadCursor = apperr.Errorf(apperr.Invalid, "That page link is not valid. Go back to the first page.")
