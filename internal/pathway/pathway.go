// Package pathway holds a round's public "how to get support" page: written
// by the lived experience group from its vision, in plain English and Easy
// Read, promoted with its own short address and a printable poster, and
// linked from the round on the public board.
//
// The package is pure: no SQL, no HTTP.
package pathway

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
)

// Pathway is one round's page.
type Pathway struct {
	RoundID, RoundTitle string
	Slug                string // the short address: /p/{Slug}
	Title               string
	Plain               string // how to get support, in plain English
	EasyRead            string // the same in Easy Read
	Contact             string // who to contact and how
	Published           *time.Time
}

// Input is the page as the group writes it.
type Input struct {
	Title, Plain, EasyRead, Contact string
}

// Validate tidies the page and returns every problem at once. Both
// versions are needed: the page is for everyone.
func (in *Input) Validate() error {
	var fs []apperr.FieldError
	in.Title, in.Plain = strings.TrimSpace(in.Title), strings.TrimSpace(in.Plain)
	in.EasyRead, in.Contact = strings.TrimSpace(in.EasyRead), strings.TrimSpace(in.Contact)
	for _, c := range []struct {
		field, what, value string
		max                int
	}{
		{"title", "a title, like How to get support for your mental health", in.Title, 120},
		{"plain", "how to get support, in plain English", in.Plain, 6000},
		{"easy_read", "how to get support, in Easy Read", in.EasyRead, 4000},
		{"contact", "who to contact and how", in.Contact, 500},
	} {
		switch n := utf8.RuneCountInString(c.value); {
		case n == 0:
			fs = append(fs, apperr.FieldError{Field: c.field, Message: "Enter " + c.what})
		case n > c.max:
			fs = append(fs, apperr.FieldError{Field: c.field, Message: "This must be " + strconv.Itoa(c.max) + " characters or fewer"})
		}
	}
	return apperr.Fields(fs)
}

// Paragraphs splits text into its paragraphs (blank lines between them)
// for pages; a single line break stays inside a paragraph as a list line.
func Paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// SlugAlphabet is the short address's letters: no 0/O, 1/l/I, so it can be
// read off a poster and typed.
const SlugAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// SlugLength is the short address's length: 31⁶ ≈ 887 million addresses.
const SlugLength = 6

// ValidSlug reports whether s could be a short address.
func ValidSlug(s string) bool {
	if len(s) != SlugLength {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(SlugAlphabet, r) {
			return false
		}
	}
	return true
}

// Service is what storage provides.
type Service interface {
	// SavePathway writes the round's page, keeping its short address.
	SavePathway(ctx context.Context, roundID string, in Input) (*Pathway, error)
	// PublishPathway makes it public, carrying out the group's decision
	// (a question it passed, decisionID), or takes it down (no decision
	// needed to stop showing it).
	PublishPathway(ctx context.Context, roundID string, publish bool, decisionID string) error
	// Pathway is the round's page; not found when there is none.
	Pathway(ctx context.Context, roundID string) (*Pathway, error)
	// PathwayBySlug is a published page by its short address.
	PathwayBySlug(ctx context.Context, slug string) (*Pathway, error)
	// PublishedPathways maps round ids to the short addresses of their published pages.
	PublishedPathways(ctx context.Context) (map[string]string, error)
}
