package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/tender"
)

// The demo round's group decides what is its to decide: the measures and
// the specification version it signs off, the questions it scores in each
// tender, and a commissioner's request to lower its stake (not passed).
// Eight members take part and the rule is majority with a quorum of half
// of them, so four must respond: Robin and Sky answer on the site, and the
// facilitator records what others said at a session or on the phone.

// onClock runs steps on the store's clock, set by at to each step's time,
// and puts the clock back after; now is the store's own clock, for steps
// that must happen at the time the demo runs. Decisions and tenders need
// time to pass between steps: a proposal is counted only after it closes.
func onClock(s Store, steps func(db *store.DB, at func(time.Time), now func() time.Time) error) error {
	db, ok := s.(*store.DB)
	if !ok {
		return errors.New("demo: the group's decisions and the tenders need the store's clock")
	}
	saved := db.Now
	defer func() { db.Now = saved }()
	var clock time.Time
	db.Now = func() time.Time { return clock }
	return steps(db, func(t time.Time) { clock = t }, saved)
}

// vote is one member's response to a demo proposal.
type vote struct {
	who    string // the member's group name
	answer round.Answer
	reason string
	// given is the date (YYYY-MM-DD) the member gave it in person, which
	// the facilitator records that evening; "" when they answer on the site.
	given string
}

// demoGroup puts proposals to the demo round's group.
type demoGroup struct {
	db          *store.DB
	at          func(time.Time)
	roundID     string
	facilitator context.Context
	users       map[string]string // group name → user id, for members with an account
	members     map[string]string // group name → member id
}

func newDemoGroup(ctx context.Context, db *store.DB, at func(time.Time), roundID string) (*demoGroup, error) {
	g := &demoGroup{db: db, at: at, roundID: roundID, users: map[string]string{}, members: map[string]string{}}
	fac, err := db.UserByEmail(ctx, "facilitator@demo.test")
	if err != nil {
		return nil, err
	}
	g.facilitator = audit.WithActor(ctx, fac.ID)
	ms, err := db.RoundMembers(g.facilitator, roundID, round.Facilitators)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		g.members[m.Pseudonym] = m.ID
		if m.UserID != "" {
			g.users[m.Pseudonym] = m.UserID
		}
	}
	return g, nil
}

// propose puts n to the group at opens (set on the clock), open until
// closes; both are entered in UK time, as a person would type them.
func (g *demoGroup) propose(by string, n round.NewProposal, opens, closes time.Time) (*round.Proposal, error) {
	g.at(opens)
	n.ProposedBy = by
	n.OpensDate, n.OpensTime = round.LondonDate(opens), opens.In(round.London).Format("15:04")
	n.ClosesDate, n.ClosesTime = round.LondonDate(closes), closes.In(round.London).Format("15:04")
	p, err := g.db.CreateProposal(audit.WithActor(g.facilitator, by), g.roundID, n)
	if err != nil {
		return nil, fmt.Errorf("demo: proposing %q: %w", n.Title, err)
	}
	return p, nil
}

// answer records the votes: those on the site an hour apart from from,
// those given in person on their day, in the evening.
func (g *demoGroup) answer(p *round.Proposal, from time.Time, votes []vote) error {
	for i, v := range votes {
		r := round.NewResponse{Answer: v.answer, Reason: v.reason}
		var err error
		if v.given == "" {
			g.at(from.Add(time.Duration(i) * time.Hour))
			err = g.db.Respond(audit.WithActor(g.facilitator, g.users[v.who]), g.roundID, p.ID, g.users[v.who], r)
		} else {
			r.GivenOn = v.given
			g.at(day(v.given, 19))
			err = g.db.RecordInPerson(g.facilitator, g.roundID, p.ID, g.members[v.who], r)
		}
		if err != nil {
			return fmt.Errorf("demo: %s answering %q: %w", v.who, p.Title, err)
		}
	}
	return nil
}

// decide puts a proposal to the group, records the votes from a day after
// it opens, counts it half an hour after it closes and, when it passed and
// changes something now, carries it out. An agreement of a tender's
// questions is carried out by publishing the tender.
func (g *demoGroup) decide(by string, n round.NewProposal, opens, closes time.Time, votes []vote) (*round.Proposal, error) {
	p, err := g.propose(by, n, opens, closes)
	if err != nil {
		return nil, err
	}
	if err := g.answer(p, opens.Add(24*time.Hour), votes); err != nil {
		return nil, err
	}
	g.at(closes.Add(30 * time.Minute))
	o, err := g.db.CloseProposal(g.facilitator, g.roundID, p.ID)
	if err != nil {
		return nil, fmt.Errorf("demo: counting %q: %w", p.Title, err)
	}
	if o.Passed && p.Kind != round.KindAgreeTender && p.Kind != round.KindQuestion {
		g.at(closes.Add(45 * time.Minute))
		if err := g.db.CarryOut(g.facilitator, g.roundID, p.ID); err != nil {
			return nil, fmt.Errorf("demo: carrying out %q: %w", p.Title, err)
		}
	}
	return p, nil
}

// seedDecisions adds the decisions that are not about measures or the
// demo tenders: the commissioner's request to lower the stake, which the
// group did not pass, and a third tender, still a draft, whose questions
// are put to the group now, open for two weeks from when the demo runs.
func seedDecisions(ctx context.Context, s Store) error {
	return onClock(s, func(db *store.DB, at func(time.Time), now func() time.Time) error {
		rounds, _, err := db.ListRounds(ctx, round.Query{All: true, Limit: 10})
		if err != nil {
			return err
		}
		if len(rounds) == 0 {
			return errors.New("demo: no round for the group's decisions")
		}
		rd := rounds[0]
		g, err := newDemoGroup(ctx, db, at, rd.ID)
		if err != nil {
			return err
		}
		lead, err := db.UserByEmail(ctx, "commissioner@demo.test")
		if err != nil {
			return err
		}
		n := round.NewProposal{Kind: round.KindLowerStake, Stake: "15", Title: "Lower the group's stake to 15%",
			PlainEnglish: "The commissioning panel asks the group to score questions worth 15% of each tender instead of 20%, to leave more weight for price.",
			EasyRead:     "The council wants us to have less say.\nOur say would go down from 20 in 100 to 15 in 100.\nDo you agree?"}
		if _, err := g.decide(lead.ID, n, day("2026-10-20", 10), day("2026-10-27", 17), []vote{
			{who: "Robin", answer: round.AnswerDisagree, reason: "We were promised 20%. Price already has its own weight."},
			{who: "Sky", answer: round.AnswerDisagree},
			{who: "Ash", answer: round.AnswerDisagree, given: "2026-10-22"},
			{who: "Ollie", answer: round.AnswerAgree, given: "2026-10-22"}}); err != nil {
			return err
		}

		start := now()
		at(start)
		tn, err := db.CreateTender(audit.WithActor(ctx, lead.ID), rd.ID, "Moving on to adult services: support for young people aged 17 to 25")
		if err != nil {
			return err
		}
		itt := tn.ITT
		itt.PriceWeight, itt.Criteria = tenderPriceWeight, ittCriteria()
		itt.Deadlines = tender.Deadlines{Clarification: start.AddDate(0, 0, 42), Submission: start.AddDate(0, 0, 56)}
		if err := db.SaveITT(audit.WithActor(ctx, lead.ID), tn.ID, itt, ""); err != nil {
			return err
		}
		closes := start.AddDate(0, 0, 14).In(round.London)
		closes = time.Date(closes.Year(), closes.Month(), closes.Day(), 17, 0, 0, 0, round.London)
		p, err := g.propose(g.users["Robin"], agreeTender(tn.ID, tn.Title), start, closes)
		if err != nil {
			return err
		}
		return g.answer(p, start, []vote{{who: "Robin", answer: round.AnswerAgree, reason: "These are the questions we wrote together."}})
	})
}

// agreeTender is the proposal that the group agree the questions it will
// score in a tender, as its ITT stands when proposed.
func agreeTender(tenderID, title string) round.NewProposal {
	return round.NewProposal{Kind: round.KindAgreeTender, TenderID: tenderID, Title: "Agree the questions we score: " + title,
		PlainEnglish: "We score how young people will shape the service (16% of the marks) and half of how they will see the same worker each time (8%, shared with the commissioners): 20% in all, our stake. Do we agree these questions and weights?",
		EasyRead:     "We will give marks to the companies.\nWe mark 2 questions.\nThey are 20 in every 100 marks.\nAre these the right questions?"}
}
