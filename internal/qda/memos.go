package qda

import (
	"context"
	"strings"
	"time"
)

// MemoTarget is what a memo is written on, besides a coder's coding of a
// unit (which keeps its memo with the segment).
type MemoTarget string

// The things a memo can be on.
const (
	MemoOnSource MemoTarget = "source"
	MemoOnCode   MemoTarget = "code"
)

// Valid reports whether t is a known target.
func (t MemoTarget) Valid() bool { return t == MemoOnSource || t == MemoOnCode }

// Memo is one researcher's memo on a source or a code.
type Memo struct {
	Target     MemoTarget
	TargetID   string
	AuthorID   string
	AuthorName string
	Body       string
	UpdatedAt  time.Time
}

// CleanMemo tidies a memo's text and checks its length; "" removes it.
func CleanMemo(body string) (string, error) {
	body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	return body, ValidateMemo(body)
}

// CodebookService edits a project's codebook and keeps memos on its
// sources and codes; internal/store implements it. The acting user
// (audit.WithActor) writes memos and reads them under the blind rule.
type CodebookService interface {
	// EditCode changes a code: its name, place in the hierarchy, guidance
	// and colour (validated input).
	EditCode(ctx context.Context, projectID, codeID string, n NewCode) error
	// MoveCode moves a code one place up or down among its siblings.
	MoveCode(ctx context.Context, projectID, codeID string, up bool) error

	// SetMemo keeps the acting user's memo on a source or code of the
	// project (cleaned with CleanMemo); an empty one removes it.
	SetMemo(ctx context.Context, projectID string, target MemoTarget, targetID, body string) error
	// Memos lists the memos on a source or code that the acting user may
	// see: their own, and others' as the blind rule allows (a researcher
	// who does not code writes memos anyone in the project can read).
	Memos(ctx context.Context, projectID string, target MemoTarget, targetID string) ([]Memo, error)
	// ProjectMemos lists every memo on the project's sources and codes the
	// acting user may see, as Memos does.
	ProjectMemos(ctx context.Context, projectID string) ([]Memo, error)
}
