package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestAgreeingTheImpactClosesTheRound: the demo round closes only by
// carrying out a passed "agree the impact" decision that links its award;
// the round keeps the group's words and the evidence, and nothing changes
// a closed round afterwards.
func TestAgreeingTheImpactClosesTheRound(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		db := storetest.OpenSeeded(t, engine, "demo", func(ctx context.Context, db *store.DB) error { return demo.Seed(ctx, db) })
		now := time.Now().UTC().Truncate(time.Minute)
		db.Now = func() time.Time { return now }
		rounds, _, err := db.ListRounds(ctx, round.Query{All: true})
		if err != nil || len(rounds) != 1 {
			t.Fatalf("demo rounds: %v", err)
		}
		rd := rounds[0]
		users := map[string]string{}
		for _, email := range []string{"commissioner@demo.test", "facilitator@demo.test", "member@demo.test", "member2@demo.test"} {
			u, err := db.UserByEmail(ctx, email)
			if err != nil {
				t.Fatal(err)
			}
			users[email] = u.ID
		}
		com, fac := audit.WithActor(ctx, users["commissioner@demo.test"]), audit.WithActor(ctx, users["facilitator@demo.test"])
		ts, _, err := db.ListTenders(ctx, rd.ID, "", 10)
		if err != nil {
			t.Fatal(err)
		}
		var awarded, title string
		for _, tn := range ts {
			if tn.Awarded {
				awarded, title = tn.ID, tn.Title
			}
		}
		if awarded == "" {
			t.Fatal("the demo has no award")
		}
		uk := now.In(round.London)
		closes := uk.Add(72 * time.Hour)
		p, err := db.CreateProposal(com, rd.ID, round.NewProposal{Kind: round.KindAgreeImpact, Title: "A crisis line that answers",
			PlainEnglish: "The crisis line is awarded with the group's questions.", EasyRead: "The crisis line will answer.",
			ProposedBy: users["commissioner@demo.test"], OpensDate: uk.Format("2006-01-02"), OpensTime: uk.Format("15:04"),
			ClosesDate: closes.Format("2006-01-02"), ClosesTime: closes.Format("15:04"),
			Impact: "Young people reach a person on the crisis line at any hour", Outcomes: []round.OutcomeRef{{Kind: round.OutcomeAward, ID: awarded}}})
		if err != nil {
			t.Fatal(err)
		}
		for _, email := range []string{"member@demo.test", "member2@demo.test"} {
			if err := db.Respond(audit.WithActor(ctx, users[email]), rd.ID, p.ID, users[email], round.NewResponse{Answer: round.AnswerAgree}); err != nil {
				t.Fatal(err)
			}
		}
		ms, _ := db.RoundMembers(ctx, rd.ID, round.Facilitators)
		for _, m := range ms {
			if m.Pseudonym == "Ash" || m.Pseudonym == "Nia" || m.Pseudonym == "Ollie" {
				if err := db.RecordInPerson(fac, rd.ID, p.ID, m.ID, round.NewResponse{Answer: round.AnswerAgree, GivenOn: uk.Format("2006-01-02")}); err != nil {
					t.Fatal(err)
				}
			}
		}
		now = now.Add(73 * time.Hour)
		if o, err := db.CloseProposal(com, rd.ID, p.ID); err != nil || !o.Passed {
			t.Fatalf("count: %+v %v", o, err)
		}
		// Passed, but the round is not at the Impact stage yet: nothing closes.
		if err := db.CarryOut(com, rd.ID, p.ID); apperr.Code(err) != apperr.Conflict || !strings.Contains(apperr.Message(err), "Impact stage") {
			t.Fatalf("carrying out before the Impact stage = %v", err)
		}
		if got, _ := db.RoundByID(ctx, rd.ID); got.Closed() {
			t.Fatal("a refused carry-out closed the round")
		}
		if err := db.MoveStage(fac, rd.ID, round.StageImpact, "Measures and the award are done"); err != nil {
			t.Fatal(err)
		}
		if err := db.CarryOut(com, rd.ID, p.ID); err != nil {
			t.Fatal(err)
		}
		got, _ := db.RoundByID(ctx, rd.ID)
		if !got.Closed() || got.ImpactWhat != "Young people reach a person on the crisis line at any hour" ||
			!strings.HasPrefix(got.ImpactEvidence, "A tender award: "+title+"\nAgreed by the group, by the decision \"A crisis line that answers\"") ||
			!strings.Contains(got.ImpactEvidence, "Passed: more people agreed than disagreed.") {
			t.Fatalf("closed round: %v %q %q", got.Closed(), got.ImpactWhat, got.ImpactEvidence)
		}
		evs, _ := db.AuditEvents(ctx, audit.Filter{ObjectType: "round", ObjectID: rd.ID, Limit: 1})
		if len(evs) != 1 || evs[0].Action != "round.close" || evs[0].Details["proposal_id"] != p.ID || evs[0].ActorID != users["commissioner@demo.test"] {
			t.Fatalf("closing audited as %+v", evs)
		}
		if err := db.MoveStage(fac, rd.ID, round.StageFocus, ""); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("changing a closed round = %v", err)
		}
		if err := db.CarryOut(com, rd.ID, p.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("carrying out twice = %v", err)
		}
	})
}
