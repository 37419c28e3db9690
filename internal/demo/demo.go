// Package demo seeds the demonstration data set that `coprod demo` runs on:
// made-up organisations and one account per role. Demo accounts exist only
// here; `coprod serve` never creates them.
package demo

import (
	"context"

	"github.com/coprod/coprod/internal/adjustaudit"
	"github.com/coprod/coprod/internal/adjustment"
	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/computed"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/findings"
	"github.com/coprod/coprod/internal/infocheck"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/pathway"
	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/qualitycheck"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/study"
	"github.com/coprod/coprod/internal/training"
)

// Password is every demo account's password.
const Password = "coprod-demo"

// Login is one demo account, as printed by `coprod demo`.
type Login struct {
	Role  auth.Role
	Email string
	Name  string
}

// Organisations of the demo, by key.
var orgs = []struct {
	key  string
	name string
	kind auth.OrgKind
}{
	{"icb", "North Shire Integrated Care Board", auth.KindCommissioner},
	{"council", "North Shire Council Adult Social Care", auth.KindCommissioner},
	{"ulo", "Voices Together (user-led organisation)", auth.KindUserLed},
	{"provider", "Riverside Community Support", auth.KindProvider},
	{"provider2", "Brightpath Care Partnership", auth.KindProvider},
	{"research", "University of North Shire, Getting Things Changed study", auth.KindResearch},
}

// Logins lists the demo accounts: one per role, ROLE@demo.test, with the
// organisation each role is held for.
var people = []struct {
	Login
	org string
}{
	{Login{auth.RoleAdmin, "admin@demo.test", "Alex Morgan (administrator)"}, ""},
	{Login{auth.RoleCommissioner, "commissioner@demo.test", "Priya Shah"}, "icb"},
	{Login{auth.RoleFacilitator, "facilitator@demo.test", "Jordan Ellis"}, "ulo"},
	{Login{auth.RoleMember, "member@demo.test", "Robin (group member)"}, "ulo"},
	{Login{auth.RoleMember, "member2@demo.test", "Sky (group member)"}, "ulo"},
	{Login{auth.RoleProvider, "provider@demo.test", "Sam Okafor"}, "provider"},
	{Login{auth.RoleEvaluator, "evaluator@demo.test", "Chris Taylor"}, "icb"},
	{Login{auth.RoleResearcher, "researcher@demo.test", "Dr Morgan Lee"}, "research"},
}

// Logins returns the demo accounts in role order.
func Logins() []Login {
	out := make([]Login, 0, len(people)+len(tenderPeople))
	for _, p := range people {
		out = append(out, p.Login)
	}
	for _, p := range tenderPeople {
		out = append(out, p.Login)
	}
	return out
}

// Store is what the demo data set is written through.
type Store interface {
	auth.Service
	infocheck.Service
	ledger.Service
	measure.Service
	round.Service
	evidence.Service
	study.Service
	qda.Service
	findings.Service
	peer.Service
	training.Service
	pathway.Service
	adjustment.Service
	adjustaudit.Service
	qualitycheck.Service
	computed.Service
}

// Seed creates the demo data unless it is already there (the admin account
// is the marker), so `coprod demo --db FILE` can be run again on one file.
func Seed(ctx context.Context, s Store) error {
	ctx = audit.WithActor(ctx, "")
	if _, err := s.UserByEmail(ctx, people[0].Email); err == nil {
		return nil
	} else if apperr.Code(err) != apperr.NotFound {
		return err
	}
	orgIDs := map[string]string{}
	for _, o := range orgs {
		created, err := s.CreateOrganisation(ctx, auth.NewOrganisation{Name: o.name, Kind: o.kind})
		if err != nil {
			return err
		}
		orgIDs[o.key] = created.ID
	}
	// Every demo account has the one password the README publishes, so one
	// hash (and salt) serves them all: an argon2id hash costs a fifth of a
	// second and 64 MiB, and the demo is seeded afresh by many tests.
	hash, err := auth.HashPassword(Password)
	if err != nil {
		return err
	}
	for _, p := range people {
		u, err := s.CreateUser(ctx, p.Email, p.Name, hash)
		if err != nil {
			return err
		}
		a := auth.Assignment{UserID: u.ID, Role: p.Role, ScopeType: auth.ScopePlatform}
		if p.org != "" {
			if err := s.AddMember(ctx, u.ID, orgIDs[p.org]); err != nil {
				return err
			}
			a.ScopeType, a.ScopeID = auth.ScopeOrganisation, orgIDs[p.org]
		}
		if _, err := s.Assign(ctx, a); err != nil {
			return err
		}
	}
	if err := seedRounds(ctx, s); err != nil {
		return err
	}
	if err := seedMeasures(ctx, s, orgIDs["provider"]); err != nil {
		return err
	}
	if err := seedStudy(ctx, s, orgIDs["research"]); err != nil {
		return err
	}
	if err := seedCoding(ctx, s, orgIDs["research"]); err != nil {
		return err
	}
	if err := seedLedger(ctx, s); err != nil {
		return err
	}
	if err := seedTenders(ctx, s, hash); err != nil {
		return err
	}
	if err := seedDecisions(ctx, s); err != nil {
		return err
	}
	if err := seedFindings(ctx, s); err != nil {
		return err
	}
	if err := seedPeer(ctx, s, orgIDs["ulo"]); err != nil {
		return err
	}
	if err := seedTraining(ctx, s, orgIDs["ulo"], orgIDs["provider"], orgIDs["provider2"]); err != nil {
		return err
	}
	if err := seedComputed(ctx, s, orgIDs["provider"], orgIDs["ulo"]); err != nil {
		return err
	}
	if err := seedPathway(ctx, s); err != nil {
		return err
	}
	if err := seedAdjustments(ctx, s, orgIDs["provider"]); err != nil {
		return err
	}
	if err := seedAdjustmentAudits(ctx, s, orgIDs["ulo"]); err != nil {
		return err
	}
	if err := seedQualityChecks(ctx, s, orgIDs["ulo"], orgIDs["provider"], orgIDs["provider2"]); err != nil {
		return err
	}
	return seedChecks(ctx, s, orgIDs["ulo"])
}
