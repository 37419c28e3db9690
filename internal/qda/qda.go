// Package qda is qualitative coding, the research area's second tool
// beside the conversation-analysis studies: a project belongs to a
// research organisation and holds text sources (narratives, policy
// excerpts, transcripts), a hierarchical codebook, and the segments each
// coder codes. Coding is blind by default: a coder sees no one else's
// coding until they have submitted their own (the sealed-scoring idea of
// tenders, applied to coding). Agreement between coders is measured per
// code and overall with internal/agreement, differences are listed unit by
// unit for reconciliation, and a project exports as REFI-QDA with
// internal/refiqda.
//
// The package is pure: rules and calculations only; storage implements
// them elsewhere.
package qda

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
)

// Project is one piece of qualitative research.
type Project struct {
	ID          string
	OrgID       string // the research organisation that owns it
	OrgName     string
	Title       string
	Description string
	// Blind keeps each coder's coding from the other coders until they
	// have submitted their own. It is on unless the researcher turns it off.
	Blind     bool
	CreatedBy string
	CreatedAt time.Time
}

// NewProject is what a researcher creates.
type NewProject struct {
	OrgID       string
	Title       string
	Description string
	Blind       bool
}

// Validate tidies the input and returns every problem at once.
func (n *NewProject) Validate() error {
	n.Title = strings.TrimSpace(n.Title)
	n.Description = strings.TrimSpace(n.Description)
	var fs []apperr.FieldError
	if n.OrgID == "" {
		fs = append(fs, apperr.FieldError{Field: "org_id", Message: "Select the research organisation the project belongs to"})
	}
	fs = append(fs, limit(n.Title, "title", 1, 200, "Enter a title for the project, for example “Getting out and about”", "Title must be 200 characters or fewer")...)
	fs = append(fs, limit(n.Description, "description", 0, 5000, "", "Description must be 5,000 characters or fewer")...)
	return apperr.Fields(fs)
}

// MaxSourceChars bounds a source's text: a long policy document is a few
// hundred thousand characters.
const MaxSourceChars = 2_000_000

// Source is a text to code, with how consent for research use was given.
type Source struct {
	ID        string
	ProjectID string
	Title     string
	Text      string
	Units     UnitKind
	// Attribute is a label to compare sources by, for example "before"
	// and "after" an intervention; "" for none.
	Attribute     string
	ConsentNote   string
	ConsentBy     string
	ConsentAt     time.Time
	NamesReplaced bool
	// PageStarts are where each page of a PDF starts in Text, counted in
	// characters (see Page); nil for text without pages.
	PageStarts []int
	// TranscriptID names the study transcript the source was made from
	// (FromTranscript); its units are utterances. "" for other sources.
	TranscriptID string
	CreatedAt    time.Time
}

// NewSource is a text a researcher adds to a project.
type NewSource struct {
	ProjectID     string
	Title         string
	Text          string
	Units         UnitKind
	Attribute     string
	ConsentNote   string
	NamesReplaced bool
	PageStarts    []int
	// Replacements are names to replace by roles before the text is
	// stored; Validate applies them and sets NamesReplaced.
	Replacements []Replacement
	TranscriptID string
}

// Validate tidies the input and returns every problem at once. The text
// keeps its spaces and line breaks, because positions count characters in
// it; only Windows line endings become plain ones.
func (n *NewSource) Validate() error {
	n.Title = strings.TrimSpace(n.Title)
	n.Attribute = strings.TrimSpace(n.Attribute)
	n.ConsentNote = strings.TrimSpace(n.ConsentNote)
	n.Text = strings.ReplaceAll(n.Text, "\r\n", "\n")
	var fs []apperr.FieldError
	fs = append(fs, limit(n.Title, "title", 1, 200, "Enter a title for the source, for example “Narrative 1”", "Title must be 200 characters or fewer")...)
	switch c := utf8.RuneCountInString(n.Text); {
	case strings.TrimSpace(n.Text) == "":
		fs = append(fs, apperr.FieldError{Field: "text", Message: "Paste or upload the text to code"})
	case c > MaxSourceChars:
		fs = append(fs, apperr.FieldError{Field: "text", Message: "The text must be 2,000,000 characters or fewer"})
	case !pagesValid(n.PageStarts, c):
		fs = append(fs, apperr.FieldError{Field: "text", Message: "The pages of the text do not fit it: upload the file again"})
	case len(n.Replacements) > 0:
		n.Text, n.PageStarts = replaceNames(n.Text, n.PageStarts, n.Replacements)
		n.NamesReplaced = true
	}
	if n.Units == "" {
		n.Units = Sentences
	}
	if !n.Units.Valid() {
		fs = append(fs, apperr.FieldError{Field: "units", Message: "Choose sentences or paragraphs as the units to code"})
	}
	fs = append(fs, limit(n.Attribute, "attribute", 0, 100, "", "The label must be 100 characters or fewer")...)
	fs = append(fs, limit(n.ConsentNote, "consent_note", 1, 2000,
		"Say how consent for research use was given, for example “Written consent, 3 March 2027”",
		"The consent note must be 2,000 characters or fewer")...)
	return apperr.Fields(fs)
}

// limit checks a text's length in characters: empty is the message for
// fewer than least, tooLong for more than most.
func limit(s, field string, least, most int, empty, tooLong string) []apperr.FieldError {
	switch c := utf8.RuneCountInString(s); {
	case c < least:
		return []apperr.FieldError{{Field: field, Message: empty}}
	case c > most:
		return []apperr.FieldError{{Field: field, Message: tooLong}}
	}
	return nil
}
