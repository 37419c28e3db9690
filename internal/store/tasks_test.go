package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/tasks"
)

// TestTasksFollowWhatWaits: on the demo data, a proposal opened now waits
// for each member of the group until they answer it and never for the
// commissioner; a commitment past its due date waits for its owner until
// it is done, and then the group is asked whether it changed until each
// member has said. Both engines.
func TestTasksFollowWhatWaits(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		db := storetest.OpenSeeded(t, engine, "demo", func(ctx context.Context, db *store.DB) error { return demo.Seed(ctx, db) })
		now := time.Now().UTC().Truncate(time.Minute)
		db.Now = func() time.Time { return now }
		rounds, _, err := db.ListRounds(ctx, round.Query{All: true})
		if err != nil || len(rounds) != 1 {
			t.Fatalf("demo rounds: %d, %v", len(rounds), err)
		}
		rd := rounds[0]
		users := map[string]string{}
		for _, who := range []string{"commissioner", "facilitator", "member", "member2", "provider", "researcher"} {
			u, err := db.UserByEmail(ctx, who+"@demo.test")
			if err != nil {
				t.Fatal(err)
			}
			users[who] = u.ID
		}
		as := func(who string) context.Context { return audit.WithActor(ctx, users[who]) }
		find := func(who string, kind tasks.Kind, href string) (tasks.Task, bool) {
			t.Helper()
			ts, err := db.Tasks(ctx, users[who])
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range ts {
				if x.Kind == kind && x.Href == href {
					return x, true
				}
			}
			return tasks.Task{}, false
		}

		// A proposal opened now, closing in three days.
		uk := now.In(round.London)
		closes := uk.Add(72 * time.Hour)
		p, err := db.CreateProposal(as("facilitator"), rd.ID, round.NewProposal{Kind: round.KindQuestion, Title: "Meet on Saturdays?",
			PlainEnglish: "Should the group meet on Saturdays?", EasyRead: "Meet on Saturday?", ProposedBy: users["facilitator"],
			OpensDate: uk.Format("2006-01-02"), OpensTime: uk.Format("15:04"), ClosesDate: closes.Format("2006-01-02"), ClosesTime: closes.Format("15:04")})
		if err != nil {
			t.Fatal(err)
		}
		href := "/rounds/" + rd.ID + "/decisions/" + p.ID
		for _, who := range []string{"member", "member2"} {
			got, ok := find(who, tasks.Respond, href)
			if !ok {
				t.Fatalf("%s: no task to respond to the new proposal", who)
			}
			if got.Subject != "Meet on Saturdays?" || got.Where != rd.Title || !got.HasTime || !got.Due.Equal(p.ClosesAt) {
				t.Errorf("%s: respond task = %+v", who, got)
			}
			if w := got.DueWords(now); !strings.HasPrefix(w, "due in 3 days, on ") {
				t.Errorf("%s: due words %q", who, w)
			}
		}
		for _, who := range []string{"commissioner", "facilitator", "provider", "researcher"} {
			if _, ok := find(who, tasks.Respond, href); ok {
				t.Errorf("%s is asked to respond, but is not a member of the group", who)
			}
		}
		if err := db.Respond(as("member"), rd.ID, p.ID, users["member"], round.NewResponse{Answer: round.AnswerAgree}); err != nil {
			t.Fatal(err)
		}
		if _, ok := find("member", tasks.Respond, href); ok {
			t.Error("member still asked to respond after answering")
		}
		if _, ok := find("member2", tasks.Respond, href); !ok {
			t.Error("member2's task went when member answered")
		}

		// Something said ten days ago, promised by the commissioner for two days ago.
		today := now.In(round.London)
		day := func(d int) string { return today.AddDate(0, 0, d).Format("2006-01-02") }
		item, err := db.CreateItem(as("facilitator"), ledger.NewItem{Said: "Letters arrive after the appointment.", Source: ledger.SourceSession,
			SaidOn: day(-10), RoundID: rd.ID, OrgIDs: []string{rd.OrgID}, Today: day(0)})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Commit(as("commissioner"), item.ID, ledger.NewCommitment{OwnerOrgID: rd.OrgID, OwnerUserID: users["commissioner"],
			What: "Send letters two weeks before each appointment", DueOn: day(-2), CommittedOn: day(-9), Today: day(0)}); err != nil {
			t.Fatal(err)
		}
		itemHref := "/ledger/items/" + item.ID
		got, ok := find("commissioner", tasks.Overdue, itemHref)
		if !ok {
			t.Fatal("the owner is not told the commitment is overdue")
		}
		if w := got.DueWords(now); !strings.HasPrefix(w, "2 days overdue: it was due on ") {
			t.Errorf("overdue words %q", w)
		}
		if _, ok := find("facilitator", tasks.Overdue, itemHref); ok {
			t.Error("someone who does not own the commitment is told it is overdue")
		}
		if err := db.SetStatus(as("commissioner"), item.ID, ledger.StatusChange{Status: ledger.StatusDone, Today: day(0)}); err != nil {
			t.Fatal(err)
		}
		if _, ok := find("commissioner", tasks.Overdue, itemHref); ok {
			t.Error("a commitment that is done is still overdue")
		}
		verdictHref := itemHref + "/verdict"
		for _, who := range []string{"member", "member2"} {
			if _, ok := find(who, tasks.Verdict, verdictHref); !ok {
				t.Errorf("%s is not asked whether it changed", who)
			}
		}
		if _, ok := find("commissioner", tasks.Verdict, verdictHref); ok {
			t.Error("the commissioner is asked for the group's verdict")
		}
		m, err := db.MemberForUser(ctx, rd.ID, users["member"])
		if err != nil {
			t.Fatal(err)
		}
		if err := db.RecordVerdict(as("member"), item.ID, ledger.NewVerdict{Verdict: ledger.VerdictTooEarly, Comment: "Only one letter so far."},
			ledger.VerdictBy{UserID: users["member"], MemberID: m.ID, Pseudonym: m.Pseudonym}); err != nil {
			t.Fatal(err)
		}
		if _, ok := find("member", tasks.Verdict, verdictHref); ok {
			t.Error("member still asked for a verdict after giving one")
		}
		if _, ok := find("member2", tasks.Verdict, verdictHref); !ok {
			t.Error("member2 no longer asked after member gave a verdict")
		}
	})
}

// TestYourTenders: the demo round has three tenders (two run to moderation
// and award, and a draft; internal/demo/tenders.go and decisions.go): its
// commissioner lead and an observer of the round see all three, the panel
// chairs and a panel member who holds no role in the round the two with
// panels, and a bidder none (bidders find tenders on the list open to
// bidders). Both engines.
func TestYourTenders(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		db := storetest.OpenSeeded(t, engine, "demo", func(ctx context.Context, db *store.DB) error { return demo.Seed(ctx, db) })
		id := func(who string) string {
			u, err := db.UserByEmail(ctx, who+"@demo.test")
			if err != nil {
				t.Fatal(err)
			}
			return u.ID
		}
		for _, c := range []struct {
			who    string
			count  int
			role   string // on each tender with a panel
			drafts int
		}{
			{"commissioner", 3, "Commissioner lead", 1},
			{"researcher", 3, "", 1}, // an observer of the round
			{"evaluator", 3, "Evaluator on the commissioner panel", 1},
			{"chair", 2, "Chair of the commissioner panel", 0},
			{"chair2", 2, "Chair of the lived experience panel", 0},
			{"evaluator2", 2, "Evaluator on the lived experience panel", 0},
		} {
			ps, err := db.YourTenders(ctx, id(c.who), false)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != c.count {
				t.Fatalf("%s: %d tenders, want %d: %+v", c.who, len(ps), c.count, ps)
			}
			drafts := 0
			for _, p := range ps {
				if !p.Published {
					drafts++
					continue
				}
				if c.role == "" && len(p.Roles) != 0 || c.role != "" && (len(p.Roles) != 1 || p.Roles[0] != c.role) || p.RoundTitle == "" {
					t.Errorf("%s: %+v", c.who, p)
				}
			}
			if drafts != c.drafts {
				t.Errorf("%s: %d drafts, want %d", c.who, drafts, c.drafts)
			}
		}
		if ps, err := db.YourTenders(ctx, id("provider"), false); err != nil || len(ps) != 0 {
			t.Errorf("provider: %+v %v", ps, err)
		}
		if ps, err := db.YourTenders(ctx, id("admin"), true); err != nil || len(ps) != 3 {
			t.Errorf("admin: %+v %v", ps, err)
		}
	})
}
