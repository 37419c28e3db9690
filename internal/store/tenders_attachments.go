package store

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/tender"
)

// openDraft makes sure the bidder has a draft to change: it starts one,
// or turns a withdrawn bid back into a draft, as saving the bid does. b
// must not be submitted. Updating the bid's row first also makes two
// files attached at the same time queue behind each other on PostgreSQL,
// so the limits are counted with both in view.
func (tx *Tx) openDraft(ctx context.Context, t *tender.Tender, b *tender.StoredBid, bidderID string) (string, error) {
	if b != nil {
		_, err := tx.exec(ctx, "UPDATE tender_bids SET status = 'draft', receipt_hash = '', submitted_at = NULL, updated_at = ? WHERE id = ?", tx.now, b.ID)
		return b.ID, err
	}
	id, lot := newID(), ""
	if len(t.ITT.Lots) > 0 {
		lot = t.ITT.Lots[0].ID
	}
	if _, err := tx.exec(ctx, `INSERT INTO tender_bids (id, tender_id, bidder_id, lot_id, status, price_pence, updated_at) VALUES (?, ?, ?, ?, 'draft', 0, ?)`,
		id, t.ID, bidderID, lot, tx.now); err != nil {
		return "", mapErr(err, "bidder")
	}
	return id, nil
}

// AddBidAttachment attaches a file to the bidder's answer to a criterion.
// The rules are those of saving the bid: before the deadline only, never
// to a submitted bid (withdraw it first), and a withdrawn bid becomes a
// draft again. tender.CheckAttachment decides the type and the limits.
func (db *DB) AddBidAttachment(ctx context.Context, tenderID, bidderID, criterionID, fileName string, data []byte) (*tender.Attachment, error) {
	var out *tender.Attachment
	err := db.update(ctx, func(tx *Tx) error {
		t, b, err := tx.draftChange(ctx, tenderID, bidderID)
		if err != nil {
			return err
		}
		// Check what can be checked before touching anything.
		if _, err := tender.CheckAttachment(t.ITT, tender.NewAttachment{Criterion: criterionID, FileName: fileName, Data: data}); err != nil {
			return err
		}
		bidID, err := tx.openDraft(ctx, t, b, bidderID)
		if err != nil {
			return err
		}
		n := tender.NewAttachment{Criterion: criterionID, FileName: fileName, Data: data}
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM tender_attachments WHERE bid_id = ? AND criterion_id = ?", bidID, criterionID).Scan(&n.CriterionFiles); err != nil {
			return err
		}
		if err := tx.queryRow(ctx, "SELECT COALESCE(SUM(size), 0) FROM tender_attachments WHERE bid_id = ?", bidID).Scan(&n.BidBytes); err != nil {
			return err
		}
		a, err := tender.CheckAttachment(t.ITT, n)
		if err != nil {
			return err
		}
		a.ID, a.BidID, a.CreatedAt = newID(), bidID, tx.now
		if _, err := tx.exec(ctx, `INSERT INTO tender_attachments (id, bid_id, criterion_id, file_name, content_type, size, sha256, data, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.ID, bidID, a.Criterion, a.FileName, a.ContentType, a.Size, a.SHA256, data, audit.ActorFrom(ctx), tx.now); err != nil {
			return err
		}
		out = a
		return tx.record(ctx, "tender.bid_attach", "tender_bid", bidID, map[string]string{"tender_id": tenderID, "bidder_id": bidderID,
			"attachment_id": a.ID, "criterion_id": a.Criterion, "file_name": a.FileName, "size": strconv.FormatInt(a.Size, 10), "sha256": a.SHA256})
	})
	return out, err
}

// RemoveBidAttachment takes a file off the bidder's own bid, under the
// same rules as attaching one. Another bidder's file is not found.
func (db *DB) RemoveBidAttachment(ctx context.Context, tenderID, bidderID, attachmentID string) error {
	return db.update(ctx, func(tx *Tx) error {
		t, b, err := tx.draftChange(ctx, tenderID, bidderID)
		if err != nil {
			return err
		}
		if b == nil {
			return apperr.Errorf(apperr.NotFound, "No such file")
		}
		var a *tender.Attachment
		for i := range b.Attachments {
			if b.Attachments[i].ID == attachmentID {
				a = &b.Attachments[i]
			}
		}
		if a == nil {
			return apperr.Errorf(apperr.NotFound, "No such file")
		}
		if _, err := tx.openDraft(ctx, t, b, bidderID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "DELETE FROM tender_attachments WHERE id = ? AND bid_id = ?", a.ID, b.ID); err != nil {
			return err
		}
		return tx.record(ctx, "tender.bid_detach", "tender_bid", b.ID, map[string]string{"tender_id": tenderID, "bidder_id": bidderID,
			"attachment_id": a.ID, "criterion_id": a.Criterion, "file_name": a.FileName, "sha256": a.SHA256})
	})
}

const attachmentColumns = "a.id, a.bid_id, a.criterion_id, a.file_name, a.content_type, a.size, a.sha256, a.created_at"

func scanAttachment(r scanner, data *[]byte) (*tender.Attachment, error) {
	var a tender.Attachment
	dest := []any{&a.ID, &a.BidID, &a.Criterion, &a.FileName, &a.ContentType, &a.Size, &a.SHA256, &a.CreatedAt}
	if data != nil {
		dest = append(dest, data)
	}
	if err := r.Scan(dest...); err != nil {
		return nil, err
	}
	a.CreatedAt = a.CreatedAt.UTC()
	return &a, nil
}

// bidAttachments loads the files of the bids in out (metadata only) onto
// them; idx maps a bid id to its place in out.
func (tx *Tx) bidAttachments(ctx context.Context, out []tender.StoredBid, idx map[string]int) error {
	if len(out) == 0 {
		return nil
	}
	ids := make([]any, 0, len(out))
	for _, b := range out {
		ids = append(ids, b.ID)
	}
	return tx.each(ctx, func(r scanner) error {
		a, err := scanAttachment(r, nil)
		if err == nil {
			out[idx[a.BidID]].Attachments = append(out[idx[a.BidID]].Attachments, *a)
		}
		return err
	}, "SELECT "+attachmentColumns+" FROM tender_attachments a WHERE a.bid_id IN (?"+strings.Repeat(", ?", len(ids)-1)+
		") ORDER BY a.bid_id, a.criterion_id, a.created_at, a.id", ids...)
}

// BidAttachments lists the files of one bid of a tender, without their
// contents. It does not check who asks: the face decides who may see the bid.
func (db *DB) BidAttachments(ctx context.Context, tenderID, bidID string) ([]tender.Attachment, error) {
	var out []tender.Attachment
	err := db.view(ctx, func(tx *Tx) error {
		var one int
		if err := tx.queryRow(ctx, "SELECT 1 FROM tender_bids WHERE id = ? AND tender_id = ?", bidID, tenderID).Scan(&one); err != nil {
			return mapErr(err, "bid")
		}
		return tx.each(ctx, func(r scanner) error {
			a, err := scanAttachment(r, nil)
			if err == nil {
				out = append(out, *a)
			}
			return err
		}, "SELECT "+attachmentColumns+" FROM tender_attachments a WHERE a.bid_id = ? ORDER BY a.criterion_id, a.created_at, a.id", bidID)
	})
	return out, err
}

// BidAttachmentData returns one file of one bid of a tender with its
// contents. It does not check who asks: the face decides who may see the bid.
func (db *DB) BidAttachmentData(ctx context.Context, tenderID, bidID, attachmentID string) (*tender.Attachment, []byte, error) {
	var a *tender.Attachment
	var data []byte
	err := db.view(ctx, func(tx *Tx) (err error) {
		a, err = scanAttachment(tx.queryRow(ctx, "SELECT "+attachmentColumns+", a.data FROM tender_attachments a JOIN tender_bids b ON b.id = a.bid_id"+
			" WHERE a.id = ? AND a.bid_id = ? AND b.tender_id = ?", attachmentID, bidID, tenderID), &data)
		return mapErr(err, "file")
	})
	if err != nil {
		return nil, nil, err
	}
	return a, data, nil
}

// receiptFiles are a bid's files in the receipt's fixed order: by criterion
// in the ITT's order, then in the order attached.
func receiptFiles(t *tender.Tender, b *tender.StoredBid) []tender.Attachment {
	pos := map[string]int{}
	for i, c := range t.ITT.Criteria {
		pos[c.ID] = i + 1 // 0: a criterion an amendment took away, first
	}
	fs := slices.Clone(b.Attachments)
	slices.SortStableFunc(fs, func(x, y tender.Attachment) int {
		if d := pos[x.Criterion] - pos[y.Criterion]; d != 0 {
			return d
		}
		if c := strings.Compare(x.Criterion, y.Criterion); c != 0 {
			return c
		}
		if c := x.CreatedAt.Compare(y.CreatedAt); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
	return fs
}
