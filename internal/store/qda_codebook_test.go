package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestQDACodebookEditingAndMemos, on both engines: a code renamed and
// moved under another keeps its coding; a move under itself or its own
// child, and a name its new siblings already have, are refused; moving
// among siblings renumbers them. Memos on a source: each coder's own, and
// in a blind project another coder's only once both have submitted.
func TestQDACodebookEditingAndMemos(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2027, 2, 1, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { now = now.Add(time.Second); return now }
		ann, ben, p := twoCoders(t, db)
		asAnn, asBen := audit.WithActor(ctx, ann.ID), audit.WithActor(ctx, ben.ID)
		src, err := db.AddSource(asAnn, qda.NewSource{ProjectID: p.ID, Title: "Narrative 1", Text: "One. Two.", Units: qda.Sentences, ConsentNote: "Written"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.AddPreset(asAnn, p.ID, qda.LifeDomains()); err != nil {
			t.Fatal(err)
		}
		byName := func() map[string]qda.Code {
			codes, err := db.Codes(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			m := map[string]qda.Code{}
			for _, c := range codes {
				m[c.Name] = c
			}
			return m
		}
		codes := byName()
		home, money, domains := codes["Home"], codes["Money"], codes["Life domains"]
		if err := db.CodeUnit(asAnn, src.ID, 0, []string{home.ID}); err != nil {
			t.Fatal(err)
		}

		edit := func(c qda.Code, parent, name string) error {
			n := qda.NewCode{ProjectID: p.ID, ParentID: parent, Name: name, Definition: "Where someone lives.", Color: "#123456"}
			if err := n.Validate(); err != nil {
				return err
			}
			return db.EditCode(asAnn, p.ID, c.ID, n)
		}
		fieldOf := func(err error) string {
			if fs := apperr.FieldsOf(err); len(fs) == 1 {
				return fs[0].Field
			}
			return "none: " + apperr.Message(err)
		}
		if f := fieldOf(edit(domains, home.ID, "Life domains")); f != "parent_id" {
			t.Errorf("a code moved under its own child: %s", f)
		}
		if f := fieldOf(edit(home, home.ID, "Home")); f != "parent_id" {
			t.Errorf("a code moved under itself: %s", f)
		}
		if f := fieldOf(edit(home, domains.ID, "Money")); f != "name" {
			t.Errorf("a second Money among the domains: %s", f)
		}
		if err := edit(home, money.ID, "Housing"); err != nil {
			t.Fatal(err)
		}
		codes = byName()
		if h := codes["Housing"]; h.ID != home.ID || h.ParentID != money.ID || h.Color != "#123456" || h.Definition != "Where someone lives." || h.Position != 0 {
			t.Fatalf("edited code = %+v", h)
		}
		segs, _ := db.Segments(asAnn, p.ID, ann.ID)
		if len(segs) != 1 || segs[0].CodeIDs[0] != home.ID {
			t.Fatalf("coding after the edit = %+v", segs)
		}

		// Health, Relationships, Money... among the domains: Money moves up
		// one, before Relationships.
		if err := db.MoveCode(asAnn, p.ID, money.ID, true); err != nil {
			t.Fatal(err)
		}
		roots, _ := qda.Tree(mustCodes(t, db, p.ID))
		var order []string
		for _, c := range roots[0].Children[:3] {
			order = append(order, c.Name)
		}
		if order[0] != "Health" || order[1] != "Money" || order[2] != "Relationships" {
			t.Errorf("after moving Money up: %v", order)
		}
		health := codes["Health"]
		if err := db.MoveCode(asAnn, p.ID, health.ID, true); apperr.Code(err) != apperr.Conflict {
			t.Errorf("the first moved up: %v", err)
		}

		// Memos on the source, blind until both submit.
		memo := func(c context.Context, body string) {
			t.Helper()
			body, err := qda.CleanMemo(body)
			if err == nil {
				err = db.SetMemo(c, p.ID, qda.MemoOnSource, src.ID, body)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		memo(asAnn, "  Told twice, by two people. ")
		memo(asBen, "Compare with narrative 2.")
		seen := func(c context.Context) []string {
			t.Helper()
			ms, err := db.Memos(c, p.ID, qda.MemoOnSource, src.ID)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, m := range ms {
				out = append(out, m.AuthorName+": "+m.Body)
			}
			return out
		}
		if got := seen(asBen); len(got) != 1 || got[0] != "Ben Coder: Compare with narrative 2." {
			t.Errorf("Ben, before submitting, sees %v", got)
		}
		for _, c := range []context.Context{asAnn, asBen} {
			if err := db.Submit(c, p.ID); err != nil {
				t.Fatal(err)
			}
		}
		if got := seen(asBen); len(got) != 2 || got[0] != "Ben Coder: Compare with narrative 2." || got[1] != "Ann Coder: Told twice, by two people." {
			t.Errorf("Ben, after both submitted, sees %v", got)
		}
		memo(asAnn, "")
		if got := seen(asAnn); len(got) != 1 {
			t.Errorf("after Ann removed hers, she sees %v", got)
		}
		if err := db.SetMemo(asAnn, p.ID, qda.MemoOnCode, src.ID, "x"); apperr.Code(err) != apperr.NotFound {
			t.Errorf("a memo on a code that is a source: %v", err)
		}
	})
}

func mustCodes(t *testing.T, db *store.DB, projectID string) []qda.Code {
	t.Helper()
	codes, err := db.Codes(ctx, projectID)
	if err != nil {
		t.Fatal(err)
	}
	return codes
}
