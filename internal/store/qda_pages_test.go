package store_test

import (
	"slices"
	"testing"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestQDASourcePages: a PDF source keeps where its pages start, so a
// position read back gives the same page; a pasted source has none.
func TestQDASourcePages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		lab, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Lab", Kind: auth.KindResearch})
		ann, _ := db.CreateUser(ctx, "ann@example.org", "Ann Coder", "x")
		asAnn := audit.WithActor(ctx, ann.ID)
		p, err := db.CreateProject(asAnn, qda.NewProject{OrgID: lab.ID, Title: "Policies", Blind: true})
		if err != nil {
			t.Fatal(err)
		}
		text, starts := qda.JoinPages([]string{"Short breaks.", "Transport is free.", "Appeals."})
		for _, n := range []qda.NewSource{
			{ProjectID: p.ID, Title: "Policy", Text: text, PageStarts: starts, ConsentNote: "Published"},
			{ProjectID: p.ID, Title: "Narrative", Text: "Pasted.", ConsentNote: "Written consent"},
		} {
			if err := n.Validate(); err != nil {
				t.Fatal(err)
			}
			if _, err := db.AddSource(asAnn, n); err != nil {
				t.Fatal(err)
			}
		}
		srcs, err := db.Sources(ctx, p.ID)
		if err != nil || len(srcs) != 2 {
			t.Fatalf("%d sources, %v", len(srcs), err)
		}
		if !slices.Equal(srcs[0].PageStarts, []int{0, 15, 35}) || srcs[0].Page(20) != 2 {
			t.Errorf("policy pages %v", srcs[0].PageStarts)
		}
		if srcs[1].PageStarts != nil || srcs[1].Page(3) != 0 {
			t.Errorf("pasted text has pages %v", srcs[1].PageStarts)
		}
	})
}
