package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// The store implements the round and evidence services.
var (
	_ round.Service    = (*DB)(nil)
	_ evidence.Service = (*DB)(nil)
)

const roundColumns = `r.id, r.org_id, o.name, r.title, r.care_area, r.purpose, r.stake, r.starts_on, r.ends_on, r.stage,
	r.published_at, r.closed_at, r.impact_what, r.impact_evidence, r.dots_per_member, r.voting, r.created_at, r.decision_rule, r.decision_quorum`

const roundFrom = " FROM rounds r JOIN organisations o ON o.id = r.org_id"

func scanRound(s scanner) (*round.Round, error) {
	var r round.Round
	var purpose, stage, voting, rule string
	if err := s.Scan(&r.ID, &r.OrgID, &r.OrgName, &r.Title, &r.CareArea, &purpose, &r.Stake, &r.StartsOn, &r.EndsOn, &stage,
		&r.PublishedAt, &r.ClosedAt, &r.ImpactWhat, &r.ImpactEvidence, &r.DotsPerMember, &voting, &r.CreatedAt, &rule, &r.Rule.Quorum); err != nil {
		return nil, err
	}
	r.Purpose, r.Stage, r.Voting, r.CreatedAt = round.Purpose(purpose), round.Stage(stage), round.Voting(voting), r.CreatedAt.UTC()
	r.Rule.Kind = round.RuleKind(rule)
	if r.PublishedAt != nil {
		u := r.PublishedAt.UTC()
		r.PublishedAt = &u
	}
	if r.ClosedAt != nil {
		u := r.ClosedAt.UTC()
		r.ClosedAt = &u
	}
	return &r, nil
}

// CreateRound opens a round at the Commitment stage with its stake
// committed, and makes leadUserID (when given) its commissioner lead.
func (db *DB) CreateRound(ctx context.Context, n round.NewRound, leadUserID string) (*round.Round, error) {
	var out *round.Round
	err := db.update(ctx, func(tx *Tx) error {
		var kind string
		if err := tx.queryRow(ctx, "SELECT kind FROM organisations WHERE id = ?", n.OrgID).Scan(&kind); err != nil {
			return mapErr(err, "organisation")
		}
		if auth.OrgKind(kind) != auth.KindCommissioner {
			return apperr.Fields([]apperr.FieldError{{Field: "org_id", Message: "Select a commissioning organisation"}})
		}
		id := newID()
		if _, err := tx.exec(ctx, `INSERT INTO rounds (id, org_id, title, care_area, purpose, stake, starts_on, ends_on, stage, created_at,
			decision_rule, decision_quorum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, n.OrgID, n.Title, n.CareArea, string(n.Purpose),
			int64(n.ParsedStake()), n.StartsOn, n.EndsOn, string(round.StageCommitment), tx.now, string(n.Rule.Kind), n.Rule.Quorum); err != nil {
			return mapErr(err, "round")
		}
		if err := tx.record(ctx, "round.create", "round", id, map[string]string{"title": n.Title, "org_id": n.OrgID,
			"purpose": string(n.Purpose), "stake": n.ParsedStake().String(), "decision_rule": n.Rule.String()}); err != nil {
			return err
		}
		if leadUserID != "" {
			if err := tx.assign(ctx, &auth.Assignment{UserID: leadUserID, Role: round.RoleLead, ScopeType: auth.ScopeRound, ScopeID: id}); err != nil {
				return err
			}
		}
		var err error
		out, err = tx.roundByID(ctx, id)
		return err
	})
	return out, err
}

func (tx *Tx) roundByID(ctx context.Context, id string) (*round.Round, error) {
	r, err := scanRound(tx.queryRow(ctx, "SELECT "+roundColumns+roundFrom+" WHERE r.id = ?", id))
	return r, mapErr(err, "round")
}

// RoundByID returns one round.
func (db *DB) RoundByID(ctx context.Context, id string) (*round.Round, error) {
	var r *round.Round
	err := db.view(ctx, func(tx *Tx) (err error) {
		r, err = tx.roundByID(ctx, id)
		return err
	})
	return r, err
}

// ListRounds pages through rounds by title, keyset on (title, id).
func (db *DB) ListRounds(ctx context.Context, q round.Query) ([]round.Round, string, error) {
	limit := pageLimit(q.Limit)
	afterTitle, afterID := decodeCursor(q.After)
	sqlq := "SELECT " + roundColumns + roundFrom + " WHERE (r.title > ? OR (r.title = ? AND r.id > ?))"
	args := []any{afterTitle, afterTitle, afterID}
	if !q.All {
		sqlq += " AND EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.scope_type = 'round' AND ra.scope_id = r.id AND ra.user_id = ?)"
		args = append(args, q.UserID)
	}
	sqlq += " ORDER BY r.title, r.id LIMIT ?"
	args = append(args, limit+1)
	var out []round.Round
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(row scanner) error {
			r, err := scanRound(row)
			if err == nil {
				out = append(out, *r)
			}
			return err
		}, sqlq, args...)
	})
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = encodeCursor(out[limit-1].Title, out[limit-1].ID)
	}
	return out, next, err
}

// encodeCursor makes an opaque keyset cursor from a sort key and an id.
func encodeCursor(key, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(key + "\x00" + id))
}

func decodeCursor(c string) (key, id string) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", ""
	}
	key, id, _ = strings.Cut(string(b), "\x00")
	return key, id
}

// openRound loads a round for a change and refuses changes to a closed one.
func (tx *Tx) openRound(ctx context.Context, id string) (*round.Round, error) {
	r, err := tx.roundByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if r.Closed() {
		return nil, apperr.Errorf(apperr.Conflict, "This round has closed, so it can no longer change.")
	}
	return r, nil
}

// PublishRound publishes the round, which locks its stake.
func (db *DB) PublishRound(ctx context.Context, id string) error {
	return db.update(ctx, func(tx *Tx) error {
		r, err := tx.openRound(ctx, id)
		if err != nil {
			return err
		}
		if r.Published() {
			return apperr.Errorf(apperr.Conflict, "This round is already published.")
		}
		if _, err := tx.exec(ctx, "UPDATE rounds SET published_at = ? WHERE id = ?", tx.now, id); err != nil {
			return err
		}
		return tx.record(ctx, "round.publish", "round", id, map[string]string{"stake": r.Stake.String(), "decision_rule": r.Rule.String()})
	})
}

// ChangeStake changes the stake under the stake rule (round.StakeChange),
// checked against the round as it is inside the transaction: freely before
// publication, afterwards only up. Lowering a published stake is done only
// by carrying out the group's decision (CarryOut).
func (db *DB) ChangeStake(ctx context.Context, id string, c round.StakeChange) error {
	return db.update(ctx, func(tx *Tx) error {
		r, err := tx.openRound(ctx, id)
		if err != nil {
			return err
		}
		if err := c.Validate(r); err != nil {
			return err
		}
		to := c.ParsedStake()
		if _, err := tx.exec(ctx, "UPDATE rounds SET stake = ? WHERE id = ?", int64(to), id); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO round_stake_changes (id, round_id, from_stake, to_stake, agreed_by, agreed_on, minutes, changed_by, changed_at)
			VALUES (?, ?, ?, ?, '', '', '', ?, ?)`, newID(), id, int64(r.Stake), int64(to), audit.ActorFrom(ctx), tx.now); err != nil {
			return err
		}
		return tx.record(ctx, "round.stake", "round", id, map[string]string{"from": r.Stake.String(), "to": to.String(),
			"published": strconv.FormatBool(r.Published())})
	})
}

// MoveStage moves the round under the stage rules (round.Move).
func (db *DB) MoveStage(ctx context.Context, id string, to round.Stage, reason string) error {
	return db.update(ctx, func(tx *Tx) error {
		r, err := tx.openRound(ctx, id)
		if err != nil {
			return err
		}
		m := round.Move{From: r.Stage, To: to, Reason: reason}
		if err := m.Validate(); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE rounds SET stage = ? WHERE id = ?", string(to), id); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO round_stage_changes (id, round_id, from_stage, to_stage, reason, changed_by, changed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, newID(), id, string(r.Stage), string(to), m.Reason, audit.ActorFrom(ctx), tx.now); err != nil {
			return err
		}
		return tx.record(ctx, "round.stage", "round", id, map[string]string{"from": string(r.Stage), "to": string(to), "reason": m.Reason})
	})
}

// StakeHistory lists the stake's changes, oldest first.
func (db *DB) StakeHistory(ctx context.Context, id string) ([]round.StakeRecord, error) {
	var out []round.StakeRecord
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(s scanner) error {
			var r round.StakeRecord
			var proposal sql.NullString
			if err := s.Scan(&r.From, &r.To, &r.AgreedBy, &r.AgreedOn, &r.Minutes, &r.ChangedBy, &r.ChangedAt, &proposal); err != nil {
				return err
			}
			r.ChangedAt, r.ProposalID = r.ChangedAt.UTC(), proposal.String
			out = append(out, r)
			return nil
		}, `SELECT from_stake, to_stake, agreed_by, agreed_on, minutes, changed_by, changed_at, proposal_id FROM round_stake_changes
			WHERE round_id = ? ORDER BY changed_at, id`, id)
	})
	return out, err
}

// StageHistory lists the stage moves, oldest first.
func (db *DB) StageHistory(ctx context.Context, id string) ([]round.StageRecord, error) {
	var out []round.StageRecord
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(s scanner) error {
			var r round.StageRecord
			var from, to string
			if err := s.Scan(&from, &to, &r.Reason, &r.ChangedBy, &r.ChangedAt); err != nil {
				return err
			}
			r.From, r.To, r.ChangedAt = round.Stage(from), round.Stage(to), r.ChangedAt.UTC()
			out = append(out, r)
			return nil
		}, `SELECT from_stage, to_stage, reason, changed_by, changed_at FROM round_stage_changes WHERE round_id = ? ORDER BY changed_at, id`, id)
	})
	return out, err
}
