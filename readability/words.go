package readability

import (
	"unicode"
	"unicode/utf8"
)

// A word token: a run of letters and digits, which may carry inner
// apostrophes and hyphens between letters ("don't", "follow-up"), full
// stops between single letters ("e.g"), and . , : / between digits
// ("3.5", "1,000", "10:30", "03/04/2026"). A token with a digit in it is a
// number; it counts as a word of one syllable and no letters.
type token struct {
	start, end int // byte offsets in the text
	letters    int // letters (for Coleman–Liau)
	chars      int // letters and digits (for ARI)
	number     bool
	upper      int // upper-case letters
	lowers     int // lower-case letters
}

// Words returns the word tokens of text as spans.
func Words(text string) []Span {
	var out []Span
	scanWords(text, 0, len(text), func(t token) { out = append(out, Span{t.start, t.end}) })
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func decodeAt(text string, i int) (rune, int) {
	if i >= len(text) {
		return 0, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// scanWords calls emit for each word token in text[from:to].
func scanWords(text string, from, to int, emit func(token)) {
	i := from
	for i < to {
		r, n := decodeAt(text, i)
		if !isWordRune(r) {
			i += n
			continue
		}
		t := token{start: i}
		prevDigit, prevLetter := false, false
		runLetters := 0 // letters since the last inner mark, for "e.g"
		for i < to {
			// fast path for ASCII letters and digits
			if c := text[i]; c < utf8.RuneSelf {
				switch {
				case c >= 'a' && c <= 'z':
					t.letters++
					t.chars++
					t.lowers++
					runLetters++
					prevDigit, prevLetter = false, true
					i++
					continue
				case c >= 'A' && c <= 'Z':
					t.letters++
					t.chars++
					t.upper++
					runLetters++
					prevDigit, prevLetter = false, true
					i++
					continue
				case c >= '0' && c <= '9':
					t.number = true
					t.chars++
					prevDigit, prevLetter = true, false
					i++
					continue
				}
			}
			r, n = decodeAt(text, i)
			if i+n > to {
				break
			}
			if isWordRune(r) {
				switch {
				case unicode.IsDigit(r):
					t.number = true
					t.chars++
					prevDigit, prevLetter = true, false
				default:
					t.letters++
					t.chars++
					runLetters++
					if unicode.IsUpper(r) {
						t.upper++
					} else if unicode.IsLower(r) {
						t.lowers++
					}
					prevDigit, prevLetter = false, true
				}
				i += n
				continue
			}
			// an inner mark joins two parts of one word
			nr, _ := decodeAt(text, i+n)
			if i+n >= to || !isWordRune(nr) {
				break
			}
			join := false
			switch r {
			case '\'', '\u2019', '\u2011':
				join = prevLetter && unicode.IsLetter(nr)
			case '-':
				join = prevLetter && unicode.IsLetter(nr) || prevDigit && unicode.IsDigit(nr)
			case '.':
				join = prevDigit && unicode.IsDigit(nr) || prevLetter && runLetters == 1 && unicode.IsLetter(nr) && singleLetterAfter(text, i+n, to)
			case ',', ':', '/':
				join = prevDigit && unicode.IsDigit(nr)
			}
			if !join {
				break
			}
			runLetters = 0
			i += n
		}
		t.end = i
		emit(t)
	}
}

// singleLetterAfter reports whether exactly one letter starts at i (then a
// non-letter), as in the "g" of "e.g".
func singleLetterAfter(text string, i, to int) bool {
	_, n := decodeAt(text, i)
	r2, _ := decodeAt(text, i+n)
	return i+n >= to || !unicode.IsLetter(r2)
}
