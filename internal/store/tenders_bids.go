package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/tender"
)

// RegisterInterest records a provider organisation as a bidder on a
// published tender; registering again returns the same bidder.
func (db *DB) RegisterInterest(ctx context.Context, tenderID, orgID string) (*tender.Bidder, error) {
	var b *tender.Bidder
	err := db.update(ctx, func(tx *Tx) error {
		t, err := tx.tenderByID(ctx, tenderID)
		if err != nil {
			return err
		}
		if !t.Published() {
			return apperr.Errorf(apperr.NotFound, "No such tender")
		}
		if b, err = tx.bidderForOrgs(ctx, tenderID, []string{orgID}); err == nil {
			return nil
		}
		if t.Closed(tx.now) {
			return lateRefusal(t)
		}
		id := newID()
		if _, err := tx.exec(ctx, "INSERT INTO tender_bidders (id, tender_id, org_id, registered_by, registered_at) VALUES (?, ?, ?, ?, ?)",
			id, tenderID, orgID, audit.ActorFrom(ctx), tx.now); err != nil {
			return mapErr(err, "organisation")
		}
		if err := tx.record(ctx, "tender.register_interest", "tender", tenderID, map[string]string{"bidder_id": id, "org_id": orgID}); err != nil {
			return err
		}
		b, err = tx.bidderForOrgs(ctx, tenderID, []string{orgID})
		return err
	})
	return b, err
}

// lateRefusal is the clear message for anything a bidder tries after the deadline.
func lateRefusal(t *tender.Tender) error {
	return apperr.Errorf(apperr.Conflict, "The deadline for bids was %s. Bids can no longer be started, changed, sent or withdrawn.",
		t.ITT.Deadlines.Submission.In(round.London).Format("Monday 2 January 2006 at 15:04"))
}

const bidderColumns = "b.id, b.tender_id, b.org_id, o.name, b.registered_at FROM tender_bidders b JOIN organisations o ON o.id = b.org_id"

func scanBidder(r interface{ Scan(...any) error }) (*tender.Bidder, error) {
	var b tender.Bidder
	if err := r.Scan(&b.ID, &b.TenderID, &b.OrgID, &b.OrgName, &b.RegisteredAt); err != nil {
		return nil, err
	}
	b.RegisteredAt = b.RegisteredAt.UTC()
	return &b, nil
}

func (tx *Tx) bidderForOrgs(ctx context.Context, tenderID string, orgIDs []string) (*tender.Bidder, error) {
	if len(orgIDs) == 0 {
		return nil, apperr.Errorf(apperr.NotFound, "No such bidder")
	}
	args := []any{tenderID}
	for _, o := range orgIDs {
		args = append(args, o)
	}
	q := "SELECT " + bidderColumns + " WHERE b.tender_id = ? AND b.org_id IN (?" + strings.Repeat(", ?", len(orgIDs)-1) + ") ORDER BY b.registered_at, b.id LIMIT 1"
	b, err := scanBidder(tx.queryRow(ctx, q, args...))
	return b, mapErr(err, "bidder")
}

// BidderForOrgs returns the bidder of one of orgIDs (a person's
// organisations) on a tender.
func (db *DB) BidderForOrgs(ctx context.Context, tenderID string, orgIDs []string) (*tender.Bidder, error) {
	var b *tender.Bidder
	err := db.view(ctx, func(tx *Tx) (err error) { b, err = tx.bidderForOrgs(ctx, tenderID, orgIDs); return err })
	return b, err
}

// Bidders lists every organisation that registered interest, in order.
func (db *DB) Bidders(ctx context.Context, tenderID string) ([]tender.Bidder, error) {
	var out []tender.Bidder
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, "SELECT "+bidderColumns+" WHERE b.tender_id = ? ORDER BY b.registered_at, b.id", tenderID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			b, err := scanBidder(rows)
			if err != nil {
				return err
			}
			out = append(out, *b)
		}
		return rows.Err()
	})
	return out, err
}

// bidChange loads what a bidder's change needs and refuses it after the
// deadline; the bid is nil when there is none yet.
func (tx *Tx) bidChange(ctx context.Context, tenderID, bidderID string) (*tender.Tender, *tender.StoredBid, error) {
	t, err := tx.tenderByID(ctx, tenderID)
	if err != nil {
		return nil, nil, err
	}
	if !t.Published() {
		return nil, nil, apperr.Errorf(apperr.NotFound, "No such tender")
	}
	if t.Closed(tx.now) {
		return nil, nil, lateRefusal(t)
	}
	b, err := tx.bidOf(ctx, tenderID, bidderID)
	if apperr.Code(err) == apperr.NotFound {
		return t, nil, nil
	}
	return t, b, err
}

// draftChange is bidChange for a change to what the bid says (answers,
// price, files), which a submitted bid refuses: it is withdrawn first.
func (tx *Tx) draftChange(ctx context.Context, tenderID, bidderID string) (*tender.Tender, *tender.StoredBid, error) {
	t, b, err := tx.bidChange(ctx, tenderID, bidderID)
	if err == nil && b != nil && b.Status == tender.BidSubmitted {
		return nil, nil, apperr.Errorf(apperr.Conflict, "Your bid has been submitted, so it cannot be changed. To change it, withdraw it and submit it again before the deadline.")
	}
	return t, b, err
}

// SaveBid saves a draft of the bidder's answers and price. A submitted bid
// must be withdrawn before it changes.
func (db *DB) SaveBid(ctx context.Context, tenderID, bidderID string, pricePence int64, answers map[string]string) (*tender.StoredBid, error) {
	var out *tender.StoredBid
	err := db.update(ctx, func(tx *Tx) error {
		t, b, err := tx.draftChange(ctx, tenderID, bidderID)
		if err != nil {
			return err
		}
		var fs []apperr.FieldError
		if pricePence < 0 {
			fs = append(fs, apperr.FieldError{Field: "price", Message: "The price cannot be less than £0"})
		}
		for _, c := range t.ITT.Criteria {
			if len(answers[c.ID]) > tender.MaxAnswer {
				fs = append(fs, apperr.FieldError{Field: "answer-" + c.ID, Message: fmt.Sprintf("The answer to %s must be %d characters or fewer", c.ID, tender.MaxAnswer)})
			}
		}
		if len(fs) > 0 {
			return apperr.Fields(fs)
		}
		id := newID()
		if b == nil {
			lot := ""
			if len(t.ITT.Lots) > 0 {
				lot = t.ITT.Lots[0].ID
			}
			if _, err := tx.exec(ctx, `INSERT INTO tender_bids (id, tender_id, bidder_id, lot_id, status, price_pence, updated_at) VALUES (?, ?, ?, ?, 'draft', ?, ?)`,
				id, tenderID, bidderID, lot, pricePence, tx.now); err != nil {
				return mapErr(err, "bidder")
			}
		} else {
			id = b.ID
			if _, err := tx.exec(ctx, "UPDATE tender_bids SET status = 'draft', price_pence = ?, receipt_hash = '', submitted_at = NULL, updated_at = ? WHERE id = ?",
				pricePence, tx.now, id); err != nil {
				return err
			}
			if _, err := tx.exec(ctx, "DELETE FROM tender_answers WHERE bid_id = ?", id); err != nil {
				return err
			}
		}
		for _, c := range t.ITT.Criteria {
			if a := strings.TrimSpace(answers[c.ID]); a != "" {
				if _, err := tx.exec(ctx, "INSERT INTO tender_answers (bid_id, criterion_id, answer) VALUES (?, ?, ?)", id, c.ID, a); err != nil {
					return err
				}
			}
		}
		if err := tx.record(ctx, "tender.bid_save", "tender_bid", id, map[string]string{"tender_id": tenderID, "bidder_id": bidderID,
			"price_pence": strconv.FormatInt(pricePence, 10)}); err != nil {
			return err
		}
		out, err = tx.bidOf(ctx, tenderID, bidderID)
		return err
	})
	return out, err
}

// SubmitBid sends the saved bid, once every criterion has an answer and
// there is a price, and gives it a receipt: the SHA-256 of what was sent.
func (db *DB) SubmitBid(ctx context.Context, tenderID, bidderID string) (*tender.StoredBid, error) {
	var out *tender.StoredBid
	err := db.update(ctx, func(tx *Tx) error {
		t, b, err := tx.bidChange(ctx, tenderID, bidderID)
		if err != nil {
			return err
		}
		if b == nil {
			return apperr.Errorf(apperr.Invalid, "Save your answers and price before you submit your bid.")
		}
		if b.Status == tender.BidSubmitted {
			out = b
			return nil
		}
		var fs []apperr.FieldError
		for _, c := range t.ITT.Criteria {
			if b.Answers[c.ID] == "" {
				fs = append(fs, apperr.FieldError{Field: "answer-" + c.ID, Message: "Answer " + c.ID + " before you submit"})
			}
		}
		if b.PricePence <= 0 && t.ITT.PriceWeight.Sign() > 0 {
			fs = append(fs, apperr.FieldError{Field: "price", Message: "Enter your price before you submit"})
		}
		if len(fs) > 0 {
			return apperr.Fields(fs)
		}
		receipt := bidReceipt(t, b, tx.now)
		if _, err := tx.exec(ctx, "UPDATE tender_bids SET status = 'submitted', submitted_at = ?, receipt_hash = ?, updated_at = ? WHERE id = ?",
			tx.now, receipt, tx.now, b.ID); err != nil {
			return err
		}
		if err := tx.record(ctx, "tender.bid_submit", "tender_bid", b.ID, map[string]string{"tender_id": tenderID, "receipt": receipt}); err != nil {
			return err
		}
		out, err = tx.bidOf(ctx, tenderID, bidderID)
		return err
	})
	return out, err
}

// bidReceipt hashes what was sent, in a fixed order: the tender and its
// version, the bid, the price, each answer, the time, and each attached
// file's criterion, name and SHA-256 (see receiptFiles).
func bidReceipt(t *tender.Tender, b *tender.StoredBid, at time.Time) string {
	h := sha256.New()
	fmt.Fprintf(h, "tender:%s\nversion:%d\nbid:%s\nbidder:%s\nlot:%s\nprice_pence:%d\nsubmitted:%s\n",
		t.ID, t.Version, b.ID, b.BidderID, b.LotID, b.PricePence, at.UTC().Format(time.RFC3339Nano))
	for _, c := range t.ITT.Criteria {
		fmt.Fprintf(h, "answer:%q:%q\n", c.ID, b.Answers[c.ID])
	}
	for _, a := range receiptFiles(t, b) {
		fmt.Fprintf(h, "file:%q:%q:%s\n", a.Criterion, a.FileName, a.SHA256)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// WithdrawBid withdraws a bid before the deadline.
func (db *DB) WithdrawBid(ctx context.Context, tenderID, bidderID string) error {
	return db.update(ctx, func(tx *Tx) error {
		_, b, err := tx.bidChange(ctx, tenderID, bidderID)
		if err != nil {
			return err
		}
		if b == nil || b.Status == tender.BidWithdrawn {
			return apperr.Errorf(apperr.Conflict, "There is no bid to withdraw.")
		}
		if _, err := tx.exec(ctx, "UPDATE tender_bids SET status = 'withdrawn', updated_at = ? WHERE id = ?", tx.now, b.ID); err != nil {
			return err
		}
		return tx.record(ctx, "tender.bid_withdraw", "tender_bid", b.ID, map[string]string{"tender_id": tenderID})
	})
}

const bidColumns = `b.id, b.tender_id, b.bidder_id, o.name, b.lot_id, b.status, b.price_pence, b.submitted_at, b.receipt_hash, b.updated_at
	FROM tender_bids b JOIN tender_bidders d ON d.id = b.bidder_id JOIN organisations o ON o.id = d.org_id`

func (tx *Tx) scanBids(ctx context.Context, where string, args ...any) ([]tender.StoredBid, error) {
	rows, err := tx.query(ctx, "SELECT "+bidColumns+" WHERE "+where+" ORDER BY d.registered_at, b.id", args...)
	if err != nil {
		return nil, err
	}
	var out []tender.StoredBid
	idx := map[string]int{}
	for rows.Next() {
		var b tender.StoredBid
		var status string
		var sub *time.Time
		if err := rows.Scan(&b.ID, &b.TenderID, &b.BidderID, &b.OrgName, &b.LotID, &status, &b.PricePence, &sub, &b.Receipt, &b.UpdatedAt); err != nil {
			rows.Close()
			return nil, err
		}
		b.Status, b.UpdatedAt, b.Answers = tender.BidStatus(status), b.UpdatedAt.UTC(), map[string]string{}
		if sub != nil {
			u := sub.UTC()
			b.SubmittedAt = &u
		}
		idx[b.ID] = len(out)
		out = append(out, b)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	ids := make([]any, 0, len(out))
	for _, b := range out {
		ids = append(ids, b.ID)
	}
	arows, err := tx.query(ctx, "SELECT bid_id, criterion_id, answer FROM tender_answers WHERE bid_id IN (?"+strings.Repeat(", ?", len(ids)-1)+")", ids...)
	if err != nil {
		return nil, err
	}
	defer arows.Close()
	for arows.Next() {
		var bid, crit, ans string
		if err := arows.Scan(&bid, &crit, &ans); err != nil {
			return nil, err
		}
		out[idx[bid]].Answers[crit] = ans
	}
	if err := arows.Err(); err != nil {
		return nil, err
	}
	return out, tx.bidAttachments(ctx, out, idx)
}

func (tx *Tx) bidOf(ctx context.Context, tenderID, bidderID string) (*tender.StoredBid, error) {
	bs, err := tx.scanBids(ctx, "b.tender_id = ? AND b.bidder_id = ?", tenderID, bidderID)
	if err != nil {
		return nil, err
	}
	if len(bs) == 0 {
		return nil, apperr.Errorf(apperr.NotFound, "No bid yet")
	}
	return &bs[0], nil
}

// BidOf returns a bidder's own bid.
func (db *DB) BidOf(ctx context.Context, tenderID, bidderID string) (*tender.StoredBid, error) {
	var b *tender.StoredBid
	err := db.view(ctx, func(tx *Tx) (err error) { b, err = tx.bidOf(ctx, tenderID, bidderID); return err })
	return b, err
}

// BidByID returns one submitted bid of a tender, for evaluators.
func (db *DB) BidByID(ctx context.Context, tenderID, bidID string) (*tender.StoredBid, error) {
	var out *tender.StoredBid
	err := db.view(ctx, func(tx *Tx) error {
		bs, err := tx.scanBids(ctx, "b.tender_id = ? AND b.id = ? AND b.status = 'submitted'", tenderID, bidID)
		if err != nil {
			return err
		}
		if len(bs) == 0 {
			return apperr.Errorf(apperr.NotFound, "No such bid")
		}
		out = &bs[0]
		return nil
	})
	return out, err
}

// SubmittedBids lists the bids submitted (and not withdrawn), in the order
// their bidders registered.
func (db *DB) SubmittedBids(ctx context.Context, tenderID string) ([]tender.StoredBid, error) {
	var out []tender.StoredBid
	err := db.view(ctx, func(tx *Tx) (err error) {
		out, err = tx.scanBids(ctx, "b.tender_id = ? AND b.status = 'submitted'", tenderID)
		return err
	})
	return out, err
}

// AskQuestion records a bidder's clarification question, asked privately,
// before the clarification deadline.
func (db *DB) AskQuestion(ctx context.Context, tenderID, bidderID, question string) (*tender.Question, error) {
	question = strings.TrimSpace(question)
	q := &tender.Question{ID: newID(), TenderID: tenderID, BidderID: bidderID, Question: question}
	err := db.update(ctx, func(tx *Tx) error {
		t, err := tx.tenderByID(ctx, tenderID)
		if err != nil {
			return err
		}
		if t.QuestionsClosed(tx.now) {
			return apperr.Errorf(apperr.Conflict, "Clarification questions closed on %s.", t.ITT.Deadlines.Clarification.In(round.London).Format("Monday 2 January 2006 at 15:04"))
		}
		if question == "" || len(question) > 5000 {
			return apperr.Fields([]apperr.FieldError{{Field: "question", Message: "Enter your question, 5,000 characters or fewer"}})
		}
		q.AskedAt = tx.now
		if _, err := tx.exec(ctx, "INSERT INTO tender_questions (id, tender_id, bidder_id, question, asked_at) VALUES (?, ?, ?, ?, ?)",
			q.ID, tenderID, bidderID, question, tx.now); err != nil {
			return mapErr(err, "bidder")
		}
		return tx.record(ctx, "tender.question_ask", "tender", tenderID, map[string]string{"question_id": q.ID, "bidder_id": bidderID})
	})
	return q, err
}

// AnswerQuestion answers a question to every bidder, without saying who
// asked, or to the asker alone with a recorded reason.
func (db *DB) AnswerQuestion(ctx context.Context, tenderID, questionID, answer string, public bool, privateReason string) error {
	answer, privateReason = strings.TrimSpace(answer), strings.TrimSpace(privateReason)
	var fs []apperr.FieldError
	if answer == "" {
		fs = append(fs, apperr.FieldError{Field: "answer", Message: "Enter the answer"})
	}
	if !public && privateReason == "" {
		fs = append(fs, apperr.FieldError{Field: "private_reason", Message: "Say why this answer goes only to the bidder who asked"})
	}
	if len(fs) > 0 {
		return apperr.Fields(fs)
	}
	if public {
		privateReason = ""
	}
	return db.update(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, `UPDATE tender_questions SET answer = ?, answer_public = ?, private_reason = ?, answered_at = ?, answered_by = ?
			WHERE id = ? AND tender_id = ?`, answer, boolInt(public), privateReason, tx.now, audit.ActorFrom(ctx), questionID, tenderID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.Errorf(apperr.NotFound, "No such question")
		}
		return tx.record(ctx, "tender.question_answer", "tender", tenderID, map[string]string{"question_id": questionID,
			"public": strconv.FormatBool(public), "private_reason": privateReason})
	})
}

// Questions lists questions in the order asked: all of them for bidderID
// "", otherwise the bidder's own and the answers given to all bidders.
func (db *DB) Questions(ctx context.Context, tenderID, bidderID string) ([]tender.Question, error) {
	q := "SELECT id, tender_id, bidder_id, question, answer, answer_public, private_reason, asked_at, answered_at FROM tender_questions WHERE tender_id = ?"
	args := []any{tenderID}
	if bidderID != "" {
		q += " AND (bidder_id = ? OR answer_public = 1)"
		args = append(args, bidderID)
	}
	var out []tender.Question
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, q+" ORDER BY asked_at, id", args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var x tender.Question
			var pub int
			var at *time.Time
			if err := rows.Scan(&x.ID, &x.TenderID, &x.BidderID, &x.Question, &x.Answer, &pub, &x.PrivateReason, &x.AskedAt, &at); err != nil {
				return err
			}
			x.Public, x.AskedAt = pub == 1, x.AskedAt.UTC()
			if at != nil {
				u := at.UTC()
				x.AnsweredAt = &u
			}
			if bidderID != "" && x.BidderID != bidderID {
				x.BidderID = "" // anonymised: nobody learns who asked
			}
			out = append(out, x)
		}
		return rows.Err()
	})
	return out, err
}
