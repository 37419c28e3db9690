package store_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/adjustment"
	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// reader is someone trying to read the register, and what they may see.
type reader struct {
	name                          string
	ctx                           context.Context
	member, entry, history, share bool
}

// checkReaders tries each reader on the member's register, the entry, its
// history and the shared list.
func checkReaders(t *testing.T, db *store.DB, memberID, id string, readers []reader) {
	t.Helper()
	for _, r := range readers {
		_, err := db.MemberAdjustments(r.ctx, memberID)
		if (err == nil) != r.member || (err != nil && apperr.Code(err) != apperr.NotFound) {
			t.Errorf("%s reading the member's register: %v", r.name, err)
		}
		_, err = db.Adjustment(r.ctx, id)
		if (err == nil) != r.entry || (err != nil && apperr.Code(err) != apperr.NotFound) {
			t.Errorf("%s reading the entry: %v", r.name, err)
		}
		_, err = db.AdjustmentHistory(r.ctx, id)
		if (err == nil) != r.history {
			t.Errorf("%s reading the history: %v", r.name, err)
		}
		shared, err := db.SharedAdjustments(r.ctx)
		if err != nil || (len(shared) == 1) != r.share {
			t.Errorf("%s: shared list %d entries, %v", r.name, len(shared), err)
		}
	}
}

// TestAdjustmentRegister follows one member's register from the facilitator
// recording it to the person changing it, withdrawing consent to share it
// and its ending, and tries every kind of reader on the way: the person,
// their group's facilitator, the organisation it is shared with, another
// organisation, the round's commissioner, a platform administrator and a
// stranger.
func TestAdjustmentRegister(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		rd, lead := roundFixture(t, db)
		user := func(email, name string, as ...auth.Assignment) context.Context {
			t.Helper()
			u, err := db.CreateUser(ctx, email, name, "x")
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range as {
				a.UserID = u.ID
				if _, err := db.Assign(ctx, a); err != nil {
					t.Fatal(err)
				}
			}
			return audit.WithActor(ctx, u.ID)
		}
		gp, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Riverside GP practice", Kind: auth.KindProvider})
		if err != nil {
			t.Fatal(err)
		}
		clinic, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Hillside Clinic", Kind: auth.KindProvider})
		fac := user("fac@example.org", "Jordan Ellis", auth.Assignment{Role: auth.RoleFacilitator, ScopeType: auth.ScopeRound, ScopeID: rd.ID})
		robin := user("robin@example.org", "Robin Account")
		gpUser := user("gp@example.org", "GP receptionist", auth.Assignment{Role: auth.RoleProvider, ScopeType: auth.ScopeOrganisation, ScopeID: gp.ID})
		clinicUser := user("clinic@example.org", "Clinic", auth.Assignment{Role: auth.RoleProvider, ScopeType: auth.ScopeOrganisation, ScopeID: clinic.ID})
		admin := user("admin@example.org", "Admin", auth.Assignment{Role: auth.RoleAdmin, ScopeType: auth.ScopePlatform})
		stranger := user("nobody@example.org", "Nobody")
		commissioner := audit.WithActor(ctx, lead.ID)

		n := round.NewMember{UserID: audit.ActorFrom(robin), Pseudonym: "Robin", RealName: "Robin Real",
			Consents: []round.ConsentPurpose{round.ConsentTakePart}}
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		m, err := db.AddRoundMember(fac, rd.ID, n)
		if err != nil {
			t.Fatal(err)
		}

		in := adjustment.Input{Category: "information_format", Need: "I read Easy Read best", Details: "Letters in Easy Read",
			Share: true, ShareOrgID: gp.ID, ReviewOn: "2027-06-01"}
		e, err := db.RecordAdjustment(fac, m.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if e.Version != 1 || e.RecordedBy != "Jordan Ellis" || e.Person != "Robin" || e.StartedOn != "2026-12-02" ||
			e.ShareOrgName != "Riverside GP practice" || !e.Shared() || e.RoundID != rd.ID {
			t.Errorf("recorded: %+v", e)
		}
		everyone := []reader{
			{"person", robin, true, true, true, false},
			{"facilitator", fac, true, true, true, false},
			{"organisation shared with", gpUser, false, true, false, true},
			{"another organisation", clinicUser, false, false, false, false},
			{"commissioner", commissioner, false, false, false, false},
			{"administrator", admin, false, false, false, false},
			{"stranger", stranger, false, false, false, false},
		}
		checkReaders(t, db, m.ID, e.ID, everyone)
		// Only the person and the facilitator may record or change.
		for _, who := range []context.Context{gpUser, commissioner, admin, stranger} {
			if _, err := db.RecordAdjustment(who, m.ID, in); apperr.Code(err) != apperr.NotFound {
				t.Errorf("recording as %s: %v", audit.ActorFrom(who), err)
			}
			if _, err := db.ChangeAdjustment(who, e.ID, in); apperr.Code(err) != apperr.NotFound {
				t.Errorf("changing as %s: %v", audit.ActorFrom(who), err)
			}
		}

		// The person changes their own, then withdraws consent to share:
		// it leaves the organisation's list, its reading and the export.
		now = now.Add(24 * time.Hour)
		in.Details = "Letters in Easy Read, and a phone call the day before"
		e2, err := db.ChangeAdjustment(robin, e.ID, in)
		if err != nil || e2.Version != 2 || e2.RecordedBy != "Robin Account" || e2.StartedOn != "2026-12-02" {
			t.Fatalf("changed: %+v %v", e2, err)
		}
		in.Share = false
		if _, err := db.ChangeAdjustment(robin, e.ID, in); err != nil {
			t.Fatal(err)
		}
		mine, err := db.MyAdjustments(robin)
		if err != nil || len(mine) != 1 || mine[0].Share || mine[0].Version != 3 {
			t.Fatalf("mine: %+v %v", mine, err)
		}
		bundle, _ := adjustment.FlagBundle(mine, now)
		var b map[string]any
		json.Unmarshal(bundle, &b)
		if _, has := b["entry"]; has {
			t.Errorf("withdrawn consent: still exported %s", bundle)
		}
		noLongerShared := []reader{
			{"person", robin, true, true, true, false},
			{"organisation once shared with", gpUser, false, false, false, false},
			{"administrator", admin, false, false, false, false},
		}
		checkReaders(t, db, m.ID, e.ID, noLongerShared)

		// History: every version, newest first, with who recorded it.
		h, err := db.AdjustmentHistory(fac, e.ID)
		if err != nil || len(h) != 3 || h[0].Version != 3 || h[0].Share || h[1].Details != in.Details || !h[2].Share ||
			h[2].RecordedBy != "Jordan Ellis" || h[2].Details != "Letters in Easy Read" || h[1].RecordedBy != "Robin Account" {
			t.Errorf("history: %+v %v", h, err)
		}

		// Ending keeps it, and it cannot then be changed.
		if err := db.EndAdjustment(fac, e.ID); err != nil {
			t.Fatal(err)
		}
		ended, _ := db.Adjustment(robin, e.ID)
		if ended.Status != adjustment.Ended || ended.EndedOn != "2026-12-03" || ended.Version != 4 {
			t.Errorf("ended: %+v", ended)
		}
		if _, err := db.ChangeAdjustment(robin, e.ID, in); apperr.Code(err) != apperr.Conflict {
			t.Errorf("changing an ended entry: %v", err)
		}

		// Bad input is refused by field, and nothing is saved.
		bad := in
		bad.ReviewOn, bad.Share, bad.ShareOrgID = "2026-12-01", true, "no-such-org"
		if _, err := db.RecordAdjustment(fac, m.ID, bad); apperr.Code(err) != apperr.Invalid {
			t.Errorf("past review date: %v", err)
		}
		bad.ReviewOn = "2027-01-01"
		_, err = db.RecordAdjustment(fac, m.ID, bad)
		if ae, ok := err.(*apperr.Error); !ok || len(ae.Fields) != 1 || ae.Fields[0].Field != "share_org" {
			t.Errorf("unknown organisation: %v", err)
		}
		if all, _ := db.MemberAdjustments(fac, m.ID); len(all) != 1 {
			t.Errorf("register holds %d entries", len(all))
		}
	})
}
