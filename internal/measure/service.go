package measure

import (
	"context"
	"time"
)

// Specification is a round's service specification; its text lives in
// numbered versions that are never edited.
type Specification struct {
	ID        string
	RoundID   string
	Title     string
	CreatedAt time.Time
	Versions  []Version // oldest first; filled by SpecificationByID
}

// Latest returns the newest version, or nil when there is none yet.
func (s *Specification) Latest() *Version {
	if len(s.Versions) == 0 {
		return nil
	}
	return &s.Versions[len(s.Versions)-1]
}

// Adopted returns the version in force: the newest one the group signed
// off, or the newest when none is signed off yet; nil without versions.
func (s *Specification) Adopted() *Version {
	for i := len(s.Versions) - 1; i >= 0; i-- {
		if s.Versions[i].SignOff != nil {
			return &s.Versions[i]
		}
	}
	return s.Latest()
}

// StoredReport is a provider's value for one indicator and period as kept:
// the first submission decides lateness, the latest value counts.
type StoredReport struct {
	Report
	FirstAt time.Time
	At      time.Time
	By      string // user id of the latest submission
}

// Service is what the faces need of measures, specifications, contracts
// and reports; internal/store implements it. The acting user comes from
// audit.WithActor on the context; every change is audited. Titles of
// linked evidence whose author no longer shares it come back as
// Signing off a measure or a specification version is not here: only the
// group decides it, and carrying out its passed decision (round.Service's
// CarryOut) signs it off.

// WithheldTitle.
type Service interface {
	CreateMeasure(ctx context.Context, m *Measure) error
	MeasureByID(ctx context.Context, roundID, id string) (*Measure, error)
	Measures(ctx context.Context, roundID, after string, limit int) (ms []Measure, next string, err error)

	CreateSpecification(ctx context.Context, roundID, title string) (*Specification, error)
	Specifications(ctx context.Context, roundID string) ([]Specification, error)
	SpecificationByID(ctx context.Context, roundID, id string) (*Specification, error)
	AddSpecVersion(ctx context.Context, roundID, specID string, sections map[SectionKey]string, measureIDs []string) (*Version, error)

	CreateContract(ctx context.Context, n NewContract) (*Contract, error)
	Contracts(ctx context.Context, roundID string) ([]Contract, error)
	ProviderContracts(ctx context.Context, orgIDs []string) ([]Contract, error)
	ContractByID(ctx context.Context, id string) (*Contract, error)
	SetPaymentProfile(ctx context.Context, contractID string, p *Profile, due map[string]string) error
	SubmitReports(ctx context.Context, contractID string, reports []Report) error
	ContractReports(ctx context.Context, contractID string) ([]StoredReport, error)
}

// Signing off a measure or a specification version is not here: only the
// group decides it, and carrying out its passed decision (round.Service's
// CarryOut) signs it off.

// WithheldTitle stands in for evidence whose author withdrew consent.
const WithheldTitle = "(no longer shared by its author)"
