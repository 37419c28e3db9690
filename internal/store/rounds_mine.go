package store

import (
	"context"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// MyInformation gathers everything the round holds about the user as a
// member of its group, read as that member: all of their own, whatever
// they consented to share, and nothing about anyone else (who else came to
// a session, or was paid, stays with the facilitators). NotFound when the
// user is not in the group.
func (db *DB) MyInformation(ctx context.Context, roundID, userID string) (*evidence.Mine, error) {
	me, err := db.MemberForUser(ctx, roundID, userID)
	if err != nil {
		return nil, err
	}
	x := &evidence.Mine{Member: *me}
	a := round.Group.As(me.ID)
	if x.Consent, err = db.ConsentHistory(ctx, me.ID); err != nil {
		return nil, err
	}
	if err := db.myEvidence(ctx, roundID, a, x); err != nil {
		return nil, err
	}
	err = db.view(ctx, func(tx *Tx) error {
		if err := tx.each(ctx, func(sc scanner) error {
			s, err := scanSession(sc)
			x.Sessions = append(x.Sessions, s)
			return err
		}, "SELECT "+sessionColumns+" FROM round_sessions WHERE round_id = ? AND id IN (SELECT session_id FROM session_attendance WHERE member_id = ?) ORDER BY starts_at, id",
			roundID, me.ID); err != nil {
			return err
		}
		if err := tx.each(ctx, func(sc scanner) error {
			var p evidence.MyPayment
			err := sc.Scan(&p.ID, &p.SessionID, &p.MemberID, &p.AmountPence, &p.Method, &p.PaidOn, &p.CreatedAt, &p.SessionStartsAt)
			p.CreatedAt, p.SessionStartsAt = p.CreatedAt.UTC(), p.SessionStartsAt.UTC()
			x.Payments = append(x.Payments, p)
			return err
		}, `SELECT p.id, p.session_id, p.member_id, p.amount_pence, p.method, p.paid_on, p.created_at, s.starts_at
			FROM involvement_payments p JOIN round_sessions s ON s.id = p.session_id WHERE p.member_id = ? ORDER BY s.starts_at, p.id`, me.ID); err != nil {
			return err
		}
		if err := tx.each(ctx, func(sc scanner) error {
			var m evidence.MyMeToo
			err := sc.Scan(&m.FactorID, &m.Description, &m.At)
			m.At = m.At.UTC()
			x.MeToos = append(x.MeToos, m)
			return err
		}, `SELECT e.factor_id, f.description, e.created_at FROM factor_endorsements e JOIN factors f ON f.id = e.factor_id
			WHERE e.member_id = ? ORDER BY e.created_at, e.factor_id`, me.ID); err != nil {
			return err
		}
		if err := tx.each(ctx, func(sc scanner) error {
			var v evidence.MyVote
			err := sc.Scan(&v.StatementID, &v.Statement, &v.Dots)
			x.Votes = append(x.Votes, v)
			return err
		}, `SELECT vv.statement_id, v.body, vv.dots FROM vision_votes vv JOIN vision_statements v ON v.id = vv.statement_id
			WHERE vv.member_id = ? ORDER BY v.created_at, v.id`, me.ID); err != nil {
			return err
		}
		if err := tx.each(ctx, func(sc scanner) error {
			var s evidence.MySaying
			err := sc.Scan(&s.ItemID, &s.Said, &s.SaidOn, &s.Status)
			x.Said = append(x.Said, s)
			return err
		}, "SELECT id, said, said_on, status FROM ledger_items WHERE member_id = ? ORDER BY said_on, id", me.ID); err != nil {
			return err
		}
		return tx.each(ctx, func(sc scanner) error {
			r := evidence.MyResponse{Response: round.Response{MemberID: me.ID, Pseudonym: me.Pseudonym, Active: me.Consent.TakesPart()}}
			var answer string
			err := sc.Scan(&r.ProposalID, &r.ProposalTitle, &answer, &r.Reason, &r.GivenOn, &r.RecordedBy, &r.RespondedAt)
			r.Answer, r.RespondedAt = round.Answer(answer), r.RespondedAt.UTC()
			x.Responses = append(x.Responses, r)
			return err
		}, `SELECT r.proposal_id, p.title, r.answer, r.reason, r.given_on, r.recorded_by, r.responded_at
			FROM proposal_responses r JOIN proposals p ON p.id = r.proposal_id WHERE r.member_id = ? ORDER BY p.opens_at, p.id`, me.ID)
	})
	if err != nil {
		return nil, err
	}
	return x, nil
}

// myEvidence adds the member's own stories (with pathways), factors,
// feedback and vision statements, through the same reads the pages use.
func (db *DB) myEvidence(ctx context.Context, roundID string, a round.Audience, x *evidence.Mine) error {
	for after := ""; ; {
		page, next, err := db.Stories(ctx, roundID, a, "", after, 200)
		if err != nil {
			return err
		}
		for _, s := range page {
			if !s.Author.Own {
				continue
			}
			full, err := db.StoryByID(ctx, roundID, s.ID, a)
			if err != nil {
				return err
			}
			x.Stories = append(x.Stories, *full)
		}
		if next == "" {
			break
		}
		after = next
	}
	factors, err := db.Factors(ctx, roundID, a, a.Self)
	if err != nil {
		return err
	}
	for _, f := range factors {
		if f.Author.Own {
			x.Factors = append(x.Factors, f)
		}
	}
	svcs, err := db.Services(ctx, roundID, a)
	if err != nil {
		return err
	}
	for _, sv := range svcs {
		fb, err := db.Feedback(ctx, roundID, sv.ID, a)
		if err != nil {
			return err
		}
		for _, f := range fb {
			if f.Author.Own {
				x.Feedback = append(x.Feedback, evidence.MyFeedback{Feedback: f, ServiceName: sv.Name})
			}
		}
	}
	st, err := db.Statements(ctx, roundID, a, a.Self)
	if err != nil {
		return err
	}
	for _, s := range st {
		if s.Author.Own {
			x.Vision = append(x.Vision, s)
		}
	}
	return nil
}

// RecordOwnConsent records the user's own consent given or withdrawn for
// one purpose in the round's group: members decide for themselves, here
// as with the facilitator (RecordConsent), and the record says who made it.
func (db *DB) RecordOwnConsent(ctx context.Context, roundID, userID string, p round.ConsentPurpose, given bool) error {
	if p.Label() == "" {
		return apperr.Fields([]apperr.FieldError{{Field: "purpose", Message: "Select what the consent is for"}})
	}
	return db.update(ctx, func(tx *Tx) error {
		var memberID string
		if err := tx.queryRow(ctx, "SELECT id FROM round_members WHERE round_id = ? AND user_id = ?", roundID, userID).Scan(&memberID); err != nil {
			return mapErr(err, "member")
		}
		return tx.recordConsent(ctx, memberID, p, given)
	})
}
