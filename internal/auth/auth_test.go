package auth

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

func TestPasswordHashRoundTrip(t *testing.T) {
	h, err := HashPassword("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") {
		t.Fatalf("hash not in PHC argon2id form: %s", h)
	}
	if !CheckPassword(h, "correct horse battery staple") {
		t.Fatal("right password refused")
	}
	if CheckPassword(h, "correct horse battery stapl") {
		t.Fatal("wrong password accepted")
	}
	h2, _ := HashPassword("correct horse battery staple")
	if h == h2 {
		t.Fatal("two hashes of one password are equal: salt missing")
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x$AA$AA", "$argon2id$v=19$m=8,t=1,p=1$!!$AA"} {
		if CheckPassword(bad, "x") {
			t.Errorf("malformed hash %q accepted", bad)
		}
	}
}

// A hash at another cost records it, and is checked at that cost.
func TestPasswordHashAtCost(t *testing.T) {
	h, err := HashPasswordAtCost("correct horse battery staple", 64, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=2$") {
		t.Fatalf("hash does not carry its cost: %s", h)
	}
	if !CheckPassword(h, "correct horse battery staple") || CheckPassword(h, "correct horse battery stapl") {
		t.Fatal("a hash at another cost is not checked as one")
	}
}

// TestCheckPasswordAcceptsOtherParameters verifies against a hash made with
// different parameters, produced by the reference argon2 CLI (Debian package argon2, the reference phc-winner-argon2 build):
// echo -n password | argon2 somesalt -id -t 2 -m 16 -p 4 -l 24 -e
func TestCheckPasswordAcceptsOtherParameters(t *testing.T) {
	const ref = "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$F1jG2CV3/Nr+yRuIsPKw0J9r4s7cJHBU"
	if !CheckPassword(ref, "password") {
		t.Fatal("reference argon2id hash not verified")
	}
}

func TestNewUserValidation(t *testing.T) {
	n := NewUser{Email: " Bad ", DisplayName: "", Password: "short"}
	err := n.Validate()
	fs := apperr.FieldsOf(err)
	if len(fs) != 3 || fs[0].Field != "email" || fs[1].Field != "display_name" || fs[2].Field != "password" {
		t.Fatalf("fields = %+v", fs)
	}
	ok := NewUser{Email: " Ann@Example.ORG", DisplayName: " Ann ", Password: "a long enough passphrase"}
	if err := ok.Validate(); err != nil || ok.Email != "ann@example.org" || ok.DisplayName != "Ann" {
		t.Fatalf("valid user: %v %+v", err, ok)
	}
	for _, e := range []string{"a@b", "a b@c.org", "<a@b.org>", "Ann <a@b.org>"} {
		if CheckEmail(e) == "" {
			t.Errorf("CheckEmail(%q) accepted", e)
		}
	}
}

func TestInvitationNeedsOrganisationForScopedRoles(t *testing.T) {
	n := NewInvitation{Email: "a@b.org", DisplayName: "A", Role: RoleFacilitator}
	if fs := apperr.FieldsOf(n.Validate()); len(fs) != 1 || fs[0].Field != "org_id" {
		t.Fatalf("fields = %+v", fs)
	}
	admin := NewInvitation{Email: "a@b.org", DisplayName: "A", Role: RoleAdmin}
	if err := admin.Validate(); err != nil {
		t.Fatal(err)
	}
	bogus := NewInvitation{Email: "a@b.org", DisplayName: "A", Role: "overlord", OrgID: "o"}
	if fs := apperr.FieldsOf(bogus.Validate()); len(fs) != 1 || fs[0].Field != "role" {
		t.Fatalf("fields = %+v", fs)
	}
}

func TestPolicyDefaultDeny(t *testing.T) {
	admin := &Principal{User: &User{ID: "a"}, Assignments: []Assignment{{Role: RoleAdmin, ScopeType: ScopePlatform}}}
	fac := &Principal{User: &User{ID: "f"}, Assignments: []Assignment{{Role: RoleFacilitator, ScopeType: ScopeOrganisation, ScopeID: "org1"}}}
	cases := []struct {
		p    *Principal
		a    Action
		o    Object
		want bool
	}{
		{admin, ActionViewAdmin, Object{}, true},
		{admin, ActionViewAudit, Object{}, true},
		{fac, ActionViewAdmin, Object{}, false},
		{fac, ActionViewOrganisation, Object{ScopeOrganisation, "org1"}, true},
		{fac, ActionViewOrganisation, Object{ScopeOrganisation, "org2"}, false},
		{nil, ActionViewOwnAccount, Object{}, false},
		{&Principal{}, ActionViewOwnAccount, Object{}, false},
		{fac, ActionViewOwnAccount, Object{}, true},
		{admin, Action("no.such.action"), Object{}, false},
	}
	for _, c := range cases {
		if got := Can(c.p, c.a, c.o); got != c.want {
			t.Errorf("Can(%v, %s, %v) = %v", c.p != nil && c.p.SignedIn(), c.a, c.o, got)
		}
	}
}

func TestReadabilityPolicy(t *testing.T) {
	member := &Principal{User: &User{ID: "m"}, Assignments: []Assignment{
		{Role: RoleMember, ScopeType: ScopeOrganisation, ScopeID: "org1"},
		{Role: RoleEvaluator, ScopeType: ScopeOrganisation, ScopeID: "org1"},
		{Role: RoleResearcher, ScopeType: ScopeOrganisation, ScopeID: "org2"},
	}}
	if !Can(member, ActionCheckReadability, Object{}) || Can(nil, ActionCheckReadability, Object{}) {
		t.Error("checking a letter: signed-in people only")
	}
	if !Can(member, ActionSaveCheck, Object{ScopeOrganisation, "org1"}) || Can(member, ActionSaveCheck, Object{ScopeOrganisation, "org3"}) {
		t.Error("saving: own organisations only")
	}
	if ids := member.OrgIDs(); len(ids) != 2 || ids[0] != "org1" || ids[1] != "org2" {
		t.Errorf("OrgIDs = %v", ids)
	}
}
