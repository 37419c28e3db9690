package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestResearchFeedsCommissioning: a researcher offers two coded segments
// to a round under a theme; the round's evidence map counts them as
// research, one becomes a voice item said in research, and withdrawing
// consent for the source hides both from the round, the map and the
// public ledger at once, while the project still lists them, marked.
func TestResearchFeedsCommissioning(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2027, 2, 1, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { now = now.Add(time.Second); return now }
		rd, lead := roundFixture(t, db)
		if err := db.PublishRound(audit.WithActor(ctx, lead.ID), rd.ID); err != nil {
			t.Fatal(err)
		}
		ann, ben, p := twoCoders(t, db)
		asAnn, asBen := audit.WithActor(ctx, ann.ID), audit.WithActor(ctx, ben.ID)
		src, err := db.AddSource(asAnn, qda.NewSource{ProjectID: p.ID, Title: "Narrative 1",
			Text: "The bus ramp was broken again. My friend came with me. I stayed home.", Units: qda.Sentences, ConsentNote: "Written consent"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.AddPreset(asAnn, p.ID, qda.SocialPracticeTheory()); err != nil {
			t.Fatal(err)
		}
		codes, _ := db.Codes(ctx, p.ID)
		id := map[string]string{}
		for _, c := range codes {
			id[c.Name] = c.ID
		}
		for unit, c := range []string{"Materials", "Meanings"} {
			if err := db.CodeUnit(asAnn, src.ID, unit, []string{id[c]}); err != nil {
				t.Fatal(err)
			}
		}
		segs, err := db.Segments(asAnn, p.ID, ann.ID)
		if err != nil || len(segs) != 2 {
			t.Fatalf("segments %d, %v", len(segs), err)
		}

		// Blind: Ben, who has not submitted, may not offer Ann's coding.
		offer := func(c context.Context, seg, theme string) (*qda.Offer, error) {
			n := qda.NewOffer{SegmentID: seg, RoundID: rd.ID, Theme: theme, Note: "From the first narrative"}
			if err := n.Validate(); err != nil {
				return nil, err
			}
			return db.OfferSegment(c, n)
		}
		if _, err := offer(asBen, segs[0].ID, "Transport"); apperr.Code(err) != apperr.Forbidden {
			t.Fatalf("a blind coder offered another's coding: %v", err)
		}
		o1, err := offer(asAnn, segs[0].ID, "Transport")
		if err != nil {
			t.Fatal(err)
		}
		if o1.Quote != "The bus ramp was broken again." || len(o1.Codes) != 1 || o1.Codes[0] != "Materials" {
			t.Fatalf("offer = %+v", o1)
		}
		// The same theme in other letters is the same theme.
		if _, err := offer(asAnn, segs[1].ID, "transport"); err != nil {
			t.Fatal(err)
		}
		if _, err := offer(asAnn, segs[1].ID, "Transport"); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("offered twice: %v", err)
		}
		themes, _ := db.Themes(ctx, rd.ID)
		if len(themes) != 1 || themes[0].Name != "Transport" {
			t.Fatalf("themes = %+v", themes)
		}
		group := round.Audience{}
		mapCount := func() int {
			t.Helper()
			m, err := db.EvidenceMap(ctx, rd.ID, group)
			if err != nil || len(m) != 1 {
				t.Fatalf("map = %+v, %v", m, err)
			}
			return m[0].Counts[evidence.KindResearch]
		}
		if n := mapCount(); n != 2 {
			t.Fatalf("research on the map = %d, want 2", n)
		}
		itemID, err := db.OfferToLedger(audit.WithActor(ctx, lead.ID), rd.ID, o1.ID, "2027-02-01")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.OfferToLedger(audit.WithActor(ctx, lead.ID), rd.ID, o1.ID, "2027-02-01"); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("made a voice item twice: %v", err)
		}
		it, err := db.LedgerItem(ctx, itemID, ledger.Public)
		if err != nil || it.Said != o1.Quote || it.Source != ledger.SourceResearch || it.Source.Label() != "Research" || it.SaidBy != ledger.SaidInResearch ||
			len(it.Themes) != 1 || it.Themes[0] != "Transport" || len(it.Orgs) != 1 || it.Orgs[0].Name != "Bristol ICB" {
			t.Fatalf("voice item = %+v, %v", it, err)
		}

		if err := db.WithdrawConsent(asAnn, p.ID, src.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.WithdrawConsent(asAnn, p.ID, src.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("withdrawn twice: %v", err)
		}
		if n := mapCount(); n != 0 {
			t.Errorf("research on the map after withdrawal = %d", n)
		}
		if os, err := db.RoundOffers(ctx, rd.ID); err != nil || len(os) != 0 {
			t.Errorf("the round still lists %d offers, %v", len(os), err)
		}
		if _, err := db.LedgerItem(ctx, itemID, ledger.Public); apperr.Code(err) != apperr.NotFound {
			t.Errorf("the public still sees the voice item: %v", err)
		}
		if it, err := db.LedgerItem(ctx, itemID, ledger.Staff); err != nil || !it.Withdrawn || it.Said != "" {
			t.Errorf("staff see the item as %+v, %v", it, err)
		}
		os, err := db.ProjectOffers(ctx, p.ID)
		if err != nil || len(os) != 2 || !os[0].Withdrawn || os[0].LedgerItemID != itemID || os[0].RoundTitle != "CYP mental health" {
			t.Fatalf("project offers = %+v, %v", os, err)
		}
		if _, err := offer(asAnn, segs[1].ID, "Other"); apperr.Code(err) != apperr.Conflict {
			t.Errorf("offered from a withdrawn source: %v", err)
		}
	})
}

// twoCoders is a blind project of a research organisation coded by Ann,
// who started it, and Ben, a member of the organisation.
func twoCoders(t *testing.T, db *store.DB) (ann, ben *auth.User, p *qda.Project) {
	t.Helper()
	lab, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Lab", Kind: auth.KindResearch})
	if err != nil {
		t.Fatal(err)
	}
	ann, _ = db.CreateUser(ctx, "ann@example.org", "Ann Coder", "x")
	ben, _ = db.CreateUser(ctx, "ben@example.org", "Ben Coder", "x")
	if err := db.AddMember(ctx, ben.ID, lab.ID); err != nil {
		t.Fatal(err)
	}
	p, err = db.CreateProject(audit.WithActor(ctx, ann.ID), qda.NewProject{OrgID: lab.ID, Title: "Getting out", Blind: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.AddCoder(audit.WithActor(ctx, ann.ID), p.ID, ben.ID); err != nil {
		t.Fatal(err)
	}
	return ann, ben, p
}
