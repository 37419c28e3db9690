package store

import (
	"context"
	"fmt"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/measure"
)

// CreateContract makes a contract that adopts one specification version;
// the input must be validated. The provider must be a provider
// organisation, and the version must belong to the round and be signed
// off by the group: a contract holds a provider only to what the group agreed.
func (db *DB) CreateContract(ctx context.Context, n measure.NewContract) (*measure.Contract, error) {
	c := &measure.Contract{ID: newID(), RoundID: n.RoundID, Title: n.Title, ProviderOrgID: n.ProviderOrgID, StartsOn: n.StartsOn,
		EndsOn: n.EndsOn, ValuePence: n.Pence(), SpecID: n.SpecID, VersionNumber: n.VersionNumber}
	err := db.update(ctx, func(tx *Tx) error {
		var kind string
		err := tx.queryRow(ctx, "SELECT kind FROM organisations WHERE id = ?", n.ProviderOrgID).Scan(&kind)
		if err != nil || auth.OrgKind(kind) != auth.KindProvider {
			return apperr.Fields([]apperr.FieldError{{Field: "provider_org_id", Message: "Select a provider organisation"}})
		}
		s, err := tx.specificationByID(ctx, n.RoundID, n.SpecID)
		if apperr.Code(err) == apperr.NotFound || (err == nil && (n.VersionNumber < 1 || n.VersionNumber > len(s.Versions))) {
			return apperr.Fields([]apperr.FieldError{{Field: "version", Message: "Select a version of this round's specifications"}})
		} else if err != nil {
			return err
		}
		if s.Versions[n.VersionNumber-1].SignOff == nil {
			return apperr.Fields([]apperr.FieldError{{Field: "version", Message: fmt.Sprintf("Version %d has not been signed off by the group, "+
				"so no contract can adopt it. The group decides: start a proposal to sign it off.", n.VersionNumber)}})
		}
		c.CreatedAt = tx.now
		if _, err := tx.exec(ctx, `INSERT INTO contracts (id, round_id, title, provider_org_id, starts_on, ends_on, value_pence,
			spec_id, version_number, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.ID, c.RoundID, c.Title, c.ProviderOrgID, c.StartsOn, c.EndsOn, c.ValuePence, c.SpecID, c.VersionNumber,
			audit.ActorFrom(ctx), tx.now); err != nil {
			return mapErr(err, "contract")
		}
		return tx.record(ctx, "contract.create", "contract", c.ID, map[string]string{"round_id": c.RoundID, "provider_org_id": c.ProviderOrgID,
			"value_pence": strconv.FormatInt(c.ValuePence, 10), "spec_id": c.SpecID, "version": strconv.Itoa(c.VersionNumber)})
	})
	return c, err
}

const contractColumns = `c.id, c.round_id, c.title, c.provider_org_id, o.name, c.starts_on, c.ends_on, c.value_pence, c.spec_id, s.title,
	c.version_number, c.created_at FROM contracts c JOIN organisations o ON o.id = c.provider_org_id JOIN specifications s ON s.id = c.spec_id`

func scanContract(sc scanner) (*measure.Contract, error) {
	var c measure.Contract
	if err := sc.Scan(&c.ID, &c.RoundID, &c.Title, &c.ProviderOrgID, &c.ProviderName, &c.StartsOn, &c.EndsOn, &c.ValuePence,
		&c.SpecID, &c.SpecTitle, &c.VersionNumber, &c.CreatedAt); err != nil {
		return nil, err
	}
	c.CreatedAt = c.CreatedAt.UTC()
	return &c, nil
}

func (tx *Tx) contracts(ctx context.Context, where string, args ...any) ([]measure.Contract, error) {
	var out []measure.Contract
	err := tx.each(ctx, func(sc scanner) error {
		c, err := scanContract(sc)
		if err == nil {
			out = append(out, *c)
		}
		return err
	}, "SELECT "+contractColumns+" WHERE "+where+" ORDER BY c.created_at, c.id", args...)
	return out, err
}

// Contracts lists a round's contracts, without their profiles.
func (db *DB) Contracts(ctx context.Context, roundID string) ([]measure.Contract, error) {
	var out []measure.Contract
	err := db.view(ctx, func(tx *Tx) (err error) {
		out, err = tx.contracts(ctx, "c.round_id = ?", roundID)
		return err
	})
	return out, err
}

// ProviderContracts lists the contracts held by any of the organisations.
func (db *DB) ProviderContracts(ctx context.Context, orgIDs []string) ([]measure.Contract, error) {
	var out []measure.Contract
	err := db.view(ctx, func(tx *Tx) error {
		for _, id := range orgIDs {
			cs, err := tx.contracts(ctx, "c.provider_org_id = ?", id)
			if err != nil {
				return err
			}
			out = append(out, cs...)
		}
		return nil
	})
	return out, err
}

func (tx *Tx) contractByID(ctx context.Context, id string) (*measure.Contract, error) {
	c, err := scanContract(tx.queryRow(ctx, "SELECT "+contractColumns+" WHERE c.id = ?", id))
	if err != nil {
		return nil, mapErr(err, "contract")
	}
	s, err := tx.specificationByID(ctx, c.RoundID, c.SpecID)
	if err != nil {
		return nil, err
	}
	if c.VersionNumber <= len(s.Versions) {
		c.Indicators = s.Versions[c.VersionNumber-1].Indicators
	}
	return c, tx.loadProfile(ctx, c)
}

// ContractByID returns a contract with its adopted indicators and its
// payment profile, when set.
func (db *DB) ContractByID(ctx context.Context, id string) (*measure.Contract, error) {
	var c *measure.Contract
	err := db.view(ctx, func(tx *Tx) (err error) {
		c, err = tx.contractByID(ctx, id)
		return err
	})
	return c, err
}
