package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/tasks"
)

// TestInvitationsToAcceptAreTasks: an invitation made out to someone's
// email address waits in their tasks, due when it expires, until it is
// withdrawn (or used, or expires); invitations to other addresses do not.
func TestInvitationsToAcceptAreTasks(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		ctx := context.Background()
		db := storetest.OpenSeeded(t, engine, "demo", func(ctx context.Context, db *store.DB) error { return demo.Seed(ctx, db) })
		rounds, _, err := db.ListRounds(ctx, round.Query{All: true})
		if err != nil || len(rounds) != 1 {
			t.Fatalf("demo rounds: %d, %v", len(rounds), err)
		}
		rd := rounds[0]
		lead, _ := db.UserByEmail(ctx, "facilitator@demo.test")
		invitee, _ := db.UserByEmail(ctx, "researcher@demo.test")
		as := audit.WithActor(ctx, lead.ID)
		joins := func() []tasks.Task {
			t.Helper()
			ts, err := db.Tasks(ctx, invitee.ID)
			if err != nil {
				t.Fatal(err)
			}
			var out []tasks.Task
			for _, x := range ts {
				if x.Kind == tasks.Join {
					out = append(out, x)
				}
			}
			return out
		}
		if got := joins(); len(got) != 0 {
			t.Fatalf("before any invitation: %+v", got)
		}
		if _, err := db.IssueRoundInvitation(as, rd.ID, round.NewInvitation{Role: auth.RoleMember, ForName: "Someone else", Email: "someone.else@example.org"}, 7*24*time.Hour); err != nil {
			t.Fatal(err)
		}
		iss, err := db.IssueRoundInvitation(as, rd.ID, round.NewInvitation{Role: auth.RoleMember, ForName: "Dr Lee", Email: "Researcher@Demo.test"}, 7*24*time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		got := joins()
		if len(got) != 1 || got[0].Subject != rd.Title || got[0].Href != "/join" || !got[0].HasTime || !got[0].Due.Equal(iss.Invitation.ExpiresAt.UTC()) {
			t.Fatalf("an invitation to the researcher's address: %+v (expires %s)", got, iss.Invitation.ExpiresAt)
		}
		if _, err := db.RevokeRoundInvitation(as, rd.ID, iss.Invitation.ID); err != nil {
			t.Fatal(err)
		}
		if got := joins(); len(got) != 0 {
			t.Errorf("after it was withdrawn: %+v", got)
		}
	})
}
