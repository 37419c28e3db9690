package demo

import (
	"context"
	"math/big"
	"strconv"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
)

// The demo round's measures, specification, contract and reports. With the
// profile below the payments work out by hand as follows (£1,200,000 a
// year, 2.5% at risk: £30,000, £7,500 a quarter; I1 40% = £3,000,
// I2 30% = £2,250, I3 30% = £2,250 a quarter):
//
//	2027-Q1  I1 64 → 20% £600     I2 70 → £0      I3 90 → £0         £600      inadequate (8%)
//	2027-Q2  I1 72 → 60% £1,800   I2 76 → £2,250  I3 45 → 50% £1,125 £5,175    requires improvement (69%)
//	2027-Q3  I1 81 → £3,000       I2 78 → £2,250  I3 27 → £2,250     £7,500    good (100%)
//	2027-Q4  no reports (missing)                                    £0        not rated
//	                                                          total  £13,275
const (
	DemoContract      = "Children and young people's mental health support, 2027 to 2028"
	DemoContractTotal = 1_327_500 // pence
	DemoSpecification = "Children and young people's mental health support: service specification"
)

var demoMeasures = []struct {
	m      measure.Measure
	vision []string // bodies of the statements behind it
	factor string   // description of a factor behind it
	// votes are the group's responses to the proposal to sign it off;
	// nil: not put to the group (it is still a draft).
	votes []vote
}{
	{measure.Measure{Kind: measure.Experience, Title: "Help the same day in a crisis",
		PlainEnglish: "The share of young people in crisis who say they got help on the same day.",
		EasyRead:     "We ask young people in crisis:\nDid you get help the same day?\nWe count how many say yes.",
		Question:     "When you were in crisis, did you get help on the same day?",
		Options:      []measure.ResponseOption{{Label: "Yes, every time", Positive: true}, {Label: "Yes, some of the time", Positive: true}, {Label: "No"}},
		Frequency:    measure.Quarterly, Target: big.NewRat(80, 1), Direction: measure.Higher},
		[]string{"I get help the same day when I am in crisis"}, "", []vote{
			{who: "Robin", answer: round.AnswerAgree}, {who: "Sky", answer: round.AnswerAgree},
			{who: "Ash", answer: round.AnswerAgree, given: "2026-11-09"}, {who: "Nia", answer: round.AnswerAgree, given: "2026-11-09"}}},
	{measure.Measure{Kind: measure.Outcome, Title: "The same worker each time",
		PlainEnglish: "The share of young people who saw the same named worker at every appointment.",
		EasyRead:     "You see the same person each time.\nWe count how often this happens.",
		Numerator:    "young people who saw the same named worker at every appointment", Denominator: "young people supported",
		DataSource: "the provider's case records", Frequency: measure.Quarterly, Baseline: big.NewRat(40, 1), Target: big.NewRat(75, 1),
		Direction: measure.Higher},
		[]string{"I see the same person each time, who knows my story"}, "Having one trusted adult who knows me and does not change", []vote{
			{who: "Robin", answer: round.AnswerAgree, reason: "This is the thing that matters most to me."}, {who: "Sky", answer: round.AnswerAgree},
			{who: "Ash", answer: round.AnswerAgree, given: "2026-11-09"}, {who: "Nia", answer: round.AnswerNotSure, given: "2026-11-09"}}},
	{measure.Measure{Kind: measure.Process, Title: "Days to a first appointment",
		PlainEnglish: "How many days young people wait from referral to their first appointment (the median).",
		EasyRead:     "How long you wait to see someone.\nShorter is better.",
		Numerator:    "median days from referral to first appointment", DataSource: "the referral system",
		Frequency: measure.Quarterly, Baseline: big.NewRat(270, 1), Target: big.NewRat(28, 1), Direction: measure.Lower},
		[]string{"I choose when, where and how I get support, in my own language"}, "", []vote{
			{who: "Robin", answer: round.AnswerAgree}, {who: "Sky", answer: round.AnswerDisagree, reason: "Waiting is not the only thing; the first appointment must help."},
			{who: "Ash", answer: round.AnswerAgree, given: "2026-11-09"}, {who: "Nia", answer: round.AnswerAgree, given: "2026-11-09"}}},
	{measure.Measure{Kind: measure.Outcome, Title: "Support in the evening",
		PlainEnglish: "The share of support sessions offered after 6pm.", EasyRead: "Help is open in the evening.",
		Frequency: measure.Quarterly, Target: big.NewRat(30, 1), Direction: measure.Higher}, nil, "", nil},
}

var demoSpecText = []map[measure.SectionKey]string{{
	measure.SectionAims:               "Young people aged 11 to 25 in Bristol get mental health support quickly, from people who know them.",
	measure.SectionOutcomes:           "Young people feel listened to and get help when they need it.",
	measure.SectionServiceDescription: "A community service with named workers, open on weekdays.",
	measure.SectionAccess:             "Appointments in person or online. Interpreters on request.",
	measure.SectionReporting:          "The provider reports every quarter, within a month of its end.",
	measure.SectionPayment:            "2.5% of the contract value depends on the indicators.",
}, {
	measure.SectionAims:               "Young people aged 11 to 25 in Bristol get mental health support the same day in a crisis, from people who know them.",
	measure.SectionOutcomes:           "Young people feel listened to, choose how they get support, and get help when they need it.",
	measure.SectionServiceDescription: "A community service with named workers, open on weekdays and in the evening, with a same-day crisis response.",
	measure.SectionAccess:             "Appointments in person, online or by text, at a time the young person chooses. BSL and community language interpreters are booked without being asked twice.",
	measure.SectionReporting:          "The provider reports every quarter, within a month of its end.",
	measure.SectionPayment:            "2.5% of the contract value depends on the indicators, paid quarterly.",
}}

// seedMeasures writes the demo round's measures after the group's vision
// sessions, three signed off by the group's decisions (decisions.go), a
// specification in two versions, the second signed off by the group, and
// a contract with Riverside Community Support adopting it, with three of
// four quarters reported.
func seedMeasures(ctx context.Context, s Store, providerOrgID string) error {
	ids := map[string]string{}
	for _, email := range []string{"commissioner@demo.test", "facilitator@demo.test", "provider@demo.test"} {
		u, err := s.UserByEmail(ctx, email)
		if err != nil {
			return err
		}
		ids[email] = u.ID
	}
	commissioner := audit.WithActor(ctx, ids["commissioner@demo.test"])
	provider := audit.WithActor(ctx, ids["provider@demo.test"])
	rd, err := demoRound(ctx, s, ids["commissioner@demo.test"])
	if err != nil {
		return err
	}
	statements, err := s.Statements(ctx, rd.ID, round.Group, "")
	if err != nil {
		return err
	}
	factors, err := s.Factors(ctx, rd.ID, round.Group, "")
	if err != nil {
		return err
	}
	var signed []string
	var spec *measure.Specification
	var v2 *measure.Version
	err = onClock(s, func(db *store.DB, at func(time.Time), _ func() time.Time) error {
		g, err := newDemoGroup(ctx, db, at, rd.ID)
		if err != nil {
			return err
		}
		for _, dm := range demoMeasures {
			at(day("2026-11-06", 10))
			id, err := createDemoMeasure(commissioner, s, rd.ID, dm.m, dm.vision, dm.factor, statements, factors)
			if err != nil {
				return err
			}
			if dm.votes == nil {
				continue
			}
			n := round.NewProposal{Kind: round.KindSignOffMeasure, MeasureID: id, Title: "Sign off the measure: " + dm.m.Title,
				PlainEnglish: "Does this measure say what matters to us, so that it can go into the service specification and the contract?",
				EasyRead:     "Is this measure right for us?\nIf we say yes, it goes into the contract."}
			if _, err := g.decide(ids["facilitator@demo.test"], n, day("2026-11-06", 11), day("2026-11-13", 17), dm.votes); err != nil {
				return err
			}
			signed = append(signed, id)
		}
		at(day("2026-11-16", 10))
		if spec, err = s.CreateSpecification(commissioner, rd.ID, DemoSpecification); err != nil {
			return err
		}
		if _, err := s.AddSpecVersion(commissioner, rd.ID, spec.ID, demoSpecText[0], signed[:2]); err != nil {
			return err
		}
		at(day("2026-11-17", 10))
		if v2, err = s.AddSpecVersion(commissioner, rd.ID, spec.ID, demoSpecText[1], signed); err != nil {
			return err
		}
		n := round.NewProposal{Kind: round.KindSignOffSpec, SpecID: spec.ID, SpecVersion: strconv.Itoa(v2.Number),
			Title:        "Sign off version 2 of the service specification",
			PlainEnglish: "Version 2 adds a same-day crisis response, evening opening and our three measures. Do we agree it, so that contracts can use it?",
			EasyRead:     "This is the new plan for the service.\nIt has help the same day in a crisis.\nIt is open in the evening.\nIs it right?"}
		_, err = g.decide(ids["facilitator@demo.test"], n, day("2026-11-17", 11), day("2026-11-24", 17), []vote{
			{who: "Robin", answer: round.AnswerAgree}, {who: "Sky", answer: round.AnswerAgree, reason: "Evening opening is what we asked for."},
			{who: "Ollie", answer: round.AnswerAgree, given: "2026-11-19"}, {who: "Tam", answer: round.AnswerAgree, given: "2026-11-19"},
			{who: "Kai", answer: round.AnswerNotSure, reason: "I want interpreters for every language, not only some.", given: "2026-11-19"}})
		return err
	})
	if err != nil {
		return err
	}
	n := measure.NewContract{RoundID: rd.ID, Title: DemoContract, ProviderOrgID: providerOrgID, StartsOn: "2027-04-01",
		EndsOn: "2028-03-31", Value: "1,200,000", SpecID: spec.ID, VersionNumber: v2.Number}
	if err := n.Validate(); err != nil {
		return err
	}
	c, err := s.CreateContract(commissioner, n)
	if err != nil {
		return err
	}
	d := func(s string) *big.Rat { r, _ := measure.ParseDecimal(s); return r }
	p := &measure.Profile{AtRiskPercent: d("2.5"), Periods: []string{"2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"},
		Indicators: []measure.Indicator{
			{ID: "I1", Name: "Help the same day in a crisis", MeasureID: signed[0], WeightPercent: d("40"), Direction: measure.Higher,
				Curve: measure.Curve{Type: measure.Linear, ZeroAt: d("60"), FullAt: d("80")}},
			{ID: "I2", Name: "The same worker each time", MeasureID: signed[1], WeightPercent: d("30"), Direction: measure.Higher,
				Curve: measure.Curve{Type: measure.Threshold, Target: d("75")}},
			{ID: "I3", Name: "Days to a first appointment", MeasureID: signed[2], WeightPercent: d("30"), Direction: measure.Lower,
				Curve: measure.Curve{Type: measure.Banded, Bands: []measure.Band{{Reach: d("56"), PayPercent: d("50")}, {Reach: d("28"), PayPercent: d("100")}}}},
		}}
	due := map[string]string{"2027-Q1": "2027-07-31", "2027-Q2": "2027-10-31", "2027-Q3": "2028-01-31", "2027-Q4": "2028-04-30"}
	if err := s.SetPaymentProfile(commissioner, c.ID, p, due); err != nil {
		return err
	}
	var reports []measure.Report
	for _, x := range []struct{ period, i1, i2, i3 string }{{"2027-Q1", "64", "70", "90"}, {"2027-Q2", "72", "76", "45"}, {"2027-Q3", "81", "78", "27"}} {
		reports = append(reports, measure.Report{Period: x.period, Indicator: "I1", Value: d(x.i1)},
			measure.Report{Period: x.period, Indicator: "I2", Value: d(x.i2)}, measure.Report{Period: x.period, Indicator: "I3", Value: d(x.i3)})
	}
	return s.SubmitReports(provider, c.ID, reports)
}

// createDemoMeasure writes one measure linked to the vision statements
// and factor named, and returns its id.
func createDemoMeasure(commissioner context.Context, s Store, roundID string, m measure.Measure, vision []string, factor string,
	statements []evidence.Statement, factors []evidence.Factor) (string, error) {
	m.RoundID = roundID
	for _, st := range statements {
		for _, body := range vision {
			if st.Body == body {
				m.Links = append(m.Links, measure.EvidenceLink{Kind: measure.FromVision, ID: st.ID})
			}
		}
	}
	for _, f := range factors {
		if factor != "" && f.Description == factor {
			m.Links = append(m.Links, measure.EvidenceLink{Kind: measure.FromFactor, ID: f.ID})
		}
	}
	if err := m.Validate(); err != nil {
		return "", err
	}
	if err := s.CreateMeasure(commissioner, &m); err != nil {
		return "", err
	}
	return m.ID, nil
}
