package store_test

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestConsentWithdrawalHidesContentEverywhere builds a small round where
// Ash shares everything with their name, Bo shares anonymously, and Cy
// withdraws first story sharing and then taking part, and checks every read
// for the Group against the Facilitators.
func TestConsentWithdrawalHidesContentEverywhere(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r, _ := roundFixture(t, db)
		ash := addMember(t, db, r.ID, "Ash", "Ash Patel", round.ConsentTakePart, round.ConsentSharePseudonym)
		bo := addMember(t, db, r.ID, "Bo", "Bo Green", round.ConsentTakePart, round.ConsentShareAnonymous)
		cy := addMember(t, db, r.ID, "Cy", "Cy Private", round.ConsentTakePart, round.ConsentSharePseudonym)
		story := func(m *round.Member, title string) *evidence.Story {
			s, err := db.AddStory(ctx, r.ID, evidence.NewStory{MemberID: m.ID, Title: title, Body: title + ": the crisis team took weeks"})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		sa, sb, sc := story(ash, "Finding Kooth"), story(bo, "School nurse"), story(cy, "Waiting for the crisis team")
		if err := db.AddStep(ctx, r.ID, sc.ID, evidence.Step{Touchpoint: "GP", WhatHappened: "Referred", Feeling: 2}); err != nil {
			t.Fatal(err)
		}
		fa, _ := db.AddFactor(ctx, r.ID, evidence.NewFactor{MemberID: ash.ID, Kind: "protective", Domain: "relationships", Description: "My youth worker", StoryID: sc.ID})
		fc, _ := db.AddFactor(ctx, r.ID, evidence.NewFactor{MemberID: cy.ID, Kind: "risk", Domain: "safety", Description: "Nobody answers at night"})
		for _, m := range []*round.Member{bo, cy} {
			if err := db.EndorseFactor(ctx, r.ID, fa.ID, m.ID); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.EndorseFactor(ctx, r.ID, fa.ID, bo.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("second me too = %v", err)
		}
		svc, _ := db.AddService(ctx, r.ID, evidence.NewService{Name: "Kooth", Provider: "Kooth plc", Type: "online"})
		if err := db.AddFeedback(ctx, r.ID, svc.ID, evidence.NewFeedback{MemberID: cy.ID, Ratings: map[string]int{"listened": 2}, Comment: "Slow"}); err != nil {
			t.Fatal(err)
		}
		rows, _ := evidence.ParseFeedbackCSV(strings.NewReader("service,listened,access,waiting,choice,information,comment\nKooth,5,,,,,Great\nNope,1,,,,,\n"),
			map[string]string{"Kooth": svc.ID})
		if n, err := db.ImportFeedback(ctx, r.ID, rows); err != nil || n != 1 {
			t.Fatalf("import = %d %v", n, err)
		}
		va, _ := db.AddStatement(ctx, r.ID, evidence.NewStatement{MemberID: ash.ID, Body: "I get help the same day",
			Links: []evidence.Link{{Kind: evidence.KindStory, ID: sc.ID}, {Kind: evidence.KindStory, ID: sa.ID}, {Kind: evidence.KindService, ID: svc.ID}}})
		vc, _ := db.AddStatement(ctx, r.ID, evidence.NewStatement{MemberID: cy.ID, Body: "I am believed"})
		if err := db.SetVoting(ctx, r.ID, round.VotingOpen, 5); err != nil {
			t.Fatal(err)
		}
		if err := db.CastVotes(ctx, r.ID, cy.ID, map[string]int{va.ID: 3, vc.ID: 2}); err != nil {
			t.Fatal(err)
		}
		if err := db.CastVotes(ctx, r.ID, bo.ID, map[string]int{va.ID: 4, vc.ID: 2}); apperr.FieldsOf(err) == nil {
			t.Fatalf("6 dots of 5 = %v", err)
		}
		if err := db.CastVotes(ctx, r.ID, bo.ID, map[string]int{va.ID: 1}); err != nil {
			t.Fatal(err)
		}
		if err := db.SetVoting(ctx, r.ID, round.VotingClosed, 5); err != nil {
			t.Fatal(err)
		}
		theme, _ := db.CreateTheme(ctx, r.ID, "Crisis care")
		for _, tag := range []struct {
			k  evidence.Kind
			id string
		}{{evidence.KindStory, sc.ID}, {evidence.KindStory, sa.ID}, {evidence.KindFactor, fc.ID}, {evidence.KindService, svc.ID}, {evidence.KindVision, vc.ID}} {
			if err := db.TagItem(ctx, r.ID, theme.ID, tag.k, tag.id); err != nil {
				t.Fatal(err)
			}
		}

		// Cy withdraws consent to share their story: only the story goes.
		if err := db.RecordConsent(ctx, r.ID, cy.ID, round.ConsentSharePseudonym, false); err != nil {
			t.Fatal(err)
		}
		titles := func(a round.Audience, search string) []string {
			ss, _, err := db.Stories(ctx, r.ID, a, search, "", 50)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, s := range ss {
				out = append(out, s.Author.Name+": "+s.Title)
			}
			return out
		}
		if got := strings.Join(titles(round.Group, ""), "|"); got != "Ash: Finding Kooth|A group member: School nurse" {
			t.Fatalf("group stories = %s", got)
		}
		if got := strings.Join(titles(round.Group, "crisis team"), "|"); got != "Ash: Finding Kooth|A group member: School nurse" {
			t.Fatalf("group search = %s", got)
		}
		if got := strings.Join(titles(round.Facilitators, "waiting"), "|"); got != "Cy: Waiting for the crisis team" {
			t.Fatalf("facilitator search = %s", got)
		}
		all, _, _ := db.Stories(ctx, r.ID, round.Facilitators, "", "", 50)
		if len(all) != 3 || !all[2].Author.Withdrawn || !all[2].Author.Hidden || all[0].Author.Withdrawn || all[0].Author.Hidden {
			t.Fatalf("facilitator stories = %+v", all)
		}
		if _, err := db.StoryByID(ctx, r.ID, sc.ID, round.Group); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("withdrawn story by id for the group = %v", err)
		}
		if s, err := db.StoryByID(ctx, r.ID, sc.ID, round.Facilitators); err != nil || len(s.Steps) != 1 || s.Steps[0].Feeling != 2 {
			t.Fatalf("facilitator story = %+v %v", s, err)
		}
		if s, _ := db.StoryByID(ctx, r.ID, sb.ID, round.Group); s.Author.MemberID != "" || s.Author.Name != round.Anonymous {
			t.Fatalf("anonymous story leaks its author: %+v", s.Author)
		}
		// Cy still takes part: their factor, feedback, statement and votes count.
		fs, _ := db.Factors(ctx, r.ID, round.Group, bo.ID)
		if len(fs) != 2 || fs[0].ID != fa.ID || fs[0].MeToo != 2 || !fs[0].EndorsedByMe || fs[0].StoryID != "" {
			t.Fatalf("group factors after story withdrawal = %+v", fs)
		}
		ff, _ := db.Factors(ctx, r.ID, round.Facilitators, "")
		if ff[0].StoryID != sc.ID {
			t.Fatalf("facilitator loses the factor's story link: %+v", ff[0])
		}
		st, _ := db.Statements(ctx, r.ID, round.Group, "")
		if len(st) != 2 || st[0].Dots != 4 || st[1].Dots != 2 || len(st[0].Links) != 2 || st[0].Links[0].Title != "Kooth" || st[0].Links[1].Title != "Finding Kooth" || st[1].Author.Name != round.Anonymous {
			t.Fatalf("group statements = %+v", st)
		}
		mp, _ := db.EvidenceMap(ctx, r.ID, round.Group)
		if c := mp[0].CountList(); c[0] != 1 || c[1] != 1 || c[2] != 1 || c[4] != 1 {
			t.Fatalf("group map after story withdrawal = %v", c)
		}

		// Cy stops taking part: everything of theirs goes, counts included.
		if err := db.RecordConsent(ctx, r.ID, cy.ID, round.ConsentTakePart, false); err != nil {
			t.Fatal(err)
		}
		fs, _ = db.Factors(ctx, r.ID, round.Group, "")
		if len(fs) != 1 || fs[0].MeToo != 1 {
			t.Fatalf("group factors after leaving = %+v", fs)
		}
		ff, _ = db.Factors(ctx, r.ID, round.Facilitators, "")
		if len(ff) != 2 || ff[0].MeToo != 2 || !ff[1].Author.Withdrawn {
			t.Fatalf("facilitator factors after leaving = %+v", ff)
		}
		svcs, _ := db.Services(ctx, r.ID, round.Group)
		fb, _ := db.Feedback(ctx, r.ID, svc.ID, round.Group)
		if svcs[0].Feedback != 1 || len(fb) != 1 || fb[0].Source != "imported" || fb[0].Ratings["listened"] != 5 {
			t.Fatalf("group feedback = %d %+v", svcs[0].Feedback, fb)
		}
		if fsvc, _ := db.Services(ctx, r.ID, round.Facilitators); fsvc[0].Feedback != 2 {
			t.Fatalf("facilitator feedback count = %d", fsvc[0].Feedback)
		}
		st, _ = db.Statements(ctx, r.ID, round.Group, "")
		if len(st) != 1 || st[0].ID != va.ID || st[0].Dots != 1 {
			t.Fatalf("group statements after leaving = %+v", st)
		}
		mp, _ = db.EvidenceMap(ctx, r.ID, round.Group)
		if c := mp[0].CountList(); c[0] != 1 || c[1] != 0 || c[2] != 1 || c[4] != 0 {
			t.Fatalf("group map after leaving = %v", c)
		}
		fm, _ := db.EvidenceMap(ctx, r.ID, round.Facilitators)
		if c := fm[0].CountList(); c[0] != 2 || c[1] != 1 || c[4] != 1 {
			t.Fatalf("facilitator map = %v", c)
		}
		ms, _ := db.RoundMembers(ctx, r.ID, round.Group)
		if len(ms) != 2 || ms[0].Pseudonym != "Ash" || ms[0].RealName != "" || ms[0].ContactEmail != "" {
			t.Fatalf("group members = %+v", ms)
		}
		if _, err := db.RoundMember(ctx, r.ID, cy.ID, round.Group); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("withdrawn member for the group = %v", err)
		}
		fcy, _ := db.RoundMember(ctx, r.ID, cy.ID, round.Facilitators)
		if fcy.ContactEmail != "cy@example.net" || fcy.RealName != "Cy Private" || !fcy.Consent.Withdrawn[round.ConsentTakePart] || fcy.Consent.TakesPart() {
			t.Fatalf("facilitator view of Cy = %+v", fcy)
		}
		hist, _ := db.ConsentHistory(ctx, cy.ID)
		if len(hist) != 4 || hist[3].Purpose != round.ConsentTakePart || hist[3].Given {
			t.Fatalf("consent history = %+v", hist)
		}
	})
}

// TestMembersSeeTheirOwnContent: a member who has not agreed to share their
// story still sees it themselves, named; nobody else in the group does.
func TestMembersSeeTheirOwnContent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r, _ := roundFixture(t, db)
		jo := addMember(t, db, r.ID, "Jo", "Jo Real", round.ConsentTakePart)
		other := addMember(t, db, r.ID, "Al", "Al Real", round.ConsentTakePart)
		s, err := db.AddStory(ctx, r.ID, evidence.NewStory{MemberID: jo.ID, Title: "Not for sharing yet", Body: "Draft"})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := db.StoryByID(ctx, r.ID, s.ID, round.Group.As(jo.ID)); err != nil || got.Author.Name != "Jo" || got.Author.MemberID != jo.ID ||
			!got.Author.Own || !got.Author.Hidden || got.Author.Withdrawn {
			t.Fatalf("own story = %+v %v", got, err)
		}
		for _, a := range []round.Audience{round.Group, round.Group.As(other.ID), round.Group.As("x' OR '1'='1")} {
			if _, err := db.StoryByID(ctx, r.ID, s.ID, a); apperr.Code(err) != apperr.NotFound {
				t.Fatalf("%+v sees an unshared story: %v", a, err)
			}
		}
	})
}
