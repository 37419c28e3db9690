// Package infocheck is the library of saved accessible-information checks:
// a letter or leaflet checked with the readability package, kept per
// organisation so teams can see how their letters improve. The analysis
// itself lives in the readability package; this package only holds what is
// saved and the rules for saving it.
package infocheck

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/readability"
)

// MaxSourceBytes bounds a saved text: a long leaflet is tens of kilobytes.
const MaxSourceBytes = 2 << 20

// Check is one saved check. Source is the text exactly as checked (for
// DOCX and ODT, the text extracted from the document), so re-running the
// analysis reproduces the report, and improvements to the rules show up.
type Check struct {
	ID        string
	OrgID     string
	OrgName   string
	Title     string
	Format    readability.Format // text, markdown or html
	Profile   string             // plain or easyread
	Source    string
	CreatedBy string
	CreatedAt time.Time
}

// NewCheck is what a person saves.
type NewCheck struct {
	OrgID   string
	Title   string
	Format  readability.Format
	Profile string
	Source  string
}

// Validate normalises the input and returns every problem at once.
func (n *NewCheck) Validate() error {
	n.Title = strings.TrimSpace(n.Title)
	var fs []apperr.FieldError
	if n.OrgID == "" {
		fs = append(fs, apperr.FieldError{Field: "org_id", Message: "Select the organisation whose library this goes in"})
	}
	switch c := utf8.RuneCountInString(n.Title); {
	case c == 0:
		fs = append(fs, apperr.FieldError{Field: "title", Message: "Enter a title, for example “Appointment letter, version 2”"})
	case c > 200:
		fs = append(fs, apperr.FieldError{Field: "title", Message: "Title must be 200 characters or fewer"})
	}
	if _, ok := readability.ProfileByName(n.Profile); !ok {
		fs = append(fs, apperr.FieldError{Field: "profile", Message: "Select plain English or Easy Read"})
	}
	switch n.Format {
	case readability.FormatText, readability.FormatMarkdown, readability.FormatHTML:
	default:
		fs = append(fs, apperr.FieldError{Field: "format", Message: "Saved checks keep text, Markdown or HTML"})
	}
	if strings.TrimSpace(n.Source) == "" {
		fs = append(fs, apperr.FieldError{Field: "text", Message: "There is no text to save"})
	} else if len(n.Source) > MaxSourceBytes {
		fs = append(fs, apperr.FieldError{Field: "text", Message: "The text is too long to save: the limit is 2 MB"})
	}
	return apperr.Fields(fs)
}

// Page is one page of a library, newest first.
type Page struct {
	Checks []Check
	Next   string // cursor for the next page; "" on the last
}

// Service stores checks; internal/store implements it.
type Service interface {
	CreateCheck(ctx context.Context, n NewCheck) (*Check, error)
	CheckByID(ctx context.Context, id string) (*Check, error)
	ListChecks(ctx context.Context, orgID, after string, limit int) (Page, error)
}
