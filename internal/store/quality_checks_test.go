package store_test

import (
	"context"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/qualitycheck"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestQualityChecks: a ULO's quality checker plans a visit to a provider,
// answers the checklist and finishes the report; its two "needs to
// change" points become voice items on the public board; only then does
// the provider visited (and no other) read it and answer each point; a
// facilitator records the checker's involvement payment. On both engines.
func TestQualityChecks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		org := func(name string, kind auth.OrgKind) *auth.Organisation {
			o, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: name, Kind: kind})
			if err != nil {
				t.Fatal(err)
			}
			return o
		}
		ulo, home, other := org("Voices Together", auth.KindUserLed), org("Riverside Care", auth.KindProvider), org("Hilltop Care", auth.KindProvider)
		user := func(name string, role auth.Role, scope string) (context.Context, string) {
			t.Helper()
			u, err := db.CreateUser(ctx, name+"@example.org", name, "x")
			if err != nil {
				t.Fatal(err)
			}
			a := auth.Assignment{UserID: u.ID, Role: role, ScopeType: auth.ScopeOrganisation, ScopeID: scope}
			if role == auth.RoleAdmin {
				a.ScopeType, a.ScopeID = auth.ScopePlatform, ""
			}
			if _, err := db.Assign(ctx, a); err != nil {
				t.Fatal(err)
			}
			return audit.WithActor(ctx, u.ID), u.ID
		}
		checker, checkerID := user("Robin", auth.RoleQualityChecker, ulo.ID)
		fac, _ := user("Jordan", auth.RoleFacilitator, ulo.ID)
		member, memberID := user("Sky", auth.RoleMember, ulo.ID)
		prov, _ := user("Sam", auth.RoleProvider, home.ID)
		prov2, _ := user("Lee", auth.RoleProvider, other.ID)
		admin, _ := user("Alex", auth.RoleAdmin, "")

		if got, err := db.Checkers(fac, ulo.ID); err != nil || len(got) != 1 || got[0].Name != "Robin" {
			t.Fatalf("checkers: %+v %v", got, err)
		}
		if got, _ := db.Checkers(member, ulo.ID); len(got) != 0 {
			t.Errorf("a member of the ULO listed its checkers: %+v", got)
		}
		n := qualitycheck.NewCheck{ULOID: ulo.ID, ProviderID: home.ID, Service: "Riverside House", VisitOn: "18 November 2026", CheckerIDs: []string{checkerID}}
		if _, err := db.PlanCheck(member, n); fieldOf(err, "ulo") == "" {
			t.Errorf("a member planned a check: %v", err)
		}
		bad := n
		bad.ProviderID, bad.CheckerIDs = ulo.ID, []string{memberID}
		if _, err := db.PlanCheck(checker, bad); fieldOf(err, "provider") == "" || fieldOf(err, "checkers") == "" {
			t.Errorf("a ULO as the provider, a member as a checker: %v", err)
		}
		c, err := db.PlanCheck(checker, n)
		if err != nil || c.VisitOn != "2026-11-18" || c.ProviderOf != "Riverside Care" || len(c.Checkers) != 1 || c.Reported() {
			t.Fatalf("plan: %+v %v", c, err)
		}

		// Before the report is finished the provider cannot see it.
		if _, err := db.QualityCheck(prov, c.ID); apperr.Code(err) != apperr.NotFound {
			t.Errorf("provider before the report: %v", err)
		}
		if list, _ := db.QualityChecks(prov); len(list) != 0 {
			t.Errorf("provider's list before the report: %+v", list)
		}
		if err := db.AnswerChecklist(member, c.ID, qualitycheck.NewAnswer{Question: "safe", Answer: qualitycheck.Good}); apperr.Code(err) != apperr.NotFound {
			t.Errorf("a member answering: %v", err)
		}
		if err := db.FinishReport(checker, c.ID); apperr.Code(err) != apperr.Conflict {
			t.Errorf("finishing with nothing answered: %v", err)
		}
		for _, q := range qualitycheck.Checklist {
			a := qualitycheck.NewAnswer{Question: q.Key, Answer: qualitycheck.NeedsChange} // changed below for all but two
			if err := db.AnswerChecklist(checker, c.ID, a); err != nil {
				t.Fatal(err)
			}
		}
		for _, q := range qualitycheck.Checklist {
			a := qualitycheck.NewAnswer{Question: q.Key, Answer: qualitycheck.Good}
			switch q.Key {
			case "quiet":
				a.Answer = qualitycheck.OK
			case "information":
				a.Answer, a.Saw = qualitycheck.NeedsChange, "The menu was in small print only."
			case "complain":
				a.Answer = qualitycheck.NeedsChange
			}
			if err := db.AnswerChecklist(fac, c.ID, a); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.FinishReport(checker, c.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.AnswerChecklist(checker, c.ID, qualitycheck.NewAnswer{Question: "safe", Answer: qualitycheck.OK}); apperr.Code(err) != apperr.Conflict {
			t.Errorf("changing a finished report: %v", err)
		}
		rep, err := db.QualityCheck(prov, c.ID)
		if err != nil || !rep.Reported() || rep.Count(qualitycheck.Good) != 5 || rep.Count(qualitycheck.OK) != 1 || rep.Count(qualitycheck.NeedsChange) != 2 {
			t.Fatalf("provider's report: %+v %v", rep, err)
		}
		for _, who := range []context.Context{prov2, admin, member} {
			if _, err := db.QualityCheck(who, c.ID); apperr.Code(err) != apperr.NotFound {
				t.Errorf("someone else read the report: %v", err)
			}
		}

		// The two points are on the public board, about the provider and the ULO.
		var items []string
		for _, l := range rep.Lines() {
			if l.Point.Answer == qualitycheck.NeedsChange {
				items = append(items, l.Point.ItemID)
			} else if l.Point.ItemID != "" {
				t.Errorf("%s became a voice item", l.Key)
			}
		}
		if len(items) != 2 {
			t.Fatalf("voice items: %v", items)
		}
		it, err := db.LedgerItem(ctx, items[0], ledger.Public)
		if err != nil || it.Source != ledger.SourceQualityCheck || it.SaidOn != "2026-11-18" || len(it.Orgs) != 2 || it.Status != ledger.StatusOpen ||
			it.Said != "Quality checkers from Voices Together visited Riverside House on 18 November 2026. This needs to change: "+
				"Information should be in Easy Read or another format people can use. What we saw: The menu was in small print only." {
			t.Fatalf("voice item: %+v %v", it, err)
		}
		page, err := db.BoardItems(ctx, ledger.Query{Theme: qualitycheck.Theme, Limit: 10})
		if err != nil || len(page.Items) != 2 {
			t.Errorf("board: %d items, %v", len(page.Items), err)
		}

		// The provider answers each point; nobody else may.
		if err := db.ReplyToPoint(checker, c.ID, qualitycheck.NewReply{Question: "information", Reply: "We will."}); apperr.Code(err) != apperr.Forbidden {
			t.Errorf("a checker answering for the provider: %v", err)
		}
		if err := db.ReplyToPoint(prov, c.ID, qualitycheck.NewReply{Question: "information", Reply: " "}); fieldOf(err, "reply") == "" {
			t.Errorf("an empty answer: %v", err)
		}
		if err := db.ReplyToPoint(prov, c.ID, qualitycheck.NewReply{Question: "information", Reply: "Easy Read menus from January."}); err != nil {
			t.Fatal(err)
		}
		rep, _ = db.QualityCheck(checker, c.ID)
		if l := rep.Lines()[3]; l.Point.Reply != "Easy Read menus from January." || l.Point.RepliedBy != "Sam" || l.Point.RepliedAt == nil || rep.Unanswered() != 7 {
			t.Errorf("reply: %+v, %d unanswered", l.Point, rep.Unanswered())
		}
		if list, _ := db.QualityChecks(prov); len(list) != 1 {
			t.Errorf("provider's list: %+v", list)
		}
		if list, _ := db.QualityChecks(prov2); len(list) != 0 {
			t.Errorf("another provider's list: %+v", list)
		}

		// The checker is paid for the visit by a facilitator.
		pay := round.NewPayment{MemberID: checkerID, Amount: "25.50", Method: "bank_transfer", PaidOn: "19 November 2026"}
		if err := db.PayChecker(checker, c.ID, pay); apperr.Code(err) != apperr.Forbidden {
			t.Errorf("a checker paying: %v", err)
		}
		notOnVisit := pay
		notOnVisit.MemberID = memberID
		if err := db.PayChecker(fac, c.ID, notOnVisit); fieldOf(err, "member_id") == "" {
			t.Errorf("paying someone not on the visit: %v", err)
		}
		if err := db.PayChecker(fac, c.ID, pay); err != nil {
			t.Fatal(err)
		}
		pays, err := db.CheckPayments(fac, c.ID)
		if err != nil || len(pays) != 1 || pays[0].AmountPence != 2550 || pays[0].Checker.Name != "Robin" || pays[0].PaidOn != "2026-11-19" {
			t.Errorf("payments: %+v %v", pays, err)
		}
		if pays, _ := db.CheckPayments(prov, c.ID); len(pays) != 0 {
			t.Errorf("the provider sees payments: %+v", pays)
		}

		// A report cannot be finished before the visit.
		n.VisitOn = "1 January 2099"
		later, err := db.PlanCheck(checker, n)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qualitycheck.Checklist {
			if err := db.AnswerChecklist(checker, later.ID, qualitycheck.NewAnswer{Question: q.Key, Answer: qualitycheck.Good}); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.FinishReport(checker, later.ID); apperr.Code(err) != apperr.Conflict {
			t.Errorf("finishing before the visit: %v", err)
		}
	})
}

// fieldOf is the problem err names for a field, "" for none.
func fieldOf(err error, field string) string {
	for _, f := range apperr.FieldsOf(err) {
		if f.Field == field {
			return f.Message
		}
	}
	return ""
}
