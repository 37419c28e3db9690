package web_test

import (
	"context"
	"html"
	"net/http"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestBoardRoundsIsThePublicRecord: anyone reads, without signing in, the
// demo round's stake and its group's counted decisions with their counts
// (the demo's request to lower the stake: 1 agreed, 3 disagreed), and no
// member's name, neither their account's nor the one they chose.
func TestBoardRoundsIsThePublicRecord(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		c := s.client(t)
		res := c.get("/board/rounds")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		// The page escapes what it shows: an apostrophe is &#39;.
		has := func(s string) bool { return strings.Contains(res.Body, html.EscapeString(s)) }
		for _, want := range []string{"Children and young people", "20%", "Lower the group's stake to 15%", "Not passed", round.KindLowerStake.Label()} {
			if !has(want) {
				t.Errorf("the page lacks %q", want)
			}
		}
		if !strings.Contains(res.Body, "<td>1</td><td>0</td><td>3</td><td>0</td>") {
			t.Error("the page lacks the counts: 1 agree, 0 not sure, 3 disagree, 0 block")
		}
		rounds, _, err := s.DB.ListRounds(context.Background(), round.Query{All: true})
		if err != nil || len(rounds) != 1 {
			t.Fatalf("demo rounds: %v", err)
		}
		if !has(rounds[0].Title) || !has(rounds[0].OrgName) {
			t.Errorf("the page lacks the round %q of %q", rounds[0].Title, rounds[0].OrgName)
		}
		members, err := s.DB.RoundMembers(context.Background(), rounds[0].ID, round.Facilitators)
		if err != nil || len(members) == 0 {
			t.Fatalf("demo members: %d, %v", len(members), err)
		}
		for _, m := range members {
			names := []string{m.Pseudonym, m.RealName}
			if m.UserID != "" {
				u, err := s.DB.UserByID(context.Background(), m.UserID)
				if err != nil {
					t.Fatal(err)
				}
				names = append(names, u.DisplayName)
			}
			for _, n := range names {
				if n != "" && has(n) {
					t.Errorf("the public page names %q", n)
				}
			}
		}
		if !strings.Contains(c.get("/board").Body, `href="/board/rounds"`) {
			t.Error("the board does not link to the rounds")
		}
	})
}
