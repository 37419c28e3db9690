package store_test

import (
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/pathway"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

func TestPathwaySavePublishAndShortAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		icb, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Avon ICB", Kind: auth.KindCommissioner})
		lead, _ := db.CreateUser(ctx, "lead@example.org", "Lee Lead", "x")
		n := round.NewRound{OrgID: icb.ID, Title: "Adult mental health 2027", CareArea: "Adult mental health", Purpose: round.PurposeBoth, Stake: "20",
			StartsOn: "2027-02-01", EndsOn: "2027-12-31"}
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		rd, err := db.CreateRound(ctx, n, lead.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Pathway(ctx, rd.ID); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("no page yet: %v", err)
		}
		if err := db.PublishPathway(ctx, rd.ID, true, ""); apperr.Code(err) != apperr.NotFound {
			t.Errorf("published before it was written: %v", err)
		}
		in := pathway.Input{Title: "How to get support", Plain: "Ask your GP.", EasyRead: "Talk to your doctor.", Contact: "Voices Together"}
		p, err := db.SavePathway(ctx, rd.ID, in)
		if err != nil || !pathway.ValidSlug(p.Slug) || p.Published != nil || p.RoundTitle != rd.Title {
			t.Fatalf("saved: %+v, %v", p, err)
		}
		// Not public until published; the short address stays when it changes.
		if _, err := db.PathwayBySlug(ctx, p.Slug); apperr.Code(err) != apperr.NotFound {
			t.Errorf("a draft is public: %v", err)
		}
		in.Plain = "Ask your GP, or phone Voices Together."
		p2, err := db.SavePathway(ctx, rd.ID, in)
		if err != nil || p2.Slug != p.Slug || p2.Plain != in.Plain {
			t.Errorf("changed: %+v, %v", p2, err)
		}
		// Only the group's decision publishes it: a question it passed.
		addMember(t, db, rd.ID, "Robin", "Robin A", round.ConsentTakePart)
		if err := db.PublishPathway(ctx, rd.ID, true, ""); len(apperr.FieldsOf(err)) != 1 {
			t.Errorf("published without the group's decision: %v", err)
		}
		q := putToGroup(t, db, rd.ID, lead.ID, shiftClock(db), round.NewProposal{Kind: round.KindQuestion, Title: "Make our page public?",
			PlainEnglish: "Shall we make our how to get support page public?", EasyRead: "Can everyone see our page?"})
		now := db.Now()
		open, err := db.CreateProposal(audit.WithActor(ctx, lead.ID), rd.ID, round.NewProposal{Kind: round.KindQuestion, Title: "Still open",
			PlainEnglish: "x", EasyRead: "x", ProposedBy: lead.ID, OpensDate: round.LondonDate(now), OpensTime: now.In(round.London).Format("15:04"),
			ClosesDate: round.LondonDate(now.AddDate(0, 0, 7)), ClosesTime: "17:00"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PublishPathway(ctx, rd.ID, true, open.ID); len(apperr.FieldsOf(err)) != 1 {
			t.Errorf("published by a question the group has not decided: %v", err)
		}
		if p, _ := db.Pathway(ctx, rd.ID); p.Published != nil {
			t.Errorf("a refused publication left the page public")
		}
		if err := db.PublishPathway(ctx, rd.ID, true, q.ID); err != nil {
			t.Fatal(err)
		}
		pub, err := db.PathwayBySlug(ctx, p.Slug)
		if err != nil || pub.Published == nil {
			t.Errorf("published: %+v, %v", pub, err)
		}
		if all, _ := db.PublishedPathways(ctx); all[rd.ID] != p.Slug {
			t.Errorf("published pathways: %v", all)
		}
		if err := db.PublishPathway(ctx, rd.ID, false, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.PathwayBySlug(ctx, p.Slug); apperr.Code(err) != apperr.NotFound {
			t.Errorf("taken down but public: %v", err)
		}
		if countEvents(t, db, "pathway.publish") != 1 || countEvents(t, db, "pathway.save") != 2 {
			t.Error("saving and publishing are not audited")
		}
	})
}
