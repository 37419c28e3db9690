package store_test

import (
	"context"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/display"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestDisplaySettingsAndPictureChoices: the demo's Robin asked the round
// for Easy Read (internal/demo), so Easy Read is on for Robin by default and
// not for Sky; saved settings come back as saved and replace the defaults;
// a setting not offered is refused with nothing saved. A picture chosen for a
// thing comes back by kind and id, can be changed and taken away, and a key
// not in the set is refused. Every change is audited.
func TestDisplaySettingsAndPictureChoices(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		db := storetest.OpenSeeded(t, engine, "demo", func(ctx context.Context, db *store.DB) error { return demo.Seed(ctx, db) })
		robin, err := db.UserByEmail(ctx, "member@demo.test")
		if err != nil {
			t.Fatal(err)
		}
		sky, err := db.UserByEmail(ctx, "member2@demo.test")
		if err != nil {
			t.Fatal(err)
		}
		s, easy, err := db.DisplaySettings(ctx, robin.ID)
		if err != nil || s != display.Default() || !easy || !s.EasyReadOn(easy) {
			t.Fatalf("Robin before saving: %+v, Easy Read format %v, %v", s, easy, err)
		}
		if s, easy, err := db.DisplaySettings(ctx, sky.ID); err != nil || easy || s.EasyReadOn(easy) {
			t.Fatalf("Sky: %+v, %v, %v", s, easy, err)
		}
		as := audit.WithActor(ctx, robin.ID)
		want := display.Settings{TextSize: 150, Spacing: "wide", Contrast: "high", Scheme: "dark", Motion: "reduce", EasyRead: "off"}
		if err := db.SaveDisplaySettings(as, robin.ID, want); err != nil {
			t.Fatal(err)
		}
		want.TextSize = 200 // saving again replaces
		if err := db.SaveDisplaySettings(as, robin.ID, want); err != nil {
			t.Fatal(err)
		}
		got, easy, err := db.DisplaySettings(ctx, robin.ID)
		if err != nil || got != want || got.EasyReadOn(easy) {
			t.Fatalf("saved %+v, read back %+v (%v)", want, got, err)
		}
		bad := want
		bad.TextSize = 300
		if err := db.SaveDisplaySettings(as, robin.ID, bad); len(apperr.FieldsOf(err)) != 1 {
			t.Fatalf("300%%: %v", err)
		}
		if got, _, _ := db.DisplaySettings(ctx, robin.ID); got != want {
			t.Fatalf("a refused save changed the settings to %+v", got)
		}

		fac, err := db.UserByEmail(ctx, "facilitator@demo.test")
		if err != nil {
			t.Fatal(err)
		}
		asFac := audit.WithActor(ctx, fac.ID)
		for _, c := range []pictures.Choice{{Kind: pictures.KindVision, ItemID: "v1", Key: "home"}, {Kind: pictures.KindVision, ItemID: "v2", Key: "friend"},
			{Kind: pictures.KindMeasure, ItemID: "v1", Key: "target"}, {Kind: pictures.KindVision, ItemID: "v2", Key: "safe"}} {
			if err := db.ChoosePicture(asFac, c); err != nil {
				t.Fatal(err)
			}
		}
		m, err := db.ChosenPictures(ctx, pictures.KindVision, []string{"v1", "v2", "v3"})
		if err != nil || len(m) != 2 || m["v1"] != "home" || m["v2"] != "safe" {
			t.Fatalf("vision pictures %v, %v", m, err)
		}
		if err := db.ChoosePicture(asFac, pictures.Choice{Kind: pictures.KindVision, ItemID: "v1"}); err != nil {
			t.Fatal(err)
		}
		if err := db.ChoosePicture(asFac, pictures.Choice{Kind: pictures.KindVision, ItemID: "v2", Key: "not-a-picture"}); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("unknown key: %v", err)
		}
		m, _ = db.ChosenPictures(ctx, pictures.KindVision, []string{"v1", "v2"})
		mm, _ := db.ChosenPictures(ctx, pictures.KindMeasure, []string{"v1"})
		if len(m) != 1 || m["v2"] != "safe" || mm["v1"] != "target" {
			t.Fatalf("after taking one away: %v, measures %v", m, mm)
		}
		if none, err := db.ChosenPictures(ctx, pictures.KindProposal, nil); err != nil || len(none) != 0 {
			t.Fatalf("no ids: %v %v", none, err)
		}
		evs, err := db.AuditEvents(ctx, audit.Filter{Action: "picture.", ObjectID: "v2"})
		n := 0
		for _, e := range evs {
			if e.Action == "picture.choose" {
				n++
			}
		}
		if err != nil || n != 2 {
			t.Fatalf("audit events for v2's pictures: %d (%v)", n, err)
		}
	})
}
