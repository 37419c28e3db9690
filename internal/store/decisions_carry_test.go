package store_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/tender"
)

// putToGroup puts n to the round's group, publishing the round first if it
// is not yet (the group decides only once it is), open for an hour from
// the store's time; every member taking part agrees in person today; set
// then moves the store's clock to a minute after the close, and the
// proposal is counted. by proposes it.
func putToGroup(t *testing.T, db *store.DB, roundID, by string, set func(time.Time), n round.NewProposal) *round.Proposal {
	t.Helper()
	actx := audit.WithActor(ctx, by)
	rd, err := db.RoundByID(ctx, roundID)
	if err != nil {
		t.Fatal(err)
	}
	if !rd.Published() {
		if err := db.PublishRound(actx, roundID); err != nil {
			t.Fatal(err)
		}
	}
	now := db.Now().Truncate(time.Minute).Add(time.Minute)
	closes := now.Add(time.Hour)
	set(now)
	n.ProposedBy = by
	n.OpensDate, n.OpensTime = round.LondonDate(now), now.In(round.London).Format("15:04")
	n.ClosesDate, n.ClosesTime = round.LondonDate(closes), closes.In(round.London).Format("15:04")
	if n.Title == "" {
		n.Title, n.PlainEnglish, n.EasyRead = "Agree it", "Do we agree?", "Yes or no?"
	}
	p, err := db.CreateProposal(actx, roundID, n)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := db.RoundMembers(ctx, roundID, round.Facilitators)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if err := db.RecordInPerson(actx, roundID, p.ID, m.ID, round.NewResponse{Answer: round.AnswerAgree, GivenOn: round.LondonDate(now)}); err != nil &&
			apperr.Code(err) != apperr.Conflict { // a member not taking part
			t.Fatal(err)
		}
	}
	set(closes.Add(time.Minute))
	if o, err := db.CloseProposal(actx, roundID, p.ID); err != nil || !o.Passed {
		t.Fatalf("the group's decision %q: %+v, %v", p.Title, o, err)
	}
	return p
}

// groupPasses is putToGroup, then carries the decision out.
func groupPasses(t *testing.T, db *store.DB, roundID, by string, set func(time.Time), n round.NewProposal) *round.Proposal {
	t.Helper()
	p := putToGroup(t, db, roundID, by, set, n)
	if err := db.CarryOut(audit.WithActor(ctx, by), roundID, p.ID); err != nil {
		t.Fatalf("carrying out %q: %v", p.Title, err)
	}
	return p
}

// shiftClock returns a set for putToGroup that moves db's clock forward to
// a time and lets it run on from there as it did.
func shiftClock(db *store.DB) func(time.Time) {
	return func(to time.Time) {
		orig := db.Now
		shift := to.Sub(orig())
		db.Now = func() time.Time { return orig().Add(shift) }
	}
}

// TestSigningOffIsCarryingOutTheGroupsDecision: nothing but a passed
// decision signs off a measure or a specification version; the sign-off
// names the group and cites the decision, never a person; a contract can
// adopt only a signed-off version.
func TestSigningOffIsCarryingOutTheGroupsDecision(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		set := func(t time.Time) { now = t }
		r, lead := roundFixture(t, db)
		actx := audit.WithActor(ctx, lead.ID)
		mem := addMember(t, db, r.ID, "Robin", "Robin A", round.ConsentTakePart)
		addMember(t, db, r.ID, "Heron", "Hana B", round.ConsentTakePart)
		st, err := db.AddStatement(ctx, r.ID, evidence.NewStatement{MemberID: mem.ID, Body: "I see the same person each time"})
		if err != nil {
			t.Fatal(err)
		}
		draft := &measure.Measure{RoundID: r.ID, Kind: measure.Outcome, Title: "Same worker", PlainEnglish: "People see the same worker.",
			EasyRead: "You see the same person.", Numerator: "people who saw one worker", Denominator: "people supported",
			DataSource: "case records", Frequency: measure.Quarterly, Target: rat("80"), Direction: measure.Higher}
		if err := db.CreateMeasure(actx, draft); err != nil {
			t.Fatal(err)
		}
		linked := *draft
		linked.Title, linked.Links = "Same worker, linked", []measure.EvidenceLink{{Kind: measure.FromVision, ID: st.ID}}
		if err := db.CreateMeasure(actx, &linked); err != nil {
			t.Fatal(err)
		}

		// The group is not asked to sign off a draft: nothing motivates it yet,
		// so it could not be signed off.
		if err := db.PublishRound(actx, r.ID); err != nil {
			t.Fatal(err)
		}
		_, err = db.CreateProposal(actx, r.ID, round.NewProposal{Kind: round.KindSignOffMeasure, MeasureID: draft.ID, ProposedBy: lead.ID,
			Title: "Sign off the draft", PlainEnglish: "Do we agree?", EasyRead: "Yes or no?",
			OpensDate: round.LondonDate(now), OpensTime: "09:00", ClosesDate: round.LondonDate(now.AddDate(0, 0, 7)), ClosesTime: "17:00"})
		if fs := apperr.FieldsOf(err); len(fs) != 1 || fs[0].Field != "measure_id" || !strings.Contains(fs[0].Message, "Link the measure") {
			t.Fatalf("proposing the sign-off of a draft = %v", err)
		}

		p := groupPasses(t, db, r.ID, lead.ID, set, round.NewProposal{Kind: round.KindSignOffMeasure, MeasureID: linked.ID,
			Title: "Sign off: same worker", PlainEnglish: "Do we agree?", EasyRead: "Yes or no?"})
		got, err := db.MeasureByID(ctx, r.ID, linked.ID)
		if err != nil || got.Status() != measure.SignedOff || got.SignOff.ProposalID != p.ID ||
			got.SignOff.By != `the group, by the decision "Sign off: same worker"` || !got.SignOff.At.Equal(now) {
			t.Fatalf("signed-off measure = %+v, %v", got.SignOff, err)
		}
		if got.StatusText() != `Signed off by the group, by the decision "Sign off: same worker" on 1 March 2027` {
			t.Fatalf("status = %q", got.StatusText())
		}
		evs, _ := db.AuditEvents(ctx, audit.Filter{ObjectType: "measure", ObjectID: linked.ID, Action: "measure.sign_off", Limit: 5})
		if len(evs) != 1 || evs[0].Details["proposal_id"] != p.ID || evs[0].ActorID != lead.ID {
			t.Fatalf("sign-off audit = %+v", evs)
		}

		spec, err := db.CreateSpecification(actx, r.ID, "CYP mental health service specification")
		if err != nil {
			t.Fatal(err)
		}
		for _, aims := range []string{"Help quickly.", "Help the same day."} {
			if _, err := db.AddSpecVersion(actx, r.ID, spec.ID, map[measure.SectionKey]string{measure.SectionAims: aims}, []string{linked.ID}); err != nil {
				t.Fatal(err)
			}
		}
		prov, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Riverside", Kind: auth.KindProvider})
		n := measure.NewContract{RoundID: r.ID, Title: "CYP support", ProviderOrgID: prov.ID, StartsOn: "2027-04-01", EndsOn: "2028-03-31",
			Value: "120,000", SpecID: spec.ID, VersionNumber: 2}
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		_, err = db.CreateContract(actx, n)
		if fs := apperr.FieldsOf(err); len(fs) != 1 || fs[0].Field != "version" || !strings.Contains(fs[0].Message, "not been signed off by the group") {
			t.Fatalf("a contract adopting a version not signed off = %v", err)
		}
		if cs, _ := db.Contracts(ctx, r.ID); len(cs) != 0 {
			t.Fatalf("contracts after the refusal: %+v", cs)
		}

		p = groupPasses(t, db, r.ID, lead.ID, set, round.NewProposal{Kind: round.KindSignOffSpec, SpecID: spec.ID, SpecVersion: "2",
			Title: "Sign off version 2", PlainEnglish: "Do we agree?", EasyRead: "Yes or no?"})
		full, err := db.SpecificationByID(ctx, r.ID, spec.ID)
		if err != nil || full.Versions[0].SignOff != nil || full.Versions[1].SignOff == nil || full.Versions[1].SignOff.ProposalID != p.ID ||
			full.Versions[1].SignOff.By != `the group, by the decision "Sign off version 2"` {
			t.Fatalf("specification = %+v, %v", full, err)
		}
		if c, err := db.CreateContract(actx, n); err != nil || c.VersionNumber != 2 {
			t.Fatalf("a contract adopting the signed-off version = %+v, %v", c, err)
		}
		n.VersionNumber = 1
		if _, err := db.CreateContract(actx, n); apperr.FieldsOf(err) == nil {
			t.Fatalf("a contract adopting version 1, not signed off = %v", err)
		}
		evs, _ = db.AuditEvents(ctx, audit.Filter{ObjectType: "specification", ObjectID: spec.ID, Action: "specification.sign_off", Limit: 5})
		if len(evs) != 1 || evs[0].Details["proposal_id"] != p.ID || evs[0].Details["version"] != "2" {
			t.Fatalf("sign-off audit = %+v", evs)
		}
	})
}

// TestPublishingNeedsTheGroupsAgreement: a tender is published only with
// a passed decision agreeing its questions and weights exactly as they are;
// the stake invariant is checked as before; publishing carries the
// decision out.
func TestPublishingNeedsTheGroupsAgreement(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clock := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return clock }
		set := func(t time.Time) { clock = t }
		r, lead := roundFixture(t, db)
		actx := audit.WithActor(ctx, lead.ID)
		addMember(t, db, r.ID, "Robin", "Robin A", round.ConsentTakePart)
		if err := db.PublishRound(actx, r.ID); err != nil { // a tender needs a published round
			t.Fatal(err)
		}
		tn, err := db.CreateTender(actx, r.ID, "Community support")
		if err != nil {
			t.Fatal(err)
		}
		itt := tenderITT(clock.Add(7 * 24 * time.Hour))
		itt.Criteria[1].Weight, itt.Criteria[0].Weight = tender.Int(15), tender.Int(55) // 5 points short of the stake
		if err := db.SaveITT(actx, tn.ID, itt, ""); err != nil {
			t.Fatal(err)
		}
		if err := db.PublishTender(actx, tn.ID); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("publishing an ITT 5 points short of the stake: %v", err)
		}
		agreed := tenderITT(clock.Add(7 * 24 * time.Hour))
		if err := db.SaveITT(actx, tn.ID, agreed, ""); err != nil {
			t.Fatal(err)
		}
		notPublished := func(what string, want string) {
			t.Helper()
			err := db.PublishTender(actx, tn.ID)
			if apperr.Code(err) != apperr.Conflict || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "start a proposal to agree the tender questions") {
				t.Fatalf("%s: %v", what, err)
			}
			if got, _ := db.TenderByID(ctx, tn.ID); got.Published() {
				t.Fatalf("%s: published", what)
			}
		}
		notPublished("without the group's agreement", "The lived experience group has not agreed the questions and weights")

		p := putToGroup(t, db, r.ID, lead.ID, set, round.NewProposal{Kind: round.KindAgreeTender, TenderID: tn.ID,
			Title: "Agree our questions", PlainEnglish: "Do we agree?", EasyRead: "Yes or no?"})
		if err := db.CarryOut(actx, r.ID, p.ID); apperr.Code(err) != apperr.Conflict || !strings.Contains(err.Error(), "publishes the tender") {
			t.Fatalf("carrying out an agreement before publication = %v", err)
		}

		// The group's question reworded, then its weight moved to the
		// commissioners' question: either is no longer what the group agreed.
		reworded := tenderITT(clock.Add(7 * 24 * time.Hour))
		reworded.Criteria[1].Question = "How will you involve people?"
		if err := db.SaveITT(actx, tn.ID, reworded, ""); err != nil {
			t.Fatal(err)
		}
		notPublished("reworded since the agreement", `changed since the group agreed them on 25 November 2026 (the decision "Agree our questions")`)
		joint := tenderITT(clock.Add(7 * 24 * time.Hour))
		joint.Criteria[0].Weight, joint.Criteria[1].Weight = tender.Int(40), tender.Int(30)
		joint.Criteria[1].Panel, joint.Criteria[1].LEPShare = tender.Joint, tender.Frac(2, 3)
		if err := db.SaveITT(actx, tn.ID, joint, ""); err != nil {
			t.Fatal(err)
		}
		notPublished("weights changed since the agreement (the stake still met)", "changed since the group agreed them")

		if err := db.SaveITT(actx, tn.ID, agreed, ""); err != nil {
			t.Fatal(err)
		}
		if err := db.PublishTender(actx, tn.ID); err != nil {
			t.Fatalf("publishing as the group agreed it: %v", err)
		}
		if got, _ := db.TenderByID(ctx, tn.ID); !got.Published() || got.Version != 1 {
			t.Fatalf("tender = %+v", got)
		}
		d, err := db.ProposalByID(ctx, r.ID, p.ID, round.Group)
		if err != nil || d.CarriedOutAt == nil || !d.CarriedOutAt.Equal(clock) {
			t.Fatalf("the agreement after publication = %+v, %v", d, err)
		}
		evs, _ := db.AuditEvents(ctx, audit.Filter{ObjectType: "proposal", ObjectID: p.ID, Action: "proposal.carry_out", Limit: 5})
		if len(evs) != 1 || evs[0].Details["tender_id"] != tn.ID || evs[0].Details["agreement_sha256"] != round.HashAgreement(d.Subject.Agreement) {
			t.Fatalf("carry-out audit = %+v", evs)
		}

		// Amending the published invitation: the commissioners' own question
		// may change, what the group scores may not without a new agreement.
		amended := agreed
		amended.Criteria[0].Question = "How will you reach every part of the city?"
		if err := db.SaveITT(actx, tn.ID, amended, "Clearer wording"); err != nil {
			t.Fatalf("amending the commissioners' question: %v", err)
		}
		regrouped := amended
		regrouped.Criteria = slices.Clone(amended.Criteria)
		regrouped.Criteria[1].Question = "How will you involve people?"
		if err := db.SaveITT(actx, tn.ID, regrouped, "Our own wording"); apperr.Code(err) != apperr.Conflict || !strings.Contains(err.Error(), "changed since the group agreed them") {
			t.Fatalf("amending the group's question without its agreement = %v", err)
		}
		if got, _ := db.TenderByID(ctx, tn.ID); got.ITT.Criteria[1].Question != agreed.Criteria[1].Question || got.Version != 2 {
			t.Fatalf("after the refused amendment: version %d, question %q", got.Version, got.ITT.Criteria[1].Question)
		}
	})
}
