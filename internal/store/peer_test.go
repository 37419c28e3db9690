package store_test

import (
	"slices"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/bankholiday"
	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// peerFixture is a ULO offering crisis support within 72 hours and
// diagnosis support within 10 working days, with three supporters, on a
// clock that the test moves.
func peerFixture(t *testing.T, db *store.DB) (orgID string, sups map[string]string, clock *time.Time) {
	t.Helper()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC) // Monday, 10:00 in London
	clock = &now
	db.Now = func() time.Time { return *clock }
	o, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Voices Together", Kind: auth.KindUserLed})
	if err != nil {
		t.Fatal(err)
	}
	for _, off := range []peer.Offer{
		{OrgID: o.ID, Trigger: peer.TriggerCrisis, Standard: peer.Standard{Amount: 72, Unit: peer.Hours}},
		{OrgID: o.ID, Trigger: peer.TriggerDiagnosis, Standard: peer.Standard{Amount: 10, Unit: peer.WorkingDays}},
	} {
		if err := db.SetOffer(ctx, off); err != nil {
			t.Fatal(err)
		}
	}
	sups = map[string]string{}
	for _, n := range []peer.NewSupporter{
		{Name: "Amira", Experiences: "psychosis\nbeing in hospital", Languages: "English\nUrdu", Places: "Leeds", Phone: true, Capacity: "2",
			Supervisions: "2026-05-01\n2026-04-01", DBSCheckedOn: "2026-01-15", Paid: true},
		{Name: "Ben", Experiences: "psychosis", Languages: "English", Video: true, Capacity: "1"},
		{Name: "Cara", Experiences: "self-harm", Languages: "Polish", Places: "Bradford", Capacity: "0"},
	} {
		rec, err := n.Validate(o.ID)
		if err != nil {
			t.Fatal(err)
		}
		id, err := db.AddSupporter(ctx, rec)
		if err != nil {
			t.Fatal(err)
		}
		sups[n.Name] = id
	}
	return o.ID, sups, clock
}

func crisisReferral(orgID string) peer.NewReferral {
	return peer.NewReferral{OrgID: orgID, Trigger: peer.TriggerCrisis, Source: peer.SourceSelf, Name: "Jo", ContactWay: peer.ContactPhone,
		Contact: "07700 900123", Consent: true, Need: peer.Need{Experiences: []string{"psychosis"}, Languages: []string{"English"},
			Meeting: peer.Meeting{Places: []string{"Leeds"}, Phone: true}}}
}

func TestPeerOffersAndSupporters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		orgID, _, _ := peerFixture(t, db)
		offers, err := db.Offers(ctx, "")
		if err != nil || len(offers) != 2 || offers[0].Trigger != peer.TriggerDiagnosis || offers[1].Standard.String() != "72 hours" ||
			offers[0].OrgName != "Voices Together" {
			t.Fatalf("offers: %+v, %v", offers, err)
		}
		// Changing a standard replaces it.
		if err := db.SetOffer(ctx, peer.Offer{OrgID: orgID, Trigger: peer.TriggerCrisis, Standard: peer.Standard{Amount: 48, Unit: peer.Hours,
			Division: bankholiday.Scotland}}); err != nil {
			t.Fatal(err)
		}
		if offers, _ = db.Offers(ctx, orgID); len(offers) != 2 || offers[1].Standard != (peer.Standard{Amount: 48, Unit: peer.Hours, Division: bankholiday.Scotland}) {
			t.Errorf("after the change: %+v", offers)
		}
		// Only a user-led organisation offers peer support.
		prov, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Riverside", Kind: auth.KindProvider})
		if err := db.SetOffer(ctx, peer.Offer{OrgID: prov.ID, Trigger: peer.TriggerCrisis, Standard: peer.Standard{Amount: 1, Unit: peer.Hours}}); apperr.Code(err) != apperr.Invalid {
			t.Errorf("a provider's offer: %v", err)
		}
		sups, err := db.Supporters(ctx, orgID)
		if err != nil || len(sups) != 3 {
			t.Fatalf("supporters: %+v, %v", sups, err)
		}
		a := sups[0]
		if a.Name != "Amira" || !slices.Equal(a.Languages, []string{"English", "Urdu"}) || !a.Paid || a.DBSCheckedOn != "2026-01-15" ||
			!slices.Equal(a.Supervisions, []string{"2026-05-01", "2026-04-01"}) || !a.Meeting.Phone || a.Meeting.Video || a.Capacity != 2 {
			t.Errorf("Amira: %+v", a)
		}
	})
}

func TestPeerReferralLife(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		orgID, sups, clock := peerFixture(t, db)
		// No offer at this trigger point: the form says so on its field.
		n := crisisReferral(orgID)
		n.Trigger = peer.TriggerDischarge
		if _, err := db.CreateReferral(ctx, n, "", time.Time{}); len(apperr.FieldsOf(err)) != 1 || apperr.FieldsOf(err)[0].Field != "trigger" {
			t.Fatalf("no offer: %v", err)
		}
		id, err := db.CreateReferral(ctx, crisisReferral(orgID), "", time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		x, err := db.Referral(ctx, id)
		if err != nil || x.State != peer.StateWaiting || x.Standard.String() != "72 hours" || !x.Referred.Equal(*clock) || x.Name != "Jo" {
			t.Fatalf("referral: %+v, %v", x, err)
		}
		// Nobody gets a supporter before support is offered.
		if err := db.Choose(ctx, id, peer.Choice{SupporterID: sups["Amira"], PersonChose: true}); apperr.Code(err) != apperr.Conflict {
			t.Errorf("chosen while waiting: %v", err)
		}
		// First contact 73 hours later: over the standard.
		*clock = clock.Add(73 * time.Hour)
		if err := db.FirstContact(ctx, id, clock.Add(time.Hour)); apperr.Code(err) != apperr.Invalid {
			t.Errorf("a first contact in the future: %v", err)
		}
		if err := db.FirstContact(ctx, id, time.Time{}); err != nil {
			t.Fatal(err)
		}
		// Cara has no space, so she is not a suggestion; the person must choose.
		for _, c := range []peer.Choice{{SupporterID: sups["Cara"], PersonChose: true}, {SupporterID: sups["Ben"], WithCoordinator: true}} {
			if err := db.Choose(ctx, id, c); apperr.Code(err) != apperr.Invalid {
				t.Errorf("%+v: %v", c, err)
			}
		}
		if err := db.SomeoneElse(ctx, id, sups["Amira"]); err != nil {
			t.Fatal(err)
		}
		if err := db.Choose(ctx, id, peer.Choice{SupporterID: sups["Amira"], PersonChose: true}); apperr.Code(err) != apperr.Invalid {
			t.Errorf("chose the supporter they asked not to be offered: %v", err)
		}
		if err := db.Choose(ctx, id, peer.Choice{SupporterID: sups["Ben"], PersonChose: true, WithCoordinator: true}); err != nil {
			t.Fatal(err)
		}
		all, _ := db.Supporters(ctx, orgID)
		if all[1].Name != "Ben" || all[1].Supporting != 1 || all[1].Space() != 0 {
			t.Errorf("Ben after being chosen: %+v", all[1])
		}
		if err := db.AddContact(ctx, id, peer.Contact{On: "2026-06-04", How: peer.HowVideo, Minutes: 45, Notes: "Talked about sleep"}); err != nil {
			t.Fatal(err)
		}
		if err := db.AddGoal(ctx, id, "Get back to the allotment"); err != nil {
			t.Fatal(err)
		}
		goals, _ := db.Goals(ctx, id)
		if len(goals) != 1 || db.SetGoal(ctx, id, goals[0].ID, peer.GoalPartly) != nil {
			t.Fatalf("goals: %+v", goals)
		}
		if err := db.SetGoal(ctx, "another", goals[0].ID, peer.GoalMetYes); apperr.Code(err) != apperr.NotFound {
			t.Errorf("a goal set through another referral: %v", err)
		}
		if err := db.End(ctx, id, peer.EndDischarged); err != nil {
			t.Fatal(err)
		}
		x, _ = db.Referral(ctx, id)
		cs, _ := db.Contacts(ctx, id)
		goals, _ = db.Goals(ctx, id)
		if x.State != peer.StateEnded || x.Ended != peer.EndDischarged || x.Supporter != "Ben" || len(cs) != 1 || cs[0].Minutes != 45 ||
			goals[0].Met != peer.GoalPartly {
			t.Errorf("after ending: %+v %+v %+v", x, cs, goals)
		}
		// The measures read the stored facts: one crisis referral, due, late.
		ms, err := peer.Compute([]peer.Facts{x.Facts()}, *clock)
		if err != nil || ms[1].Due != 1 || ms[1].Within != 0 || ms[1].TookUp != 1 || ms[1].Ended[peer.EndDischarged] != 1 || ms[1].Hours.Median != 73 {
			t.Errorf("measures: %+v, %v", ms[1], err)
		}
	})
}

func TestPeerReferralReceivedEarlierAndByPerson(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		orgID, _, clock := peerFixture(t, db)
		u, _ := db.CreateUser(ctx, "jo@example.org", "Jo", "h")
		n := crisisReferral(orgID)
		n.Source, n.ReferrerFor = peer.SourceProfessional, "Dr Patel, Riverside GP practice"
		if _, err := db.CreateReferral(ctx, n, u.ID, clock.Add(-91*24*time.Hour)); apperr.Code(err) != apperr.Invalid {
			t.Errorf("received 91 days ago: %v", err)
		}
		id, err := db.CreateReferral(ctx, n, u.ID, clock.Add(-2*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		mine, _ := db.ReferralsOf(ctx, u.ID)
		if len(mine) != 1 || mine[0].ID != id || !mine[0].Referred.Equal(clock.Add(-2*time.Hour)) || mine[0].ReferrerFor != "Dr Patel, Riverside GP practice" {
			t.Errorf("the person's referrals: %+v", mine)
		}
		if none, _ := db.ReferralsOf(ctx, ""); len(none) != 0 {
			t.Errorf("no account sees %d referrals", len(none))
		}
	})
}

func TestPeerSupporterSeesOnlyTheirPeople(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		orgID, _, _ := peerFixture(t, db)
		u, _ := db.CreateUser(ctx, "dev@example.org", "Dev", "h")
		rec, _ := peer.NewSupporter{Name: "Dev", Experiences: "psychosis", Languages: "English", Phone: true, Capacity: "3"}.Validate(orgID)
		rec.UserID = u.ID
		devID, err := db.AddSupporter(ctx, rec)
		if err != nil {
			t.Fatal(err)
		}
		mineID, _ := db.CreateReferral(ctx, crisisReferral(orgID), "", time.Time{})
		otherID, _ := db.CreateReferral(ctx, crisisReferral(orgID), "", time.Time{})
		for _, id := range []string{mineID, otherID} {
			if err := db.FirstContact(ctx, id, time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.Choose(ctx, mineID, peer.Choice{SupporterID: devID, PersonChose: true}); err != nil {
			t.Fatal(err)
		}
		got, err := db.ReferralsSupportedBy(ctx, u.ID)
		if err != nil || len(got) != 1 || got[0].ID != mineID || got[0].SupporterUserID != u.ID {
			t.Errorf("Dev's people: %+v, %v", got, err)
		}
	})
}

func TestPeerConcernsAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		orgID, _, _ := peerFixture(t, db)
		id, _ := db.CreateReferral(ctx, crisisReferral(orgID), "", time.Time{})
		if err := db.RaiseConcern(ctx, id, "  "); apperr.Code(err) != apperr.Invalid {
			t.Errorf("an empty concern: %v", err)
		}
		lead, _ := db.CreateUser(ctx, "lead@example.org", "Sam the lead", "h")
		if err := db.RaiseConcern(audit.WithActor(ctx, lead.ID), id, "Jo said they are not safe at home"); err != nil {
			t.Fatal(err)
		}
		cs, err := db.Concerns(audit.WithActor(ctx, lead.ID), orgID)
		if err != nil || len(cs) != 1 || cs[0].PersonName != "Jo" || cs[0].RaisedBy != "Sam the lead" {
			t.Fatalf("concerns: %+v, %v", cs, err)
		}
		if countEvents(t, db, "peer_concern.raise") != 1 || countEvents(t, db, "peer_concern.read") != 1 {
			t.Error("raising and reading a concern are not both audited")
		}
	})
}

func TestSelfReferralThrottled(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		_, _, clock := peerFixture(t, db)
		for i := range peer.SelfReferralLimit {
			if w, err := db.SelfReferralWait(ctx, "192.0.2.1"); w != 0 || err != nil {
				t.Fatalf("attempt %d waits %s, %v", i+1, w, err)
			}
			*clock = clock.Add(time.Minute)
		}
		// The sixth, 5 minutes after the first, waits 55 minutes; another
		// address does not.
		if w, _ := db.SelfReferralWait(ctx, "192.0.2.1"); w != 55*time.Minute {
			t.Errorf("the sixth waits %s", w)
		}
		if w, _ := db.SelfReferralWait(ctx, "192.0.2.2"); w != 0 {
			t.Errorf("another address waits %s", w)
		}
		*clock = clock.Add(55 * time.Minute)
		if w, _ := db.SelfReferralWait(ctx, "192.0.2.1"); w != 0 {
			t.Errorf("after the hour: waits %s", w)
		}
	})
}
