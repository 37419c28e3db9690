package store_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestPublicRoundsShowWhatTheGroupDecided: a round is public once
// published, with the stake lowered by the group's decision citing it, and
// the counted decisions with their counts; one still open is not shown.
func TestPublicRoundsShowWhatTheGroupDecided(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		db.Now = func() time.Time { return time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC) }
		r, lead := roundFixture(t, db)
		if got, err := db.PublicRounds(ctx); err != nil || len(got) != 0 {
			t.Fatalf("before publication: %+v, %v", got, err)
		}
		fac := audit.WithActor(ctx, lead.ID)
		if _, err := db.AddRoundMember(fac, r.ID, round.NewMember{Pseudonym: "Heron", Consents: []round.ConsentPurpose{round.ConsentTakePart}}); err != nil {
			t.Fatal(err)
		}
		set := shiftClock(db)
		groupPasses(t, db, r.ID, lead.ID, set, round.NewProposal{Kind: round.KindLowerStake, Stake: "15", Title: "Lower the stake to 15%",
			PlainEnglish: "Score 15%?", EasyRead: "Less say?"})
		putToGroup(t, db, r.ID, lead.ID, set, round.NewProposal{Kind: round.KindQuestion, Title: "Meet on Saturdays",
			PlainEnglish: "Saturdays?", EasyRead: "Saturday?"})
		propose(t, db, &decisionGroup{round: r}, lead.ID, func(n *round.NewProposal) {
			n.Title, n.OpensDate, n.ClosesDate = "Still open", "2027-03-01", "2027-03-20"
		})

		got, err := db.PublicRounds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []round.PublicRound{{ID: r.ID, Title: "CYP mental health", CareArea: "Children and young people's mental health",
			OrgName: "Bristol ICB", Stake: 1500,
			Stakes: []round.PublicStakeChange{{From: 2000, To: 1500, On: "2027-03-01", Decision: "Lower the stake to 15%"}},
			Decisions: []round.PublicDecision{
				{Kind: round.KindLowerStake, Title: "Lower the stake to 15%", DecidedOn: "2027-03-01", Passed: true, Counts: round.Counts{Agree: 1}},
				{Kind: round.KindQuestion, Title: "Meet on Saturdays", DecidedOn: "2027-03-01", Passed: true, Counts: round.Counts{Agree: 1}}}}}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("public rounds\n got %+v\nwant %+v", got, want)
		}
	})
}
