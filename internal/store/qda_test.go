package store_test

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/agreement"
	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestQDABlindCoding: two coders code a narrative blind; neither sees the
// other's coding until both have submitted, a lead who does not code sees
// only submitted coding, and submitted coding cannot change.
func TestQDABlindCoding(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2027, 2, 1, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { now = now.Add(time.Second); return now }
		lab, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Lab", Kind: auth.KindResearch})
		ann, _ := db.CreateUser(ctx, "ann@example.org", "Ann Coder", "x")
		ben, _ := db.CreateUser(ctx, "ben@example.org", "Ben Coder", "x")
		lee, _ := db.CreateUser(ctx, "lee@example.org", "Lee Lead", "x")
		asAnn, asBen, asLee := audit.WithActor(ctx, ann.ID), audit.WithActor(ctx, ben.ID), audit.WithActor(ctx, lee.ID)

		p, err := db.CreateProject(asAnn, qda.NewProject{OrgID: lab.ID, Title: "Getting out", Blind: true})
		if err != nil {
			t.Fatal(err)
		}
		// Only the lab's members code its projects (qda.CheckNewCoder): Ben
		// is not one yet.
		if err := db.AddCoder(asAnn, p.ID, ben.ID); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("an outsider added: %v", err)
		}
		if err := db.AddMember(ctx, ben.ID, lab.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.AddCoder(asAnn, p.ID, ben.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.AddCoder(asAnn, p.ID, ben.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("a coder added twice: %v", err)
		}
		src, err := db.AddSource(asAnn, qda.NewSource{ProjectID: p.ID, Title: "Narrative 1", Text: "One. Two. Three. Four.",
			Units: qda.Sentences, ConsentNote: "Written consent"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.AddPreset(asAnn, p.ID, qda.SocialPracticeTheory()); err != nil {
			t.Fatal(err)
		}
		codes, err := db.Codes(ctx, p.ID)
		if err != nil || len(codes) != 17 {
			t.Fatalf("codes %d, %v", len(codes), err)
		}
		roots, err := qda.Tree(codes)
		if err != nil || roots[0].Name != "Materials" || roots[0].Children[0].Name != "Equipment and technology" {
			t.Fatalf("tree: %v", err)
		}
		id := map[string]string{}
		for _, c := range codes {
			id[c.Name] = c.ID
		}
		A, B := id["Materials"], id["Meanings"]

		// The coding of internal/agreement's hand-worked per-code example:
		// A on units 1 and 2 by both; B on 2 and 4 by Ann, 3 and 4 by Ben.
		code := func(c context.Context, unit int, ids ...string) {
			t.Helper()
			if err := db.CodeUnit(c, src.ID, unit, ids); err != nil {
				t.Fatal(err)
			}
		}
		code(asAnn, 0, A)
		code(asAnn, 1, B) // changed below
		code(asAnn, 1, A, B, A)
		code(asAnn, 3, B)
		code(asBen, 0, A)
		code(asBen, 1, A)
		code(asBen, 2, B)
		code(asBen, 3, B)
		if _, err := db.Code(asBen, qda.NewSegment{SourceID: src.ID, Start: 10, End: 22, CodeIDs: []string{B}, Memo: "Both."}); err != nil {
			t.Fatal(err)
		}

		forbidden := func(c context.Context, coder, why string) {
			t.Helper()
			_, err := db.Segments(c, p.ID, coder)
			if apperr.Code(err) != apperr.Forbidden || !strings.Contains(err.Error(), why) {
				t.Fatalf("blind coding was shown: %v", err)
			}
		}
		if own, err := db.Segments(asAnn, p.ID, ann.ID); err != nil || len(own) != 3 {
			t.Fatalf("Ann's own coding: %+v, %v", own, err)
		}
		forbidden(asBen, ann.ID, "once you have submitted yours")
		forbidden(asAnn, ben.ID, "once you have submitted yours")
		forbidden(asLee, ann.ID, "has not submitted")
		if err := db.Decide(asAnn, src.ID, 1, []string{A}); apperr.Code(err) != apperr.Forbidden {
			t.Fatalf("a coder reconciled before submitting: %v", err)
		}

		if err := db.Submit(asAnn, p.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.Submit(asAnn, p.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("submitted twice: %v", err)
		}
		if err := db.CodeUnit(asAnn, src.ID, 2, []string{A}); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("submitted coding changed: %v", err)
		}
		forbidden(asBen, ann.ID, "once you have submitted yours")
		forbidden(asAnn, ben.ID, "has not submitted")
		if got, err := db.Segments(asLee, p.ID, ann.ID); err != nil || len(got) != 3 {
			t.Fatalf("the lead sees Ann's submitted coding: %d, %v", len(got), err)
		}
		if err := db.Submit(asLee, p.ID); apperr.Code(err) != apperr.Forbidden {
			t.Fatalf("a lead who does not code submitted: %v", err)
		}
		if err := db.CodeUnit(asLee, src.ID, 0, []string{A}); apperr.Code(err) != apperr.Forbidden {
			t.Fatalf("a lead who does not code coded: %v", err)
		}

		if err := db.Submit(asBen, p.ID); err != nil {
			t.Fatal(err)
		}
		annSegs, err := db.Segments(asBen, p.ID, ann.ID)
		if err != nil {
			t.Fatal(err)
		}
		benSegs, err := db.Segments(asAnn, p.ID, ben.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(benSegs) != 5 || benSegs[4].Memo != "Both." && benSegs[3].Memo != "Both." {
			t.Fatalf("Ben's segments: %+v", benSegs)
		}
		coders, err := db.Coders(ctx, p.ID)
		if err != nil || len(coders) != 2 || coders[0].Name != "Ann Coder" || coders[0].SubmittedAt == nil || coders[1].SubmittedAt == nil {
			t.Fatalf("coders: %+v, %v", coders, err)
		}

		// Agreement from the stored coding equals the hand-worked figures:
		// Materials 1, Meanings .125, pooled over the two .53125 (the 15
		// codes no one used add only "absent" pairs, so the pooled figure
		// over all 17 is computed from them too, below).
		sources, _ := db.Sources(ctx, p.ID)
		units := []qda.SourceUnits{{SourceID: src.ID, Units: qda.Split(sources[0].Text, sources[0].Units)}}
		coded := map[string]map[string]bool{ann.ID: {src.ID: true}, ben.ID: {src.ID: true}}
		by := qda.ByUnit(units, append(annSegs, benSegs...), coded)
		per, _, err := agreement.PerCode(qda.AgreementSets(by, []string{ann.ID, ben.ID}, []qda.Code{{ID: A, Name: "Materials"}, {ID: B, Name: "Meanings"}}))
		if err != nil || per[0].Alpha.Value != 1 || math.Abs(per[1].Alpha.Value-.125) > 1e-12 {
			t.Fatalf("alpha: %+v %v", per, err)
		}
		if d := qda.Differences(by); len(d) != 2 || d[0].Unit.Index != 1 || d[1].Unit.Index != 2 {
			t.Fatalf("differences: %+v", d)
		}

		// Reconciling: the lead decides unit 2 (index 1), then changes it;
		// Ann, now submitted, decides unit 3.
		if err := db.Decide(asLee, src.ID, 1, []string{B, A, B}); err != nil {
			t.Fatal(err)
		}
		if err := db.Decide(asLee, src.ID, 1, []string{A}); err != nil {
			t.Fatal(err)
		}
		if err := db.Decide(asAnn, src.ID, 2, nil); err != nil {
			t.Fatal(err)
		}
		if err := db.Decide(asLee, src.ID, 9, []string{A}); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("a unit past the end: %v", err)
		}
		ds, err := db.Decisions(ctx, p.ID)
		if err != nil || len(ds) != 2 || ds[0].Unit != 1 || len(ds[0].CodeIDs) != 1 || ds[0].CodeIDs[0] != A || ds[0].DecidedByName != "Lee Lead" ||
			ds[1].Unit != 2 || len(ds[1].CodeIDs) != 0 || ds[1].DecidedByName != "Ann Coder" {
			t.Fatalf("decisions: %+v, %v", ds, err)
		}

		// Without blind mode, coders see each other's work at once.
		open, _ := db.CreateProject(asAnn, qda.NewProject{OrgID: lab.ID, Title: "Open", Blind: false})
		_ = db.AddCoder(asAnn, open.ID, ben.ID)
		if _, err := db.Segments(asBen, open.ID, ann.ID); err != nil {
			t.Fatalf("open project: %v", err)
		}
		// Codes of another project, units that do not exist, strangers.
		if err := db.CodeUnit(asBen, src.ID, 0, []string{id["Materials"]}); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("after submitting: %v", err)
		}
		openSrc, _ := db.AddSource(asAnn, qda.NewSource{ProjectID: open.ID, Title: "S", Text: "Only one.", Units: qda.Sentences, ConsentNote: "c"})
		if err := db.CodeUnit(asAnn, openSrc.ID, 0, []string{A}); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("another project's code: %v", err)
		}
		if err := db.CodeUnit(asAnn, openSrc.ID, 1, nil); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("a unit past the end: %v", err)
		}
		if _, err := db.Code(asAnn, qda.NewSegment{SourceID: openSrc.ID, Start: 3, End: 99}); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("a span past the end: %v", err)
		}
		if _, err := db.Segments(asAnn, open.ID, lee.ID); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("segments of someone who is not a coder: %v", err)
		}
		if list, _ := db.ListProjects(ctx, []string{lab.ID}); len(list) != 2 || list[0].Title != "Open" || list[1].OrgName != "Lab" || !list[1].Blind {
			t.Fatalf("projects: %+v", list)
		}
	})
}
