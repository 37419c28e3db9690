package store_test

import (
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestSetUpULO: a provider's staff set up a user-led organisation for its
// service users and invite its first facilitator, who becomes the ULO's
// facilitator on accepting; a taken email address leaves nothing behind;
// another provider's staff cannot. On both engines.
func TestSetUpULO(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		prov, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Riverside Care", Kind: auth.KindProvider})
		if err != nil {
			t.Fatal(err)
		}
		other, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Hilltop Care", Kind: auth.KindProvider})
		if err != nil {
			t.Fatal(err)
		}
		staff := map[string]string{}
		for email, org := range map[string]string{"sam@example.org": prov.ID, "lee@example.org": other.ID} {
			u, err := db.CreateUser(ctx, email, email, "x")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Assign(ctx, auth.Assignment{UserID: u.ID, Role: auth.RoleProvider, ScopeType: auth.ScopeOrganisation, ScopeID: org}); err != nil {
				t.Fatal(err)
			}
			staff[email] = u.ID
		}
		sam, lee := audit.WithActor(ctx, staff["sam@example.org"]), audit.WithActor(ctx, staff["lee@example.org"])
		n := auth.NewULO{ProviderID: prov.ID, Name: "Riverside Voices", FacilitatorName: "Ash", FacilitatorEmail: "sam@example.org"}
		if _, _, _, err := db.SetUpULO(sam, n, time.Hour); apperr.Code(err) != apperr.Conflict {
			t.Errorf("a taken email address: %v", err)
		}
		if got, _ := db.ULOsSetUpBy(ctx, prov.ID); len(got) != 0 {
			t.Errorf("a failed set-up left %+v", got)
		}
		n.FacilitatorEmail = "ash@example.org"
		if _, _, _, err := db.SetUpULO(lee, n, time.Hour); apperr.Code(err) != apperr.Forbidden {
			t.Errorf("another provider's staff: %v", err)
		}
		org, inv, token, err := db.SetUpULO(sam, n, time.Hour)
		if err != nil || org.Kind != auth.KindUserLed || inv.OrgID != org.ID || inv.Role != auth.RoleFacilitator || token == "" {
			t.Fatalf("set up: %+v %+v %v", org, inv, err)
		}
		if got, _ := db.ULOsSetUpBy(ctx, prov.ID); len(got) != 1 || got[0].Name != "Riverside Voices" {
			t.Errorf("set up by the provider: %+v", got)
		}
		if got, _ := db.ULOsSetUpBy(ctx, other.ID); len(got) != 0 {
			t.Errorf("set up by another: %+v", got)
		}
		u, err := db.AcceptInvitation(ctx, token, "Ash", "x")
		if err != nil {
			t.Fatal(err)
		}
		as, err := db.AssignmentsOf(ctx, u.ID)
		if err != nil || len(as) != 1 || as[0].Role != auth.RoleFacilitator || as[0].ScopeID != org.ID {
			t.Errorf("the facilitator's roles: %+v %v", as, err)
		}
	})
}
