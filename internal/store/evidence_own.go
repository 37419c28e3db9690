package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/evidence"
)

// A member's own changes to what they shared (evidence.CanChangeOwn says
// when). Every method finds the member from the acting user, so nobody can
// change another member's words this way, not even a facilitator: they
// have their own tools and their own audit trail.

// ownerQueries find the member who authored an item of the round.
var ownerQueries = map[evidence.Kind]string{
	evidence.KindStory:  "SELECT member_id FROM stories WHERE id = ? AND round_id = ?",
	evidence.KindFactor: "SELECT member_id FROM factors WHERE id = ? AND round_id = ?",
	evidence.KindVision: "SELECT member_id FROM vision_statements WHERE id = ? AND round_id = ?",
	evidence.KindFeedback: `SELECT f.member_id FROM service_feedback f JOIN services s ON s.id = f.service_id
		WHERE f.id = ? AND s.round_id = ? AND f.member_id IS NOT NULL`,
}

// ownItem checks that userID is the member of the round who authored the
// item, and that its stage is open; it returns the member's id.
func (tx *Tx) ownItem(ctx context.Context, roundID string, kind evidence.Kind, itemID, userID string) (string, error) {
	q, ok := ownerQueries[kind]
	if !ok {
		return "", apperr.Errorf(apperr.NotFound, "No such item in this round")
	}
	r, err := tx.roundByID(ctx, roundID)
	if err != nil {
		return "", err
	}
	var self string
	err = tx.queryRow(ctx, "SELECT id FROM round_members WHERE round_id = ? AND user_id = ?", roundID, userID).Scan(&self)
	if errors.Is(err, sql.ErrNoRows) {
		return "", apperr.Errorf(apperr.Forbidden, "Only members of the group can change what they shared.")
	} else if err != nil {
		return "", err
	}
	var author string
	err = tx.queryRow(ctx, q, itemID, roundID).Scan(&author)
	if errors.Is(err, sql.ErrNoRows) {
		return "", apperr.Errorf(apperr.NotFound, "No such %s in this round", kind.Singular())
	} else if err != nil {
		return "", err
	}
	if author != self {
		return "", apperr.Errorf(apperr.Forbidden, "Only the person who shared this %s can change it. If it needs changing, ask the facilitator.", kind.Singular())
	}
	return self, evidence.CheckChangeOwn(r, kind)
}

// EditOwnStory changes the title and text of the user's own story.
func (db *DB) EditOwnStory(ctx context.Context, roundID, storyID, userID string, n evidence.NewStory) error {
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.ownItem(ctx, roundID, evidence.KindStory, storyID, userID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE stories SET title = ?, body = ?, easy_read = ? WHERE id = ?", n.Title, n.Body, n.EasyRead, storyID); err != nil {
			return mapErr(err, "story")
		}
		return tx.record(ctx, "story.edit_own", "story", storyID, map[string]string{"round_id": roundID})
	})
}

// EditOwnFactor changes the user's own factor.
func (db *DB) EditOwnFactor(ctx context.Context, roundID, factorID, userID string, n evidence.NewFactor) error {
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.ownItem(ctx, roundID, evidence.KindFactor, factorID, userID); err != nil {
			return err
		}
		if n.StoryID != "" && !tx.itemInRound(ctx, roundID, evidence.KindStory, n.StoryID) {
			return apperr.Fields([]apperr.FieldError{{Field: "story_id", Message: "Select a story from this round"}})
		}
		if _, err := tx.exec(ctx, "UPDATE factors SET kind = ?, domain = ?, description = ?, story_id = ? WHERE id = ?",
			n.Kind, n.Domain, n.Description, nullIfEmpty(n.StoryID), factorID); err != nil {
			return mapErr(err, "factor")
		}
		return tx.record(ctx, "factor.edit_own", "factor", factorID, map[string]string{"round_id": roundID, "kind": n.Kind, "domain": n.Domain})
	})
}

// EditOwnFeedback replaces the ratings and comment of the user's own feedback.
func (db *DB) EditOwnFeedback(ctx context.Context, roundID, feedbackID, userID string, n evidence.NewFeedback) error {
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.ownItem(ctx, roundID, evidence.KindFeedback, feedbackID, userID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE service_feedback SET comment = ? WHERE id = ?", n.Comment, feedbackID); err != nil {
			return mapErr(err, "feedback")
		}
		if _, err := tx.exec(ctx, "DELETE FROM feedback_ratings WHERE feedback_id = ?", feedbackID); err != nil {
			return err
		}
		for d, score := range n.Ratings {
			if _, err := tx.exec(ctx, "INSERT INTO feedback_ratings (feedback_id, dimension, score) VALUES (?, ?, ?)", feedbackID, d, score); err != nil {
				return mapErr(err, "rating")
			}
		}
		return tx.record(ctx, "service.feedback_edit_own", "service_feedback", feedbackID, map[string]string{"round_id": roundID})
	})
}

// EditOwnStatement changes the words of the user's own vision statement;
// what lies behind it and the dots it has are kept.
func (db *DB) EditOwnStatement(ctx context.Context, roundID, statementID, userID, body string) error {
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.ownItem(ctx, roundID, evidence.KindVision, statementID, userID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE vision_statements SET body = ? WHERE id = ?", body, statementID); err != nil {
			return mapErr(err, "statement")
		}
		return tx.record(ctx, "vision.edit_own", "vision_statement", statementID, map[string]string{"round_id": roundID})
	})
}

// ownDeletes are, by kind, what goes with an item when its author deletes
// it: what hangs only on it, then the links to it, then the item itself.
var ownDeletes = map[evidence.Kind][]string{
	evidence.KindStory: {"DELETE FROM pathway_steps WHERE story_id = ?", "UPDATE factors SET story_id = NULL WHERE story_id = ?",
		"DELETE FROM vision_links WHERE kind = 'story' AND item_id = ?", "DELETE FROM theme_tags WHERE kind = 'story' AND item_id = ?",
		"DELETE FROM stories WHERE id = ?"},
	evidence.KindFactor: {"DELETE FROM factor_endorsements WHERE factor_id = ?", "DELETE FROM vision_links WHERE kind = 'factor' AND item_id = ?",
		"DELETE FROM theme_tags WHERE kind = 'factor' AND item_id = ?", "DELETE FROM factors WHERE id = ?"},
	evidence.KindFeedback: {"DELETE FROM feedback_ratings WHERE feedback_id = ?", "DELETE FROM theme_tags WHERE kind = 'feedback' AND item_id = ?",
		"DELETE FROM service_feedback WHERE id = ?"},
	evidence.KindVision: {"DELETE FROM vision_votes WHERE statement_id = ?", "DELETE FROM vision_links WHERE statement_id = ?",
		"DELETE FROM theme_tags WHERE kind = 'vision' AND item_id = ?", "DELETE FROM vision_statements WHERE id = ?"},
}

// DeleteOwn deletes the user's own story, factor, feedback or vision
// statement for good. The audit log keeps that it was deleted, by whom and
// when, never what it said. Something a measure was built on stays: the
// facilitator and the commissioner decide what happens to the measure.
func (db *DB) DeleteOwn(ctx context.Context, roundID string, kind evidence.Kind, itemID, userID string) error {
	return db.update(ctx, func(tx *Tx) error {
		memberID, err := tx.ownItem(ctx, roundID, kind, itemID, userID)
		if err != nil {
			return err
		}
		var measures int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM measure_links WHERE kind = ? AND item_id = ?", string(kind), itemID).Scan(&measures); err != nil {
			return err
		}
		if measures > 0 {
			return apperr.Errorf(apperr.Conflict, "A measure has been built on this %s, so it cannot be deleted here. Ask the facilitator.", kind.Singular())
		}
		for _, q := range ownDeletes[kind] {
			if _, err := tx.exec(ctx, q, itemID); err != nil {
				return err
			}
		}
		return tx.record(ctx, string(kind)+".delete_own", string(kind), itemID, map[string]string{"round_id": roundID, "member_id": memberID})
	})
}
