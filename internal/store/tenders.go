package store

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/tender"
)

var _ tender.Service = (*DB)(nil)

// CreateTender starts a draft ITT in a round, with one lot, the default
// scale and tie-break, and the round's stake.
func (db *DB) CreateTender(ctx context.Context, roundID, title string) (*tender.Tender, error) {
	title = strings.TrimSpace(title)
	itt := tender.ITT{Title: title, Lots: tender.DefaultLots(), Scale: tender.DefaultScale(), TieBreak: tender.DefaultTieBreak()}
	if title == "" || len(title) > 200 {
		return nil, apperr.Fields([]apperr.FieldError{{Field: "title", Message: "Enter a title for the tender, 200 characters or fewer"}})
	}
	var t *tender.Tender
	err := db.update(ctx, func(tx *Tx) error {
		rd, err := tx.roundByID(ctx, roundID)
		if err != nil {
			return err
		}
		if err := tender.CheckStart(rd.Published()); err != nil {
			return err
		}
		js, err := json.Marshal(itt)
		if err != nil {
			return err
		}
		id := newID()
		if _, err := tx.exec(ctx, `INSERT INTO tenders (id, round_id, title, itt, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, roundID, title, string(js), audit.ActorFrom(ctx), tx.now, tx.now); err != nil {
			return mapErr(err, "round")
		}
		if err := tx.record(ctx, "tender.create", "tender", id, map[string]string{"round_id": roundID, "title": title}); err != nil {
			return err
		}
		t, err = tx.tenderByID(ctx, id)
		return err
	})
	return t, err
}

const tenderColumns = `t.id, t.round_id, r.org_id, o.name, t.title, t.itt, t.version, t.published_at, t.moderation_commissioner,
	t.moderation_lep, t.created_by, t.created_at, t.updated_at, r.stake,
	(SELECT COUNT(*) FROM tender_awards a WHERE a.tender_id = t.id)`

const tenderFrom = ` FROM tenders t JOIN rounds r ON r.id = t.round_id JOIN organisations o ON o.id = r.org_id`

func scanTender(r interface{ Scan(...any) error }) (*tender.Tender, error) {
	var t tender.Tender
	var itt string
	var pub *time.Time
	var modC, modL, awards int
	var stake int64
	if err := r.Scan(&t.ID, &t.RoundID, &t.OrgID, &t.OrgName, &t.Title, &itt, &t.Version, &pub, &modC, &modL,
		&t.CreatedBy, &t.CreatedAt, &t.UpdatedAt, &stake, &awards); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(itt), &t.ITT); err != nil {
		return nil, err
	}
	// The stake is always the round's, as committed now.
	t.ITT.Stake = tender.Frac(stake, 100)
	if pub != nil {
		u := pub.UTC()
		t.PublishedAt = &u
	}
	t.Moderation = map[tender.Panel]bool{tender.Commissioner: modC == 1, tender.LivedExperience: modL == 1}
	t.Awarded = awards > 0
	t.CreatedAt, t.UpdatedAt = t.CreatedAt.UTC(), t.UpdatedAt.UTC()
	return &t, nil
}

func (tx *Tx) tenderByID(ctx context.Context, id string) (*tender.Tender, error) {
	t, err := scanTender(tx.queryRow(ctx, "SELECT "+tenderColumns+tenderFrom+" WHERE t.id = ?", id))
	return t, mapErr(err, "tender")
}

// TenderByID returns one tender with its current ITT.
func (db *DB) TenderByID(ctx context.Context, id string) (*tender.Tender, error) {
	var t *tender.Tender
	err := db.view(ctx, func(tx *Tx) (err error) { t, err = tx.tenderByID(ctx, id); return err })
	return t, err
}

// ListTenders pages through a round's tenders, oldest first.
func (db *DB) ListTenders(ctx context.Context, roundID, after string, limit int) ([]tender.Tender, string, error) {
	return db.listTenders(ctx, " WHERE t.round_id = ?", []any{roundID}, after, limit)
}

// ListPublishedTenders pages through every published tender, for providers.
func (db *DB) ListPublishedTenders(ctx context.Context, after string, limit int) ([]tender.Tender, string, error) {
	return db.listTenders(ctx, " WHERE t.published_at IS NOT NULL", nil, after, limit)
}

func (db *DB) listTenders(ctx context.Context, where string, args []any, after string, limit int) ([]tender.Tender, string, error) {
	limit = pageLimit(limit)
	q := "SELECT " + tenderColumns + tenderFrom + where
	if after != "" {
		at, id, ok := parseTimeCursor(after)
		if !ok {
			return nil, "", apperr.Errorf(apperr.Invalid, "That page link is not valid. Go back to the first page.")
		}
		q += " AND (t.created_at > ? OR (t.created_at = ? AND t.id > ?))"
		args = append(args, at, at, id)
	}
	q += " ORDER BY t.created_at, t.id LIMIT ?"
	args = append(args, limit+1)
	var out []tender.Tender
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			t, err := scanTender(rows)
			if err != nil {
				return err
			}
			out = append(out, *t)
		}
		return rows.Err()
	})
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = timeCursor(out[limit-1].CreatedAt, out[limit-1].ID)
	}
	return out, next, err
}

// SaveITT saves the ITT (see tender.Tender.ChangeITT for when it may
// change). The stake is always the round's, whatever itt says.
func (db *DB) SaveITT(ctx context.Context, id string, itt tender.ITT, reason string) error {
	return db.update(ctx, func(tx *Tx) error {
		t, err := tx.tenderByID(ctx, id)
		if err != nil {
			return err
		}
		ch, err := t.ChangeITT(itt, reason, tx.now)
		if err != nil {
			return err
		}
		if !ch.Amendment() {
			return tx.writeITT(ctx, t, ch.ITT, ch.Version, "tender.itt_save", ch.Reason)
		}
		// An amendment may not change what the group scores behind its
		// back: new questions or weights for the lived experience panel
		// need the group's agreement, as at publication.
		amended := *t
		amended.ITT = ch.ITT
		var agreed *round.Proposal
		if TenderAgreement(&amended).Canonical() != TenderAgreement(t).Canonical() {
			if agreed, err = tx.tenderAgreed(ctx, &amended); err != nil {
				return err
			}
		}
		if err := tx.writeITT(ctx, t, ch.ITT, ch.Version, "tender.amend", ch.Reason); err != nil {
			return err
		}
		return tx.carryOutAgreement(ctx, agreed)
	})
}

// writeITT stores itt as the tender's current ITT as version and, when
// that is a new version, as a published version too.
func (tx *Tx) writeITT(ctx context.Context, t *tender.Tender, itt tender.ITT, version int, action, reason string) error {
	js, err := json.Marshal(itt)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, "UPDATE tenders SET itt = ?, title = ?, version = ?, updated_at = ? WHERE id = ?",
		string(js), itt.Title, version, tx.now, t.ID); err != nil {
		return err
	}
	if version != t.Version {
		if _, err := tx.exec(ctx, `INSERT INTO tender_versions (tender_id, version, itt, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			t.ID, version, string(js), reason, audit.ActorFrom(ctx), tx.now); err != nil {
			return err
		}
	}
	lep := itt.LEPWeight()
	return tx.record(ctx, action, "tender", t.ID, map[string]string{"version": strconv.Itoa(version), "reason": reason,
		"criteria": strconv.Itoa(len(itt.Criteria)), "lep_weight": lep.String(), "stake": itt.Stake.String()})
}

// PublishTender publishes the ITT as version 1, refusing one that breaks the
// stake invariant or is otherwise unfit to publish (tender.Tender.MayPublish),
// and one whose questions and weights for the lived experience panel the
// group has not agreed: a passed "agree the tender questions" decision must
// hold exactly the ITT's agreement now. A passed decision is enough (the
// commissioner chooses when to publish); publishing carries it out.
func (db *DB) PublishTender(ctx context.Context, id string) error {
	return db.update(ctx, func(tx *Tx) error {
		t, err := tx.tenderByID(ctx, id)
		if err != nil {
			return err
		}
		if err := t.MayPublish(tx.now); err != nil {
			return err
		}
		agreed, err := tx.tenderAgreed(ctx, t)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE tenders SET published_at = ? WHERE id = ?", tx.now, id); err != nil {
			return err
		}
		if err := tx.writeITT(ctx, t, t.ITT, 1, "tender.publish", ""); err != nil {
			return err
		}
		return tx.carryOutAgreement(ctx, agreed)
	})
}

// Amendments lists the published versions, first to last.
func (db *DB) Amendments(ctx context.Context, id string) ([]tender.Amendment, error) {
	var out []tender.Amendment
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, "SELECT version, reason, itt, created_by, created_at FROM tender_versions WHERE tender_id = ? ORDER BY version", id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a tender.Amendment
			var js string
			if err := rows.Scan(&a.Version, &a.Reason, &js, &a.CreatedBy, &a.CreatedAt); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(js), &a.ITT); err != nil {
				return err
			}
			a.CreatedAt = a.CreatedAt.UTC()
			out = append(out, a)
		}
		return rows.Err()
	})
	return out, err
}
