package store_test

import (
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// accountMember adds a member of the group who has an account, as joining
// by invitation does.
func accountMember(t *testing.T, db *store.DB, roundID, email, pseudonym string) (*auth.User, *round.Member) {
	t.Helper()
	u, err := db.CreateUser(ctx, email, pseudonym+" (account)", "x")
	if err != nil {
		t.Fatal(err)
	}
	n := round.NewMember{UserID: u.ID, Pseudonym: pseudonym, Consents: []round.ConsentPurpose{round.ConsentTakePart, round.ConsentSharePseudonym}}
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	m, err := db.AddRoundMember(ctx, roundID, n)
	if err != nil {
		t.Fatal(err)
	}
	return u, m
}

func moveTo(t *testing.T, db *store.DB, roundID string, stages ...round.Stage) {
	t.Helper()
	for _, s := range stages {
		if err := db.MoveStage(ctx, roundID, s, ""); err != nil {
			t.Fatalf("moving to %s: %v", s, err)
		}
	}
}

// TestMembersChangeOnlyTheirOwnWhileTheStageIsOpen: the owner check (the
// member record of the acting user), the stage check, and what a delete
// takes with it.
func TestMembersChangeOnlyTheirOwnWhileTheStageIsOpen(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r, _ := roundFixture(t, db)
		ashUser, ash := accountMember(t, db, r.ID, "ash@example.net", "Ash")
		boUser, bo := accountMember(t, db, r.ID, "bo@example.net", "Bo")
		stranger, err := db.CreateUser(ctx, "stranger@example.net", "Stranger", "x")
		if err != nil {
			t.Fatal(err)
		}
		moveTo(t, db, r.ID, round.StageGroup, round.StageStories)
		st, err := db.AddStory(ctx, r.ID, evidence.NewStory{MemberID: ash.ID, Title: "My first year", Body: "It was hard."})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.AddStep(ctx, r.ID, st.ID, evidence.Step{Touchpoint: "GP", WhatHappened: "Waited", Feeling: 2}); err != nil {
			t.Fatal(err)
		}
		edit := evidence.NewStory{MemberID: ash.ID, Title: "My first year at college", Body: "It was hard, then better."}
		for who, id := range map[string]string{"another member": boUser.ID, "someone outside the group": stranger.ID} {
			if err := db.EditOwnStory(ctx, r.ID, st.ID, id, edit); apperr.Code(err) != apperr.Forbidden {
				t.Errorf("%s editing Ash's story = %v, want Forbidden", who, err)
			}
			if err := db.DeleteOwn(ctx, r.ID, evidence.KindStory, st.ID, id); apperr.Code(err) != apperr.Forbidden {
				t.Errorf("%s deleting Ash's story = %v, want Forbidden", who, err)
			}
		}
		if got, _ := db.StoryByID(ctx, r.ID, st.ID, round.Facilitators); got.Title != "My first year" || len(got.Steps) != 1 {
			t.Fatalf("after refusals the story = %+v", got)
		}
		if err := db.EditOwnStory(ctx, r.ID, "no-such-story", ashUser.ID, edit); apperr.Code(err) != apperr.NotFound {
			t.Errorf("editing a story not in the round = %v", err)
		}
		actx := audit.WithActor(ctx, ashUser.ID)
		if err := db.EditOwnStory(actx, r.ID, st.ID, ashUser.ID, edit); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.StoryByID(ctx, r.ID, st.ID, round.Facilitators); got.Title != edit.Title || got.Body != edit.Body || len(got.Steps) != 1 {
			t.Fatalf("edited story = %+v", got)
		}
		if evs, _ := db.AuditEvents(ctx, audit.Filter{Action: "story.edit_own", ObjectID: st.ID}); len(evs) != 1 || evs[0].ActorID != ashUser.ID {
			t.Fatalf("audit of the edit = %+v", evs)
		}

		// The Factors stage: stories are now the facilitator's to change.
		moveTo(t, db, r.ID, round.StageFactors)
		err = db.EditOwnStory(ctx, r.ID, st.ID, ashUser.ID, evidence.NewStory{MemberID: ash.ID, Title: "Later", Body: "Later"})
		if apperr.Code(err) != apperr.Conflict || apperr.Message(err) != "You can change or delete your story only during the Stories stage. "+
			"The round is now at the What helps and what harms stage: ask the facilitator to change or remove it for you." {
			t.Fatalf("editing a story after its stage = %v", err)
		}
		if err := db.DeleteOwn(ctx, r.ID, evidence.KindStory, st.ID, ashUser.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("deleting a story after its stage = %v", err)
		}
		f, err := db.AddFactor(ctx, r.ID, evidence.NewFactor{MemberID: ash.ID, Kind: "risk", Domain: "home", Description: "Moving often", StoryID: st.ID})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.EndorseFactor(ctx, r.ID, f.ID, bo.ID); err != nil {
			t.Fatal(err)
		}
		nf := evidence.NewFactor{MemberID: ash.ID, Kind: "protective", Domain: "home", Description: "A settled home"}
		if err := db.EditOwnFactor(ctx, r.ID, f.ID, boUser.ID, nf); apperr.Code(err) != apperr.Forbidden {
			t.Fatalf("Bo editing Ash's factor = %v", err)
		}
		if err := db.EditOwnFactor(ctx, r.ID, f.ID, ashUser.ID, nf); err != nil {
			t.Fatal(err)
		}
		fs, _ := db.Factors(ctx, r.ID, round.Facilitators, "")
		if len(fs) != 1 || fs[0].Kind != "protective" || fs[0].Description != "A settled home" || fs[0].StoryID != "" || fs[0].MeToo != 1 {
			t.Fatalf("edited factor = %+v", fs)
		}
		if err := db.DeleteOwn(ctx, r.ID, evidence.KindFactor, f.ID, ashUser.ID); err != nil {
			t.Fatal(err)
		}
		if fs, _ := db.Factors(ctx, r.ID, round.Facilitators, ""); len(fs) != 0 {
			t.Fatalf("factors after deleting = %+v", fs)
		}

		// Services: feedback; then the vision.
		moveTo(t, db, r.ID, round.StageServices)
		svc, err := db.AddService(ctx, r.ID, evidence.NewService{Name: "Crisis line", Provider: "NHS", Type: "nhs"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.AddFeedback(ctx, r.ID, svc.ID, evidence.NewFeedback{MemberID: ash.ID, Ratings: map[string]int{"listened": 2}, Comment: "Slow"}); err != nil {
			t.Fatal(err)
		}
		fb, _ := db.Feedback(ctx, r.ID, svc.ID, round.Facilitators)
		if len(fb) != 1 {
			t.Fatalf("feedback = %+v", fb)
		}
		if err := db.EditOwnFeedback(ctx, r.ID, fb[0].ID, boUser.ID, evidence.NewFeedback{Comment: "x"}); apperr.Code(err) != apperr.Forbidden {
			t.Fatalf("Bo editing Ash's feedback = %v", err)
		}
		if err := db.EditOwnFeedback(ctx, r.ID, fb[0].ID, ashUser.ID, evidence.NewFeedback{Ratings: map[string]int{"listened": 4}, Comment: "Better now"}); err != nil {
			t.Fatal(err)
		}
		if fb, _ = db.Feedback(ctx, r.ID, svc.ID, round.Facilitators); fb[0].Comment != "Better now" || fb[0].Ratings["listened"] != 4 || len(fb[0].Ratings) != 1 {
			t.Fatalf("edited feedback = %+v", fb)
		}
		moveTo(t, db, r.ID, round.StageVision)
		if err := db.EditOwnFeedback(ctx, r.ID, fb[0].ID, ashUser.ID, evidence.NewFeedback{Comment: "Later"}); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("editing feedback after its stage = %v", err)
		}
		vs, err := db.AddStatement(ctx, r.ID, evidence.NewStatement{MemberID: bo.ID, Body: "I choose who supports me"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.EditOwnStatement(ctx, r.ID, vs.ID, ashUser.ID, "I decide"); apperr.Code(err) != apperr.Forbidden {
			t.Fatalf("Ash editing Bo's statement = %v", err)
		}
		if err := db.EditOwnStatement(ctx, r.ID, vs.ID, boUser.ID, "I choose who supports me, and when"); err != nil {
			t.Fatal(err)
		}
		if err := db.SetVoting(ctx, r.ID, round.VotingOpen, 5); err != nil {
			t.Fatal(err)
		}
		if err := db.CastVotes(ctx, r.ID, ash.ID, map[string]int{vs.ID: 3}); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteOwn(ctx, r.ID, evidence.KindVision, vs.ID, boUser.ID); err != nil {
			t.Fatal(err)
		}
		if sts, _ := db.Statements(ctx, r.ID, round.Facilitators, ash.ID); len(sts) != 0 {
			t.Fatalf("statements after deleting = %+v", sts)
		}
		// The story Ash may no longer change is still all there.
		if got, _ := db.StoryByID(ctx, r.ID, st.ID, round.Facilitators); got.Title != edit.Title || len(got.Steps) != 1 {
			t.Fatalf("story at the end = %+v", got)
		}
	})
}

// TestMyInformationIsAllMineAndOnlyMine: the member's own record, consent
// history, sessions, payments and contributions, with nothing of another
// member's; and the member changes their own consent.
func TestMyInformationIsAllMineAndOnlyMine(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r, _ := roundFixture(t, db)
		ashUser, ash := accountMember(t, db, r.ID, "ash@example.net", "Ash")
		_, bo := accountMember(t, db, r.ID, "bo@example.net", "Bo")
		moveTo(t, db, r.ID, round.StageGroup, round.StageStories)
		if _, err := db.AddStory(ctx, r.ID, evidence.NewStory{MemberID: ash.ID, Title: "Ash's story", Body: "Mine"}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddStory(ctx, r.ID, evidence.NewStory{MemberID: bo.ID, Title: "Bo's story", Body: "Not Ash's"}); err != nil {
			t.Fatal(err)
		}
		n := round.NewSession{Date: "2026-10-08", Time: "18:00", Place: "Trinity Centre", Activities: []string{"life_stories"}}
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		s, err := db.CreateGroupSession(ctx, r.ID, n)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetAttendance(ctx, r.ID, s.ID, []string{ash.ID, bo.ID}); err != nil {
			t.Fatal(err)
		}
		for _, p := range []round.NewPayment{{MemberID: ash.ID, Amount: "25", Method: "bank_transfer", PaidOn: "2026-10-09"},
			{MemberID: bo.ID, Amount: "30", Method: "voucher", PaidOn: "2026-10-09"}} {
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
			if err := db.AddPayment(ctx, r.ID, s.ID, p); err != nil {
				t.Fatal(err)
			}
		}
		actx := audit.WithActor(ctx, ashUser.ID)
		if err := db.RecordOwnConsent(actx, r.ID, ashUser.ID, round.ConsentSharePseudonym, false); err != nil {
			t.Fatal(err)
		}
		if err := db.RecordOwnConsent(actx, r.ID, ashUser.ID, round.ConsentPurpose("sell"), true); apperr.FieldsOf(err) == nil {
			t.Fatalf("consent to an unknown purpose = %v", err)
		}
		mine, err := db.MyInformation(ctx, r.ID, ashUser.ID)
		if err != nil {
			t.Fatal(err)
		}
		if mine.Member.ID != ash.ID || mine.Member.Pseudonym != "Ash" || len(mine.Stories) != 1 || mine.Stories[0].Title != "Ash's story" {
			t.Fatalf("my information = %+v", mine)
		}
		// Ash withdrew consent to be named, but sees her own story as hers.
		if !mine.Stories[0].Author.Own || mine.Member.Consent.Named() || !mine.Member.Consent.TakesPart() {
			t.Fatalf("my story and consent = %+v %+v", mine.Stories[0].Author, mine.Member.Consent)
		}
		if len(mine.Consent) != 3 || mine.Consent[2].Purpose != round.ConsentSharePseudonym || mine.Consent[2].Given || mine.Consent[2].RecordedBy != ashUser.ID {
			t.Fatalf("consent history = %+v", mine.Consent)
		}
		if len(mine.Sessions) != 1 || mine.Sessions[0].Attendees != nil || len(mine.Payments) != 1 || mine.Payments[0].AmountPence != 2500 {
			t.Fatalf("sessions and payments = %+v %+v", mine.Sessions, mine.Payments)
		}
		stranger, _ := db.CreateUser(ctx, "stranger@example.net", "Stranger", "x")
		if _, err := db.MyInformation(ctx, r.ID, stranger.ID); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("someone outside the group = %v", err)
		}
	})
}
