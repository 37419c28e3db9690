package demo

import (
	"context"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/peer"
)

// seedPeer gives Voices Together peer support at two trigger points, four
// peer supporters and a referral in every state: one over its time
// standard, one ended because a service discharged the person. The ULO's
// facilitator coordinates it and is its safeguarding lead; Sky (member2)
// is a peer supporter; Robin (member) asked for support and is choosing.
func seedPeer(ctx context.Context, s Store, uloID string) error {
	now := time.Now().UTC()
	users := map[string]string{}
	for _, email := range []string{"facilitator@demo.test", "member@demo.test", "member2@demo.test"} {
		u, err := s.UserByEmail(ctx, email)
		if err != nil {
			return err
		}
		users[email] = u.ID
	}
	for _, a := range []auth.Assignment{
		{UserID: users["facilitator@demo.test"], Role: auth.RoleCoordinator, ScopeType: auth.ScopeOrganisation, ScopeID: uloID},
		{UserID: users["facilitator@demo.test"], Role: auth.RoleSafeguardingLead, ScopeType: auth.ScopeOrganisation, ScopeID: uloID},
		{UserID: users["member2@demo.test"], Role: auth.RolePeerSupporter, ScopeType: auth.ScopeOrganisation, ScopeID: uloID},
	} {
		if _, err := s.Assign(ctx, a); err != nil {
			return err
		}
	}
	for _, o := range []peer.Offer{
		{OrgID: uloID, Trigger: peer.TriggerCrisis, Standard: peer.Standard{Amount: 72, Unit: peer.Hours}},
		{OrgID: uloID, Trigger: peer.TriggerDiagnosis, Standard: peer.Standard{Amount: 10, Unit: peer.WorkingDays}},
	} {
		if err := s.SetOffer(ctx, o); err != nil {
			return err
		}
	}
	sups := map[string]string{}
	for _, n := range []struct {
		peer.NewSupporter
		user string
	}{
		{peer.NewSupporter{Name: "Sky", Experiences: "psychosis\nbeing in hospital", Languages: "English", Places: "North Shire", Phone: true,
			Capacity: "3", Training: "Peer support worker training (5 days)", Supervisions: now.AddDate(0, 0, -14).Format(time.DateOnly),
			DBSCheckedOn: now.AddDate(0, -8, 0).Format(time.DateOnly), Paid: true}, "member2@demo.test"},
		{peer.NewSupporter{Name: "Amira", Experiences: "being in hospital\nanxiety", Languages: "English\nUrdu", AccessNeeds: "large print",
			Places: "Riverside", Phone: true, Capacity: "2", Training: "Peer support worker training (5 days)", Paid: true}, ""},
		{peer.NewSupporter{Name: "Ben", Experiences: "psychosis", Languages: "British Sign Language\nEnglish",
			AccessNeeds: "British Sign Language", Video: true, Capacity: "1"}, ""},
		{peer.NewSupporter{Name: "Cara", Experiences: "self-harm\nautism", Languages: "English\nPolish", AccessNeeds: "easy read",
			Places: "North Shire", Capacity: "2"}, ""},
	} {
		rec, err := n.Validate(uloID)
		if err != nil {
			return err
		}
		rec.UserID = users[n.user]
		if sups[n.Name], err = s.AddSupporter(ctx, rec); err != nil {
			return err
		}
	}
	ago := func(h float64) time.Time { return now.Add(-time.Duration(h * float64(time.Hour))) }
	type life struct {
		name      string
		trig      peer.Trigger
		person    string
		referred  float64 // hours ago
		contacted float64 // hours after the referral; 0: not yet
		chose     string
		declined  bool
		ended     peer.EndReason
	}
	for _, l := range []life{
		{name: "Robin", trig: peer.TriggerCrisis, person: "member@demo.test", referred: 30, contacted: 10},
		{name: "Alex", trig: peer.TriggerCrisis, referred: 80},  // over the 72-hour standard
		{name: "Jo", trig: peer.TriggerDiagnosis, referred: 50}, // within ten working days
		{name: "Sam", trig: peer.TriggerCrisis, referred: 240, contacted: 6, chose: "Sky"},
		{name: "Kim", trig: peer.TriggerCrisis, referred: 480, contacted: 90, chose: "Amira", ended: peer.EndDischarged},
		{name: "Lee", trig: peer.TriggerDiagnosis, referred: 360, contacted: 48, declined: true},
		{name: "Pat", trig: peer.TriggerDiagnosis, referred: 720, contacted: 24, chose: "Sky", ended: peer.EndGoalsMet},
	} {
		n := peer.NewReferral{OrgID: uloID, Trigger: l.trig, Source: peer.SourceSelf, Name: l.name, ContactWay: peer.ContactPhone,
			Contact: "07700 900123", Consent: true,
			Need: peer.Need{Experiences: []string{"psychosis", "being in hospital"}, Languages: []string{"English"},
				Meeting: peer.Meeting{Places: []string{"North Shire"}, Phone: true}}}
		if l.person == "" && l.name != "Alex" {
			n.Source, n.ReferrerFor = peer.SourceProfessional, "Dr Rao, Riverside GP practice"
		}
		id, err := s.CreateReferral(ctx, n, users[l.person], ago(l.referred))
		if err != nil {
			return err
		}
		if l.contacted > 0 {
			if err := s.FirstContact(ctx, id, ago(l.referred-l.contacted)); err != nil {
				return err
			}
		}
		if l.declined {
			if err := s.Decline(ctx, id); err != nil {
				return err
			}
		}
		if l.chose != "" {
			if err := s.Choose(ctx, id, peer.Choice{SupporterID: sups[l.chose], WithCoordinator: true, PersonChose: true}); err != nil {
				return err
			}
			if err := s.AddGoal(ctx, id, "Feel less alone after leaving the ward"); err != nil {
				return err
			}
			c := peer.Contact{On: ago(l.referred - l.contacted - 24).Format(time.DateOnly), How: peer.HowPhone, Minutes: 40}
			if err := s.AddContact(audit.WithActor(ctx, users["member2@demo.test"]), id, c); err != nil {
				return err
			}
		}
		if l.ended != "" {
			if err := s.End(ctx, id, l.ended); err != nil {
				return err
			}
		}
		if l.name == "Sam" {
			if err := s.RaiseConcern(audit.WithActor(ctx, users["member2@demo.test"]), id, "Sam said their landlord has threatened them. "+
				"I gave them the housing advice line and said I would tell the safeguarding lead."); err != nil {
				return err
			}
		}
	}
	return nil
}
