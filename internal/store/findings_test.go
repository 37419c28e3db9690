package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/findings"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

func pointKeys(d findings.Document, section string) []string {
	for _, s := range d.Sections {
		if s.Key == section {
			var out []string
			for _, p := range s.Points {
				out = append(out, p.Key)
			}
			return out
		}
	}
	return nil
}

func pointText(d findings.Document, section string) string {
	var b strings.Builder
	for _, s := range d.Sections {
		if s.Key == section {
			for _, p := range s.Points {
				b.WriteString(p.Text + "\n")
			}
		}
	}
	return b.String()
}

// The demo round's data, as the group may see it, counted by hand from
// internal/demo: Rae withdrew consent to share their story, so it is not
// counted in its theme (Rae still takes part, so Rae's factor stays); the
// factors come most "me too" first.
func TestFindingsSourceOfTheDemoRound(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		db := storetest.OpenSeeded(t, engine, "demo", func(ctx context.Context, db *store.DB) error { return demo.Seed(ctx, db) })
		rd := demoRound(t, db)
		src, err := db.FindingsSource(ctx, rd.ID)
		if err != nil {
			t.Fatal(err)
		}
		if src.VotesCounted {
			t.Errorf("the demo's dot vote is still open")
		}
		if len(src.Vision) != 5 || len(src.Measures) < 4 {
			t.Errorf("vision %d, measures %d", len(src.Vision), len(src.Measures))
		}
		d := findings.Generate(*src, findings.KindToldUs)
		helps, harms := pointText(d, "helps"), pointText(d, "harms")
		if !strings.HasPrefix(helps, "Meeting other young people who get it.\n5 more people said: me too.") {
			t.Errorf("helps, most 'me too' first:\n%s", helps)
		}
		if want := []string{"Being punished at school", "Being left alone", "Having no say"}; !inOrder(harms, want) {
			t.Errorf("harms, most 'me too' first (2, 2, 1):\n%s", harms)
		}
		for _, th := range src.Themes {
			if th.Name == "Crisis care" && th.Items != 3 {
				t.Errorf("Crisis care carries 3 visible items (a story, a service, a statement; the withdrawn story is left out), got %d", th.Items)
			}
		}
		w := findings.Generate(*src, findings.KindWillChange)
		if !strings.Contains(pointText(w, "measures"), "Did you get help the same day?") {
			t.Errorf("measures in their Easy Read words:\n%s", pointText(w, "measures"))
		}
		if tx := pointText(w, "tender"); !strings.Contains(tx, "will run the service.") || !strings.Contains(tx, "Your group's scores") {
			t.Errorf("the awarded tender's outcome:\n%s", tx)
		}
		c := findings.Generate(*src, findings.KindDidChange)
		if !strings.Contains(pointText(c, "changed"), "I got my plan in Easy Read") && len(pointKeys(c, "mixed")) == 0 {
			t.Errorf("verdicts:\n%+v", c)
		}
	})
}

// Editing, refreshing and releasing: the draft is generated until the first
// change stores it; a refresh keeps edits; members get only what was
// released, and each change is audited.
func TestFindingsEditRefreshRelease(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		db := storetest.OpenSeeded(t, engine, "demo", func(ctx context.Context, db *store.DB) error { return demo.Seed(ctx, db) })
		rd := demoRound(t, db)
		fac, err := db.UserByEmail(ctx, "facilitator@demo.test")
		if err != nil {
			t.Fatal(err)
		}
		as := audit.WithActor(ctx, fac.ID)
		k := findings.KindToldUs
		if err := db.ExecRaw(ctx, "DELETE FROM findings_documents"); err != nil { // start from nothing stored
			t.Fatal(err)
		}
		count := func() map[string]int {
			events, err := db.AuditEvents(ctx, audit.Filter{Action: "findings.", ObjectType: "round", ObjectID: rd.ID, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			n := map[string]int{}
			for _, e := range events {
				n[e.Action]++
				if e.ActorID != fac.ID {
					t.Errorf("%s by %q", e.Action, e.ActorID)
				}
			}
			return n
		}
		before := count()
		st, err := db.FindingsDocument(ctx, rd.ID, k)
		if err != nil {
			t.Fatal(err)
		}
		if !st.EditedAt.IsZero() || st.Released != nil || len(st.Draft.Sections) == 0 {
			t.Fatalf("nothing stored yet: %+v", st)
		}
		var edits []findings.PointEdit
		for _, s := range st.Draft.Sections {
			for _, p := range s.Points {
				edits = append(edits, findings.PointEdit{Key: p.Key, Text: p.Text, Picture: p.Picture, Include: p.Include})
			}
		}
		edits[0].Text = "You talked most about crisis care."
		edits[0].Picture = "help"
		edits[1].Include = false
		if err := db.EditFindings(as, rd.ID, k, findings.Edit{Points: edits, KnownPicture: pictures.Valid}); err != nil {
			t.Fatal(err)
		}
		bad := append([]findings.PointEdit(nil), edits...)
		bad[2].Text = ""
		if err := db.EditFindings(as, rd.ID, k, findings.Edit{Points: bad, KnownPicture: pictures.Valid}); apperr.Code(err) != apperr.Invalid {
			t.Errorf("an included point with no words: %v", err)
		}
		if err := db.RefreshFindings(as, rd.ID, k); err != nil {
			t.Fatal(err)
		}
		st, err = db.FindingsDocument(ctx, rd.ID, k)
		if err != nil {
			t.Fatal(err)
		}
		p0, p1 := st.Draft.Sections[0].Points[0], st.Draft.Sections[0].Points[1]
		if p0.Text != "You talked most about crisis care." || p0.Picture != "help" || p1.Include {
			t.Errorf("a refresh keeps the edits: %+v %+v", p0, p1)
		}
		if st.Released != nil || st.EditedBy != fac.DisplayName || st.EditedAt.IsZero() {
			t.Errorf("stored, not released: %+v", st)
		}
		if err := db.ReleaseFindings(as, rd.ID, k); err != nil {
			t.Fatal(err)
		}
		st, _ = db.FindingsDocument(ctx, rd.ID, k)
		if st.Released == nil || st.Changed || st.ReleasedBy != fac.DisplayName || st.ReleasedAt == nil {
			t.Fatalf("released: %+v", st)
		}
		edits[0].Text = "A later change."
		if err := db.EditFindings(as, rd.ID, k, findings.Edit{Points: edits, KnownPicture: pictures.Valid}); err != nil {
			t.Fatal(err)
		}
		st, _ = db.FindingsDocument(ctx, rd.ID, k)
		if !st.Changed || st.Released.Sections[0].Points[0].Text != "You talked most about crisis care." {
			t.Errorf("members keep the released version until the next release")
		}
		// Releasing a draft never stored stores it first.
		if err := db.ReleaseFindings(as, rd.ID, findings.KindDidChange); err != nil {
			t.Fatal(err)
		}
		if st, _ := db.FindingsDocument(ctx, rd.ID, findings.KindDidChange); st.Released == nil || st.EditedAt.IsZero() {
			t.Errorf("released from nothing stored: %+v", st)
		}
		after := count()
		for action, want := range map[string]int{"findings.edit": 2, "findings.refresh": 1, "findings.release": 2} {
			if got := after[action] - before[action]; got != want {
				t.Errorf("%s: %d audit events, want %d", action, got, want)
			}
		}
		if err := db.ReleaseFindings(as, "no-such-round", k); apperr.Code(err) != apperr.NotFound {
			t.Errorf("unknown round: %v", err)
		}
	})
}

func inOrder(s string, parts []string) bool {
	for _, p := range parts {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return true
}

func demoRound(t *testing.T, db *store.DB) round.Round {
	t.Helper()
	rounds, _, err := db.ListRounds(ctx, round.Query{All: true})
	if err != nil || len(rounds) != 1 {
		t.Fatalf("demo rounds: %d, %v", len(rounds), err)
	}
	return rounds[0]
}
