package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

var ctx = audit.WithActor(context.Background(), "")

// TestMain drops the migrated and seeded templates the tests copied.
func TestMain(m *testing.M) { os.Exit(storetest.Run(m)) }

func TestParseDSN(t *testing.T) {
	cases := []struct {
		in     string
		engine store.Engine
		target string
		bad    bool
	}{
		{"./coprod.db", store.SQLite, "./coprod.db", false},
		{"sqlite:/var/lib/coprod.db", store.SQLite, "/var/lib/coprod.db", false},
		{"sqlite:", "", "", true},
		{"postgres://u@h/db", store.Postgres, "postgres://u@h/db", false},
		{"postgresql://u@h/db", store.Postgres, "postgresql://u@h/db", false},
		{"mysql://u@h/db", "", "", true},
		{"", "", "", true},
	}
	for _, c := range cases {
		e, target, err := store.ParseDSN(c.in)
		if (err != nil) != c.bad || e != c.engine || target != c.target {
			t.Errorf("ParseDSN(%q) = %q, %q, %v", c.in, e, target, err)
		}
	}
}

func TestMigrateIsIdempotentAndRefusesNewerSchema(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		v, err := db.Migrate(ctx)
		if err != nil || v != db.KnownVersion() || v < 1 {
			t.Fatalf("second migrate = %d, %v (known %d)", v, err, db.KnownVersion())
		}
		if _, err := db.CheckSchema(ctx); err != nil {
			t.Fatalf("CheckSchema on a current database: %v", err)
		}
		if err := storetest.Exec(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future.sql', CURRENT_TIMESTAMP)"); err != nil {
			t.Fatal(err)
		}
		_, err = db.CheckSchema(ctx)
		var tooNew *store.SchemaTooNewError
		if !errors.As(err, &tooNew) || tooNew.Have != 999 {
			t.Fatalf("CheckSchema on a newer database = %v", err)
		}
		if _, err := db.Migrate(ctx); !errors.As(err, &tooNew) {
			t.Fatalf("Migrate on a newer database = %v", err)
		}
	})
}

func TestUsers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		u, err := db.CreateUser(ctx, "Ada@Example.org", "Ada", "hash")
		if err != nil {
			t.Fatal(err)
		}
		if u.Email != "ada@example.org" {
			t.Errorf("email not normalised: %q", u.Email)
		}
		_, err = db.CreateUser(ctx, "ada@example.ORG", "Other", "hash")
		if apperr.Code(err) != apperr.Conflict || len(apperr.FieldsOf(err)) != 1 || apperr.FieldsOf(err)[0].Field != "email" {
			t.Fatalf("duplicate email: %v (%s)", err, apperr.Code(err))
		}
		got, err := db.UserByEmail(ctx, " ADA@example.org ")
		if err != nil || got.ID != u.ID || got.DisplayName != "Ada" {
			t.Fatalf("UserByEmail = %+v, %v", got, err)
		}
		if _, err := db.UserByID(ctx, "nope"); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("missing user: %v", err)
		}
		if err := db.SetPassword(ctx, u.ID, "hash2"); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.UserByID(ctx, u.ID); got.PasswordHash != "hash2" {
			t.Fatalf("password not set")
		}
		if err := db.SetPassword(ctx, "nope", "x"); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("SetPassword on missing user: %v", err)
		}
	})
}

func TestListUsersPagesByKeyset(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		for i := range 7 {
			if _, err := db.CreateUser(ctx, fmt.Sprintf("u%d@example.org", i), fmt.Sprintf("User %d", i), "h"); err != nil {
				t.Fatal(err)
			}
		}
		var seen []string
		after := ""
		for pages := 0; ; pages++ {
			us, next, err := db.ListUsers(ctx, auth.ListQuery{After: after, Limit: 3})
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range us {
				seen = append(seen, u.Email)
			}
			if next == "" {
				if pages != 2 {
					t.Fatalf("pages = %d, want 3 pages of 3, 3, 1", pages+1)
				}
				break
			}
			after = next
		}
		if len(seen) != 7 || seen[0] != "u0@example.org" || seen[6] != "u6@example.org" {
			t.Fatalf("seen %v", seen)
		}
		us, _, _ := db.ListUsers(ctx, auth.ListQuery{Search: "USER 4"})
		if len(us) != 1 || us[0].Email != "u4@example.org" {
			t.Fatalf("search: %+v", us)
		}
	})
}

func TestOrganisationsMembershipsAndRoles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		o, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Voices Together", Kind: auth.KindUserLed})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Voices Together", Kind: auth.KindProvider}); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("duplicate organisation: %v", err)
		}
		u, _ := db.CreateUser(ctx, "f@example.org", "Fay", "h")
		if err := db.AddMember(ctx, u.ID, o.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.AddMember(ctx, u.ID, o.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("second membership: %v", err)
		}
		if err := db.AddMember(ctx, u.ID, "no-such-org"); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("membership of a missing organisation: %v", err)
		}
		ms, err := db.Members(ctx, o.ID)
		if err != nil || len(ms) != 1 || ms[0].UserName != "Fay" || ms[0].OrgName != "Voices Together" {
			t.Fatalf("Members = %+v, %v", ms, err)
		}
		if _, err := db.Assign(ctx, auth.Assignment{UserID: u.ID, Role: auth.RoleFacilitator, ScopeType: auth.ScopeOrganisation, ScopeID: o.ID}); err != nil {
			t.Fatal(err)
		}
		as, _ := db.AssignmentsOf(ctx, u.ID)
		p := &auth.Principal{User: u, Assignments: as}
		if !p.Has(auth.RoleFacilitator, auth.ScopeOrganisation, o.ID) || p.IsAdmin() {
			t.Fatalf("assignments %+v", as)
		}
		got, err := db.OrganisationByID(ctx, o.ID)
		if err != nil || got.Kind != auth.KindUserLed {
			t.Fatalf("OrganisationByID = %+v, %v", got, err)
		}
	})
}

func TestSessionsExpireAndEndWithPasswordChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		u, _ := db.CreateUser(ctx, "s@example.org", "Sam", "h")
		tok, err := db.CreateSession(ctx, u.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		p, err := db.PrincipalForSession(ctx, tok)
		if err != nil || p.User.ID != u.ID {
			t.Fatalf("PrincipalForSession = %+v, %v", p, err)
		}
		if _, err := db.PrincipalForSession(ctx, tok+"x"); apperr.Code(err) != apperr.Unauthorized {
			t.Fatalf("wrong token: %v", err)
		}
		now = now.Add(61 * time.Minute)
		if _, err := db.PrincipalForSession(ctx, tok); apperr.Code(err) != apperr.Unauthorized {
			t.Fatalf("expired session still valid: %v", err)
		}
		tok2, _ := db.CreateSession(ctx, u.ID, time.Hour)
		if err := db.SetPassword(ctx, u.ID, "h2"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.PrincipalForSession(ctx, tok2); apperr.Code(err) != apperr.Unauthorized {
			t.Fatalf("session survived a password change: %v", err)
		}
		tok3, _ := db.CreateSession(ctx, u.ID, time.Hour)
		if err := db.DeleteSession(ctx, tok3); err != nil {
			t.Fatal(err)
		}
		if _, err := db.PrincipalForSession(ctx, tok3); apperr.Code(err) != apperr.Unauthorized {
			t.Fatalf("deleted session still valid: %v", err)
		}
	})
}

func TestInvitationsAreOneTimeAndExpire(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		o, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "North ICB", Kind: auth.KindCommissioner})
		inv, tok, err := db.CreateInvitation(ctx, auth.NewInvitation{Email: "c@example.org", DisplayName: "Cal", OrgID: o.ID, Role: auth.RoleCommissioner}, 48*time.Hour)
		if err != nil || inv.ExpiresAt != now.Add(48*time.Hour) {
			t.Fatalf("CreateInvitation = %+v, %v", inv, err)
		}
		u, err := db.AcceptInvitation(ctx, tok, "Cal Smith", "h")
		if err != nil || u.Email != "c@example.org" || u.DisplayName != "Cal Smith" {
			t.Fatalf("AcceptInvitation = %+v, %v", u, err)
		}
		as, _ := db.AssignmentsOf(ctx, u.ID)
		if len(as) != 1 || as[0].Role != auth.RoleCommissioner || as[0].ScopeID != o.ID {
			t.Fatalf("assignments after accepting: %+v", as)
		}
		if ms, _ := db.MembershipsOf(ctx, u.ID); len(ms) != 1 {
			t.Fatalf("memberships after accepting: %+v", ms)
		}
		if _, err := db.AcceptInvitation(ctx, tok, "Again", "h"); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("second use of an invitation: %v", err)
		}
		_, tok2, _ := db.CreateInvitation(ctx, auth.NewInvitation{Email: "d@example.org", DisplayName: "Dee"}, time.Hour)
		now = now.Add(time.Hour)
		if _, err := db.InvitationByToken(ctx, tok2); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("expired invitation: %v", err)
		}
		if _, _, err := db.CreateInvitation(ctx, auth.NewInvitation{Email: "c@example.org", DisplayName: "Cal"}, time.Hour); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("inviting an existing account: %v", err)
		}
	})
}

func TestEveryChangeIsAuditedAndTheChainVerifies(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		actx := audit.WithActor(context.Background(), "admin-1")
		u, _ := db.CreateUser(actx, "a@example.org", "Ann", "h")
		o, _ := db.CreateOrganisation(actx, auth.NewOrganisation{Name: "Org", Kind: auth.KindProvider})
		_ = db.AddMember(actx, u.ID, o.ID)
		evs, err := db.AuditEvents(ctx, audit.Filter{})
		if err != nil || len(evs) != 3 {
			t.Fatalf("events = %d, %v; want 3", len(evs), err)
		}
		if evs[0].Action != "organisation.member_add" || evs[2].Action != "user.create" || evs[2].ActorID != "admin-1" {
			t.Fatalf("events newest first: %+v", evs)
		}
		if evs, _ := db.AuditEvents(ctx, audit.Filter{Action: "organisation."}); len(evs) != 2 {
			t.Fatalf("action prefix filter: %d events", len(evs))
		}
		if evs, _ := db.AuditEvents(ctx, audit.Filter{BeforeSeq: 2}); len(evs) != 1 || evs[0].Seq != 1 {
			t.Fatalf("keyset page: %+v", evs)
		}
		n, err := db.VerifyAudit(ctx)
		if err != nil || n != 3 {
			t.Fatalf("VerifyAudit = %d, %v", n, err)
		}
		if err := storetest.Exec(db, "UPDATE audit_events SET details = '{}' WHERE seq = 2"); err == nil {
			t.Fatal("the audit log accepted an UPDATE; it must be append-only")
		}
		if err := storetest.Exec(db, "DELETE FROM audit_events WHERE seq = 2"); err == nil {
			t.Fatal("the audit log accepted a DELETE; it must be append-only")
		}
	})
}

// TestConcurrentWritersKeepOneChain checks that writers racing on many
// connections (PostgreSQL) or queued on one (SQLite) still build one
// unbroken chain.
func TestConcurrentWritersKeepOneChain(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		var wg sync.WaitGroup
		errs := make(chan error, 40)
		for i := range 40 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: fmt.Sprintf("Org %02d", i), Kind: auth.KindProvider})
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		n, err := db.VerifyAudit(ctx)
		if err != nil || n != 40 {
			t.Fatalf("VerifyAudit = %d, %v", n, err)
		}
	})
}

func TestBackupIsConsistentAndOpens(t *testing.T) {
	db := storetest.Open(t, store.SQLite)
	if _, err := db.CreateUser(ctx, "b@example.org", "Bo", "h"); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	if err := db.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, out); err == nil {
		t.Fatal("backup overwrote an existing file")
	}
	copyDB, err := store.Open(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	if _, err := copyDB.CheckSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if u, err := copyDB.UserByEmail(ctx, "b@example.org"); err != nil || u.DisplayName != "Bo" {
		t.Fatalf("user in backup: %+v, %v", u, err)
	}
	if n, err := copyDB.VerifyAudit(ctx); err != nil || n != 1 {
		t.Fatalf("audit in backup: %d, %v", n, err)
	}
}
