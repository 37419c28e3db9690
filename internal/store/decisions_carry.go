package store

import (
	"context"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/tender"
)

// decidedBy is how a sign-off names who signed off: the group, citing the
// decision by its title (the sign-off keeps its date and, through the
// proposals table, its id). No typed name ever stands for the group.
func decidedBy(p *round.Proposal) string {
	return "the group, by the decision \"" + p.Title + "\""
}

// signOffMeasure carries out a passed "sign off a measure" decision. A
// measure that is not ready (a draft, or with something missing) is
// refused with the reasons, so it is never signed off half-written.
func (tx *Tx) signOffMeasure(ctx context.Context, r *round.Round, p *round.Proposal) error {
	m, err := tx.measureByID(ctx, r.ID, p.Subject.MeasureID)
	if err != nil {
		return err
	}
	if m.SignOff != nil {
		return apperr.Errorf(apperr.Conflict, "This measure was already signed off by %s.", m.SignOff.By)
	}
	if err := m.Sign(decidedBy(p), tx.now); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, "UPDATE measures SET signed_off_by = ?, signed_off_user = NULL, signed_off_at = ? WHERE id = ?",
		m.SignOff.By, m.SignOff.At, m.ID); err != nil {
		return err
	}
	return tx.record(ctx, "measure.sign_off", "measure", m.ID, map[string]string{"round_id": r.ID, "by": m.SignOff.By, "proposal_id": p.ID})
}

// signOffSpec carries out a passed "sign off a specification version" decision.
func (tx *Tx) signOffSpec(ctx context.Context, r *round.Round, p *round.Proposal) error {
	s, err := tx.specificationByID(ctx, r.ID, p.Subject.SpecID)
	if err != nil {
		return err
	}
	n := p.Subject.SpecVersion
	if n < 1 || n > len(s.Versions) {
		return apperr.Errorf(apperr.NotFound, "No such version")
	}
	v := &s.Versions[n-1]
	if err := v.Sign(decidedBy(p), tx.now); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, "UPDATE spec_versions SET signed_off_by = ?, signed_off_user = NULL, signed_off_at = ? WHERE spec_id = ? AND number = ?",
		v.SignOff.By, v.SignOff.At, s.ID, n); err != nil {
		return err
	}
	return tx.record(ctx, "specification.sign_off", "specification", s.ID, map[string]string{"round_id": r.ID,
		"version": strconv.Itoa(n), "by": v.SignOff.By, "proposal_id": p.ID})
}

// errAgreedAtPublication answers carrying out an "agree the tender
// questions" decision: publishing the tender (PublishTender), when the
// commissioner chooses, carries it out; there is nothing to do before that.
var errAgreedAtPublication = apperr.Errorf(apperr.Conflict, "The group's agreement is carried out when the commissioner publishes the tender: "+
	"publishing checks that the questions and weights are still the ones the group agreed.")

// measureDecision and versionDecision find the decision that signed off a
// measure (alias m) or a version (alias v), for measure.SignOff.ProposalID.
const (
	measureDecision = `COALESCE((SELECT MIN(p.id) FROM proposals p WHERE p.kind = 'sign_off_measure' AND p.measure_id = m.id
		AND p.carried_out_at IS NOT NULL), '')`
	versionDecision = `COALESCE((SELECT MIN(p.id) FROM proposals p WHERE p.kind = 'sign_off_spec' AND p.spec_id = v.spec_id
		AND p.spec_version = v.number AND p.carried_out_at IS NOT NULL), '')`
)

// tenderAgreed finds the group's passed "agree the tender questions"
// decision whose agreement is the tender's ITT as it is now, or says in
// plain English why it cannot be published. An ITT with no question for
// the lived experience panel (only possible with a stake of 0, since the
// stake invariant is checked first) has nothing for the group to agree.
func (tx *Tx) tenderAgreed(ctx context.Context, t *tender.Tender) (*round.Proposal, error) {
	want := TenderAgreement(t)
	if len(want.Questions) == 0 {
		return nil, nil
	}
	ps, err := tx.proposals(ctx, t.RoundID, " AND p.kind = ? AND p.tender_id = ? AND p.status = ?",
		string(round.KindAgreeTender), t.ID, string(round.StatusPassed))
	if err != nil {
		return nil, err
	}
	canonical := want.Canonical()
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].Subject.Agreement == canonical {
			return &ps[i], nil
		}
	}
	if len(ps) > 0 {
		last := ps[len(ps)-1]
		return nil, apperr.Errorf(apperr.Conflict, "The questions or weights the lived experience group scores have changed since the group "+
			"agreed them on %s (the decision %q). The group decides what it scores: put them back as agreed, or start a proposal "+
			"to agree the tender questions again, and publish once it has passed.", round.FormatDate(round.LondonDate(*last.DecidedAt)), last.Title)
	}
	return nil, apperr.Errorf(apperr.Conflict, "The lived experience group has not agreed the questions and weights it will score in this tender. "+
		"The group decides: start a proposal to agree the tender questions, and publish once it has passed.")
}

// carryOutAgreement records, when the tender is published, that the
// group's agreement of its questions was carried out.
func (tx *Tx) carryOutAgreement(ctx context.Context, p *round.Proposal) error {
	if p == nil || p.CarriedOutAt != nil {
		return nil
	}
	if _, err := tx.exec(ctx, "UPDATE proposals SET carried_out_at = ? WHERE id = ?", tx.now, p.ID); err != nil {
		return err
	}
	return tx.record(ctx, "proposal.carry_out", "proposal", p.ID, map[string]string{"kind": string(p.Kind), "tender_id": p.Subject.TenderID,
		"agreement_sha256": round.HashAgreement(p.Subject.Agreement)})
}
