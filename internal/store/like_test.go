package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// A search for "100%" or "a_b" means those characters, not LIKE's
// wildcards, on both engines.
func TestSearchTakesWildcardsLiterally(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		for _, name := range []string{"Care 100% local", "Care 1000 homes", "Team a_b", "Team axb", `Back\slash`} {
			if _, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: name, Kind: auth.KindProvider}); err != nil {
				t.Fatal(err)
			}
		}
		for search, want := range map[string][]string{
			"100%":    {"Care 100% local"},
			"a_b":     {"Team a_b"},
			`k\s`:     {`Back\slash`},
			"care 10": {"Care 100% local", "Care 1000 homes"},
			"%":       {"Care 100% local"},
			"_":       {"Team a_b"},
		} {
			got, _, err := db.ListOrganisations(ctx, auth.ListQuery{Search: search, Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, o := range got {
				names = append(names, o.Name)
			}
			slices.Sort(names)
			if !slices.Equal(names, want) {
				t.Errorf("search %q found %q, want %q", search, names, want)
			}
		}
	})
}
