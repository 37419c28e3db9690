package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/tender"
)

// tenderITT meets a 20% stake: price 30, Q1 (commissioner) 50, Q2 (lived experience) 20.
func tenderITT(now time.Time) tender.ITT {
	return tender.ITT{Title: "Community support", PriceWeight: tender.Int(30), Lots: tender.DefaultLots(), Scale: tender.DefaultScale(),
		TieBreak: tender.DefaultTieBreak(),
		Criteria: []tender.Criterion{
			{ID: "Q1", Question: "How will you deliver the service?", Weight: tender.Int(50), Panel: tender.Commissioner},
			{ID: "Q2", Question: "How will people shape it?", Weight: tender.Int(20), Panel: tender.LivedExperience},
		},
		Deadlines: tender.Deadlines{Clarification: now.Add(24 * time.Hour), Submission: now.Add(48 * time.Hour)}}
}

// publishedTender makes a round with a 20% stake and a published tender in
// it, published at the clock's time after the group agreed its questions
// in the two hours before.
func publishedTender(t *testing.T, db *store.DB, clock *time.Time) (*round.Round, *tender.Tender) {
	t.Helper()
	publishAt := *clock
	*clock = publishAt.Add(-2 * time.Hour)
	org, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "ICB", Kind: auth.KindCommissioner})
	if err != nil {
		t.Fatal(err)
	}
	lead, _ := db.CreateUser(ctx, "lead@example.org", "Lead", "x")
	n := round.NewRound{OrgID: org.ID, Title: "Support", CareArea: "Adults", Purpose: round.PurposeCoprocurement, Stake: "20",
		StartsOn: "2026-09-01", EndsOn: "2027-08-31"}
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	r, err := db.CreateRound(ctx, n, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	// A tender cannot be started before the round is published (the stake locked).
	if _, err := db.CreateTender(ctx, r.ID, "Community support"); apperr.Code(err) != apperr.Conflict {
		t.Fatalf("a tender in a draft round: %v, want refused", err)
	}
	if err := db.PublishRound(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	tn, err := db.CreateTender(ctx, r.ID, "Community support")
	if err != nil {
		t.Fatal(err)
	}
	itt := tenderITT(*clock)
	itt.Criteria[1].Weight = tender.Int(15) // 5 points short of the stake
	itt.Criteria[0].Weight = tender.Int(55)
	if err := db.SaveITT(ctx, tn.ID, itt, ""); err != nil {
		t.Fatal(err)
	}
	if err := db.PublishTender(ctx, tn.ID); apperr.Code(err) != apperr.Invalid {
		t.Fatalf("publishing an ITT 5 points short of the stake: %v", err)
	}
	if err := db.SaveITT(ctx, tn.ID, tenderITT(publishAt), ""); err != nil {
		t.Fatal(err)
	}
	addMember(t, db, r.ID, "Robin", "Robin A", round.ConsentTakePart)
	putToGroup(t, db, r.ID, lead.ID, func(t time.Time) { *clock = t }, round.NewProposal{Kind: round.KindAgreeTender, TenderID: tn.ID})
	*clock = publishAt
	if err := db.PublishTender(ctx, tn.ID); err != nil {
		t.Fatal(err)
	}
	if tn, err = db.TenderByID(ctx, tn.ID); err != nil || tn.Version != 1 || !tn.ITT.Stake.Equal(tender.Int(20)) {
		t.Fatalf("published tender = %+v, %v", tn, err)
	}
	return r, tn
}

func TestTenderBidsAreSealedAtTheDeadline(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clock := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return clock }
		_, tn := publishedTender(t, db, &clock)
		org, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Riverside", Kind: auth.KindProvider})
		b, err := db.RegisterInterest(ctx, tn.ID, org.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.SubmitBid(ctx, tn.ID, b.ID); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("submitting with nothing saved: %v", err)
		}
		if _, err := db.SaveBid(ctx, tn.ID, b.ID, 100000, map[string]string{"Q1": "We will."}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SubmitBid(ctx, tn.ID, b.ID); len(apperr.FieldsOf(err)) != 1 {
			t.Fatalf("submitting without Q2: %v", err)
		}
		db.SaveBid(ctx, tn.ID, b.ID, 100000, map[string]string{"Q1": "We will.", "Q2": "With the group."})
		sb, err := db.SubmitBid(ctx, tn.ID, b.ID)
		if err != nil || sb.Status != tender.BidSubmitted || len(sb.Receipt) != 64 {
			t.Fatalf("submitted = %+v, %v", sb, err)
		}
		if _, err := db.SaveBid(ctx, tn.ID, b.ID, 1, nil); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("changing a submitted bid: %v", err)
		}
		q, err := db.AskQuestion(ctx, tn.ID, b.ID, "Is TUPE expected?")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.AnswerQuestion(ctx, tn.ID, q.ID, "No.", false, ""); len(apperr.FieldsOf(err)) != 1 {
			t.Fatalf("private answer without a reason: %v", err)
		}
		if err := db.AnswerQuestion(ctx, tn.ID, q.ID, "No.", true, ""); err != nil {
			t.Fatal(err)
		}
		clock = clock.Add(49 * time.Hour)
		if err := db.WithdrawBid(ctx, tn.ID, b.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("withdrawing after the deadline: %v", err)
		}
		if _, err := db.SaveBid(ctx, tn.ID, b.ID, 1, nil); apperr.Code(err) != apperr.Conflict || apperr.Message(err)[:23] != "The deadline for bids w" {
			t.Fatalf("late change: %v", err)
		}
		if err := db.SaveITT(ctx, tn.ID, tenderITT(clock), "late"); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("amending after the deadline: %v", err)
		}
	})
}

// TestConcurrentScoresLandOnce has many evaluators save and submit their
// scores at the same time and finds every score exactly once.
func TestConcurrentScoresLandOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clock := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return clock }
		_, tn := publishedTender(t, db, &clock)
		var bids []*tender.Bidder
		for i := range 3 {
			org, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: fmt.Sprintf("Provider %d", i), Kind: auth.KindProvider})
			b, err := db.RegisterInterest(ctx, tn.ID, org.ID)
			if err != nil {
				t.Fatal(err)
			}
			db.SaveBid(ctx, tn.ID, b.ID, int64(100000+i), map[string]string{"Q1": "a", "Q2": "b"})
			if _, err := db.SubmitBid(ctx, tn.ID, b.ID); err != nil {
				t.Fatal(err)
			}
			bids = append(bids, b)
		}
		const evaluators = 8
		var users []string
		for i := range evaluators {
			u, _ := db.CreateUser(ctx, fmt.Sprintf("ev%d@example.org", i), fmt.Sprintf("Evaluator %d", i), "x")
			panel := tender.Commissioner
			if i%2 == 1 {
				panel = tender.LivedExperience
			}
			if err := db.AddPanelMember(ctx, tn.ID, u.ID, panel, i < 2); err != nil {
				t.Fatal(err)
			}
			for _, b := range bids {
				if err := db.Declare(ctx, tn.ID, u.ID, b.ID, false, ""); err != nil {
					t.Fatal(err)
				}
			}
			users = append(users, u.ID)
		}
		clock = clock.Add(49 * time.Hour)
		submitted, _ := db.SubmittedBids(ctx, tn.ID)
		var wg sync.WaitGroup
		errs := make(chan error, evaluators)
		for i, u := range users {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := audit.WithActor(context.Background(), u)
				panel, crit := tender.Commissioner, "Q1"
				if i%2 == 1 {
					panel, crit = tender.LivedExperience, "Q2"
				}
				for j, b := range submitted {
					for range 2 { // saving twice changes the score, never adds one
						if err := db.SaveScore(c, tn.ID, tender.IndividualScore{Evaluator: u, Bid: b.ID, Criterion: crit, Panel: panel, Score: (i + j) % 6}); err != nil {
							errs <- err
							return
						}
					}
				}
				errs <- db.SubmitScores(c, tn.ID, u, panel)
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		var scores []tender.ScoreRecord
		for _, u := range users { // before moderation, each sees their own
			own, err := db.Scores(ctx, tn.ID, u)
			if err != nil {
				t.Fatal(err)
			}
			scores = append(scores, own...)
		}
		seen := map[string]int{}
		for _, s := range scores {
			seen[s.Evaluator+"/"+s.Bid+"/"+s.Criterion]++
			if !s.Submitted {
				t.Errorf("score %+v not submitted", s)
			}
		}
		if len(scores) != evaluators*len(submitted) || len(seen) != len(scores) {
			t.Fatalf("%d scores, %d distinct; want %d", len(scores), len(seen), evaluators*len(submitted))
		}
		chair := audit.WithActor(ctx, users[0])
		if err := db.OpenPanelModeration(chair, tn.ID, tender.Commissioner); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveScore(audit.WithActor(ctx, users[2]), tn.ID, tender.IndividualScore{Evaluator: users[2], Bid: submitted[0].ID, Criterion: "Q1", Panel: tender.Commissioner, Score: 1}); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("changing a score in moderation: %v", err)
		}
	})
}
