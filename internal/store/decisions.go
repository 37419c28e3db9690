package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/tender"
)

// SetDecisionRule sets how the round's group decides, which may change
// freely until the round is published (round.CheckRuleChange).
func (db *DB) SetDecisionRule(ctx context.Context, roundID string, rule round.DecisionRule) error {
	return db.update(ctx, func(tx *Tx) error {
		r, err := tx.openRound(ctx, roundID)
		if err != nil {
			return err
		}
		if err := round.CheckRuleChange(r, rule); err != nil {
			return err
		}
		return tx.writeRule(ctx, r, rule, "")
	})
}

// writeRule stores the round's rule and audits the change, citing the
// decision that made it when there is one.
func (tx *Tx) writeRule(ctx context.Context, r *round.Round, rule round.DecisionRule, proposalID string) error {
	if _, err := tx.exec(ctx, "UPDATE rounds SET decision_rule = ?, decision_quorum = ? WHERE id = ?", string(rule.Kind), rule.Quorum, r.ID); err != nil {
		return err
	}
	d := map[string]string{"from": r.Rule.String(), "to": rule.String()}
	if proposalID != "" {
		d["proposal_id"] = proposalID
	}
	return tx.record(ctx, "round.decision_rule", "round", r.ID, d)
}

func invalidField(field, msg string) error {
	return apperr.Fields([]apperr.FieldError{{Field: field, Message: msg}})
}

// CreateProposal puts a proposal to the round's group. The round must be
// published (before that the commissioner still sets things up alone) and
// not closed, and the subject must be real and belong to the round. For a
// tender the agreement is taken from its ITT now.
func (db *DB) CreateProposal(ctx context.Context, roundID string, n round.NewProposal) (*round.Proposal, error) {
	var out *round.Proposal
	err := db.update(ctx, func(tx *Tx) error {
		r, err := tx.openRound(ctx, roundID)
		if err != nil {
			return err
		}
		if !r.Published() {
			return apperr.Errorf(apperr.Conflict, "The group decides once the round is published. Until then the stake and the decision rule can change without a decision.")
		}
		if err := n.Validate(r, tx.now); err != nil {
			return err
		}
		p := n.Parsed()
		if err := tx.checkSubject(ctx, r, &p); err != nil {
			return err
		}
		p.ID = newID()
		s := p.Subject
		var stake, quorum, version sql.NullInt64
		var newRule sql.NullString
		if p.Kind == round.KindLowerStake {
			stake = sql.NullInt64{Int64: int64(s.Stake), Valid: true}
		}
		if p.Kind == round.KindChangeRule {
			newRule, quorum = sql.NullString{String: string(s.Rule.Kind), Valid: true}, sql.NullInt64{Int64: int64(s.Rule.Quorum), Valid: true}
		}
		if p.Kind == round.KindSignOffSpec {
			version = sql.NullInt64{Int64: int64(s.SpecVersion), Valid: true}
		}
		if _, err := tx.exec(ctx, `INSERT INTO proposals (id, round_id, kind, title, plain_english, easy_read, proposed_by, opens_at, closes_at,
			rule, quorum, new_stake, measure_id, spec_id, spec_version, tender_id, agreement, impact, new_rule, new_quorum, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.ID, roundID, string(p.Kind), p.Title, p.PlainEnglish, p.EasyRead, p.ProposedBy, p.OpensAt, p.ClosesAt,
			string(p.Rule.Kind), p.Rule.Quorum, stake, nullIfEmpty(s.MeasureID), nullIfEmpty(s.SpecID), version, nullIfEmpty(s.TenderID),
			s.Agreement, s.Impact, newRule, quorum, tx.now); err != nil {
			return mapErr(err, "proposal")
		}
		for _, o := range s.Outcomes {
			if _, err := tx.exec(ctx, "INSERT INTO proposal_outcomes (proposal_id, kind, item_id) VALUES (?, ?, ?)", p.ID, string(o.Kind), o.ID); err != nil {
				return mapErr(err, "outcome")
			}
		}
		d := map[string]string{"round_id": roundID, "kind": string(p.Kind), "title": p.Title, "proposed_by": p.ProposedBy,
			"opens_at": p.OpensAt.Format(time.RFC3339), "closes_at": p.ClosesAt.Format(time.RFC3339), "rule": p.Rule.String()}
		switch p.Kind {
		case round.KindLowerStake:
			d["stake"] = s.Stake.String()
		case round.KindSignOffMeasure:
			d["measure_id"] = s.MeasureID
		case round.KindSignOffSpec:
			d["spec_id"], d["spec_version"] = s.SpecID, strconv.Itoa(s.SpecVersion)
		case round.KindAgreeTender:
			d["tender_id"], d["agreement_sha256"] = s.TenderID, round.HashAgreement(s.Agreement)
		case round.KindAgreeImpact:
			d["outcomes"] = strconv.Itoa(len(s.Outcomes))
		case round.KindChangeRule:
			d["new_rule"] = s.Rule.String()
		}
		if err := tx.record(ctx, "proposal.create", "proposal", p.ID, d); err != nil {
			return err
		}
		out, err = tx.proposal(ctx, roundID, p.ID)
		return err
	})
	return out, err
}

// checkSubject checks the proposal's subject is real and the round's, and
// fills in what the store knows: the tender agreement.
func (tx *Tx) checkSubject(ctx context.Context, r *round.Round, p *round.Proposal) error {
	s := &p.Subject
	switch p.Kind {
	case round.KindSignOffMeasure:
		m, err := tx.measureByID(ctx, r.ID, s.MeasureID)
		switch {
		case apperr.Code(err) == apperr.NotFound:
			return invalidField("measure_id", "Select a measure of this round")
		case err != nil:
			return err
		case m.SignOff != nil:
			return invalidField("measure_id", "That measure is already signed off")
		}
		// Asking the group to sign off a measure that could not be signed
		// off would waste their time: say now what is missing.
		if fs := apperr.FieldsOf(m.ReadyForSignOff()); len(fs) > 0 {
			return invalidField("measure_id", "That measure is not ready for the group to sign off: "+fs[0].Message)
		}
	case round.KindSignOffSpec:
		var roundID string
		var signed *time.Time
		err := tx.queryRow(ctx, `SELECT s.round_id, v.signed_off_at FROM spec_versions v JOIN specifications s ON s.id = v.spec_id
			WHERE v.spec_id = ? AND v.number = ?`, s.SpecID, s.SpecVersion).Scan(&roundID, &signed)
		switch {
		case errors.Is(err, sql.ErrNoRows) || (err == nil && roundID != r.ID):
			return invalidField("spec_version", "Select a version of one of this round's specifications")
		case err != nil:
			return err
		case signed != nil:
			return invalidField("spec_version", "That version is already signed off")
		}
	case round.KindAgreeTender:
		t, err := tx.tenderByID(ctx, s.TenderID)
		if apperr.Code(err) == apperr.NotFound || (err == nil && t.RoundID != r.ID) {
			return invalidField("tender_id", "Select a tender of this round")
		} else if err != nil {
			return err
		}
		a := TenderAgreement(t)
		if len(a.Questions) == 0 {
			return invalidField("tender_id", "This tender has no questions for the lived experience panel yet, so there is nothing for the group to agree")
		}
		s.Agreement = a.Canonical()
	case round.KindAgreeImpact:
		for _, o := range s.Outcomes {
			if err := tx.checkOutcome(ctx, r.ID, o); err != nil {
				return err
			}
		}
	}
	return nil
}

// TenderAgreement is what the group agrees about a tender's ITT: every
// criterion the lived experience panel scores (alone or jointly) with its
// weight and share, and the stake. The tender's publication can compare it
// with the agreement a passed decision holds.
func TenderAgreement(t *tender.Tender) round.TenderAgreement {
	a := round.TenderAgreement{Stake: t.ITT.Stake.String()}
	for _, c := range t.ITT.Criteria {
		if c.LEPWeight().Sign() == 0 {
			continue
		}
		q := round.GroupQuestion{Ref: c.ID, Question: c.Question, Panel: string(c.Panel), Weight: c.Weight.String()}
		if c.Panel == tender.Joint {
			q.LEPShare = c.LEPShare.String()
		}
		a.Questions = append(a.Questions, q)
	}
	return a
}

// The proposer is shown by their group name when they are in the group,
// otherwise by their account name (facilitators and commissioners).
const proposalSelect = `SELECT p.id, p.round_id, p.kind, p.title, p.plain_english, p.easy_read, p.proposed_by,
	COALESCE(pm.pseudonym, u.display_name), p.opens_at, p.closes_at, p.rule, p.quorum, p.new_stake, p.measure_id, p.spec_id,
	p.spec_version, p.tender_id, p.agreement, p.impact, p.new_rule, p.new_quorum, p.status, p.decided_at, p.active_count,
	p.quorum_needed, p.agree_count, p.not_sure_count, p.disagree_count, p.block_count, p.unresolved_blocks, p.carried_out_at,
	p.created_at
	FROM proposals p JOIN users u ON u.id = p.proposed_by
	LEFT JOIN round_members pm ON pm.round_id = p.round_id AND pm.user_id = p.proposed_by`

func scanProposal(s scanner) (*round.Proposal, error) {
	var p round.Proposal
	var kind, rule, status string
	var stake, version, newQuorum sql.NullInt64
	var measure, spec, tenderID, newRule sql.NullString
	var o round.Outcome
	if err := s.Scan(&p.ID, &p.RoundID, &kind, &p.Title, &p.PlainEnglish, &p.EasyRead, &p.ProposedBy, &p.ProposerName,
		&p.OpensAt, &p.ClosesAt, &rule, &p.Rule.Quorum, &stake, &measure, &spec, &version, &tenderID, &p.Subject.Agreement,
		&p.Subject.Impact, &newRule, &newQuorum, &status, &p.DecidedAt, &o.Active, &o.QuorumNeeded, &o.Agree, &o.NotSure,
		&o.Disagree, &o.Block, &o.UnresolvedBlocks, &p.CarriedOutAt, &p.CreatedAt); err != nil {
		return nil, err
	}
	p.Kind, p.Rule.Kind, p.Status = round.ProposalKind(kind), round.RuleKind(rule), round.ProposalStatus(status)
	p.OpensAt, p.ClosesAt, p.CreatedAt = p.OpensAt.UTC(), p.ClosesAt.UTC(), p.CreatedAt.UTC()
	p.DecidedAt, p.CarriedOutAt = utcPtr(p.DecidedAt), utcPtr(p.CarriedOutAt)
	p.Subject.Stake, p.Subject.SpecVersion = round.Stake(stake.Int64), int(version.Int64)
	p.Subject.MeasureID, p.Subject.SpecID, p.Subject.TenderID = measure.String, spec.String, tenderID.String
	p.Subject.Rule = round.DecisionRule{Kind: round.RuleKind(newRule.String), Quorum: int(newQuorum.Int64)}
	if p.Status == round.StatusPassed || p.Status == round.StatusNotPassed {
		o.Rule, o.Passed = p.Rule, p.Status == round.StatusPassed
		p.Outcome = &o
	}
	return &p, nil
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// proposals loads a round's proposals matching where, with the outcomes
// their impact statements link to.
func (tx *Tx) proposals(ctx context.Context, roundID, where string, args ...any) ([]round.Proposal, error) {
	var out []round.Proposal
	err := tx.each(ctx, func(s scanner) error {
		p, err := scanProposal(s)
		if err == nil {
			out = append(out, *p)
		}
		return err
	}, proposalSelect+" WHERE p.round_id = ?"+where+" ORDER BY p.closes_at, p.id", append([]any{roundID}, args...)...)
	if err != nil {
		return nil, err
	}
	at := map[string]int{}
	for i := range out {
		at[out[i].ID] = i
	}
	err = tx.each(ctx, func(s scanner) error {
		var id, kind, item string
		if err := s.Scan(&id, &kind, &item); err != nil {
			return err
		}
		if i, ok := at[id]; ok {
			out[i].Subject.Outcomes = append(out[i].Subject.Outcomes, round.OutcomeRef{Kind: round.OutcomeKind(kind), ID: item})
		}
		return nil
	}, `SELECT o.proposal_id, o.kind, o.item_id FROM proposal_outcomes o JOIN proposals p ON p.id = o.proposal_id
		WHERE p.round_id = ? ORDER BY o.proposal_id, o.kind, o.item_id`, roundID)
	return out, err
}

// proposal loads one proposal of the round.
func (tx *Tx) proposal(ctx context.Context, roundID, id string) (*round.Proposal, error) {
	ps, err := tx.proposals(ctx, roundID, " AND p.id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, apperr.Errorf(apperr.NotFound, "No such proposal in this round")
	}
	return &ps[0], nil
}

// Proposals lists the round's proposals in the given states (all when
// none is given), soonest closing first. States that depend on the time
// (upcoming, open, to count) are worked out at the transaction's now.
func (db *DB) Proposals(ctx context.Context, roundID string, states ...round.ProposalState) ([]round.Proposal, error) {
	var out []round.Proposal
	err := db.view(ctx, func(tx *Tx) error {
		all, err := tx.proposals(ctx, roundID, "")
		if err != nil {
			return err
		}
		for _, p := range all {
			if len(states) == 0 || hasState(states, p.State(tx.now)) {
				out = append(out, p)
			}
		}
		return nil
	})
	return out, err
}

func hasState(states []round.ProposalState, s round.ProposalState) bool {
	for _, v := range states {
		if v == s {
			return true
		}
	}
	return false
}

// ProposalByID returns a proposal with the responses the audience may
// see, each member by the name they chose for the group: for the Group,
// responses of members no longer taking part are left out. The tally is
// the stored outcome once counted, otherwise the count so far, which is
// over every active member whoever reads it.
func (db *DB) ProposalByID(ctx context.Context, roundID, id string, a round.Audience) (*round.ProposalDetail, error) {
	var out *round.ProposalDetail
	err := db.view(ctx, func(tx *Tx) error {
		p, err := tx.proposal(ctx, roundID, id)
		if err != nil {
			return err
		}
		d := &round.ProposalDetail{Proposal: *p}
		if d.Responses, err = tx.responses(ctx, id, consentFilter(a, "m", false)); err != nil {
			return err
		}
		if d.Resolutions, err = tx.resolutions(ctx, id); err != nil {
			return err
		}
		if p.Outcome != nil {
			d.Tally = *p.Outcome
		} else if d.Tally, err = tx.tallyNow(ctx, p); err != nil {
			return err
		}
		out = d
		return nil
	})
	return out, err
}

// responses lists a proposal's current responses by the members' group
// names. Who recorded a response is given only for in-person ones (a
// facilitator): a member's own response never carries their account.
func (tx *Tx) responses(ctx context.Context, proposalID, filter string) ([]round.Response, error) {
	var out []round.Response
	err := tx.each(ctx, func(s scanner) error {
		var r round.Response
		var answer string
		var active int
		if err := s.Scan(&r.MemberID, &r.Pseudonym, &active, &answer, &r.Reason, &r.RespondedAt, &r.GivenOn, &r.RecordedBy, &r.RecordedByName); err != nil {
			return err
		}
		r.Active, r.Answer, r.RespondedAt = active == 1, round.Answer(answer), r.RespondedAt.UTC()
		out = append(out, r)
		return nil
	}, `SELECT r.member_id, m.pseudonym, m.takes_part, r.answer, r.reason, r.responded_at, r.given_on,
		CASE WHEN r.given_on = '' THEN '' ELSE r.recorded_by END, CASE WHEN r.given_on = '' THEN '' ELSE COALESCE(u.display_name, '') END
		FROM proposal_responses r JOIN round_members m ON m.id = r.member_id LEFT JOIN users u ON u.id = r.recorded_by
		WHERE r.proposal_id = ? AND `+filter+` ORDER BY m.pseudonym, m.id`, proposalID)
	return out, err
}

func (tx *Tx) resolutions(ctx context.Context, proposalID string) ([]round.BlockResolution, error) {
	var out []round.BlockResolution
	err := tx.each(ctx, func(s scanner) error {
		var r round.BlockResolution
		if err := s.Scan(&r.MemberID, &r.ResponseAt, &r.Resolution, &r.ResolvedBy, &r.ResolvedByName, &r.ResolvedAt); err != nil {
			return err
		}
		r.ResponseAt, r.ResolvedAt = r.ResponseAt.UTC(), r.ResolvedAt.UTC()
		out = append(out, r)
		return nil
	}, `SELECT b.member_id, b.response_at, b.resolution, b.resolved_by, COALESCE(u.display_name, ''), b.resolved_at
		FROM proposal_block_resolutions b LEFT JOIN users u ON u.id = b.resolved_by
		WHERE b.proposal_id = ? ORDER BY b.resolved_at, b.id`, proposalID)
	return out, err
}

// tallyNow counts a proposal under its rule over the round's members who
// take part now: a member who withdrew consent to take part has left the
// group, and neither counts towards the quorum nor has a say.
func (tx *Tx) tallyNow(ctx context.Context, p *round.Proposal) (round.Outcome, error) {
	var active []string
	err := tx.each(ctx, func(s scanner) error {
		var id string
		err := s.Scan(&id)
		active = append(active, id)
		return err
	}, "SELECT id FROM round_members WHERE round_id = ? AND takes_part = 1", p.RoundID)
	if err != nil {
		return round.Outcome{}, err
	}
	rs, err := tx.responses(ctx, p.ID, "1 = 1")
	if err != nil {
		return round.Outcome{}, err
	}
	res, err := tx.resolutions(ctx, p.ID)
	if err != nil {
		return round.Outcome{}, err
	}
	return round.Tally(p.Rule, active, rs, round.ResolvedBlocks(rs, res)), nil
}
