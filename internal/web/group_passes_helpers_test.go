package web_test

import (
	"context"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/round"
)

// groupPasses has the demo round's group pass n: put to the group by the
// facilitator, open for two minutes from the server's clock; Robin and Sky
// agree on the site and Ash and Nia in person (four of the eight members,
// the quorum); the clock moves past the close, and the decision is counted
// and carried out, except an agreement of a tender's questions, which
// publishing the tender carries out. It returns the proposal's id.
func groupPasses(t *testing.T, s *testServer, roundID string, n round.NewProposal) string {
	t.Helper()
	ctx := context.Background()
	who := map[string]string{}
	for _, email := range []string{"facilitator@demo.test", "member@demo.test", "member2@demo.test"} {
		u, err := s.DB.UserByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		who[email] = u.ID
	}
	fac := audit.WithActor(ctx, who["facilitator@demo.test"])
	now := s.now()
	closes := now.Truncate(time.Minute).Add(2 * time.Minute)
	n.ProposedBy = who["facilitator@demo.test"]
	n.OpensDate, n.OpensTime = round.LondonDate(now), now.In(round.London).Format("15:04")
	n.ClosesDate, n.ClosesTime = round.LondonDate(closes), closes.In(round.London).Format("15:04")
	if n.Title == "" {
		n.Title = "Do we agree?"
	}
	n.PlainEnglish, n.EasyRead = "Do we agree this?", "Yes or no?"
	p, err := s.DB.CreateProposal(fac, roundID, n)
	if err != nil {
		t.Fatalf("proposing %q: %v", n.Title, err)
	}
	for _, email := range []string{"member@demo.test", "member2@demo.test"} {
		if err := s.DB.Respond(audit.WithActor(ctx, who[email]), roundID, p.ID, who[email], round.NewResponse{Answer: round.AnswerAgree}); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := s.DB.RoundMembers(ctx, roundID, round.Facilitators)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Pseudonym != "Ash" && m.Pseudonym != "Nia" {
			continue
		}
		if err := s.DB.RecordInPerson(fac, roundID, p.ID, m.ID, round.NewResponse{Answer: round.AnswerAgree, GivenOn: round.LondonDate(s.now())}); err != nil {
			t.Fatal(err)
		}
	}
	s.advance(closes.Sub(s.now()) + time.Second)
	if o, err := s.DB.CloseProposal(fac, roundID, p.ID); err != nil || !o.Passed {
		t.Fatalf("counting %q: %+v %v", n.Title, o, err)
	}
	if n.Kind != round.KindAgreeTender {
		if err := s.DB.CarryOut(fac, roundID, p.ID); err != nil {
			t.Fatalf("carrying out %q: %v", n.Title, err)
		}
	}
	return p.ID
}
