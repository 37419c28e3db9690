package computed

import "context"

// Service is what storage provides for computed indicators. Setting the
// sources is audited; only a contract with a payment profile has any.
type Service interface {
	SetIndicatorSources(ctx context.Context, contractID string, sources []Source) error
	IndicatorSources(ctx context.Context, contractID string) ([]Source, error)
}
