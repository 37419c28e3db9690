package qda

import (
	"unicode"
)

// UnitKind is how a source is cut into units to code by checkbox.
type UnitKind string

// The kinds of unit.
const (
	Sentences  UnitKind = "sentences"
	Paragraphs UnitKind = "paragraphs"
)

// Valid reports whether k is a known kind.
func (k UnitKind) Valid() bool { return k == Sentences || k == Paragraphs }

// Unit is one unit of a source: characters Start up to, not including,
// End, counted in Unicode code points as REFI-QDA counts them.
type Unit struct {
	Index      int // from 0, in the order of the text
	Start, End int
}

// Split cuts a text into units. A paragraph ends at a blank line (two line
// breaks with only spaces between). A sentence ends after ".", "!" or "?"
// (and any closing quotes or brackets) followed by a space or line break,
// and at every line break, since narratives and transcripts put one turn
// or point on a line. Spaces around units are left out of them, so a unit
// starts and ends with a visible character; text of spaces only makes no
// unit.
func Split(text string, kind UnitKind) []Unit {
	rs := []rune(text)
	var units []Unit
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && unicode.IsSpace(rs[s]) {
			s++
		}
		for e > s && unicode.IsSpace(rs[e-1]) {
			e--
		}
		if s < e {
			units = append(units, Unit{Index: len(units), Start: s, End: e})
		}
		start = end
	}
	for i := 0; i < len(rs); i++ {
		switch kind {
		case Paragraphs:
			if rs[i] == '\n' {
				j := i + 1
				for j < len(rs) && rs[j] != '\n' && unicode.IsSpace(rs[j]) {
					j++
				}
				if j < len(rs) && rs[j] == '\n' {
					emit(i)
				}
			}
		default:
			switch {
			case rs[i] == '\n':
				emit(i)
			case rs[i] == '.' || rs[i] == '!' || rs[i] == '?':
				j := i + 1
				for j < len(rs) && isCloser(rs[j]) {
					j++
				}
				if j == len(rs) || unicode.IsSpace(rs[j]) {
					emit(j)
					i = j - 1
				}
			}
		}
	}
	emit(len(rs))
	return units
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '’', '”', '.', '!', '?':
		return true
	}
	return false
}
