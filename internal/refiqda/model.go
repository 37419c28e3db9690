package refiqda

import (
	"fmt"
	"unicode/utf8"
)

// Project is what Coprod reads from and writes to a .qdpx file. The GUIDs
// tie the parts together: a coding names its code and its user by GUID, a
// NoteRef names a note.
type Project struct {
	Name        string
	Origin      string // the program that wrote the file
	Description string
	Users       []User
	Codes       []Code // the top of the hierarchy; each holds its children
	Sources     []Source
	Notes       []Note
	NoteRefs    []string // notes about the project as a whole
	// Skipped lists, in words, the parts of a file that was read which
	// Coprod does not use (empty for a file Coprod wrote).
	Skipped []string
}

// User is a person who coded.
type User struct {
	GUID, Name string
}

// Code is one code of the codebook and the codes below it.
type Code struct {
	GUID        string
	Name        string
	Description string
	Color       string // "#rrggbb" or "#rgb", or empty
	Codable     bool   // false for a heading that only groups codes
	NoteRefs    []string
	Children    []Code
}

// Source is a text source and the selections made in it.
type Source struct {
	GUID         string
	Name         string
	Description  string
	Text         string
	CreatingUser string // a user's GUID, or empty
	Selections   []Selection
	NoteRefs     []string
}

// Length is the number of characters (Unicode code points) in the text,
// the unit of selections' positions.
func (s Source) Length() int { return utf8.RuneCountInString(s.Text) }

// Span returns the text from code point start up to, not including, end.
func (s Source) Span(start, end int) (string, error) {
	if start < 0 || end < start {
		return "", fmt.Errorf("positions %d to %d are not a span of text", start, end)
	}
	i, from, to := 0, -1, -1
	for byteAt := range s.Text {
		if i == start {
			from = byteAt
		}
		if i == end {
			to = byteAt
			break
		}
		i++
	}
	if from < 0 && start == i {
		from = len(s.Text)
	}
	if to < 0 && end == i {
		to = len(s.Text)
	}
	if from < 0 || to < 0 {
		return "", fmt.Errorf("positions %d to %d go past the end of the text (%d characters)", start, end, s.Length())
	}
	return s.Text[from:to], nil
}

// Selection is a span of a text source with the codes applied to it.
type Selection struct {
	GUID         string
	Name         string
	Description  string
	Start, End   int    // code points; End is not included
	CreatingUser string // a user's GUID, or empty
	Codings      []Coding
	NoteRefs     []string
}

// Coding is one code applied to a selection by one user.
type Coding struct {
	GUID string
	Code string // the code's GUID
	User string // the user's GUID, or empty when the file does not say
}

// Note is a memo: free text, attached by NoteRefs to the project, a code,
// a source or a selection.
type Note struct {
	GUID         string
	Name         string
	Text         string
	CreatingUser string
}

// CodeBook is what a .qdc file holds.
type CodeBook struct {
	Origin string
	Codes  []Code
}
