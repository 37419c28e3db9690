package store_test

import (
	"context"
	"testing"

	"github.com/coprod/coprod/internal/adjustaudit"
	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestAdjustmentAudits: a ULO's facilitator audits a GP practice's longer
// appointments and re-audits it; only the team (the ULO's facilitators and
// researchers) sees the audits and their cases.
func TestAdjustmentAudits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ulo, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Voices Together", Kind: auth.KindUserLed})
		if err != nil {
			t.Fatal(err)
		}
		user := func(email string, as ...auth.Assignment) context.Context {
			t.Helper()
			u, err := db.CreateUser(ctx, email, email, "x")
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
		in := func(role auth.Role) auth.Assignment {
			return auth.Assignment{Role: role, ScopeType: auth.ScopeOrganisation, ScopeID: ulo.ID}
		}
		fac := user("fac@example.org", in(auth.RoleFacilitator))
		res := user("res@example.org", in(auth.RoleResearcher))
		prov := user("prov@example.org", in(auth.RoleProvider))
		admin := user("admin@example.org", auth.Assignment{Role: auth.RoleAdmin, ScopeType: auth.ScopePlatform})

		n := adjustaudit.NewAudit{OrgID: ulo.ID, Template: "longer_appointments", Service: "Riverside GP practice", Period: "April to June 2026"}
		if _, err := db.CreateAudit(prov, n); apperr.Code(err) != apperr.Forbidden {
			t.Errorf("a provider of the ULO starting an audit: %v", err)
		}
		first, err := db.CreateAudit(fac, n)
		if err != nil {
			t.Fatal(err)
		}
		n.Period, n.PreviousID = "October to December 2026", first.ID
		again, err := db.CreateAudit(res, n)
		if err != nil || again.PreviousID != first.ID || again.OrgName != "Voices Together" {
			t.Fatalf("re-audit: %+v %v", again, err)
		}
		other := n
		other.Template = "environment"
		if _, err := db.CreateAudit(fac, other); apperr.Code(err) != apperr.Invalid {
			t.Errorf("re-audit of another template: %v", err)
		}

		// Cases: (need recorded, longer booked).
		add := func(label string, a, b adjustaudit.Answer) error {
			return db.AddCase(fac, first.ID, adjustaudit.NewCase{Label: label,
				Answers:  map[string]adjustaudit.Answer{"need_recorded": a, "longer_booked": b},
				Evidence: map[string]string{"longer_booked": "Appointment book, 20 minutes"}})
		}
		for i, ab := range [][2]adjustaudit.Answer{{"met", "met"}, {"met", "not_met"}, {"not_met", "not_applicable"}, {"not_known", "met"}} {
			if err := add("C"+string(rune('1'+i)), ab[0], ab[1]); err != nil {
				t.Fatal(err)
			}
		}
		if err := add("C1", "met", "met"); err == nil || apperr.FieldsOf(err)[0].Field != "label" {
			t.Errorf("a second case C1: %v", err)
		}
		if err := add("C9", "met", "maybe"); err == nil || apperr.FieldsOf(err)[0].Field != "answer_longer_booked" {
			t.Errorf("an answer not in the list: %v", err)
		}
		cases, err := db.Cases(res, first.ID)
		if err != nil || len(cases) != 4 || cases[0].Label != "C1" || cases[1].Answers["longer_booked"] != adjustaudit.NotMet ||
			cases[0].Evidence["longer_booked"] != "Appointment book, 20 minutes" {
			t.Fatalf("cases: %+v %v", cases, err)
		}
		// By hand: need recorded met C1, C2; not met C3; not known C4 → 2 of
		// 3. Longer booked met C1, C4; not met C2; n/a C3 → 2 of 3. Overall:
		// C1 met; C2, C3 not met; C4 not known → 1 of 3.
		tp, _ := adjustaudit.TemplateByKey("longer_appointments")
		plain := make([]adjustaudit.Case, len(cases))
		for i, c := range cases {
			plain[i] = c.Case
		}
		r := adjustaudit.Results(tp, plain)
		if r.Criteria[0].Met != 2 || r.Criteria[0].Applicable != 3 || r.Criteria[1].Met != 2 || r.Criteria[1].Applicable != 3 ||
			r.Overall.Met != 1 || r.Overall.Applicable != 3 || r.Overall.NotKnown != 1 {
			t.Errorf("results %+v", r)
		}

		// Outside the team: no such audit, no cases, an empty list.
		for _, who := range []context.Context{prov, admin} {
			if _, err := db.AdjustmentAudit(who, first.ID); apperr.Code(err) != apperr.NotFound {
				t.Errorf("reading the audit: %v", err)
			}
			if _, err := db.Cases(who, first.ID); apperr.Code(err) != apperr.NotFound {
				t.Errorf("reading the cases: %v", err)
			}
			if err := add2(db, who, first.ID); apperr.Code(err) != apperr.NotFound {
				t.Errorf("adding a case: %v", err)
			}
			if list, _ := db.AdjustmentAudits(who, []string{ulo.ID}); len(list) != 0 {
				t.Errorf("list: %+v", list)
			}
		}
		if list, err := db.AdjustmentAudits(res, []string{ulo.ID}); err != nil || len(list) != 2 || list[0].ID != again.ID {
			t.Errorf("the team's list: %+v %v", list, err)
		}
		// The public aggregates: every audit, its cases' answers only.
		pub, err := db.PublishedAudits(ctx)
		if err != nil || len(pub) != 2 || pub[0].ID != first.ID || len(pub[0].Cases) != 4 || len(pub[1].Cases) != 0 ||
			pub[0].Cases[0].Label != "" || pub[0].Cases[1].Answers["longer_booked"] != adjustaudit.NotMet {
			t.Errorf("published: %+v %v", pub, err)
		}
	})
}

func add2(db *store.DB, who context.Context, auditID string) error {
	return db.AddCase(who, auditID, adjustaudit.NewCase{Label: "X1",
		Answers: map[string]adjustaudit.Answer{"need_recorded": "met", "longer_booked": "met"}})
}
