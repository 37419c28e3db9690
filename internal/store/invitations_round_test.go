package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// A person without an account joins from a round invitation's code: the
// account, the group place and the role come in one step; the code works
// once; a withdrawn or re-issued invitation's old link and code open
// nothing; the pending list shows what is left; each change is audited.
func TestRoundInvitationCodesJoinRevokeReissue(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		start := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
		now := start
		db.Now = func() time.Time { return now }
		r, lead := roundFixture(t, db)
		lctx := audit.WithActor(ctx, lead.ID)
		week := 7 * 24 * time.Hour

		kai, err := db.IssueRoundInvitation(lctx, r.ID, round.NewInvitation{Role: round.RoleMember, ForName: " Kai from the Tuesday group ", Email: "KAI@example.org"}, week)
		if err != nil {
			t.Fatal(err)
		}
		if inv := kai.Invitation; inv.ForName != "Kai from the Tuesday group" || inv.Email != "kai@example.org" || !inv.ExpiresAt.Equal(start.Add(week)) {
			t.Fatalf("issued = %+v", inv)
		}
		if code, msg := auth.ParseInviteCode(kai.Code); code != kai.Code || msg != "" || len(kai.Token) < 40 {
			t.Fatalf("code %q token %q: %q", kai.Code, kai.Token, msg)
		}
		lee, _ := db.IssueRoundInvitation(lctx, r.ID, round.NewInvitation{Role: round.RoleObserver, ForName: "Lee"}, week)
		ash, _ := db.IssueRoundInvitation(lctx, r.ID, round.NewInvitation{Role: round.RoleObserver, ForName: "Ash"}, 2*week)

		pending, err := db.PendingRoundInvitations(ctx, r.ID)
		if err != nil || len(pending) != 3 || pending[2].ID != ash.Invitation.ID || pending[0].CreatedByName != "Lead" {
			t.Fatalf("pending = %+v, %v", pending, err)
		}

		// Someone new joins with the code, as typed from a letter.
		typed, msg := auth.ParseInviteCode(" " + kai.Code[:4] + " - " + strings.ToLower(kai.Code[4:]))
		if msg != "" {
			t.Fatal(msg)
		}
		newKai := round.Join{Account: &auth.NewUser{Email: "kai@example.org", DisplayName: "Kai Jones"}, PasswordHash: "hash", Pseudonym: "Kai", TakePart: true}
		joined, err := db.JoinRound(ctx, round.Key{Code: typed}, newKai)
		if err != nil || !joined.NewAccount {
			t.Fatalf("join = %+v, %v", joined, err)
		}
		u, err := db.UserByEmail(ctx, "kai@example.org")
		if err != nil || u.ID != joined.UserID || u.DisplayName != "Kai Jones" {
			t.Fatalf("account = %+v, %v", u, err)
		}
		if m, err := db.MemberForUser(ctx, r.ID, u.ID); err != nil || m.Pseudonym != "Kai" || !m.Consent.TakesPart() {
			t.Fatalf("member = %+v, %v", m, err)
		}
		if as, _ := db.AssignmentsOf(ctx, u.ID); len(as) != 1 || as[0].Role != round.RoleMember || as[0].ScopeID != r.ID {
			t.Fatalf("roles = %+v", as)
		}
		// The code is spent, for the link too.
		again := round.Join{UserID: lead.ID, Pseudonym: "Kai 2", TakePart: true}
		for _, key := range []round.Key{{Code: kai.Code}, {Token: kai.Token}} {
			if _, err := db.JoinRound(ctx, key, again); apperr.Message(err) != "This invitation has already been used. Sign in, or ask for a new invitation." {
				t.Errorf("second use with %+v = %v", key, err)
			}
		}

		// A refused join leaves no account behind and the invitation unused.
		taken := round.Join{Account: &auth.NewUser{Email: "kai@example.org", DisplayName: "Other"}, PasswordHash: "hash"}
		if _, err := db.JoinRound(ctx, round.Key{Code: lee.Code}, taken); apperr.Code(err) != apperr.Conflict || len(apperr.FieldsOf(err)) != 1 {
			t.Fatalf("join with an email already in use = %v", err)
		}
		if _, err := db.RoundInvitation(ctx, round.Key{Code: lee.Code}); err != nil {
			t.Fatalf("the refused invitation was used up: %v", err)
		}

		// Withdrawn: link and code both stop working; it leaves the list.
		if _, err := db.RevokeRoundInvitation(lctx, r.ID, lee.Invitation.ID); err != nil {
			t.Fatal(err)
		}
		const withdrawn = "This invitation was withdrawn by the people running the round. Ask them for a new one."
		for _, key := range []round.Key{{Code: lee.Code}, {Token: lee.Token}} {
			if _, err := db.RoundInvitation(ctx, key); apperr.Code(err) != apperr.NotFound || apperr.Message(err) != withdrawn {
				t.Errorf("withdrawn with %+v = %v", key, err)
			}
		}
		if _, err := db.RevokeRoundInvitation(lctx, r.ID, lee.Invitation.ID); apperr.Code(err) != apperr.Conflict {
			t.Errorf("withdrawing twice = %v", err)
		}
		if _, err := db.ReissueRoundInvitation(lctx, r.ID, lee.Invitation.ID, week); apperr.Code(err) != apperr.Conflict {
			t.Errorf("re-issuing a withdrawn invitation = %v", err)
		}
		if _, err := db.RevokeRoundInvitation(lctx, r.ID, kai.Invitation.ID); apperr.Code(err) != apperr.Conflict {
			t.Errorf("withdrawing a used invitation = %v", err)
		}

		// Expired, then re-issued: the old link and code open nothing, the new ones work.
		now = start.Add(2*week + time.Minute)
		if _, err := db.RoundInvitation(ctx, round.Key{Code: ash.Code}); apperr.Message(err) != "This invitation expired on 16 November 2026. Ask for a new invitation." {
			t.Fatalf("expired = %v", err)
		}
		again2, err := db.ReissueRoundInvitation(lctx, r.ID, ash.Invitation.ID, week)
		if err != nil || again2.Code == ash.Code || again2.Token == ash.Token || again2.Invitation.ReissuedAt == nil || !again2.Invitation.ExpiresAt.Equal(now.Add(week)) {
			t.Fatalf("re-issued = %+v, %v", again2, err)
		}
		if _, err := db.RoundInvitation(ctx, round.Key{Code: ash.Code}); apperr.Message(err) != "That code is not right. Check it against your invitation and try again, or ask for a new invitation." {
			t.Errorf("old code = %v", err)
		}
		if _, err := db.RoundInvitation(ctx, round.Key{Token: ash.Token}); apperr.Message(err) != "This invitation link is not valid. Check you copied the whole link, or ask for a new invitation." {
			t.Errorf("old link = %v", err)
		}
		if j, err := db.JoinRound(ctx, round.Key{Code: again2.Code}, round.Join{UserID: lead.ID}); err != nil || j.NewAccount || j.UserID != lead.ID {
			t.Errorf("joining with the new code = %+v, %v", j, err)
		}
		if pending, _ := db.PendingRoundInvitations(ctx, r.ID); len(pending) != 0 {
			t.Errorf("pending at the end = %+v", pending)
		}

		// Another round's invitation is not found through this round.
		other, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Other ICB", Kind: auth.KindCommissioner})
		n := round.NewRound{OrgID: other.ID, Title: "Other", CareArea: "Other", Purpose: round.PurposeBoth, Stake: "20", StartsOn: "2026-09-01", EndsOn: "2027-08-31"}
		_ = n.Validate()
		r2, err := db.CreateRound(ctx, n, lead.ID)
		if err != nil {
			t.Fatal(err)
		}
		theirs, _ := db.IssueRoundInvitation(lctx, r2.ID, round.NewInvitation{Role: round.RoleObserver, ForName: "Theirs"}, week)
		if _, err := db.RevokeRoundInvitation(lctx, r.ID, theirs.Invitation.ID); apperr.Code(err) != apperr.NotFound {
			t.Errorf("withdrawing another round's invitation = %v", err)
		}
		if _, err := db.ReissueRoundInvitation(lctx, r.ID, theirs.Invitation.ID, week); apperr.Code(err) != apperr.NotFound {
			t.Errorf("re-issuing another round's invitation = %v", err)
		}

		// Audited, in order, without who the invitations were for.
		want := []string{"round.invitation_create", "round.invitation_create", "round.invitation_create", "round.invitation_accept",
			"round.invitation_revoke", "round.invitation_reissue", "round.invitation_accept"}
		evs, err := db.AuditEvents(ctx, audit.Filter{Action: "round.invitation_", ObjectType: "round", ObjectID: r.ID, Limit: 50})
		if err != nil || len(evs) != len(want) {
			t.Fatalf("audit = %+v, %v", evs, err)
		}
		for i, e := range evs { // newest first
			if w := want[len(want)-1-i]; e.Action != w {
				t.Errorf("audit event %d = %s, want %s", i, e.Action, w)
			}
			if e.Details["for_name"] != "" || e.Details["email"] != "" {
				t.Errorf("audit event %s names the person: %v", e.Action, e.Details)
			}
		}
		if evs[3].Details["with"] != "code" || evs[3].Details["new_account"] != "yes" || evs[3].ActorID != u.ID {
			t.Errorf("the new person's join = %+v", evs[3])
		}
	})
}

// Wrong codes are counted per address within a window.
func TestWrongCodesCountedPerAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		start := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
		now := start
		db.Now = func() time.Time { return now }
		for i := range 3 {
			now = start.Add(time.Duration(i) * time.Minute)
			if err := db.RecordWrongCode(ctx, "192.0.2.1"); err != nil {
				t.Fatal(err)
			}
		}
		_ = db.RecordWrongCode(ctx, "192.0.2.2")
		n, latest, err := db.WrongCodes(ctx, "192.0.2.1", start.Add(30*time.Second))
		if err != nil || n != 2 || !latest.Equal(start.Add(2*time.Minute)) {
			t.Fatalf("wrong codes = %d, %v, %v", n, latest, err)
		}
		if n, _, _ := db.WrongCodes(ctx, "192.0.2.3", start); n != 0 {
			t.Fatalf("another address = %d", n)
		}
	})
}
