package store

import (
	"context"
	"database/sql"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// AddFactor adds a risk or protective factor, optionally linked to a story
// of the same round.
func (db *DB) AddFactor(ctx context.Context, roundID string, n evidence.NewFactor) (*evidence.Factor, error) {
	f := &evidence.Factor{ID: newID(), RoundID: roundID, Kind: n.Kind, Domain: n.Domain, Description: n.Description, StoryID: n.StoryID}
	err := db.update(ctx, func(tx *Tx) error {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		if err := tx.memberInRound(ctx, roundID, n.MemberID); err != nil {
			return err
		}
		if n.StoryID != "" && !tx.itemInRound(ctx, roundID, evidence.KindStory, n.StoryID) {
			return apperr.Fields([]apperr.FieldError{{Field: "story_id", Message: "Select a story from this round"}})
		}
		f.CreatedAt = tx.now
		if _, err := tx.exec(ctx, "INSERT INTO factors (id, round_id, member_id, kind, domain, description, story_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			f.ID, roundID, n.MemberID, f.Kind, f.Domain, f.Description, nullIfEmpty(n.StoryID), f.CreatedAt); err != nil {
			return mapErr(err, "factor")
		}
		return tx.record(ctx, "factor.create", "factor", f.ID, map[string]string{"round_id": roundID, "kind": f.Kind, "domain": f.Domain})
	})
	return f, err
}

// Factors lists the round's factors with their "me too" counts; both the
// factors and the endorsements counted are filtered by consent, and a
// linked story the reader may not see is left off.
func (db *DB) Factors(ctx context.Context, roundID string, a round.Audience, readerMemberID string) ([]evidence.Factor, error) {
	var out []evidence.Factor
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(sc scanner) error {
			var f evidence.Factor
			var mid, pseudonym string
			var named, takes, withdrawn, mine int
			var story sql.NullString
			var storyShared sql.NullInt64
			var storyAuthor sql.NullString
			if err := sc.Scan(&f.ID, &f.RoundID, &f.Kind, &f.Domain, &f.Description, &story, &f.CreatedAt, &mid, &pseudonym, &named, &takes, &withdrawn,
				&storyShared, &storyAuthor, &f.MeToo, &mine); err != nil {
				return err
			}
			f.CreatedAt, f.Author, f.EndorsedByMe = f.CreatedAt.UTC(), author(a, mid, pseudonym, named, takes, withdrawn), mine > 0
			if storyShared.Int64 == 1 || a.Sees(storyAuthor.String) {
				f.StoryID = story.String
			}
			out = append(out, f)
			return nil
		}, `SELECT f.id, f.round_id, f.kind, f.domain, f.description, f.story_id, f.created_at, m.id, m.pseudonym, m.named, m.takes_part, m.part_withdrawn,
				sm.shares_story, sm.id,
				(SELECT COUNT(*) FROM factor_endorsements e JOIN round_members em ON em.id = e.member_id WHERE e.factor_id = f.id AND `+consentFilter(a, "em", false)+`),
				(SELECT COUNT(*) FROM factor_endorsements e WHERE e.factor_id = f.id AND e.member_id = ?)
			FROM factors f JOIN round_members m ON m.id = f.member_id
			LEFT JOIN stories st ON st.id = f.story_id LEFT JOIN round_members sm ON sm.id = st.member_id
			WHERE f.round_id = ? AND `+consentFilter(a, "m", false)+` ORDER BY f.kind, f.created_at, f.id`, readerMemberID, roundID)
	})
	return out, err
}

// EndorseFactor records a member's "me too" for a factor.
func (db *DB) EndorseFactor(ctx context.Context, roundID, factorID, memberID string) error {
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		if !tx.itemInRound(ctx, roundID, evidence.KindFactor, factorID) {
			return apperr.Errorf(apperr.NotFound, "No such factor in this round")
		}
		if err := tx.memberInRound(ctx, roundID, memberID); err != nil {
			return err
		}
		_, err := tx.exec(ctx, "INSERT INTO factor_endorsements (factor_id, member_id, created_at) VALUES (?, ?, ?)", factorID, memberID, tx.now)
		if apperr.Code(mapErr(err, "")) == apperr.Conflict {
			return apperr.Errorf(apperr.Conflict, "You have already said “me too” to this.")
		} else if err != nil {
			return err
		}
		return tx.record(ctx, "factor.endorse", "factor", factorID, map[string]string{"member_id": memberID})
	})
}

// itemTables maps each kind of evidence to its table and round column.
var itemTables = map[evidence.Kind]string{
	evidence.KindStory:    "SELECT COUNT(*) FROM stories WHERE id = ? AND round_id = ?",
	evidence.KindFactor:   "SELECT COUNT(*) FROM factors WHERE id = ? AND round_id = ?",
	evidence.KindService:  "SELECT COUNT(*) FROM services WHERE id = ? AND round_id = ?",
	evidence.KindVision:   "SELECT COUNT(*) FROM vision_statements WHERE id = ? AND round_id = ?",
	evidence.KindFeedback: "SELECT COUNT(*) FROM service_feedback f JOIN services s ON s.id = f.service_id WHERE f.id = ? AND s.round_id = ?",
}

// itemInRound reports whether an item of kind exists in the round.
func (tx *Tx) itemInRound(ctx context.Context, roundID string, kind evidence.Kind, id string) bool {
	q, ok := itemTables[kind]
	var n int
	return ok && tx.queryRow(ctx, q, id, roundID).Scan(&n) == nil && n == 1
}
