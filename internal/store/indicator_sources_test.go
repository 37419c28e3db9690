package store_test

import (
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/computed"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/training"
)

// TestComputedIndicatorsPay: a contract for January to June 2026 in two
// quarters, £100,000 with 10% at risk (£5,000 a quarter, £2,500 for each
// of two indicators), judged on 1 June 2026.
//
// I1, threshold 80: crisis referrals to Voices Together offered support
// within 72 hours. Q1: contact after exactly 72 hours (within) and after
// 73 hours (not): 1 of 2 = 50%, pays nothing, although the provider typed
// 95. Q2: after 2 and 30 hours: 2 of 2 = 100%, pays £2,500.
//
// I2, linear from 0 to 50: Riverside's support workers trained, of the 8
// it declares. Q1: 2 trained on 10 February = 25%, half of £2,500 =
// £1,250. Q2 so far: 2 more on 14 April, 4 of 8 = 50%, pays £2,500.
//
// Total £6,250.
func TestComputedIndicatorsPay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		uloID, _, clock := peerFixture(t, db) // 1 June 2026
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		utc := func(s string) time.Time { x, err := time.Parse(time.RFC3339, s); must(err); return x }
		for _, x := range []struct {
			referred string
			after    time.Duration
		}{{"2026-02-02T10:00:00Z", 72 * time.Hour}, {"2026-03-02T10:00:00Z", 73 * time.Hour},
			{"2026-04-06T10:00:00Z", 2 * time.Hour}, {"2026-05-04T10:00:00Z", 30 * time.Hour}} {
			*clock = utc(x.referred) // a referral is recorded when it arrives
			id, err := db.CreateReferral(ctx, crisisReferral(uloID), "", utc(x.referred))
			must(err)
			*clock = utc(x.referred).Add(x.after)
			must(db.FirstContact(ctx, id, *clock))
		}
		*clock = utc("2026-06-01T09:00:00Z")

		r, lead := roundFixture(t, db)
		actx := audit.WithActor(ctx, lead.ID)
		mem := addMember(t, db, r.ID, "Robin", "Robin A", round.ConsentTakePart, round.ConsentSharePseudonym)
		st, err := db.AddStatement(ctx, r.ID, evidence.NewStatement{MemberID: mem.ID, Body: "Someone who has been there talks to me soon after a crisis"})
		must(err)
		m := &measure.Measure{RoundID: r.ID, Kind: measure.Process, Title: "Peer support in time", PlainEnglish: "Offered peer support in time.",
			EasyRead: "Help from someone like you, soon.", Numerator: "people offered peer support within the standard", Denominator: "people referred",
			DataSource: "Coprod's peer support records", Frequency: measure.Quarterly, Target: rat("80"), Direction: measure.Higher,
			Links: []measure.EvidenceLink{{Kind: measure.FromVision, ID: st.ID}}}
		must(db.CreateMeasure(actx, m))
		groupPasses(t, db, r.ID, lead.ID, shiftClock(db), round.NewProposal{Kind: round.KindSignOffMeasure, MeasureID: m.ID})
		spec, err := db.CreateSpecification(actx, r.ID, "Peer support specification")
		must(err)
		_, err = db.AddSpecVersion(actx, r.ID, spec.ID, map[measure.SectionKey]string{measure.SectionAims: "Peer support in time."}, []string{m.ID})
		must(err)
		groupPasses(t, db, r.ID, lead.ID, shiftClock(db), round.NewProposal{Kind: round.KindSignOffSpec, SpecID: spec.ID, SpecVersion: "1"})
		prov, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Riverside Care", Kind: auth.KindProvider})
		must(err)
		n := measure.NewContract{RoundID: r.ID, Title: "Peer support and training", ProviderOrgID: prov.ID, StartsOn: "2026-01-01",
			EndsOn: "2026-06-30", Value: "100,000", SpecID: spec.ID, VersionNumber: 1}
		must(n.Validate())
		c, err := db.CreateContract(actx, n)
		must(err)
		if err := db.SetIndicatorSources(actx, c.ID, []computed.Source{{Indicator: "I1", Kind: computed.TrainingReach}}); apperr.Code(err) != apperr.Conflict {
			t.Errorf("sources before the profile: %v", err)
		}
		must(db.SetPaymentProfile(actx, c.ID, &measure.Profile{AtRiskPercent: rat("10"), Periods: []string{"2026-Q1", "2026-Q2"},
			Indicators: []measure.Indicator{
				{ID: "I1", Name: "Peer support in time", MeasureID: m.ID, WeightPercent: rat("50"), Direction: measure.Higher,
					Curve: measure.Curve{Type: measure.Threshold, Target: rat("80")}},
				{ID: "I2", Name: "Support workers trained", MeasureID: m.ID, WeightPercent: rat("50"), Direction: measure.Higher,
					Curve: measure.Curve{Type: measure.Linear, ZeroAt: rat("0"), FullAt: rat("50")}},
			}}, nil))

		must(db.SetStaffing(ctx, training.Staffing{OrgID: prov.ID, Role: "Support worker", Declared: 8}))
		cid, err := db.CreateCourse(ctx, uloID, training.NewCourse{Title: "A patient's journey", About: "Told by the patient.", Questions: "How confident are you?"})
		must(err)
		for _, s := range []struct {
			at     string
			people []string
		}{{"2026-02-10T09:30:00Z", []string{"Ana", "Ben"}}, {"2026-04-14T09:30:00Z", []string{"Cy", "Di"}}} {
			sid, err := db.AddSession(ctx, cid, training.NewSession{StartsAt: utc(s.at), Place: "Riverside hall", Trainers: "Sky"})
			must(err)
			for _, p := range s.people {
				_, err := db.AddAttendee(ctx, sid, training.NewAttendee{Name: p, OrgID: prov.ID, Role: "support worker"}, "")
				must(err)
			}
		}

		for _, bad := range [][]computed.Source{
			{{Indicator: "I9", Kind: computed.TrainingReach}},
			{{Indicator: "I1", Kind: computed.PeerWithin, OrgID: uloID, Trigger: peer.TriggerDischarge}},
			{{Indicator: "I1", Kind: computed.PeerWithin}},
		} {
			if err := db.SetIndicatorSources(actx, c.ID, bad); len(apperr.FieldsOf(err)) != 1 {
				t.Errorf("sources %+v: %v, want one field error", bad, err)
			}
		}
		must(db.SetIndicatorSources(actx, c.ID, []computed.Source{
			{Indicator: "I2", Kind: computed.TrainingReach, Role: " Support worker "},
			{Indicator: "I1", Kind: computed.PeerWithin, OrgID: uloID, Trigger: peer.TriggerCrisis},
		}))
		srcs, err := db.IndicatorSources(ctx, c.ID)
		must(err)
		if len(srcs) != 2 || srcs[0].Indicator != "I1" || srcs[0].OrgName != "Voices Together" || srcs[1].Role != "Support worker" {
			t.Fatalf("sources = %+v", srcs)
		}
		must(db.SubmitReports(audit.WithActor(ctx, lead.ID), c.ID, []measure.Report{{Period: "2026-Q1", Indicator: "I1", Value: rat("95")}}))

		c, err = db.ContractByID(ctx, c.ID)
		must(err)
		vals, err := computed.Values(ctx, db, c, srcs, *clock)
		must(err)
		stored, err := db.ContractReports(ctx, c.ID)
		must(err)
		var typed []measure.Report
		for _, s := range stored {
			typed = append(typed, s.Report)
		}
		res, err := measure.Calculate(c.Profile, computed.Reports(typed, vals))
		must(err)
		pay := func(p, i int) int64 { return res.Periods[p].Indicators[i].PaymentPence }
		if v := vals["I1"]; v[0].Part != 1 || v[0].Whole != 2 || v[1].Part != 2 || v[1].Whole != 2 {
			t.Errorf("I1 = %+v", v)
		}
		if v := vals["I2"]; v[0].Part != 2 || v[0].Whole != 8 || v[1].Part != 4 || v[1].Whole != 8 {
			t.Errorf("I2 = %+v", v)
		}
		if pay(0, 0) != 0 || pay(0, 1) != 125_000 || pay(1, 0) != 250_000 || pay(1, 1) != 250_000 || res.TotalPence != 625_000 {
			t.Errorf("payments Q1 %d %d, Q2 %d %d, total %d; want 0 125000, 250000 250000, 625000", pay(0, 0), pay(0, 1), pay(1, 0), pay(1, 1), res.TotalPence)
		}
		evs, _ := db.AuditEvents(ctx, audit.Filter{ObjectType: "contract", ObjectID: c.ID, Action: "contract.indicator_sources", Limit: 5})
		if len(evs) != 1 {
			t.Errorf("%d audit events for the sources, want 1", len(evs))
		}
	})
}
