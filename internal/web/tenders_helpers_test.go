package web_test

import (
	"context"
	"testing"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/tender"
)

// tenderRound returns the demo round the demo tenders belong to (the
// first), with a context for calling the store directly.
func tenderRound(t *testing.T, s *testServer) (context.Context, round.Round) {
	t.Helper()
	ctx := audit.WithActor(context.Background(), "")
	rs, _, err := s.DB.ListRounds(ctx, round.Query{All: true})
	if err != nil || len(rs) == 0 {
		t.Fatalf("demo rounds: %v %v", rs, err)
	}
	return ctx, rs[0]
}

// demoTenders returns the demo round and its two published tenders (one
// awarded, one in moderation); its third, a draft, waits for the group to
// agree its questions.
func demoTenders(t *testing.T, s *testServer) (context.Context, round.Round, []tender.Tender) {
	t.Helper()
	ctx, rd := tenderRound(t, s)
	all, _, err := s.DB.ListTenders(ctx, rd.ID, "", 10)
	var ts []tender.Tender
	for _, tn := range all {
		if tn.Published() {
			ts = append(ts, tn)
		}
	}
	if err != nil || len(all) != 3 || len(ts) != 2 {
		t.Fatalf("demo tenders: %d, %d published, %v", len(all), len(ts), err)
	}
	return ctx, rd, ts
}

// draftTender starts a tender in the demo round.
func draftTender(t *testing.T, s *testServer, title string) (context.Context, *tender.Tender) {
	t.Helper()
	ctx, rd := tenderRound(t, s)
	tn, err := s.DB.CreateTender(ctx, rd.ID, title)
	if err != nil {
		t.Fatal(err)
	}
	return ctx, tn
}
