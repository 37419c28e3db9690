package store_test

import (
	"math/big"
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
)

func rat(s string) *big.Rat {
	r, err := measure.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return r
}

// TestMeasureToPaymentChain follows the whole chain through storage: a
// vision statement motivates a measure, the group decides to sign it off, it enters
// a specification version, a contract adopts the version, its payment
// profile and the provider's reports give the hand-worked payments.
func TestMeasureToPaymentChain(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2027, 7, 1, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { now = now.Add(time.Second); return now }
		r, lead := roundFixture(t, db)
		actx := audit.WithActor(ctx, lead.ID)
		mem := addMember(t, db, r.ID, "Robin", "Robin A", round.ConsentTakePart, round.ConsentSharePseudonym)
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
		bad := linked
		bad.Links = []measure.EvidenceLink{{Kind: measure.FromVision, ID: "elsewhere"}}
		if err := db.CreateMeasure(actx, &bad); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("link to evidence outside the round: %v", err)
		}
		set := func(t time.Time) { now = t }
		signed := groupPasses(t, db, r.ID, lead.ID, set, round.NewProposal{Kind: round.KindSignOffMeasure, MeasureID: linked.ID})
		if _, err := db.CreateProposal(actx, r.ID, round.NewProposal{Kind: round.KindSignOffMeasure, MeasureID: linked.ID, Title: "Again",
			PlainEnglish: "x", EasyRead: "x", ProposedBy: lead.ID, OpensDate: "2027-07-01", OpensTime: "12:00", ClosesDate: "2027-07-08",
			ClosesTime: "12:00"}); apperr.FieldsOf(err) == nil {
			t.Fatalf("a second sign-off put to the group: %v", err)
		}
		got, err := db.MeasureByID(ctx, r.ID, linked.ID)
		if err != nil || got.Status() != measure.SignedOff || got.SignOff.ProposalID != signed.ID || got.SignOff.At.Before(time.Date(2027, 7, 1, 9, 0, 0, 0, time.UTC)) ||
			len(got.Links) != 1 || got.Links[0].Title != "I see the same person each time" || got.Target.Cmp(rat("80")) != 0 {
			t.Fatalf("stored measure = %+v, %v", got, err)
		}
		p1, next, err := db.Measures(ctx, r.ID, "", 1)
		p2, last, err2 := db.Measures(ctx, r.ID, next, 1)
		if err != nil || err2 != nil || len(p1) != 1 || p1[0].ID != draft.ID || p1[0].Status() != measure.Draft || next == "" ||
			len(p2) != 1 || p2[0].ID != linked.ID || last != "" {
			t.Fatalf("pages = %+v %q / %+v %q, %v %v", p1, next, p2, last, err, err2)
		}

		spec, err := db.CreateSpecification(actx, r.ID, "CYP mental health service specification")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddSpecVersion(actx, r.ID, spec.ID, nil, []string{draft.ID}); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("a draft entered the specification: %v", err)
		}
		if _, err := db.AddSpecVersion(actx, r.ID, spec.ID, map[measure.SectionKey]string{measure.SectionAims: "Help quickly."}, []string{linked.ID}); err != nil {
			t.Fatal(err)
		}
		v2, err := db.AddSpecVersion(actx, r.ID, spec.ID, map[measure.SectionKey]string{measure.SectionAims: "Help the same day."}, []string{linked.ID})
		if err != nil || v2.Number != 2 {
			t.Fatalf("version 2 = %+v, %v", v2, err)
		}
		groupPasses(t, db, r.ID, lead.ID, set, round.NewProposal{Kind: round.KindSignOffSpec, SpecID: spec.ID, SpecVersion: "2", Title: "Version 2",
			PlainEnglish: "Sign off version 2?", EasyRead: "Is it right?"})
		full, err := db.SpecificationByID(ctx, r.ID, spec.ID)
		if err != nil || len(full.Versions) != 2 || full.Versions[0].SignOff != nil || full.Versions[1].SignOff.By != `the group, by the decision "Version 2"` ||
			full.Versions[1].Indicators[0].MeasureID != linked.ID || full.Versions[1].Indicators[0].Links[0].ID != st.ID {
			t.Fatalf("specification = %+v, %v", full, err)
		}
		diff := measure.CompareVersions(&full.Versions[0], &full.Versions[1])
		if len(diff) != 2 || !diff[0].Changed || diff[1].Changed {
			t.Fatalf("comparison = %+v", diff)
		}

		prov, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Riverside", Kind: auth.KindProvider})
		n := measure.NewContract{RoundID: r.ID, Title: "CYP support", ProviderOrgID: prov.ID, StartsOn: "2027-04-01", EndsOn: "2028-03-31",
			Value: "120,000", SpecID: spec.ID, VersionNumber: 2}
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		c, err := db.CreateContract(actx, n)
		if err != nil || c.ValuePence != 12_000_000 {
			t.Fatalf("contract = %+v, %v", c, err)
		}
		n.ProviderOrgID = r.OrgID
		if _, err := db.CreateContract(actx, n); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("a commissioner as provider: %v", err)
		}
		if err := db.SubmitReports(actx, c.ID, []measure.Report{{Period: "2027-Q1", Indicator: "I1", Value: rat("85")}}); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("report before the profile: %v", err)
		}
		// Only one adopted indicator: weights 60 + 40 must name it twice; a
		// second, unadopted measure id is refused.
		prof := &measure.Profile{AtRiskPercent: rat("2.5"), Periods: []string{"2027-Q1", "2027-Q2"}, Indicators: []measure.Indicator{
			{ID: "I1", Name: "Same worker", MeasureID: linked.ID, WeightPercent: rat("60"), Direction: measure.Higher,
				Curve: measure.Curve{Type: measure.Threshold, Target: rat("80")}},
			{ID: "I2", Name: "Same worker (trend)", MeasureID: linked.ID, WeightPercent: rat("30"), Direction: measure.Higher,
				Curve: measure.Curve{Type: measure.Linear, ZeroAt: rat("60"), FullAt: rat("80")}},
		}}
		due := map[string]string{"2027-Q1": "2027-07-31", "2027-Q2": "2027-10-31"}
		if err := db.SetPaymentProfile(actx, c.ID, prof, due); apperr.Code(err) != apperr.Invalid || !strings.Contains(err.Error(), "90") {
			t.Fatalf("weights adding to 90: %v", err)
		}
		prof.Indicators[1].WeightPercent = rat("40")
		if err := db.SetPaymentProfile(actx, c.ID, prof, due); err != nil {
			t.Fatal(err)
		}
		reports := []measure.Report{{Period: "2027-Q1", Indicator: "I1", Value: rat("85")}, {Period: "2027-Q1", Indicator: "I2", Value: rat("60")},
			{Period: "2027-Q2", Indicator: "I1", Value: rat("79")}}
		if err := db.SubmitReports(actx, c.ID, append(reports, measure.Report{Period: "2027-Q9", Indicator: "I1", Value: rat("1")})); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("unknown period accepted: %v", err)
		}
		if err := db.SubmitReports(actx, c.ID, reports); err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Hour)
		if err := db.SubmitReports(actx, c.ID, []measure.Report{{Period: "2027-Q1", Indicator: "I2", Value: rat("70")}}); err != nil {
			t.Fatal(err)
		}
		if err := db.SetPaymentProfile(actx, c.ID, prof, due); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("profile changed after reports: %v", err)
		}
		c, err = db.ContractByID(ctx, c.ID)
		if err != nil || c.Profile == nil || c.Due["2027-Q2"] != "2027-10-31" || len(c.Indicators) != 1 {
			t.Fatalf("contract = %+v, %v", c, err)
		}
		stored, err := db.ContractReports(ctx, c.ID)
		if err != nil || len(stored) != 3 || stored[1].Indicator != "I2" || stored[1].Value.Cmp(rat("70")) != 0 ||
			stored[1].At.Sub(stored[1].FirstAt) < time.Hour || !stored[0].At.Equal(stored[0].FirstAt) {
			t.Fatalf("reports = %+v, %v", stored, err)
		}
		var rs []measure.Report
		for _, s := range stored {
			rs = append(rs, s.Report)
		}
		res, err := measure.Calculate(c.Profile, rs)
		if err != nil {
			t.Fatal(err)
		}
		// £120,000 × 2.5% = £3,000 at risk, £1,500 a period. Q1: I1 85 ≥ 80
		// pays 60% = £900; I2 70 is half way from 60 to 80, 50% of 40% = £300.
		// Q2: I1 79 < 80 pays nothing; I2 missing pays nothing.
		if res.AtRiskPence != 300_000 || res.TotalPence != 120_000 || res.Periods[0].TotalPence != 120_000 ||
			res.Periods[0].Indicators[1].PaymentPence != 30_000 || res.Periods[1].TotalPence != 0 ||
			res.Periods[1].Indicators[1].Status != measure.Missing || res.Periods[0].Rating != measure.ApproachingTarget {
			t.Fatalf("result = %+v", res)
		}
		evs, _ := db.AuditEvents(ctx, audit.Filter{ObjectType: "contract", ObjectID: c.ID, Limit: 50})
		count := map[string]int{}
		for _, e := range evs {
			count[e.Action]++
		}
		if count["contract.create"] != 1 || count["contract.profile"] != 1 || count["contract.report"] != 3 || count["contract.report_correct"] != 1 {
			t.Fatalf("audit actions = %v", count)
		}
	})
}
