package demo

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/computed"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
)

// Names of the demo's contract paid on computed indicators, for tests.
const (
	DemoComputedSpec     = "Peer support and staff training: service specification"
	DemoComputedContract = "Peer support and staff training, this winter"
)

// seedComputed gives the demo round two more measures the group signs off
// (peer support offered in time after a crisis; staff trained by people
// with lived experience), a specification of them the group signs off,
// and a contract with Riverside Community Support over the last three
// months whose two indicators are computed from Voices Together's crisis
// referrals and Riverside's support workers' training, not typed.
func seedComputed(ctx context.Context, s Store, providerOrgID, uloID string) error {
	com, err := s.UserByEmail(ctx, "commissioner@demo.test")
	if err != nil {
		return err
	}
	fac, err := s.UserByEmail(ctx, "facilitator@demo.test")
	if err != nil {
		return err
	}
	commissioner := audit.WithActor(ctx, com.ID)
	rd, err := demoRound(ctx, s, com.ID)
	if err != nil {
		return err
	}
	statements, err := s.Statements(ctx, rd.ID, round.Group, "")
	if err != nil {
		return err
	}
	ms := []measure.Measure{
		{Kind: measure.Process, Title: "Peer support offered in time after a crisis",
			PlainEnglish: "The share of young people referred after a crisis who were offered peer support within 72 hours.",
			EasyRead:     "After a crisis, someone who has been there too gets in touch.\nWe count how many hear from them within 3 days.",
			Numerator:    "young people offered peer support within 72 hours of a crisis referral", Denominator: "young people referred after a crisis",
			DataSource: "Voices Together's peer support records in Coprod", Frequency: measure.Monthly, Target: big.NewRat(80, 1), Direction: measure.Higher},
		{Kind: measure.Process, Title: "Support workers trained by young people",
			PlainEnglish: "The share of the provider's support workers trained by people with lived experience.",
			EasyRead:     "Young people teach the staff.\nWe count how many staff learned from them.",
			Numerator:    "support workers trained by people with lived experience", Denominator: "support workers",
			DataSource: "training records in Coprod", Frequency: measure.Monthly, Target: big.NewRat(25, 1), Direction: measure.Higher},
	}
	vision := []string{"I meet other young people who understand", "I am asked what is wrong, not punished for it"}
	// agree is the group agreeing: two on the site, two at the session on
	// the day given.
	agree := func(given string) []vote {
		return []vote{{who: "Robin", answer: round.AnswerAgree}, {who: "Sky", answer: round.AnswerAgree},
			{who: "Ash", answer: round.AnswerAgree, given: given}, {who: "Nia", answer: round.AnswerAgree, given: given}}
	}
	var spec *measure.Specification
	var ids []string // the measures, signed off
	err = onClock(s, func(db *store.DB, at func(time.Time), _ func() time.Time) error {
		g, err := newDemoGroup(ctx, db, at, rd.ID)
		if err != nil {
			return err
		}
		for i := range ms {
			at(day("2026-11-17", 10))
			m := ms[i]
			m.RoundID = rd.ID
			for _, st := range statements {
				if st.Body == vision[i] {
					m.Links = append(m.Links, measure.EvidenceLink{Kind: measure.FromVision, ID: st.ID})
				}
			}
			if err := s.CreateMeasure(commissioner, &m); err != nil {
				return err
			}
			n := round.NewProposal{Kind: round.KindSignOffMeasure, MeasureID: m.ID, Title: "Sign off the measure: " + m.Title,
				PlainEnglish: "Does this measure say what matters to us, so that it can go into a contract?",
				EasyRead:     "Is this measure right for us?\nIf we say yes, it goes into a contract."}
			if _, err := g.decide(fac.ID, n, day("2026-11-17", 11), day("2026-11-24", 17), agree("2026-11-19")); err != nil {
				return err
			}
			ids = append(ids, m.ID)
		}
		at(day("2026-11-25", 10))
		if spec, err = s.CreateSpecification(commissioner, rd.ID, DemoComputedSpec); err != nil {
			return err
		}
		if _, err := s.AddSpecVersion(commissioner, rd.ID, spec.ID, map[measure.SectionKey]string{
			measure.SectionAims:               "Young people who have been in crisis hear from someone who has been there too, and the staff who support them have learned from young people.",
			measure.SectionServiceDescription: "The provider refers young people in crisis to Voices Together's peer support, and sends its support workers to training led by young people.",
			measure.SectionReporting:          "Both indicators are counted from Coprod's own records every month; the provider types nothing.",
		}, ids); err != nil {
			return err
		}
		_, err = g.decide(fac.ID, round.NewProposal{Kind: round.KindSignOffSpec, SpecID: spec.ID, SpecVersion: "1",
			Title:        "Sign off the peer support and training specification",
			PlainEnglish: "It pays the provider for getting young people peer support quickly after a crisis and for staff trained by young people. Do we agree it?",
			EasyRead:     "This plan pays for help from people like us.\nIs it right?"}, day("2026-11-25", 11), day("2026-12-01", 17), agree("2026-11-26"))
		return err
	})
	if err != nil {
		return err
	}
	// The last three whole months up to the end of this one, in UK time, so
	// the demo's referrals and training fall inside whenever it is run.
	now := time.Now().In(round.London)
	first := time.Date(now.Year(), now.Month()-2, 1, 0, 0, 0, 0, round.London)
	var periods []string
	for i := range 3 {
		periods = append(periods, first.AddDate(0, i, 0).Format("2006-01"))
	}
	n := measure.NewContract{RoundID: rd.ID, Title: DemoComputedContract, ProviderOrgID: providerOrgID, StartsOn: first.Format(time.DateOnly),
		EndsOn: first.AddDate(0, 3, -1).Format(time.DateOnly), Value: "60,000", SpecID: spec.ID, VersionNumber: 1}
	if err := n.Validate(); err != nil {
		return err
	}
	c, err := s.CreateContract(commissioner, n)
	if err != nil {
		return err
	}
	d := func(s string) *big.Rat { r, _ := measure.ParseDecimal(s); return r }
	p := &measure.Profile{AtRiskPercent: d("5"), Periods: periods, Indicators: []measure.Indicator{
		{ID: "I1", Name: "Peer support offered in time after a crisis", MeasureID: ids[0], WeightPercent: d("50"),
			Direction: measure.Higher, Curve: measure.Curve{Type: measure.Threshold, Target: d("80")}},
		{ID: "I2", Name: "Support workers trained by young people", MeasureID: ids[1], WeightPercent: d("50"),
			Direction: measure.Higher, Curve: measure.Curve{Type: measure.Linear, ZeroAt: d("0"), FullAt: d("25")}},
	}}
	if err := s.SetPaymentProfile(commissioner, c.ID, p, nil); err != nil {
		return err
	}
	return s.SetIndicatorSources(commissioner, c.ID, []computed.Source{
		{Indicator: "I1", Kind: computed.PeerWithin, OrgID: uloID, Trigger: peer.TriggerCrisis},
		{Indicator: "I2", Kind: computed.TrainingReach, Role: "Support worker"},
	})
}

// demoRound is the demo's round, as its commissioner lists it.
func demoRound(ctx context.Context, s Store, commissionerID string) (*round.Round, error) {
	rounds, _, err := s.ListRounds(ctx, round.Query{UserID: commissionerID, Limit: 200})
	if err != nil {
		return nil, err
	}
	for i := range rounds {
		if rounds[i].Title == "Children and young people's mental health" {
			return &rounds[i], nil
		}
	}
	return nil, fmt.Errorf("demo: the demo round is missing")
}
