package store_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/infocheck"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

func TestReadabilityChecksLibrary(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { now = now.Add(time.Second); return now }
		org, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Voices", Kind: auth.KindUserLed})
		other, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Other", Kind: auth.KindProvider})
		for i := range 5 {
			n := infocheck.NewCheck{OrgID: org.ID, Title: fmt.Sprintf("Letter v%d", i+1), Format: "text", Profile: "plain", Source: "Dear Sam,\n\nSee you soon."}
			if _, err := db.CreateCheck(ctx, n); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.CreateCheck(ctx, infocheck.NewCheck{OrgID: other.ID, Title: "Theirs", Format: "text", Profile: "plain", Source: "x"}); err != nil {
			t.Fatal(err)
		}
		p1, err := db.ListChecks(ctx, org.ID, "", 2)
		if err != nil || len(p1.Checks) != 2 || p1.Checks[0].Title != "Letter v5" || p1.Next == "" {
			t.Fatalf("page 1 = %+v, %v", p1, err)
		}
		p2, _ := db.ListChecks(ctx, org.ID, p1.Next, 2)
		p3, _ := db.ListChecks(ctx, org.ID, p2.Next, 2)
		if len(p2.Checks) != 2 || p2.Checks[0].Title != "Letter v3" || len(p3.Checks) != 1 || p3.Checks[0].Title != "Letter v1" || p3.Next != "" {
			t.Fatalf("pages 2 and 3 = %+v / %+v", p2, p3)
		}
		if _, err := db.ListChecks(ctx, org.ID, "garbage", 2); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("bad cursor: %v", err)
		}
		c, err := db.CheckByID(ctx, p3.Checks[0].ID)
		if err != nil || c.Source != "Dear Sam,\n\nSee you soon." || c.OrgName != "Voices" {
			t.Fatalf("CheckByID = %+v, %v", c, err)
		}
		if _, err := db.CreateCheck(ctx, infocheck.NewCheck{OrgID: "nope", Title: "x", Format: "text", Profile: "plain", Source: "x"}); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("check for a missing organisation: %v", err)
		}
	})
}
