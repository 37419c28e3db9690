package findings

import "context"

// Service is what the faces need of findings; internal/store implements it.
// Each change is audited.
type Service interface {
	// FindingsSource gathers the round's data as the group may see it.
	FindingsSource(ctx context.Context, roundID string) (*Source, error)
	// FindingsDocument returns the stored document, or a draft generated
	// from the round's data (EditedAt zero) when none is stored yet.
	FindingsDocument(ctx context.Context, roundID string, k Kind) (*Stored, error)
	// EditFindings applies the facilitator's edit to the draft.
	EditFindings(ctx context.Context, roundID string, k Kind, e Edit) error
	// RefreshFindings makes the draft again from the round's data,
	// keeping the facilitator's edits (Merge).
	RefreshFindings(ctx context.Context, roundID string, k Kind) error
	// ReleaseFindings gives members the draft as it is now.
	ReleaseFindings(ctx context.Context, roundID string, k Kind) error
}
