package store

import (
	"context"

	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/ocds"
)

// SpecificationTargets implements tender.Service: the measures of the
// specification's adopted version (measure.Specification.Adopted) as OCDS
// metrics. A specification without versions has no targets.
func (db *DB) SpecificationTargets(ctx context.Context, roundID, specID string) ([]ocds.Metric, error) {
	spec, err := db.SpecificationByID(ctx, roundID, specID)
	if err != nil {
		return nil, err
	}
	v := spec.Adopted()
	if v == nil {
		return nil, nil
	}
	return measure.OCDSMetrics(v.Indicators), nil
}
