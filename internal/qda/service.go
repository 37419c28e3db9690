package qda

import (
	"context"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
)

// Coder is a person who codes a project, and when they submitted their
// coding (nil while they are still coding).
type Coder struct {
	UserID      string
	Name        string
	SubmittedAt *time.Time
}

// NewSegment is a span a coder codes: characters Start up to End of a
// source, with the codes applied (none to clear a unit) and a memo.
type NewSegment struct {
	SourceID string
	Start    int
	End      int
	CodeIDs  []string
	Memo     string
}

// Validate checks the span against the source's length in characters and
// returns every problem at once; the store checks the codes belong to
// the project.
func (n *NewSegment) Validate(sourceChars int) error {
	var fs []apperr.FieldError
	if n.Start < 0 || n.End <= n.Start || n.End > sourceChars {
		fs = append(fs, apperr.FieldError{Field: "span", Message: "Select some of the text to code"})
	}
	seen := map[string]bool{}
	codes := n.CodeIDs[:0:0]
	for _, c := range n.CodeIDs {
		if !seen[c] {
			seen[c] = true
			codes = append(codes, c)
		}
	}
	n.CodeIDs = codes
	fs = append(fs, memoProblems(n.Memo)...)
	return apperr.Fields(fs)
}

// ValidateMemo checks a memo written on its own, on a coded unit.
func ValidateMemo(memo string) error { return apperr.Fields(memoProblems(memo)) }

func memoProblems(memo string) []apperr.FieldError {
	if utf8.RuneCountInString(memo) > 5000 {
		return []apperr.FieldError{{Field: "memo", Message: "The memo must be 5,000 characters or fewer"}}
	}
	return nil
}

// Service stores projects and their coding; internal/store implements it.
// The acting user (audit.WithActor) is the coder for coding and the
// viewer for reading coding: the store applies the blind rule (CanSee)
// itself, so no page can show one coder another's work too early.
type Service interface {
	OfferService
	CodebookService

	CreateProject(ctx context.Context, n NewProject) (*Project, error)
	ProjectByID(ctx context.Context, id string) (*Project, error)
	ListProjects(ctx context.Context, orgIDs []string) ([]Project, error)

	AddCoder(ctx context.Context, projectID, userID string) error
	Coders(ctx context.Context, projectID string) ([]Coder, error)
	// Submit seals the acting coder's coding of the project.
	Submit(ctx context.Context, projectID string) error

	AddSource(ctx context.Context, n NewSource) (*Source, error)
	Sources(ctx context.Context, projectID string) ([]Source, error)

	AddCode(ctx context.Context, n NewCode) (*Code, error)
	AddPreset(ctx context.Context, projectID string, preset []PresetCode) error
	Codes(ctx context.Context, projectID string) ([]Code, error)

	// Code saves a segment by the acting coder; CodeUnit replaces the
	// acting coder's codes on one unit of a source (coding by checkbox).
	Code(ctx context.Context, n NewSegment) (*Segment, error)
	CodeUnit(ctx context.Context, sourceID string, unit int, codeIDs []string) error
	// UnitMemo sets the memo on the acting coder's coding of one unit,
	// which must have codes; a changed coding of the unit keeps it.
	UnitMemo(ctx context.Context, sourceID string, unit int, memo string) error
	// Segments returns coderID's segments in the project, if the acting
	// user may see them under the blind rule; otherwise apperr.Forbidden.
	Segments(ctx context.Context, projectID, coderID string) ([]Segment, error)

	// Decide records the reconciled codes of a unit, by the acting user
	// (in a blind project, a coder only once they have submitted);
	// Decisions lists them.
	Decide(ctx context.Context, sourceID string, unit int, codeIDs []string) error
	Decisions(ctx context.Context, projectID string) ([]Decision, error)
}
