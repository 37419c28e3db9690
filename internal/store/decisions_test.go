package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// decisionGroup is a published round with a facilitator and members who
// have accounts: account names "Account N", chosen group names in names.
type decisionGroup struct {
	round       *round.Round
	lead        *auth.User
	facilitator *auth.User
	users       []*auth.User // the members' accounts, in names' order
	members     []string     // their member ids
	now         *time.Time
}

func newDecisionGroup(t *testing.T, db *store.DB, rule round.DecisionRule, names ...string) *decisionGroup {
	t.Helper()
	now := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	r, lead := roundFixture(t, db)
	g := &decisionGroup{round: r, lead: lead, now: &now}
	actx := audit.WithActor(ctx, lead.ID)
	if rule != round.DefaultRule() {
		if err := db.SetDecisionRule(actx, r.ID, rule); err != nil {
			t.Fatal(err)
		}
	}
	var err error
	if g.facilitator, err = db.CreateUser(ctx, "fac@example.org", "Priya Shah", "x"); err != nil {
		t.Fatal(err)
	}
	for i, name := range names {
		u, err := db.CreateUser(ctx, "m"+string(rune('a'+i))+"@example.org", "Account "+string(rune('A'+i)), "x")
		if err != nil {
			t.Fatal(err)
		}
		m, err := db.AddRoundMember(audit.WithActor(ctx, g.facilitator.ID), r.ID,
			round.NewMember{UserID: u.ID, Pseudonym: name, Consents: []round.ConsentPurpose{round.ConsentTakePart}})
		if err != nil {
			t.Fatal(err)
		}
		g.users, g.members = append(g.users, u), append(g.members, m.ID)
	}
	if err := db.PublishRound(actx, r.ID); err != nil {
		t.Fatal(err)
	}
	if g.round, err = db.RoundByID(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	return g
}

// propose puts a proposal open from now for a week (UK time 09:00 on 1 March
// 2027 is 09:00 UTC; closing 8 March 17:00).
func propose(t *testing.T, db *store.DB, g *decisionGroup, by string, set func(*round.NewProposal)) *round.Proposal {
	t.Helper()
	n := round.NewProposal{Kind: round.KindQuestion, Title: "Meet on Saturdays", PlainEnglish: "Should the group meet on Saturdays?",
		EasyRead: "Meet on Saturday?", ProposedBy: by, OpensDate: "2027-03-01", OpensTime: "09:00", ClosesDate: "2027-03-08", ClosesTime: "17:00"}
	if set != nil {
		set(&n)
	}
	p, err := db.CreateProposal(audit.WithActor(ctx, by), g.round.ID, n)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoweringTheStakeIsDecidedByTheGroupAndCarriedOut(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r, lead := roundFixture(t, db)
		// Before publication the rule changes freely, and nothing is put to the group.
		if err := db.SetDecisionRule(audit.WithActor(ctx, lead.ID), r.ID, round.DecisionRule{Kind: round.RuleMajority, Quorum: 60}); err != nil {
			t.Fatal(err)
		}
		_, err := db.CreateProposal(ctx, r.ID, round.NewProposal{Kind: round.KindQuestion})
		if apperr.Code(err) != apperr.Conflict {
			t.Fatalf("proposal before publication = %v", err)
		}
		db2 := storetest.Open(t, db.Engine)
		g := newDecisionGroup(t, db2, round.DecisionRule{Kind: round.RuleMajority, Quorum: 60}, "Bluebird", "Heron", "Otter")
		db = db2
		if g.round.Rule != (round.DecisionRule{Kind: round.RuleMajority, Quorum: 60}) {
			t.Fatalf("rule = %+v", g.round.Rule)
		}
		if err := db.SetDecisionRule(audit.WithActor(ctx, g.lead.ID), g.round.ID, round.DefaultRule()); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("changing the rule after publication = %v", err)
		}

		_, err = db.CreateProposal(ctx, g.round.ID, round.NewProposal{Kind: round.KindLowerStake, Title: "x", PlainEnglish: "x", EasyRead: "x",
			ProposedBy: g.lead.ID, Stake: "25", OpensDate: "2027-03-01", OpensTime: "09:00", ClosesDate: "2027-03-08", ClosesTime: "17:00"})
		if fs := apperr.FieldsOf(err); len(fs) != 1 || fs[0].Field != "stake" {
			t.Fatalf("raising the stake by proposal = %v", err)
		}
		p := propose(t, db, g, g.users[0].ID, func(n *round.NewProposal) {
			n.Kind, n.Title, n.Stake = round.KindLowerStake, "Lower the stake to 15%", "15"
		})
		if p.ProposerName != "Bluebird" || p.Subject.Stake != 1500 || p.Rule.Quorum != 60 || p.ClosesAt != time.Date(2027, 3, 8, 17, 0, 0, 0, time.UTC) {
			t.Fatalf("proposal = %+v", p)
		}

		member := func(i int) context.Context { return audit.WithActor(ctx, g.users[i].ID) }
		if err := db.Respond(member(0), g.round.ID, p.ID, g.users[0].ID, round.NewResponse{Answer: round.AnswerAgree}); err != nil {
			t.Fatal(err)
		}
		if err := db.Respond(member(1), g.round.ID, p.ID, g.users[1].ID, round.NewResponse{Answer: round.AnswerDisagree, Reason: "Too low"}); err != nil {
			t.Fatal(err)
		}
		*g.now = g.now.Add(time.Hour)
		if err := db.Respond(member(1), g.round.ID, p.ID, g.users[1].ID, round.NewResponse{Answer: round.AnswerAgree}); err != nil {
			t.Fatalf("changing a response: %v", err)
		}
		if err := db.Respond(audit.WithActor(ctx, g.lead.ID), g.round.ID, p.ID, g.lead.ID, round.NewResponse{Answer: round.AnswerAgree}); apperr.Code(err) != apperr.Forbidden {
			t.Fatalf("the commissioner responding = %v", err)
		}
		fac := audit.WithActor(ctx, g.facilitator.ID)
		if err := db.RecordInPerson(fac, g.round.ID, p.ID, g.members[2], round.NewResponse{Answer: round.AnswerNotSure}); apperr.FieldsOf(err) == nil {
			t.Fatalf("in person without a date = %v", err)
		}
		if err := db.RecordInPerson(fac, g.round.ID, p.ID, g.members[2], round.NewResponse{Answer: round.AnswerNotSure, GivenOn: "1 March 2027"}); err != nil {
			t.Fatal(err)
		}

		d, err := db.ProposalByID(ctx, g.round.ID, p.ID, round.Group)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Responses) != 3 || d.Tally.Agree != 2 || d.Tally.NotSure != 1 || d.Tally.Disagree != 0 || d.Tally.QuorumNeeded != 2 || !d.Tally.Passed {
			t.Fatalf("detail = %+v", d)
		}
		for _, r := range d.Responses {
			if strings.Contains(r.Pseudonym+r.RecordedByName+r.Provenance(), "Account") {
				t.Fatalf("an account name beside a response: %+v", r)
			}
		}
		if r := d.Responses[2]; r.Pseudonym != "Otter" || r.Provenance() != "given in person on 1 March 2027, recorded by Priya Shah" ||
			d.Responses[0].Pseudonym != "Bluebird" || d.Responses[0].RecordedBy != "" || d.Responses[1].Pseudonym != "Heron" {
			t.Fatalf("responses = %+v", d.Responses)
		}

		if _, err := db.CloseProposal(ctx, g.round.ID, p.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("closing early, though everyone responded = %v", err)
		}
		if err := db.CarryOut(ctx, g.round.ID, p.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("carrying out an open proposal = %v", err)
		}
		*g.now = time.Date(2027, 3, 8, 17, 0, 0, 0, time.UTC)
		if err := db.Respond(member(2), g.round.ID, p.ID, g.users[2].ID, round.NewResponse{Answer: round.AnswerDisagree}); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("responding at the closing time = %v", err)
		}
		if got, _ := db.Proposals(ctx, g.round.ID, round.StateToCount); len(got) != 1 {
			t.Fatalf("to count = %+v", got)
		}
		o, err := db.CloseProposal(ctx, g.round.ID, p.ID)
		if err != nil || !o.Passed || o.Active != 3 || o.Responded() != 3 {
			t.Fatalf("outcome = %+v, %v", o, err)
		}
		if _, err := db.CloseProposal(ctx, g.round.ID, p.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("closing twice = %v", err)
		}
		passed, _ := db.Proposals(ctx, g.round.ID, round.StatePassed)
		if len(passed) != 1 || passed[0].Outcome == nil || passed[0].Outcome.Agree != 2 || passed[0].DecidedAt == nil ||
			!strings.HasPrefix(passed[0].Outcome.Explanation(), "Passed: more people agreed than disagreed. 3 of the 3 active members responded; 2 needed") {
			t.Fatalf("passed = %+v", passed)
		}

		if err := db.CarryOut(audit.WithActor(ctx, g.lead.ID), g.round.ID, p.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.CarryOut(audit.WithActor(ctx, g.lead.ID), g.round.ID, p.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("carrying out twice = %v", err)
		}
		rd, _ := db.RoundByID(ctx, g.round.ID)
		hist, _ := db.StakeHistory(ctx, g.round.ID)
		last := hist[len(hist)-1]
		if rd.Stake != 1500 || last.From != 2000 || last.To != 1500 || last.ProposalID != p.ID || last.AgreedOn != "2027-03-08" ||
			last.AgreedBy != `The group, by the decision "Lower the stake to 15%"` || last.ChangedBy != g.lead.ID {
			t.Fatalf("stake %s, history %+v", rd.Stake, hist)
		}

		evs, _ := db.AuditEvents(ctx, audit.Filter{ObjectType: "proposal", ObjectID: p.ID, Limit: 50})
		var actions []string
		for i := len(evs) - 1; i >= 0; i-- {
			actions = append(actions, evs[i].Action)
		}
		want := "proposal.create proposal.respond proposal.respond proposal.respond proposal.respond_in_person proposal.close proposal.carry_out"
		if got := strings.Join(actions, " "); got != want {
			t.Fatalf("audit = %s", got)
		}
		if evs[len(evs)-4].Details["changed"] != "true" || evs[len(evs)-4].ActorID != g.users[1].ID || evs[2].Details["given_on"] != "2027-03-01" {
			t.Fatalf("audit details = %+v", evs)
		}
		if n, err := db.VerifyAudit(ctx); err != nil || n == 0 {
			t.Fatalf("audit chain: %d %v", n, err)
		}
	})
}

func TestConsentBlocksMembersWhoLeftAndWithdrawing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		g := newDecisionGroup(t, db, round.DecisionRule{Kind: round.RuleConsent, Quorum: 50}, "Bluebird", "Heron", "Otter", "Wren")
		member := func(i int) context.Context { return audit.WithActor(ctx, g.users[i].ID) }
		fac := audit.WithActor(ctx, g.facilitator.ID)
		p := propose(t, db, g, g.facilitator.ID, nil)
		if p.ProposerName != "Priya Shah" {
			t.Fatalf("a facilitator proposing is named %q", p.ProposerName)
		}
		respond := func(i int, a round.Answer, reason string) error {
			return db.Respond(member(i), g.round.ID, p.ID, g.users[i].ID, round.NewResponse{Answer: a, Reason: reason})
		}
		if err := respond(1, round.AnswerBlock, " "); apperr.FieldsOf(err) == nil || apperr.FieldsOf(err)[0].Field != "reason" {
			t.Fatalf("a block without a reason = %v", err)
		}
		for i, a := range []round.Answer{round.AnswerAgree, round.AnswerBlock, round.AnswerAgree, round.AnswerBlock} {
			if err := respond(i, a, "Saturdays clash with my support hours"); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.ResolveBlock(fac, g.round.ID, p.ID, g.members[0], "x"); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("resolving an agree = %v", err)
		}
		if err := db.ResolveBlock(fac, g.round.ID, p.ID, g.members[1], "  "); apperr.FieldsOf(err) == nil {
			t.Fatalf("resolving without saying how = %v", err)
		}
		if err := db.ResolveBlock(fac, g.round.ID, p.ID, g.members[1], "We will pay for extra support hours on Saturdays"); err != nil {
			t.Fatal(err)
		}
		if err := db.ResolveBlock(fac, g.round.ID, p.ID, g.members[1], "again"); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("resolving twice = %v", err)
		}
		// Wren leaves the group: her block no longer counts, and she cannot respond.
		// (Later than she joined: consent records are ordered by time.)
		*g.now = g.now.Add(time.Minute)
		if err := db.RecordConsent(fac, g.round.ID, g.members[3], round.ConsentTakePart, false); err != nil {
			t.Fatal(err)
		}
		if err := respond(3, round.AnswerAgree, ""); apperr.Code(err) != apperr.Forbidden {
			t.Fatalf("a member who left responding = %v", err)
		}
		if err := db.RecordInPerson(fac, g.round.ID, p.ID, g.members[3], round.NewResponse{Answer: round.AnswerAgree, GivenOn: "2027-03-01"}); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("recording for a member who left = %v", err)
		}
		d, _ := db.ProposalByID(ctx, g.round.ID, p.ID, round.Group)
		if !d.Tally.Passed || d.Tally.Active != 3 || d.Tally.Block != 1 || d.Tally.UnresolvedBlocks != 0 || len(d.Responses) != 3 || len(d.Resolutions) != 1 {
			t.Fatalf("with the block resolved and Wren gone: %+v", d)
		}
		if fd, _ := db.ProposalByID(ctx, g.round.ID, p.ID, round.Facilitators); len(fd.Responses) != 4 || fd.Responses[3].Active {
			t.Fatalf("facilitators see %+v", fd.Responses)
		}
		// Heron blocks again, later: a new block, not resolved.
		*g.now = g.now.Add(time.Minute)
		if err := respond(1, round.AnswerBlock, "The support hours were not agreed"); err != nil {
			t.Fatal(err)
		}
		*g.now = time.Date(2027, 3, 9, 0, 0, 0, 0, time.UTC)
		if err := db.ResolveBlock(fac, g.round.ID, p.ID, g.members[1], "late"); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("resolving after the close = %v", err)
		}
		o, err := db.CloseProposal(ctx, g.round.ID, p.ID)
		if err != nil || o.Passed || o.UnresolvedBlocks != 1 || o.Active != 3 {
			t.Fatalf("outcome = %+v, %v", o, err)
		}
		if got, _ := db.Proposals(ctx, g.round.ID, round.StateNotPassed); len(got) != 1 || got[0].Outcome.UnresolvedBlocks != 1 ||
			!strings.HasPrefix(got[0].Outcome.Explanation(), "Not passed: 1 block was not resolved.") {
			t.Fatalf("not passed = %+v", got)
		}
		if err := db.CarryOut(ctx, g.round.ID, p.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("carrying out a decision that did not pass = %v", err)
		}

		// Withdrawing: only the proposer, only before it closes.
		q := propose(t, db, g, g.users[0].ID, func(n *round.NewProposal) { n.ClosesDate = "2027-03-20" })
		if err := db.WithdrawProposal(ctx, g.round.ID, q.ID, g.users[1].ID); apperr.Code(err) != apperr.Forbidden {
			t.Fatalf("withdrawn by someone else = %v", err)
		}
		if err := db.WithdrawProposal(ctx, g.round.ID, q.ID, g.users[0].ID); err != nil {
			t.Fatal(err)
		}
		if err := respond(0, round.AnswerAgree, ""); err == nil {
			t.Fatal("responded to the old proposal after it closed")
		}
		if err := db.Respond(member(0), g.round.ID, q.ID, g.users[0].ID, round.NewResponse{Answer: round.AnswerAgree}); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("responding to a withdrawn proposal = %v", err)
		}
		if got, _ := db.Proposals(ctx, g.round.ID, round.StateWithdrawn); len(got) != 1 || got[0].ID != q.ID {
			t.Fatalf("withdrawn = %+v", got)
		}
		if _, err := db.ProposalByID(ctx, "someotherround", q.ID, round.Group); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("a proposal read through another round = %v", err)
		}
	})
}

func TestChangingTheRuleIsADecision(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		g := newDecisionGroup(t, db, round.DefaultRule(), "Bluebird", "Heron")
		p := propose(t, db, g, g.users[0].ID, func(n *round.NewProposal) {
			n.Kind, n.RuleKind, n.Quorum = round.KindChangeRule, "consent", "100"
		})
		if err := db.Respond(audit.WithActor(ctx, g.users[0].ID), g.round.ID, p.ID, g.users[0].ID, round.NewResponse{Answer: round.AnswerAgree}); err != nil {
			t.Fatal(err)
		}
		*g.now = p.ClosesAt
		if o, err := db.CloseProposal(ctx, g.round.ID, p.ID); err != nil || !o.Passed || o.QuorumNeeded != 1 {
			t.Fatalf("1 of 2 agreeing at 50%%: %+v %v", o, err)
		}
		if err := db.CarryOut(audit.WithActor(ctx, g.lead.ID), g.round.ID, p.ID); err != nil {
			t.Fatal(err)
		}
		rd, _ := db.RoundByID(ctx, g.round.ID)
		if rd.Rule != (round.DecisionRule{Kind: round.RuleConsent, Quorum: 100}) {
			t.Fatalf("rule = %+v", rd.Rule)
		}
		evs, _ := db.AuditEvents(ctx, audit.Filter{ObjectType: "round", ObjectID: g.round.ID, Action: "round.decision_rule", Limit: 5})
		if len(evs) != 1 || evs[0].Details["proposal_id"] != p.ID || evs[0].Details["to"] != "Consent, quorum 100%" {
			t.Fatalf("audit = %+v", evs)
		}
		// The next proposal is decided under the new rule.
		q := propose(t, db, g, g.users[0].ID, func(n *round.NewProposal) { n.ClosesDate = "2027-03-20" })
		if q.Rule != rd.Rule {
			t.Fatalf("next proposal's rule = %+v", q.Rule)
		}
		// A question has nothing to carry out.
		*g.now = q.ClosesAt
		if _, err := db.CloseProposal(ctx, g.round.ID, q.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.CarryOut(ctx, g.round.ID, q.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("carrying out a question = %v", err)
		}
	})
}

// TestProposalSubjectsAreRealAndTheRounds works on the demo: its round has
// signed-off measures and a signed-off specification version adopted by a
// contract with indicators, an awarded tender and ledger items done with
// evidence.
func TestProposalSubjectsAreRealAndTheRounds(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		db := storetest.OpenSeeded(t, engine, "demo", func(ctx context.Context, db *store.DB) error { return demo.Seed(ctx, db) })
		db.Now = func() time.Time { return time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC) }
		rounds, _, err := db.ListRounds(ctx, round.Query{All: true})
		if err != nil || len(rounds) == 0 {
			t.Fatalf("demo rounds: %v", err)
		}
		rd := rounds[0]
		memberUser, err := db.UserByEmail(ctx, "member@demo.test")
		if err != nil {
			t.Fatal(err)
		}
		try := func(set func(*round.NewProposal)) (*round.Proposal, error) {
			n := round.NewProposal{Kind: round.KindQuestion, Title: "T", PlainEnglish: "P", EasyRead: "E", ProposedBy: memberUser.ID,
				OpensDate: "2027-03-01", OpensTime: "09:00", ClosesDate: "2027-03-08", ClosesTime: "17:00"}
			set(&n)
			return db.CreateProposal(audit.WithActor(ctx, memberUser.ID), rd.ID, n)
		}
		refused := func(name, field string, set func(*round.NewProposal)) {
			t.Helper()
			_, err := try(set)
			if fs := apperr.FieldsOf(err); len(fs) != 1 || fs[0].Field != field {
				t.Errorf("%s: %v, want a problem with %s", name, err, field)
			}
		}

		ms, _, err := db.Measures(ctx, rd.ID, "", 100)
		if err != nil || len(ms) == 0 {
			t.Fatalf("measures %v", err)
		}
		var signed, unsigned string
		for _, m := range ms {
			if m.Status() == measure.SignedOff {
				signed = m.ID
			} else {
				unsigned = m.ID
			}
		}
		if signed == "" || unsigned == "" {
			t.Fatalf("the demo changed: signed-off measure %q, draft measure %q", signed, unsigned)
		}
		refused("a signed-off measure", "measure_id", func(n *round.NewProposal) { n.Kind, n.MeasureID = round.KindSignOffMeasure, signed })
		refused("no such measure", "measure_id", func(n *round.NewProposal) { n.Kind, n.MeasureID = round.KindSignOffMeasure, "nosuchmeasure" })
		// The demo's unsigned measure is a draft (no evidence linked): the
		// group is not asked to sign off what could not be signed off.
		refused("a draft measure", "measure_id", func(n *round.NewProposal) { n.Kind, n.MeasureID = round.KindSignOffMeasure, unsigned })

		cs, err := db.Contracts(ctx, rd.ID)
		if err != nil || len(cs) == 0 {
			t.Fatalf("contracts %v", err)
		}
		c := cs[0]
		refused("a signed-off version", "spec_version", func(n *round.NewProposal) {
			n.Kind, n.SpecID, n.SpecVersion = round.KindSignOffSpec, c.SpecID, "2"
		})
		if _, err := try(func(n *round.NewProposal) { n.Kind, n.SpecID, n.SpecVersion = round.KindSignOffSpec, c.SpecID, "1" }); err != nil {
			t.Errorf("version 1, not signed off: %v", err)
		}
		refused("no such version", "spec_version", func(n *round.NewProposal) { n.Kind, n.SpecID, n.SpecVersion = round.KindSignOffSpec, c.SpecID, "99" })

		ts, _, err := db.ListTenders(ctx, rd.ID, "", 10)
		if err != nil || len(ts) == 0 {
			t.Fatalf("tenders %v", err)
		}
		p, err := try(func(n *round.NewProposal) { n.Kind, n.TenderID = round.KindAgreeTender, ts[0].ID })
		if err != nil {
			t.Fatal(err)
		}
		want := store.TenderAgreement(&ts[0])
		if p.Subject.Agreement != want.Canonical() || len(want.Questions) == 0 || want.Stake != "20" || p.ProposerName == memberUser.DisplayName {
			t.Fatalf("agreement %q, want %q; proposer %q", p.Subject.Agreement, want.Canonical(), p.ProposerName)
		}
		refused("a tender of no round", "tender_id", func(n *round.NewProposal) { n.Kind, n.TenderID = round.KindAgreeTender, "nosuchtender" })

		var awarded string
		for _, t := range ts {
			if t.Awarded {
				awarded = t.ID
			}
		}
		items, err := db.BoardItems(ctx, ledger.Query{RoundID: rd.ID, Status: ledger.StatusDone, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var doneWithEvidence, doneWithout string
		for _, it := range items.Items {
			if it.EvidenceCount > 0 {
				doneWithEvidence = it.ID
			} else {
				doneWithout = it.ID
			}
		}
		if awarded == "" || doneWithEvidence == "" || doneWithout == "" {
			t.Fatalf("the demo changed: award %q, done with evidence %q, done without %q", awarded, doneWithEvidence, doneWithout)
		}
		impact := func(refs ...round.OutcomeRef) func(*round.NewProposal) {
			return func(n *round.NewProposal) {
				n.Kind, n.Impact, n.Outcomes = round.KindAgreeImpact, "A crisis line, awarded and in contract", refs
			}
		}
		p, err = try(impact(round.OutcomeRef{Kind: round.OutcomeContract, ID: c.ID}, round.OutcomeRef{Kind: round.OutcomeAward, ID: awarded},
			round.OutcomeRef{Kind: round.OutcomeLedgerItem, ID: doneWithEvidence}))
		if err != nil || len(p.Subject.Outcomes) != 3 {
			t.Fatalf("impact with real outcomes: %+v %v", p, err)
		}
		refused("done without evidence", "outcomes", impact(round.OutcomeRef{Kind: round.OutcomeLedgerItem, ID: doneWithout}))
		refused("a tender that is no award", "outcomes", impact(round.OutcomeRef{Kind: round.OutcomeAward, ID: "nosuchtender"}))
		refused("a contract id given as an award", "outcomes", impact(round.OutcomeRef{Kind: round.OutcomeAward, ID: c.ID}))

		// Another round cannot claim this round's outcomes or subjects.
		lead, _ := db.CreateUser(ctx, "lead2@example.org", "Lead 2", "x")
		n := round.NewRound{OrgID: rd.OrgID, Title: "Other", CareArea: "x", Purpose: round.PurposeBoth, Stake: "10", StartsOn: "2027-01-01", EndsOn: "2027-12-31"}
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		other, err := db.CreateRound(ctx, n, lead.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PublishRound(ctx, other.ID); err != nil {
			t.Fatal(err)
		}
		rd = *other
		refused("another round's contract", "outcomes", impact(round.OutcomeRef{Kind: round.OutcomeContract, ID: c.ID}))
		refused("another round's tender", "tender_id", func(n *round.NewProposal) { n.Kind, n.TenderID = round.KindAgreeTender, ts[0].ID })
		refused("another round's measure", "measure_id", func(n *round.NewProposal) { n.Kind, n.MeasureID = round.KindSignOffMeasure, unsigned })
		refused("another round's specification", "spec_version", func(n *round.NewProposal) {
			n.Kind, n.SpecID, n.SpecVersion = round.KindSignOffSpec, c.SpecID, "1"
		})
	})
}
