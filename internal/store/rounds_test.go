package store_test

import (
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// roundFixture is a commissioner organisation, a lead and a fresh round.
func roundFixture(t *testing.T, db *store.DB) (*round.Round, *auth.User) {
	t.Helper()
	org, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Bristol ICB", Kind: auth.KindCommissioner})
	if err != nil {
		t.Fatal(err)
	}
	lead, err := db.CreateUser(ctx, "lead@example.org", "Lead", "x")
	if err != nil {
		t.Fatal(err)
	}
	n := round.NewRound{OrgID: org.ID, Title: "CYP mental health", CareArea: "Children and young people's mental health",
		Purpose: round.PurposeBoth, Stake: "20", StartsOn: "2026-09-01", EndsOn: "2027-08-31"}
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	r, err := db.CreateRound(ctx, n, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	return r, lead
}

func TestRoundLifecycleIsAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r, lead := roundFixture(t, db)
		actx := audit.WithActor(ctx, lead.ID)
		if r.Stage != round.StageCommitment || r.Stake != 2000 || r.Published() || r.OrgName != "Bristol ICB" {
			t.Fatalf("new round = %+v", r)
		}
		as, _ := db.AssignmentsOf(ctx, lead.ID)
		if len(as) != 1 || as[0].Role != round.RoleLead || as[0].ScopeType != auth.ScopeRound || as[0].ScopeID != r.ID {
			t.Fatalf("lead assignment = %+v", as)
		}
		// Before publishing the stake may fall freely.
		if err := db.ChangeStake(actx, r.ID, round.StakeChange{Stake: "25"}); err != nil {
			t.Fatal(err)
		}
		if err := db.PublishRound(actx, r.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.PublishRound(actx, r.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("publishing twice = %v", err)
		}
		// Published, the stake may rise; lowering it is the group's decision
		// (decisions_test.go), never a direct change.
		err := db.ChangeStake(actx, r.ID, round.StakeChange{Stake: "15"})
		if apperr.Code(err) != apperr.Conflict || apperr.Message(err) != round.ErrGroupLowersStake {
			t.Fatalf("lowering a locked stake directly = %v", err)
		}
		if got, _ := db.RoundByID(ctx, r.ID); got.Stake != 2500 {
			t.Fatalf("refused change still changed the stake to %s", got.Stake)
		}
		if err := db.ChangeStake(actx, r.ID, round.StakeChange{Stake: "27.5"}); err != nil {
			t.Fatal(err)
		}
		hist, err := db.StakeHistory(ctx, r.ID)
		if err != nil || len(hist) != 2 || hist[0].From != 2000 || hist[0].To != 2500 || hist[0].AgreedBy != "" ||
			hist[1].From != 2500 || hist[1].To != 2750 || hist[1].Lowered() || hist[1].AgreedBy != "" || hist[1].ChangedBy != lead.ID {
			t.Fatalf("stake history = %+v, %v", hist, err)
		}

		if err := db.MoveStage(actx, r.ID, round.StageStories, ""); apperr.FieldsOf(err) == nil || apperr.FieldsOf(err)[0].Field != "reason" {
			t.Fatalf("skipping Group without a reason = %v", err)
		}
		for _, m := range []struct {
			to     round.Stage
			reason string
		}{{round.StageGroup, ""}, {round.StageFactors, "Stories came from last year's round"}, {round.StageStories, ""}, {round.StageImpact, "Short round"}} {
			if err := db.MoveStage(actx, r.ID, m.to, m.reason); err != nil {
				t.Fatalf("moving to %s: %v", m.to, err)
			}
		}
		sh, _ := db.StageHistory(ctx, r.ID)
		if len(sh) != 4 || sh[1].From != round.StageGroup || sh[1].To != round.StageFactors || sh[1].Reason != "Stories came from last year's round" ||
			sh[2].To != round.StageStories {
			t.Fatalf("stage history = %+v", sh)
		}
		evs, _ := db.AuditEvents(ctx, audit.Filter{ObjectType: "round", ObjectID: r.ID, Limit: 50})
		var actions []string
		for i := len(evs) - 1; i >= 0; i-- {
			actions = append(actions, evs[i].Action)
		}
		want := []string{"round.create", "round.stake", "round.publish", "round.stake", "round.stage", "round.stage", "round.stage", "round.stage"}
		if len(actions) != len(want) {
			t.Fatalf("audit = %v", actions)
		}
		for i := range want {
			if actions[i] != want[i] {
				t.Fatalf("audit = %v, want %v", actions, want)
			}
		}
		if evs[len(evs)-4].Details["from"] != "25%" || evs[len(evs)-4].Details["to"] != "27.5%" || evs[len(evs)-4].ActorID != lead.ID {
			t.Fatalf("raising audited as %+v", evs[len(evs)-4])
		}
		if n, err := db.VerifyAudit(ctx); err != nil || n == 0 {
			t.Fatalf("audit chain: %d %v", n, err)
		}
	})
}

func TestRoundListsOnlyRoundsYouHoldARoleIn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r, lead := roundFixture(t, db)
		other, _ := db.CreateUser(ctx, "other@example.org", "Other", "x")
		if rs, _, err := db.ListRounds(ctx, round.Query{UserID: other.ID}); err != nil || len(rs) != 0 {
			t.Fatalf("outsider sees %v %v", rs, err)
		}
		for _, title := range []string{"Adults: autism", "Learning disability respite"} {
			n := round.NewRound{OrgID: r.OrgID, Title: title, CareArea: "x", Purpose: round.PurposeMeasures, Stake: "10", StartsOn: "2026-01-01", EndsOn: "2026-12-31"}
			if err := n.Validate(); err != nil {
				t.Fatal(err)
			}
			if _, err := db.CreateRound(ctx, n, lead.ID); err != nil {
				t.Fatal(err)
			}
		}
		page1, next, err := db.ListRounds(ctx, round.Query{UserID: lead.ID, Limit: 2})
		if err != nil || len(page1) != 2 || next == "" || page1[0].Title != "Adults: autism" || page1[1].Title != "CYP mental health" {
			t.Fatalf("page 1 = %v %q %v", page1, next, err)
		}
		page2, next2, err := db.ListRounds(ctx, round.Query{UserID: lead.ID, Limit: 2, After: next})
		if err != nil || len(page2) != 1 || next2 != "" || page2[0].Title != "Learning disability respite" {
			t.Fatalf("page 2 = %v %q %v", page2, next2, err)
		}
		if all, _, _ := db.ListRounds(ctx, round.Query{All: true}); len(all) != 3 {
			t.Fatalf("admin sees %d rounds", len(all))
		}
	})
}

func TestRoundInvitationIsOneTimeAndExpires(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		start := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
		now := start
		db.Now = func() time.Time { return now }
		r, _ := roundFixture(t, db)
		joiner, _ := db.CreateUser(ctx, "kai@example.org", "Kai Jones", "x")
		iss, err := db.IssueRoundInvitation(ctx, r.ID, round.NewInvitation{Role: round.RoleMember, ForName: "Kai"}, 7*24*time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		key := round.Key{Token: iss.Token}
		if _, err := db.JoinRound(ctx, key, round.Join{UserID: joiner.ID, TakePart: true}); apperr.FieldsOf(err) == nil {
			t.Fatalf("joining the group without a pseudonym = %v", err)
		}
		joined, err := db.JoinRound(ctx, key, round.Join{UserID: joiner.ID, Pseudonym: "Kai", TakePart: true})
		if err != nil || joined.Invitation.Role != round.RoleMember {
			t.Fatal(err)
		}
		m, err := db.MemberForUser(ctx, r.ID, joiner.ID)
		if err != nil || m.Pseudonym != "Kai" || !m.Consent.TakesPart() || m.Consent.SharesStory() {
			t.Fatalf("member = %+v %v", m, err)
		}
		if _, err := db.JoinRound(ctx, key, round.Join{UserID: joiner.ID, Pseudonym: "Kai", TakePart: true}); apperr.Code(err) != apperr.NotFound || apperr.Message(err) != "This invitation has already been used. Sign in, or ask for a new invitation." {
			t.Fatalf("second use = %v", err)
		}
		iss2, _ := db.IssueRoundInvitation(ctx, r.ID, round.NewInvitation{Role: round.RoleObserver, ForName: "Lee"}, 7*24*time.Hour)
		now = start.Add(7 * 24 * time.Hour)
		if _, err := db.RoundInvitation(ctx, round.Key{Token: iss2.Token}); apperr.Message(err) != "This invitation expired on 9 November 2026. Ask for a new invitation." {
			t.Fatalf("expired = %v", err)
		}
		if _, err := db.IssueRoundInvitation(ctx, r.ID, round.NewInvitation{Role: auth.RoleAdmin, ForName: "Ash"}, time.Hour); apperr.FieldsOf(err) == nil {
			t.Fatalf("inviting as admin = %v", err)
		}
		// The member is in the group under the name she chose, not among
		// the participants under her account's name.
		ps, _ := db.Participants(ctx, r.ID)
		if len(ps) != 1 || ps[0].Role != round.RoleLead {
			t.Fatalf("participants = %+v", ps)
		}
	})
}

func TestSessionsAttendanceAndPayments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r, _ := roundFixture(t, db)
		a := addMember(t, db, r.ID, "Ash", "Ash Patel", round.ConsentTakePart)
		b := addMember(t, db, r.ID, "Bo", "Bo Green", round.ConsentTakePart)
		var ids []string
		for _, d := range []string{"2026-10-08", "2026-09-10", "2026-11-12"} {
			n := round.NewSession{Date: d, Time: "18:00", Place: "Trinity Centre, Bristol", Activities: []string{"life_stories"}}
			if err := n.Validate(); err != nil {
				t.Fatal(err)
			}
			s, err := db.CreateGroupSession(ctx, r.ID, n)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, s.ID)
		}
		p1, next, err := db.ListGroupSessions(ctx, r.ID, "", 2)
		if err != nil || len(p1) != 2 || p1[0].StartsAt.Format("2006-01-02") != "2026-09-10" || p1[1].StartsAt.Format("2006-01-02") != "2026-10-08" || next == "" {
			t.Fatalf("sessions page 1 = %+v %v", p1, err)
		}
		p2, _, _ := db.ListGroupSessions(ctx, r.ID, next, 2)
		if len(p2) != 1 || p2[0].ID != ids[2] {
			t.Fatalf("sessions page 2 = %+v", p2)
		}
		if err := db.SetAttendance(ctx, r.ID, ids[0], []string{a.ID, b.ID}); err != nil {
			t.Fatal(err)
		}
		for _, p := range []round.NewPayment{{MemberID: a.ID, Amount: "25", Method: "bank_transfer", PaidOn: "2026-10-09"},
			{MemberID: b.ID, Amount: "£12.50", Method: "voucher", PaidOn: "9/10/2026"}} {
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
			if err := db.AddPayment(ctx, r.ID, ids[0], p); err != nil {
				t.Fatal(err)
			}
		}
		s, err := db.GroupSessionByID(ctx, r.ID, ids[0])
		if err != nil || len(s.Attendees) != 2 || len(s.Payments) != 2 {
			t.Fatalf("session = %+v %v", s, err)
		}
		lines, _ := db.RoundPayments(ctx, r.ID)
		var total int64
		for _, l := range lines {
			total += l.AmountPence
		}
		if len(lines) != 2 || total != 3750 || lines[0].Pseudonym != "Ash" || lines[1].RealName != "Bo Green" || lines[1].PaidOn != "2026-10-09" {
			t.Fatalf("payments = %+v", lines)
		}
		if err := db.SetAttendance(ctx, r.ID, ids[0], []string{"not-a-member"}); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("attendance of a stranger = %v", err)
		}
	})
}

func addMember(t *testing.T, db *store.DB, roundID, pseudonym, realName string, consents ...round.ConsentPurpose) *round.Member {
	t.Helper()
	n := round.NewMember{Pseudonym: pseudonym, RealName: realName, ContactEmail: pseudonym + "@example.net", Consents: consents}
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	m, err := db.AddRoundMember(ctx, roundID, n)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
