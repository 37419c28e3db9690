package store_test

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// ledgerContract makes a contract under the world's round, held by a new
// provider, with a payment profile of two indicators and no reports yet.
func ledgerContract(t *testing.T, db *store.DB, w *ledgerWorld) (*measure.Contract, *auth.Organisation) {
	t.Helper()
	actx := audit.WithActor(ctx, w.owner.ID)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	st, err := db.AddStatement(ctx, w.rd.ID, evidence.NewStatement{MemberID: w.robin, Body: "I get help the same day"})
	must(err)
	m := &measure.Measure{RoundID: w.rd.ID, Kind: measure.Outcome, Title: "Crisis help", PlainEnglish: "Help the same day.",
		EasyRead: "Help today.", Numerator: "people helped the same day", Denominator: "people in crisis", DataSource: "records",
		Frequency: measure.Quarterly, Target: rat("80"), Direction: measure.Higher,
		Links: []measure.EvidenceLink{{Kind: measure.FromVision, ID: st.ID}}}
	must(db.CreateMeasure(actx, m))
	groupPasses(t, db, w.rd.ID, w.owner.ID, shiftClock(db), round.NewProposal{Kind: round.KindSignOffMeasure, MeasureID: m.ID})
	spec, err := db.CreateSpecification(actx, w.rd.ID, "CYP specification")
	must(err)
	_, err = db.AddSpecVersion(actx, w.rd.ID, spec.ID, map[measure.SectionKey]string{measure.SectionAims: "Help the same day."}, []string{m.ID})
	must(err)
	groupPasses(t, db, w.rd.ID, w.owner.ID, shiftClock(db), round.NewProposal{Kind: round.KindSignOffSpec, SpecID: spec.ID, SpecVersion: "1"})
	prov, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Riverside Trust", Kind: auth.KindProvider})
	must(err)
	n := measure.NewContract{RoundID: w.rd.ID, Title: "Crisis support contract", ProviderOrgID: prov.ID, StartsOn: "2027-04-01",
		EndsOn: "2028-03-31", Value: "987,654", SpecID: spec.ID, VersionNumber: 1}
	must(n.Validate())
	c, err := db.CreateContract(actx, n)
	must(err)
	prof := &measure.Profile{AtRiskPercent: rat("2.5"), Periods: []string{"2027-Q1", "2027-Q2"}, Indicators: []measure.Indicator{
		{ID: "I1", Name: "Help the same day in a crisis", MeasureID: m.ID, WeightPercent: rat("60"), Direction: measure.Higher,
			Curve: measure.Curve{Type: measure.Threshold, Target: rat("80")}},
		{ID: "I2", Name: "Crisis help trend", MeasureID: m.ID, WeightPercent: rat("40"), Direction: measure.Higher,
			Curve: measure.Curve{Type: measure.Linear, ZeroAt: rat("60"), FullAt: rat("80")}},
	}}
	must(db.SetPaymentProfile(actx, c.ID, prof, map[string]string{"2027-Q1": "2027-07-31", "2027-Q2": "2027-10-31"}))
	return c, prov
}

func fieldIs(err error, field string) bool {
	fs := apperr.FieldsOf(err)
	return apperr.Code(err) == apperr.Invalid && len(fs) == 1 && fs[0].Field == field
}

func TestLedgerIndicatorLinkAndEvidenceSnapshot(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newLedgerWorld(t, db)
		c, prov := ledgerContract(t, db, w)
		actx := audit.WithActor(ctx, w.owner.ID)
		id := w.item(t, db, "The crisis line never called back", "2027-01-10", w.robin, "Crisis care")

		opts, err := db.IndicatorOptions(ctx, id)
		if err != nil || len(opts) != 2 || opts[0].ContractID != c.ID || opts[0].IndicatorID != "I1" || opts[0].Name != "Help the same day in a crisis" ||
			opts[1].IndicatorID != "I2" || opts[0].ProviderOrgID != prov.ID || opts[0].RoundID != w.rd.ID || opts[0].ContractTitle != "Crisis support contract" {
			t.Fatalf("options = %+v, %v", opts, err)
		}

		commit := func(item, contractID, code string) error {
			n := ledger.NewCommitment{OwnerOrgID: w.icb.ID, OwnerUserID: w.owner.ID, What: "Call back within 1 hour", DueOn: "2027-09-30",
				CommittedOn: "2027-02-01", ContractID: contractID, IndicatorID: code, Today: "2027-12-31"}
			if err := n.Validate(); err != nil {
				return err
			}
			return db.Commit(actx, item, n)
		}
		// The indicator must be in the contract's payment profile, and the
		// contract one the item concerns.
		if err := commit(id, c.ID, "I9"); !fieldIs(err, "indicator") {
			t.Fatalf("an indicator not in the profile: %v", err)
		}
		if err := commit(id, "no-such-contract", "I1"); !fieldIs(err, "indicator") {
			t.Fatalf("an unknown contract: %v", err)
		}
		n := ledger.NewItem{Said: "Nothing to do with that contract", Source: ledger.SourceSurvey, SaidOn: "2027-01-10",
			OrgIDs: []string{w.ulo.ID}, Today: "2027-12-31"}
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		other, err := db.CreateItem(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		if o, err := db.IndicatorOptions(ctx, other.ID); err != nil || len(o) != 0 {
			t.Fatalf("options of an item outside the contract's round = %+v, %v", o, err)
		}
		if err := commit(other.ID, c.ID, "I1"); !fieldIs(err, "indicator") {
			t.Fatalf("a contract the item does not concern: %v", err)
		}
		// An item for the provider, outside any round, may link to its contract.
		n.Said, n.OrgIDs = "The trust's crisis team was kind", []string{prov.ID}
		forProv, err := db.CreateItem(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		if o, err := db.IndicatorOptions(ctx, forProv.ID); err != nil || len(o) != 2 {
			t.Fatalf("options of an item for the provider = %+v, %v", o, err)
		}

		if err := commit(id, c.ID, "I1"); err != nil {
			t.Fatal(err)
		}
		staff, err := db.LedgerItem(ctx, id, ledger.Staff)
		if err != nil {
			t.Fatal(err)
		}
		if cm := staff.Commitment; cm.Indicator != "Help the same day in a crisis" || cm.IndicatorID != "I1" || cm.ContractID != c.ID ||
			cm.ContractTitle != "Crisis support contract" || cm.ContractRoundID != w.rd.ID || cm.ContractProviderOrgID != prov.ID {
			t.Fatalf("staff commitment = %+v", cm)
		}
		pub, err := db.LedgerItem(ctx, id, ledger.Public)
		if err != nil {
			t.Fatal(err)
		}
		if cm := pub.Commitment; cm.Indicator != "Help the same day in a crisis" || cm.ContractID != "" || cm.ContractTitle != "" || cm.IndicatorID != "" {
			t.Fatalf("public commitment = %+v", cm)
		}
		page, err := db.BoardItems(ctx, ledger.Query{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range page.Items {
			if it.Commitment != nil && (it.Commitment.ContractID != "" || it.Commitment.ContractTitle != "") {
				t.Fatalf("board list shows the contract: %+v", it.Commitment)
			}
		}

		// Evidence of indicator values needs values to record.
		ev := ledger.NewEvidence{Kind: ledger.EvidenceIndicator, ContractID: c.ID, IndicatorID: "I1"}
		if err := ev.Validate(); err != nil {
			t.Fatal(err)
		}
		if err := db.AddEvidence(actx, id, ev); !fieldIs(err, "indicator") || !strings.Contains(err.Error(), "No values") {
			t.Fatalf("evidence before any report: %v", err)
		}
		if err := db.SubmitReports(actx, c.ID, []measure.Report{{Period: "2027-Q2", Indicator: "I1", Value: rat("82.5")},
			{Period: "2027-Q1", Indicator: "I1", Value: rat("64")}, {Period: "2027-Q1", Indicator: "I2", Value: rat("70")}}); err != nil {
			t.Fatal(err)
		}
		bad := ledger.NewEvidence{Kind: ledger.EvidenceIndicator, ContractID: c.ID, IndicatorID: "I7"}
		if err := db.AddEvidence(actx, id, bad); !fieldIs(err, "indicator") {
			t.Fatalf("evidence for an indicator not in the profile: %v", err)
		}
		if err := db.AddEvidence(actx, other.ID, ev); !fieldIs(err, "indicator") {
			t.Fatalf("evidence from a contract the item does not concern: %v", err)
		}
		if err := db.AddEvidence(actx, id, ev); err != nil {
			t.Fatal(err)
		}
		// A later correction of the report does not change the evidence.
		if err := db.SubmitReports(actx, c.ID, []measure.Report{{Period: "2027-Q2", Indicator: "I1", Value: rat("90")}}); err != nil {
			t.Fatal(err)
		}
		for _, a := range []ledger.Audience{ledger.Staff, ledger.Public} {
			it, err := db.LedgerItem(ctx, id, a)
			if err != nil {
				t.Fatal(err)
			}
			if len(it.Evidence) != 1 || it.EvidenceCount != 1 {
				t.Fatalf("evidence = %+v", it.Evidence)
			}
			e := it.Evidence[0]
			if e.Kind != ledger.EvidenceIndicator || e.Indicator != "Help the same day in a crisis" || len(e.Values) != 2 ||
				e.Values[0] != (ledger.IndicatorValue{Period: "2027-Q1", Value: "64"}) || e.Values[1] != (ledger.IndicatorValue{Period: "2027-Q2", Value: "82.5"}) ||
				e.Value != "82.5" || e.Period != "2027-Q2" {
				t.Fatalf("evidence (%v) = %+v", a, e)
			}
			if wantID := map[ledger.Audience]string{ledger.Staff: c.ID, ledger.Public: ""}[a]; e.ContractID != wantID {
				t.Fatalf("evidence contract (%v) = %q", a, e.ContractID)
			}
		}
	})
}
