package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/tender"
)

// The demo round's two tenders: one awarded (its standstill over), one in
// moderation (the commissioner panel has agreed its scores; the lived
// experience panel has not yet). Each runs the whole way through the store's
// tender service, acting as the person who would really do each step, so
// every step is in the audit log.
//
// A tender needs its deadlines to pass between bidding and scoring, so the
// store's clock is set to each step's date (in autumn 2026, alongside the
// round's group sessions) and put back afterwards (onClock).

// tenderPeople are the demo accounts the tenders add: a second bidder, an
// evaluator for the lived experience panel, and a chair for each panel.
// provider@demo.test bids for Riverside and evaluator@demo.test sits on the
// commissioner panel.
var tenderPeople = []struct {
	Login
	org string
}{
	{Login{auth.RoleProvider, "bidder2@demo.test", "Dana Brooks (bidder)"}, "provider2"},
	{Login{auth.RoleEvaluator, "evaluator2@demo.test", "Kim Adebayo (lived experience panel)"}, "ulo"},
	{Login{auth.RoleEvaluator, "chair@demo.test", "Pat Reid (commissioner panel chair)"}, "icb"},
	{Login{auth.RoleEvaluator, "chair2@demo.test", "Lee Carter (lived experience panel chair)"}, "ulo"},
}

// demoTender is one tender of the demo and how far it gets.
type demoTender struct {
	title string
	// The group is asked to agree its questions from 10 days before it is
	// published until agreed; votes are its responses.
	agreed    time.Time
	votes     []vote
	published time.Time // clarification closes 2 weeks on, bids 4 weeks on
	bidOn     time.Time // both bids are submitted
	scoreOn   time.Time // declarations and scores, after the deadline
	moderate  time.Time // moderation opens
	awardOn   time.Time // zero: left in moderation
	question  [2]string // asked by the second bidder, answered to all
	prices    [2]int64  // pence: Riverside, Brightpath
	answers   [2]string
	// scores[bidder][panel evaluator, chair][criterion] in ittCriteria order;
	// -1 where the panel does not score the criterion.
	scores [2][2][2][4]int
}

// tenderPriceWeight is the demo tenders' weight for price, in percent.
var tenderPriceWeight = tender.Int(30)

func ittCriteria() []tender.Criterion {
	two := 2
	return []tender.Criterion{
		{ID: "Q1", Question: "How will you deliver the service across Bristol, including evenings and nights?", Weight: tender.Int(26), Panel: tender.Commissioner},
		{ID: "Q2", Question: "How will you keep young people safe and work with crisis services?", Weight: tender.Int(20), Panel: tender.Commissioner},
		{ID: "Q3", Question: "How will young people shape the service and see what changed because of them?", Weight: tender.Int(16),
			Panel: tender.LivedExperience, MinScore: &two, Guidance: "Tell us who decides, how often, and how you will pay young people for their time."},
		{ID: "Q4", Question: "How will young people see the same worker each time?", Weight: tender.Int(8), Panel: tender.Joint, LEPShare: tender.Frac(1, 2)},
	}
}

func day(s string, hour int) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d.Add(time.Duration(hour) * time.Hour)
}

var demoTenders = []demoTender{
	{
		title:  "Night-time crisis support for young people",
		agreed: day("2026-09-04", 16), // 17:00 in the UK
		votes: []vote{{who: "Robin", answer: round.AnswerAgree}, {who: "Sky", answer: round.AnswerAgree},
			{who: "Ash", answer: round.AnswerAgree, given: "2026-08-31"}, {who: "Kai", answer: round.AnswerAgree, given: "2026-08-31"}},
		published: day("2026-09-07", 9), bidOn: day("2026-10-01", 15), scoreOn: day("2026-10-06", 10),
		moderate: day("2026-10-12", 14), awardOn: day("2026-10-19", 11),
		question: [2]string{"Must the answer to Q3 include an Easy Read version?", "Yes, please attach an Easy Read version of your answer to Q3."},
		prices:   [2]int64{118_000_000, 104_500_000},
		answers: [2]string{"A crisis team on call from 6pm to 8am, with youth workers young people already know.",
			"A night-time drop-in and text line run with the city's youth services."},
		scores: [2][2][2][4]int{
			// Riverside: commissioner panel (evaluator, chair), lived experience panel (evaluator, chair)
			{{{4, 4, -1, 4}, {4, 3, -1, 4}}, {{-1, -1, 5, 4}, {-1, -1, 4, 5}}},
			// Brightpath
			{{{3, 4, -1, 3}, {4, 4, -1, 3}}, {{-1, -1, 2, 3}, {-1, -1, 4, 3}}},
		},
	},
	{
		title:  "Peer support groups for young people",
		agreed: day("2026-10-09", 16),
		votes: []vote{{who: "Robin", answer: round.AnswerAgree}, {who: "Sky", answer: round.AnswerNotSure, reason: "Will schools be safe places for everyone?"},
			{who: "Nia", answer: round.AnswerAgree, given: "2026-10-08"}, {who: "Tam", answer: round.AnswerAgree, given: "2026-10-08"}},
		published: day("2026-10-12", 9), bidOn: day("2026-11-05", 15), scoreOn: day("2026-11-10", 10),
		moderate: day("2026-11-16", 14),
		question: [2]string{"Can groups meet in schools as well as in community venues?", "Yes. Say in Q1 which venues you would use and why."},
		prices:   [2]int64{36_000_000, 39_900_000},
		answers: [2]string{"Weekly groups in four community venues, led by trained peer workers aged 18 to 25.",
			"Groups in schools and youth clubs, co-led by young people who have used the service."},
		scores: [2][2][2][4]int{
			{{{3, 4, -1, 3}, {3, 3, -1, 3}}, {{-1, -1, 3, 2}, {-1, -1, 5, 3}}},
			{{{4, 3, -1, 4}, {4, 3, -1, 4}}, {{-1, -1, 4, 4}, {-1, -1, 4, 4}}},
		},
	},
}

// seedTenders adds the tender accounts, with the demo password's hash, and
// runs the demo tenders. It needs the store itself, whose clock it sets.
func seedTenders(ctx context.Context, s Store, passwordHash string) error {
	orgNames, _, err := s.ListOrganisations(ctx, auth.ListQuery{Limit: 200})
	if err != nil {
		return err
	}
	orgIDs := map[string]string{}
	for _, o := range orgs {
		for _, on := range orgNames {
			if on.Name == o.name {
				orgIDs[o.key] = on.ID
			}
		}
	}
	for _, p := range tenderPeople {
		u, err := s.CreateUser(ctx, p.Email, p.Name, passwordHash)
		if err != nil {
			return err
		}
		if err := s.AddMember(ctx, u.ID, orgIDs[p.org]); err != nil {
			return err
		}
		if _, err := s.Assign(ctx, auth.Assignment{UserID: u.ID, Role: p.Role, ScopeType: auth.ScopeOrganisation, ScopeID: orgIDs[p.org]}); err != nil {
			return err
		}
	}
	users := map[string]string{}
	for _, email := range []string{"commissioner@demo.test", "provider@demo.test", "bidder2@demo.test", "evaluator@demo.test",
		"chair@demo.test", "evaluator2@demo.test", "chair2@demo.test"} {
		u, err := s.UserByEmail(ctx, email)
		if err != nil {
			return err
		}
		users[email] = u.ID
	}
	rounds, _, err := s.ListRounds(ctx, round.Query{All: true, Limit: 10})
	if err != nil {
		return err
	}
	if len(rounds) == 0 {
		return fmt.Errorf("demo: no round for the tenders")
	}

	// Both tenders ask bidders to respond to the round's specification, so
	// its measures are their targets (and the awarded contract's).
	specs, err := s.Specifications(ctx, rounds[0].ID)
	if err != nil {
		return err
	}
	specID := ""
	for _, sp := range specs {
		if sp.Title == DemoSpecification {
			specID = sp.ID
		}
	}
	if specID == "" {
		return fmt.Errorf("demo: the round %q has no specification %q for the tenders", rounds[0].Title, DemoSpecification)
	}

	return onClock(s, func(db *store.DB, at func(time.Time), _ func() time.Time) error {
		return runTenders(ctx, db, at, users, orgIDs, rounds[0].ID, specID)
	})
}

// runTenders runs each demo tender from its draft to where it stops. The
// group agrees each tender's questions before it is published.
func runTenders(ctx context.Context, db *store.DB, at func(time.Time), users, orgIDs map[string]string, roundID, specID string) error {
	g, err := newDemoGroup(ctx, db, at, roundID)
	if err != nil {
		return err
	}
	as := func(email string) context.Context { return audit.WithActor(ctx, users[email]) }
	lead := as("commissioner@demo.test")
	bidders := []struct{ email, org string }{{"provider@demo.test", "provider"}, {"bidder2@demo.test", "provider2"}}
	panels := []struct {
		panel  tender.Panel
		seats  [2]string // evaluator, chair
		chairs string
	}{
		{tender.Commissioner, [2]string{"evaluator@demo.test", "chair@demo.test"}, "chair@demo.test"},
		{tender.LivedExperience, [2]string{"evaluator2@demo.test", "chair2@demo.test"}, "chair2@demo.test"},
	}
	for _, dt := range demoTenders {
		at(dt.published.AddDate(0, 0, -10))
		tn, err := db.CreateTender(lead, roundID, dt.title)
		if err != nil {
			return err
		}
		itt := tn.ITT
		itt.PriceWeight = tenderPriceWeight
		itt.Criteria = ittCriteria()
		itt.SpecificationID = specID
		itt.Deadlines = tender.Deadlines{Clarification: dt.published.AddDate(0, 0, 14).Add(3 * time.Hour), Submission: dt.published.AddDate(0, 0, 28).Add(3 * time.Hour)}
		if err := db.SaveITT(lead, tn.ID, itt, ""); err != nil {
			return err
		}
		for i, p := range panels {
			for j, email := range p.seats {
				if err := db.AddPanelMember(lead, tn.ID, users[email], p.panel, j == 1); err != nil {
					return fmt.Errorf("demo: panel %d seat %d: %w", i, j, err)
				}
			}
		}
		opens := dt.published.AddDate(0, 0, -10).Add(time.Hour)
		if _, err := g.decide(users["commissioner@demo.test"], agreeTender(tn.ID, tn.Title), opens, dt.agreed, dt.votes); err != nil {
			return err
		}
		at(dt.published)
		if err := db.PublishTender(lead, tn.ID); err != nil {
			return err
		}

		// Both providers register; the second asks a question, answered to all.
		bidderIDs := make([]string, 2)
		for i, b := range bidders {
			at(dt.published.AddDate(0, 0, 1+i))
			bd, err := db.RegisterInterest(as(b.email), tn.ID, orgIDs[b.org])
			if err != nil {
				return err
			}
			bidderIDs[i] = bd.ID
		}
		at(dt.published.AddDate(0, 0, 3))
		q, err := db.AskQuestion(as(bidders[1].email), tn.ID, bidderIDs[1], dt.question[0])
		if err != nil {
			return err
		}
		at(dt.published.AddDate(0, 0, 7))
		if err := db.AnswerQuestion(lead, tn.ID, q.ID, dt.question[1], true, ""); err != nil {
			return err
		}

		bidIDs := make([]string, 2)
		for i, b := range bidders {
			at(dt.bidOn.Add(time.Duration(i) * time.Hour))
			answers := map[string]string{}
			for _, c := range itt.Criteria {
				answers[c.ID] = c.ID + ": " + dt.answers[i]
			}
			if _, err := db.SaveBid(as(b.email), tn.ID, bidderIDs[i], dt.prices[i], answers); err != nil {
				return err
			}
			sb, err := db.SubmitBid(as(b.email), tn.ID, bidderIDs[i])
			if err != nil {
				return err
			}
			bidIDs[i] = sb.ID
		}

		// After the deadline: declarations, then sealed individual scores.
		at(dt.scoreOn)
		for pi, p := range panels {
			for si, email := range p.seats {
				ectx := as(email)
				for _, bd := range bidderIDs {
					if err := db.Declare(ectx, tn.ID, users[email], bd, false, ""); err != nil {
						return err
					}
				}
				for bi, bid := range bidIDs {
					for ci, c := range itt.Criteria {
						score := dt.scores[bi][pi][si][ci]
						if score < 0 || !c.ScoredBy(p.panel) {
							continue
						}
						sc := tender.IndividualScore{Evaluator: users[email], Bid: bid, Criterion: c.ID, Panel: p.panel, Score: score,
							Comment: scoreComment(score)}
						if err := db.SaveScore(ectx, tn.ID, sc); err != nil {
							return fmt.Errorf("demo: score %s %s: %w", email, c.ID, err)
						}
					}
				}
				if err := db.SubmitScores(ectx, tn.ID, users[email], p.panel); err != nil {
					return fmt.Errorf("demo: submit scores %s: %w", email, err)
				}
			}
		}

		// The chairs open moderation and agree a score for each bid and
		// criterion; the moderation tender stops with the lived experience
		// panel still to agree.
		at(dt.moderate)
		for _, p := range panels {
			if err := db.OpenPanelModeration(as(p.chairs), tn.ID, p.panel); err != nil {
				return err
			}
		}
		for pi, p := range panels {
			if dt.awardOn.IsZero() && p.panel == tender.LivedExperience {
				continue
			}
			for bi, bid := range bidIDs {
				for ci, c := range itt.Criteria {
					if !c.ScoredBy(p.panel) {
						continue
					}
					// The chair's score stands, discussed with the evaluator's.
					a, b := dt.scores[bi][pi][0][ci], dt.scores[bi][pi][1][ci]
					agreed := max(a, b)
					cons := tender.Consensus{Bid: bid, Criterion: c.ID, Panel: p.panel, Score: agreed,
						Rationale: fmt.Sprintf("The panel agreed %d: %s", agreed, scoreComment(agreed))}
					if err := db.RecordConsensus(as(p.chairs), tn.ID, cons); err != nil {
						return fmt.Errorf("demo: consensus %s: %w", c.ID, err)
					}
				}
			}
		}
		if dt.awardOn.IsZero() {
			continue
		}

		at(dt.awardOn)
		t, err := db.TenderByID(lead, tn.ID)
		if err != nil {
			return err
		}
		bids, err := db.SubmittedBids(lead, tn.ID)
		if err != nil {
			return err
		}
		cs, err := db.ConsensusForResult(lead, tn.ID)
		if err != nil {
			return err
		}
		res, err := t.Evaluate(bids, cs)
		if err != nil {
			return err
		}
		if res.Winner == "" {
			return fmt.Errorf("demo: tender %q has no winner", dt.title)
		}
		if _, err := db.RecordAward(lead, tn.ID, res.Winner,
			"Ranked first on the published criteria, with the lived experience panel's scores counted at the round's stake.", dt.awardOn); err != nil {
			return err
		}
	}
	return nil
}

// scoreComment is what an evaluator writes beside a score.
func scoreComment(score int) string {
	switch {
	case score >= 5:
		return "Excellent: clear, specific and backed by evidence."
	case score == 4:
		return "Good: a clear answer with some evidence."
	case score == 3:
		return "Acceptable: meets the need but with few specifics."
	case score == 2:
		return "Weak: important parts are missing."
	}
	return "Poor: does not answer the question."
}
