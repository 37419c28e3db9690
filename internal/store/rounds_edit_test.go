package store_test

import (
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// Issue 14: a round's title and dates can be changed (audited) until it
// closes; a draft can be deleted while it is an empty draft, never once
// published or holding the group's work; refusals change nothing.
func TestRoundEditAndDeleteDraft(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { now = now.Add(time.Second); return now }
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		icb, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Avon ICB", Kind: auth.KindCommissioner})
		must(err)
		lead, err := db.CreateUser(ctx, "lead@example.org", "Lee Lead", "x")
		must(err)
		open := func(title string) *round.Round {
			n := round.NewRound{OrgID: icb.ID, Title: title, CareArea: "Adult mental health", Purpose: round.PurposeBoth, Stake: "20",
				StartsOn: "2027-02-01", EndsOn: "2027-12-31"}
			must(n.Validate())
			rd, err := db.CreateRound(ctx, n, lead.ID)
			must(err)
			return rd
		}
		rd := open("Adult mental health 2027")

		// Edit: the form's rules, then a change that is audited.
		bad := round.RoundEdit{Title: " ", StartsOn: "31 December 2027", EndsOn: "1 February 2027"}
		if err := db.EditRound(ctx, rd.ID, bad); apperr.Code(err) != apperr.Invalid || len(apperr.FieldsOf(err)) != 2 {
			t.Fatalf("blank title, end before start: %v", err)
		}
		must(db.EditRound(ctx, rd.ID, round.RoundEdit{Title: "  Adult mental health and wellbeing ", StartsOn: "1 March 2027", EndsOn: "29/2/2028"}))
		got, err := db.RoundByID(ctx, rd.ID)
		must(err)
		if got.Title != "Adult mental health and wellbeing" || got.StartsOn != "2027-03-01" || got.EndsOn != "2028-02-29" {
			t.Fatalf("edited round: %q %s %s", got.Title, got.StartsOn, got.EndsOn)
		}
		evs, err := db.AuditEvents(ctx, audit.Filter{Action: "round.edit"})
		must(err)
		if len(evs) != 1 || evs[0].Details["title_was"] != "Adult mental health 2027" || evs[0].Details["ends_on"] != "2028-02-29" {
			t.Fatalf("edit audit: %+v", evs)
		}

		// A published round is not deleted; its title can still change.
		must(db.PublishRound(ctx, rd.ID))
		if err := db.DeleteDraftRound(ctx, rd.ID); apperr.Code(err) != apperr.Conflict || apperr.Message(err) != round.ErrDeletePublished {
			t.Fatalf("deleting a published round: %v", err)
		}
		if _, err := db.RoundByID(ctx, rd.ID); err != nil {
			t.Fatalf("the published round is gone: %v", err)
		}
		must(db.EditRound(ctx, rd.ID, round.RoundEdit{Title: "Adult mental health", StartsOn: "2027-03-01", EndsOn: "2028-02-29"}))

		// A draft holding a member is not deleted, and keeps its lead.
		busy := open("Draft with a member")
		_, err = db.AddRoundMember(ctx, busy.ID, round.NewMember{Pseudonym: "Kai", RealName: "Kai Hidden", ContactEmail: "kai@example.org",
			Consents: []round.ConsentPurpose{round.ConsentTakePart}})
		must(err)
		if err := db.DeleteDraftRound(ctx, busy.ID); apperr.Code(err) != apperr.Conflict || apperr.Message(err) != round.ErrDeleteNotEmpty {
			t.Fatalf("deleting a draft with a member: %v", err)
		}
		if rs, _, err := db.ListRounds(ctx, round.Query{UserID: lead.ID}); err != nil || len(rs) != 2 {
			t.Fatalf("after the refusal the lead holds %d rounds: %v", len(rs), err)
		}

		// An empty draft (moved a stage) is deleted with its roles; audited.
		empty := open("Opened by mistake")
		must(db.MoveStage(ctx, empty.ID, round.StageGroup, ""))
		must(db.DeleteDraftRound(ctx, empty.ID))
		if _, err := db.RoundByID(ctx, empty.ID); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("deleted draft: %v", err)
		}
		if rs, _, err := db.ListRounds(ctx, round.Query{UserID: lead.ID}); err != nil || len(rs) != 2 {
			t.Fatalf("after deleting the lead holds %d rounds: %v", len(rs), err)
		}
		evs, err = db.AuditEvents(ctx, audit.Filter{Action: "round.delete"})
		must(err)
		if len(evs) != 1 || evs[0].ObjectID != empty.ID || evs[0].Details["title"] != "Opened by mistake" {
			t.Fatalf("delete audit: %+v", evs)
		}
		if err := db.DeleteDraftRound(ctx, empty.ID); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("deleting twice: %v", err)
		}
	})
}
