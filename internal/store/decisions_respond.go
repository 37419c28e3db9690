package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/round"
)

// openProposal loads a proposal that members may respond to now, or says
// in plain English why not.
func (tx *Tx) openProposal(ctx context.Context, roundID, id string) (*round.Proposal, error) {
	p, err := tx.proposal(ctx, roundID, id)
	if err != nil {
		return nil, err
	}
	switch p.State(tx.now) {
	case round.StateOpen:
		return p, nil
	case round.StateUpcoming:
		return nil, apperr.Errorf(apperr.Conflict, "This proposal opens on %s. You can respond from then.", londonTime(p.OpensAt))
	case round.StateWithdrawn:
		return nil, apperr.Errorf(apperr.Conflict, "This proposal was withdrawn, so nobody can respond to it.")
	}
	return nil, apperr.Errorf(apperr.Conflict, "This proposal closed on %s, so responses can no longer change.", londonTime(p.ClosesAt))
}

func londonTime(t time.Time) string {
	return t.In(round.London).Format("2 January 2006 at 15:04")
}

// Respond records or changes the signed-in user's own response, as the
// member they are in the round's group. Only members taking part may
// respond, and only while the proposal is open.
func (db *DB) Respond(ctx context.Context, roundID, proposalID, userID string, n round.NewResponse) error {
	return db.update(ctx, func(tx *Tx) error {
		p, err := tx.openProposal(ctx, roundID, proposalID)
		if err != nil {
			return err
		}
		var memberID string
		var active int
		err = tx.queryRow(ctx, "SELECT id, takes_part FROM round_members WHERE round_id = ? AND user_id = ?", roundID, userID).Scan(&memberID, &active)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return apperr.Errorf(apperr.Forbidden, "Only members of the group can respond to its proposals.")
		case err != nil:
			return err
		case active == 0:
			return apperr.Errorf(apperr.Forbidden, "You are not taking part in the group at the moment, so you cannot respond. "+
				"To take part again, give your consent to take part.")
		}
		if err := n.Validate(p, false, tx.now); err != nil {
			return err
		}
		return tx.respond(ctx, p, memberID, n, userID)
	})
}

// RecordInPerson records a response a member gave in a meeting or on the
// phone, as the facilitator acting (audit.WithActor); it is shown as
// given in person on the date, recorded by them.
func (db *DB) RecordInPerson(ctx context.Context, roundID, proposalID, memberID string, n round.NewResponse) error {
	return db.update(ctx, func(tx *Tx) error {
		p, err := tx.openProposal(ctx, roundID, proposalID)
		if err != nil {
			return err
		}
		if err := tx.activeMember(ctx, roundID, memberID); err != nil {
			return err
		}
		if err := n.Validate(p, true, tx.now); err != nil {
			return err
		}
		return tx.respond(ctx, p, memberID, n, audit.ActorFrom(ctx))
	})
}

// activeMember refuses a member who is not in the round or not taking part.
func (tx *Tx) activeMember(ctx context.Context, roundID, memberID string) error {
	var active int
	err := tx.queryRow(ctx, "SELECT takes_part FROM round_members WHERE id = ? AND round_id = ?", memberID, roundID).Scan(&active)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return apperr.Errorf(apperr.NotFound, "No such member in this round")
	case err != nil:
		return err
	case active == 0:
		return apperr.Errorf(apperr.Conflict, "This member is not taking part in the group at the moment, so their response cannot be recorded.")
	}
	return nil
}

// respond writes the member's one current response, replacing any
// earlier one; the audit log keeps each (without the reason, which is the
// member's own words).
func (tx *Tx) respond(ctx context.Context, p *round.Proposal, memberID string, n round.NewResponse, recordedBy string) error {
	res, err := tx.exec(ctx, `UPDATE proposal_responses SET answer = ?, reason = ?, given_on = ?, recorded_by = ?, responded_at = ?
		WHERE proposal_id = ? AND member_id = ?`, string(n.Answer), n.Reason, n.GivenOn, recordedBy, tx.now, p.ID, memberID)
	if err != nil {
		return err
	}
	changed, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if changed == 0 {
		if _, err := tx.exec(ctx, `INSERT INTO proposal_responses (proposal_id, member_id, answer, reason, given_on, recorded_by, responded_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, p.ID, memberID, string(n.Answer), n.Reason, n.GivenOn, recordedBy, tx.now); err != nil {
			return mapErr(err, "response")
		}
	}
	d := map[string]string{"member_id": memberID, "answer": string(n.Answer), "changed": strconv.FormatBool(changed > 0)}
	action := "proposal.respond"
	if n.GivenOn != "" {
		action, d["given_on"] = "proposal.respond_in_person", n.GivenOn
	}
	return tx.record(ctx, action, "proposal", p.ID, d)
}

// ResolveBlock records, as the facilitator acting, how a member's current
// block was resolved; under consent a resolved block no longer stops the
// proposal. Only while the proposal is open: after it closes the count is
// what the group said by then.
func (db *DB) ResolveBlock(ctx context.Context, roundID, proposalID, memberID, resolution string) error {
	text, err := round.CheckResolution(resolution)
	if err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		p, err := tx.openProposal(ctx, roundID, proposalID)
		if err != nil {
			return err
		}
		var answer string
		var at time.Time
		err = tx.queryRow(ctx, "SELECT answer, responded_at FROM proposal_responses WHERE proposal_id = ? AND member_id = ?", p.ID, memberID).Scan(&answer, &at)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && round.Answer(answer) != round.AnswerBlock) {
			return apperr.Errorf(apperr.Conflict, "This member has not blocked the proposal, so there is no block to resolve.")
		} else if err != nil {
			return err
		}
		var done int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM proposal_block_resolutions WHERE proposal_id = ? AND member_id = ? AND response_at = ?",
			p.ID, memberID, at).Scan(&done); err != nil {
			return err
		}
		if done > 0 {
			return apperr.Errorf(apperr.Conflict, "This block has already been recorded as resolved.")
		}
		if _, err := tx.exec(ctx, `INSERT INTO proposal_block_resolutions (id, proposal_id, member_id, response_at, resolution, resolved_by, resolved_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, newID(), p.ID, memberID, at, text, audit.ActorFrom(ctx), tx.now); err != nil {
			return mapErr(err, "resolution")
		}
		return tx.record(ctx, "proposal.block_resolve", "proposal", p.ID, map[string]string{"member_id": memberID})
	})
}

// WithdrawProposal withdraws a proposal not yet closed, by its proposer.
func (db *DB) WithdrawProposal(ctx context.Context, roundID, proposalID, userID string) error {
	return db.update(ctx, func(tx *Tx) error {
		p, err := tx.proposal(ctx, roundID, proposalID)
		if err != nil {
			return err
		}
		if st := p.State(tx.now); st != round.StateOpen && st != round.StateUpcoming {
			return apperr.Errorf(apperr.Conflict, "Only a proposal that has not closed can be withdrawn.")
		}
		if p.ProposedBy != userID {
			return apperr.Errorf(apperr.Forbidden, "Only the person who proposed it can withdraw it.")
		}
		if _, err := tx.exec(ctx, "UPDATE proposals SET status = ?, decided_at = ? WHERE id = ?", string(round.StatusWithdrawn), tx.now, p.ID); err != nil {
			return err
		}
		return tx.record(ctx, "proposal.withdraw", "proposal", p.ID, nil)
	})
}

// CloseProposal counts a proposal once its closing time has passed and
// stores the outcome. It is never counted early, even when every active
// member has responded: each may change their response until the time the
// group was told, a facilitator may still resolve a block, and a member
// who joins meanwhile can still have a say.
func (db *DB) CloseProposal(ctx context.Context, roundID, proposalID string) (*round.Outcome, error) {
	var out *round.Outcome
	err := db.update(ctx, func(tx *Tx) error {
		p, err := tx.proposal(ctx, roundID, proposalID)
		if err != nil {
			return err
		}
		switch p.State(tx.now) {
		case round.StateUpcoming, round.StateOpen:
			return apperr.Errorf(apperr.Conflict, "This proposal closes on %s. It is counted then, so members can change their response until it closes.", londonTime(p.ClosesAt))
		case round.StatePassed, round.StateNotPassed, round.StateWithdrawn:
			return apperr.Errorf(apperr.Conflict, "This proposal has already been decided.")
		}
		o, err := tx.tallyNow(ctx, p)
		if err != nil {
			return err
		}
		status := round.StatusNotPassed
		if o.Passed {
			status = round.StatusPassed
		}
		if _, err := tx.exec(ctx, `UPDATE proposals SET status = ?, decided_at = ?, active_count = ?, quorum_needed = ?, agree_count = ?,
			not_sure_count = ?, disagree_count = ?, block_count = ?, unresolved_blocks = ? WHERE id = ?`,
			string(status), tx.now, o.Active, o.QuorumNeeded, o.Agree, o.NotSure, o.Disagree, o.Block, o.UnresolvedBlocks, p.ID); err != nil {
			return err
		}
		out = &o
		return tx.record(ctx, "proposal.close", "proposal", p.ID, map[string]string{"status": string(status), "explanation": o.Explanation()})
	})
	return out, err
}

// CarryOut makes the change a passed decision decided, once: lowering the
// stake (with a stake history record citing the decision), changing the
// decision rule, signing off a measure or a specification version
// (decisions_carry.go), and agreeing the impact, which closes the round
// (decisions_carry_impact.go). Publishing the tender carries out an
// agreement of its questions.
func (db *DB) CarryOut(ctx context.Context, roundID, proposalID string) error {
	return db.update(ctx, func(tx *Tx) error {
		p, err := tx.proposal(ctx, roundID, proposalID)
		if err != nil {
			return err
		}
		switch {
		case p.Status != round.StatusPassed:
			return apperr.Errorf(apperr.Conflict, "Only a decision the group has passed can be carried out.")
		case p.CarriedOutAt != nil:
			return apperr.Errorf(apperr.Conflict, "This decision has already been carried out.")
		}
		r, err := tx.openRound(ctx, roundID)
		if err != nil {
			return err
		}
		switch p.Kind {
		case round.KindLowerStake:
			err = tx.lowerStake(ctx, r, p)
		case round.KindChangeRule:
			err = tx.writeRule(ctx, r, p.Subject.Rule, p.ID)
		case round.KindSignOffMeasure:
			err = tx.signOffMeasure(ctx, r, p)
		case round.KindSignOffSpec:
			err = tx.signOffSpec(ctx, r, p)
		case round.KindAgreeTender:
			err = errAgreedAtPublication
		case round.KindAgreeImpact:
			err = tx.closeWithImpact(ctx, r, p)
		case round.KindQuestion:
			err = apperr.Errorf(apperr.Conflict, "A general question changes nothing by itself, so there is nothing to carry out.")
		default:
			err = apperr.Errorf(apperr.Conflict, "The software cannot carry out a decision to %s yet.", strings.ToLower(p.Kind.Label()))
		}
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE proposals SET carried_out_at = ? WHERE id = ?", tx.now, p.ID); err != nil {
			return err
		}
		return tx.record(ctx, "proposal.carry_out", "proposal", p.ID, map[string]string{"kind": string(p.Kind)})
	})
}

// lowerStake writes the stake the decision named. The stake history
// records the group's agreement as the decision itself: its title, the UK
// date it was decided and its outcome, with the proposal's id.
func (tx *Tx) lowerStake(ctx context.Context, r *round.Round, p *round.Proposal) error {
	to := p.Subject.Stake
	if to >= r.Stake {
		return apperr.Errorf(apperr.Conflict, "The stake is already %s, so lowering it to %s is no longer a change down.", r.Stake, to)
	}
	if _, err := tx.exec(ctx, "UPDATE rounds SET stake = ? WHERE id = ?", int64(to), r.ID); err != nil {
		return err
	}
	agreedBy, agreedOn := "The group, by the decision \""+p.Title+"\"", round.LondonDate(*p.DecidedAt)
	if _, err := tx.exec(ctx, `INSERT INTO round_stake_changes (id, round_id, from_stake, to_stake, agreed_by, agreed_on, minutes, changed_by,
		changed_at, proposal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, newID(), r.ID, int64(r.Stake), int64(to), agreedBy, agreedOn,
		p.Outcome.Explanation(), audit.ActorFrom(ctx), tx.now, p.ID); err != nil {
		return err
	}
	return tx.record(ctx, "round.stake", "round", r.ID, map[string]string{"from": r.Stake.String(), "to": to.String(),
		"published": strconv.FormatBool(r.Published()), "agreed_by": agreedBy, "agreed_on": agreedOn, "proposal_id": p.ID})
}
