package store

import (
	"context"
	"strconv"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// author is who the reader sees an item as by. For the Group an item of a
// member who is not named carries no member id either, so it cannot be
// matched to their pseudonym elsewhere.
func author(a round.Audience, memberID, pseudonym string, named, consenting, withdrawn int) evidence.Author {
	au := evidence.Author{Name: round.Attribution(memberID, pseudonym, named == 1, a), Hidden: consenting == 0, Withdrawn: withdrawn == 1,
		Own: a.Self != "" && a.Self == memberID}
	if named == 1 || a.Sees(memberID) {
		au.MemberID = memberID
	}
	return au
}

// AddStory adds a member's story.
func (db *DB) AddStory(ctx context.Context, roundID string, n evidence.NewStory) (*evidence.Story, error) {
	s := &evidence.Story{ID: newID(), RoundID: roundID, Title: n.Title, Body: n.Body, EasyRead: n.EasyRead}
	err := db.update(ctx, func(tx *Tx) error {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		if err := tx.memberInRound(ctx, roundID, n.MemberID); err != nil {
			return err
		}
		s.CreatedAt = tx.now
		if _, err := tx.exec(ctx, "INSERT INTO stories (id, round_id, member_id, title, body, easy_read, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
			s.ID, roundID, n.MemberID, s.Title, s.Body, s.EasyRead, s.CreatedAt); err != nil {
			return mapErr(err, "story")
		}
		return tx.record(ctx, "story.create", "story", s.ID, map[string]string{"round_id": roundID, "member_id": n.MemberID})
	})
	return s, err
}

const storySelect = `SELECT s.id, s.round_id, s.title, s.body, s.easy_read, s.created_at, m.id, m.pseudonym, m.named, m.shares_story,
	m.story_withdrawn FROM stories s JOIN round_members m ON m.id = s.member_id`

func scanStory(sc scanner, a round.Audience) (evidence.Story, error) {
	var s evidence.Story
	var mid, pseudonym string
	var named, shares, withdrawn int
	err := sc.Scan(&s.ID, &s.RoundID, &s.Title, &s.Body, &s.EasyRead, &s.CreatedAt, &mid, &pseudonym, &named, &shares, &withdrawn)
	s.CreatedAt, s.Author = s.CreatedAt.UTC(), author(a, mid, pseudonym, named, shares, withdrawn)
	return s, err
}

// Stories pages through the round's stories, oldest first, keyset on
// (created_at, id), searching title and text; consent filters them all.
func (db *DB) Stories(ctx context.Context, roundID string, a round.Audience, search, after string, limit int) ([]evidence.Story, string, error) {
	limit = pageLimit(limit)
	key, id := decodeCursor(after)
	at, _ := time.Parse(time.RFC3339Nano, key)
	q := storySelect + " WHERE s.round_id = ? AND " + consentFilter(a, "m", true) + " AND (s.created_at > ? OR (s.created_at = ? AND s.id > ?))"
	args := []any{roundID, at, at, id}
	if search != "" {
		q += " AND (LOWER(s.title) LIKE ?" + likeEscape + " OR LOWER(s.body) LIKE ?" + likeEscape + ")"
		args = append(args, likePattern(search), likePattern(search))
	}
	args = append(args, limit+1)
	var out []evidence.Story
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(sc scanner) error {
			s, err := scanStory(sc, a)
			out = append(out, s)
			return err
		}, q+" ORDER BY s.created_at, s.id LIMIT ?", args...)
	})
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = encodeCursor(out[limit-1].CreatedAt.Format(time.RFC3339Nano), out[limit-1].ID)
	}
	return out, next, err
}

// StoryByID returns a story with its pathway; a story hidden from the
// reader by consent is, to them, not found.
func (db *DB) StoryByID(ctx context.Context, roundID, id string, a round.Audience) (*evidence.Story, error) {
	var s evidence.Story
	err := db.view(ctx, func(tx *Tx) (err error) {
		s, err = scanStory(tx.queryRow(ctx, storySelect+" WHERE s.round_id = ? AND s.id = ? AND "+consentFilter(a, "m", true), roundID, id), a)
		if err != nil {
			return mapErr(err, "story")
		}
		return tx.each(ctx, func(sc scanner) error {
			var st evidence.Step
			err := sc.Scan(&st.Position, &st.Touchpoint, &st.WhatHappened, &st.Feeling, &st.Helped, &st.Hurt)
			s.Steps = append(s.Steps, st)
			return err
		}, "SELECT position, touchpoint, what_happened, feeling, helped, hurt FROM pathway_steps WHERE story_id = ? ORDER BY position", id)
	})
	if err != nil {
		return nil, err
	}
	return &s, nil
}

// AddStep adds the next step to a story's pathway.
func (db *DB) AddStep(ctx context.Context, roundID, storyID string, st evidence.Step) error {
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		var n int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM stories WHERE id = ? AND round_id = ?", storyID, roundID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return apperr.Errorf(apperr.NotFound, "No such story in this round")
		}
		var pos int
		if err := tx.queryRow(ctx, "SELECT COALESCE(MAX(position), 0) + 1 FROM pathway_steps WHERE story_id = ?", storyID).Scan(&pos); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO pathway_steps (id, story_id, position, touchpoint, what_happened, feeling, helped, hurt)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, newID(), storyID, pos, st.Touchpoint, st.WhatHappened, int(st.Feeling), st.Helped, st.Hurt); err != nil {
			return mapErr(err, "pathway step")
		}
		return tx.record(ctx, "story.step_add", "story", storyID, map[string]string{"position": strconv.Itoa(pos)})
	})
}
