package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/tender"
)

// TestScoresAreSealedInTheStore walks one tender through scoring and
// moderation and checks, at each step, exactly which individual and
// consensus scores each person gets from the store. The commissioner panel
// (Q1) is chairC, evC and evC2, who declared a conflict with Brightpath
// that nobody managed; the lived experience panel (Q2) is chairL and evL;
// lead is on no panel.
func TestScoresAreSealedInTheStore(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clock := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return clock }
		_, tn := publishedTender(t, db, &clock)

		name := map[string]string{} // user and bid ids to the names below
		bidders, bid := map[string]string{}, map[string]string{}
		for _, org := range []string{"Riverside", "Brightpath"} {
			o, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: org, Kind: auth.KindProvider})
			if err != nil {
				t.Fatal(err)
			}
			b, err := db.RegisterInterest(ctx, tn.ID, o.ID)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.SaveBid(ctx, tn.ID, b.ID, 100000, map[string]string{"Q1": "a", "Q2": "b"}); err != nil {
				t.Fatal(err)
			}
			sb, err := db.SubmitBid(ctx, tn.ID, b.ID)
			if err != nil {
				t.Fatal(err)
			}
			bidders[org], bid[org], name[sb.ID] = b.ID, sb.ID, org
		}
		id := map[string]string{}
		seats := []struct {
			who   string
			panel tender.Panel
			chair bool
		}{
			{"chairC", tender.Commissioner, true}, {"evC", tender.Commissioner, false}, {"evC2", tender.Commissioner, false},
			{"chairL", tender.LivedExperience, true}, {"evL", tender.LivedExperience, false},
		}
		for _, s := range seats {
			u, err := db.CreateUser(ctx, s.who+"@example.org", s.who, "x")
			if err != nil {
				t.Fatal(err)
			}
			id[s.who], name[u.ID] = u.ID, s.who
			if err := db.AddPanelMember(ctx, tn.ID, u.ID, s.panel, s.chair); err != nil {
				t.Fatal(err)
			}
			for org, bidder := range bidders {
				conflict := s.who == "evC2" && org == "Brightpath"
				if err := db.Declare(ctx, tn.ID, u.ID, bidder, conflict, "Trustee of Brightpath"); err != nil {
					t.Fatal(err)
				}
			}
		}
		lead, err := db.CreateUser(ctx, "onlooker@example.org", "Onlooker", "x")
		if err != nil {
			t.Fatal(err)
		}
		id["lead"] = lead.ID
		as := func(who string) context.Context { return audit.WithActor(ctx, id[who]) }

		// sees lists what each viewer gets, as sorted "who/bid/criterion"
		// and "panel/bid/criterion", against what they should.
		sees := func(step string, want map[string][]string, wantConsensus map[string][]string) {
			t.Helper()
			for _, who := range []string{"chairC", "evC", "evC2", "chairL", "evL", "lead"} {
				ss, err := db.Scores(ctx, tn.ID, id[who])
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, s := range ss {
					got = append(got, name[s.Evaluator]+"/"+name[s.Bid]+"/"+s.Criterion)
				}
				slices.Sort(got)
				if w := want[who]; !slices.Equal(got, w) {
					t.Errorf("%s: %s gets scores %v, want %v", step, who, got, w)
				}
				cs, err := db.ConsensusScores(ctx, tn.ID, id[who])
				if err != nil {
					t.Fatal(err)
				}
				got = nil
				for _, c := range cs {
					got = append(got, string(c.Panel)+"/"+name[c.Bid]+"/"+c.Criterion)
				}
				slices.Sort(got)
				if w := wantConsensus[who]; !slices.Equal(got, w) {
					t.Errorf("%s: %s gets consensus %v, want %v", step, who, got, w)
				}
			}
		}

		clock = clock.Add(49 * time.Hour) // bids have closed
		for _, s := range []struct {
			who, org string
			score    int
		}{
			{"chairC", "Riverside", 4}, {"chairC", "Brightpath", 3}, {"evC", "Riverside", 2}, {"evC", "Brightpath", 5},
			{"evC2", "Riverside", 3}, {"chairL", "Riverside", 4}, {"chairL", "Brightpath", 4}, {"evL", "Riverside", 1}, {"evL", "Brightpath", 2},
		} {
			panel, crit := tender.Commissioner, "Q1"
			if s.who == "chairL" || s.who == "evL" {
				panel, crit = tender.LivedExperience, "Q2"
			}
			if err := db.SaveScore(as(s.who), tn.ID, tender.IndividualScore{Evaluator: id[s.who], Bid: bid[s.org], Criterion: crit, Panel: panel, Score: s.score}); err != nil {
				t.Fatalf("%s scoring %s: %v", s.who, s.org, err)
			}
		}
		if err := db.SaveScore(as("evC2"), tn.ID, tender.IndividualScore{Evaluator: id["evC2"], Bid: bid["Brightpath"], Criterion: "Q1",
			Panel: tender.Commissioner, Score: 1}); apperr.Code(err) != apperr.Forbidden {
			t.Fatalf("evC2 scoring the bid their conflict excludes them from: %v", err)
		}
		own := map[string][]string{
			"chairC": {"chairC/Brightpath/Q1", "chairC/Riverside/Q1"},
			"evC":    {"evC/Brightpath/Q1", "evC/Riverside/Q1"},
			"evC2":   {"evC2/Riverside/Q1"},
			"chairL": {"chairL/Brightpath/Q2", "chairL/Riverside/Q2"},
			"evL":    {"evL/Brightpath/Q2", "evL/Riverside/Q2"},
		}
		sees("drafts", own, nil)

		for _, who := range []string{"chairC", "evC2", "chairL", "evL"} {
			panel := tender.Commissioner
			if who == "chairL" || who == "evL" {
				panel = tender.LivedExperience
			}
			if err := db.SubmitScores(as(who), tn.ID, id[who], panel); err != nil {
				t.Fatalf("%s submitting: %v", who, err)
			}
		}
		sees("submitted, moderation closed", own, nil)
		progress, err := db.ModerationProgress(ctx, tn.ID, tender.Commissioner)
		if want := []tender.MemberProgress{{Evaluator: id["chairC"], SubmittedAll: true}, {Evaluator: id["evC"]}, {Evaluator: id["evC2"], SubmittedAll: true}}; err != nil ||
			!slices.Equal(progress, want) {
			t.Errorf("commissioner panel progress %v, %v; want %v", progress, err, want)
		}
		if err := db.OpenPanelModeration(as("chairC"), tn.ID, tender.Commissioner); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("opening moderation with evC still scoring: %v", err)
		}

		// The lived experience panel moderates; the commissioner panel
		// sees nothing of it, and evC's drafts are still theirs alone.
		if err := db.OpenPanelModeration(as("chairL"), tn.ID, tender.LivedExperience); err != nil {
			t.Fatal(err)
		}
		for org, score := range map[string]int{"Riverside": 4, "Brightpath": 3} {
			if err := db.RecordConsensus(as("chairL"), tn.ID, tender.Consensus{Bid: bid[org], Criterion: "Q2", Panel: tender.LivedExperience,
				Score: score, Rationale: "Agreed"}); err != nil {
				t.Fatal(err)
			}
		}
		lep := []string{"chairL/Brightpath/Q2", "chairL/Riverside/Q2", "evL/Brightpath/Q2", "evL/Riverside/Q2"}
		lepConsensus := []string{"lived_experience/Brightpath/Q2", "lived_experience/Riverside/Q2"}
		one := map[string][]string{"chairC": own["chairC"], "evC": own["evC"], "evC2": own["evC2"], "chairL": lep, "evL": lep}
		sees("lived experience moderation open", one, map[string][]string{"chairL": lepConsensus, "evL": lepConsensus})

		// evC submits last: still sealed until their chair opens moderation.
		if err := db.SubmitScores(as("evC"), tn.ID, id["evC"], tender.Commissioner); err != nil {
			t.Fatal(err)
		}
		sees("all submitted", one, map[string][]string{"chairL": lepConsensus, "evL": lepConsensus})

		if err := db.OpenPanelModeration(as("chairC"), tn.ID, tender.Commissioner); err != nil {
			t.Fatal(err)
		}
		for org, score := range map[string]int{"Riverside": 3, "Brightpath": 4} {
			if err := db.RecordConsensus(as("chairC"), tn.ID, tender.Consensus{Bid: bid[org], Criterion: "Q1", Panel: tender.Commissioner,
				Score: score, Rationale: "Agreed"}); err != nil {
				t.Fatal(err)
			}
		}
		com := []string{"chairC/Brightpath/Q1", "chairC/Riverside/Q1", "evC/Brightpath/Q1", "evC/Riverside/Q1", "evC2/Riverside/Q1"}
		comConsensus := []string{"commissioner/Brightpath/Q1", "commissioner/Riverside/Q1"}
		sees("both panels moderating",
			map[string][]string{"chairC": com, "evC": com, "evC2": {"chairC/Riverside/Q1", "evC/Riverside/Q1", "evC2/Riverside/Q1"}, "chairL": lep, "evL": lep},
			map[string][]string{"chairC": comConsensus, "evC": comConsensus, "evC2": {"commissioner/Riverside/Q1"}, "chairL": lepConsensus, "evL": lepConsensus})

		// The result needs every consensus score of both panels.
		all, err := db.ConsensusForResult(ctx, tn.ID)
		if err != nil || len(all) != 4 {
			t.Fatalf("consensus for the result: %d, %v; want 4", len(all), err)
		}
	})
}
