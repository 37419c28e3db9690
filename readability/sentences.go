package readability

import (
	"unicode"
	"unicode/utf8"
)

// Span is a half-open range of byte offsets [Start, End).
type Span struct {
	Start, End int
}

// Sentences splits text into sentences and other units of meaning, and
// returns their byte spans, trimmed of surrounding space and list markers.
//
// A unit ends:
//   - at . ! ? or … followed by space and then anything but a lower-case
//     letter, unless the full stop closes an abbreviation ("Dr", "e.g.",
//     "approx.") or an initial ("J. Smith");
//   - at a blank line;
//   - at the end of a line that has no closing punctuation, unless the next
//     line carries on in lower case (hard-wrapped prose). So a salutation
//     ("Dear Ms Patel,"), a heading, an address line or a list item is a
//     unit of its own and is not run into the next sentence;
//   - before a line that starts a list item ("- ", "• ", "1. ", "a) ").
//
// Full stops inside numbers and times ("3.5", "10.30am") never end a unit,
// since no space follows them.
func Sentences(text string) []Span {
	var out []Span
	splitSentences(text, func(s Span) { out = append(out, s) })
	return out
}

// splitSentences calls emit for each unit, in order. It allocates nothing
// itself, so the analysis can stream over large documents.
func splitSentences(text string, emit func(Span)) {
	start := -1 // start of the current unit, -1 when between units
	flush := func(end int) {
		if start >= 0 {
			if s, ok := trimUnit(text, start, end); ok {
				emit(s)
			}
		}
		start = -1
	}
	lineStart := true
	for i := 0; i < len(text); {
		c := text[i]
		if lineStart {
			lineStart = false
			if start >= 0 && startsListItem(text, i) {
				flush(i)
			}
		}
		switch c {
		case '\n':
			if start >= 0 && lineBreakEndsUnit(text, i) {
				flush(i)
			}
			lineStart = true
			i++
			continue
		case ' ', '\t', '\r', '\f', '\v':
			i++
			continue
		}
		if start < 0 {
			start = i
		}
		if c == '.' || c == '!' || c == '?' || c == 0xE2 && isEllipsisAt(text, i) {
			end := skipTerminators(text, i)
			if end >= len(text) || isSpaceAt(text, end) {
				if endsSentence(text, start, i, end) {
					flush(end)
				}
			}
			i = end
			continue
		}
		if c < utf8.RuneSelf {
			i++
		} else {
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
		}
	}
	flush(len(text))
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

func isEllipsisAt(text string, i int) bool {
	return i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0xA6
}

// skipTerminators moves past a run of sentence-ending marks and any closing
// quotes or brackets after them ("Really?!", "end.)", "said “no.”").
func skipTerminators(text string, i int) int {
	for i < len(text) {
		c := text[i]
		switch {
		case c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']':
			i++
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA6 || text[i+2] == 0x9D || text[i+2] == 0x99):
			i += 3 // … ” ’
		default:
			return i
		}
	}
	return i
}

// endsSentence decides whether the terminator at text[i:end] closes the
// unit that began at start.
func endsSentence(text string, start, i, end int) bool {
	// what follows: a lower-case letter carries the sentence on
	// ("approx. three", "e.g. leaflets")
	j := end
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if j < len(text) {
		r, _ := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLower(r) {
			return false
		}
	}
	if text[i] != '.' || end-i > 1 && text[i+1] == '.' {
		return true // ! ? … and "..." end the unit
	}
	// the word before the full stop
	k := i
	for k > start {
		r, n := utf8.DecodeLastRuneInString(text[:k])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' {
			break
		}
		k -= n
	}
	word := text[k:i]
	if word == "" {
		return true
	}
	if isAbbreviation(word) {
		return false
	}
	// a single capital letter is an initial: "J. Smith"
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsUpper(r) {
		return false
	}
	// a number alone at the start of a line is a list marker: "1. Take"
	if k == start && allDigits(word) && len(word) <= 3 {
		return false
	}
	return true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// abbreviations that take a full stop in British or American usage and
// are usually followed by a capitalised name or number. Keys are lower
// case, without the final stop.
var abbreviations = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "mx": true, "prof": true,
	"st": true, "rev": true, "revd": true, "fr": true, "sr": true, "jr": true,
	"capt": true, "col": true, "gen": true, "lt": true, "sgt": true, "cllr": true,
	"hon": true, "e.g": true, "i.e": true, "eg": true, "ie": true, "etc": false,
	"vs": true, "v": true, "approx": true, "dept": true, "tel": true, "ref": true,
	"no": true, "nos": true, "fig": true, "vol": true, "ch": true, "pp": true,
	"p": true, "para": true, "ext": true, "mob": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "mon": true, "tue": true,
	"tues": true, "wed": true, "thu": true, "thur": true, "thurs": true, "fri": true,
	"sat": true, "sun": true, "a.m": true, "p.m": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "est": true, "max": true, "min": true, "cf": true,
	"al": true, "u.k": true, "u.s": true, "n.b": true, "nb": true, "pt": true,
}

func isAbbreviation(word string) bool {
	if len(word) > 8 {
		return false
	}
	var buf [8]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbreviations[string(buf[:len(word)])]
}

// lineBreakEndsUnit decides whether the newline at text[i] ends the unit:
// a blank line always does; a line ending in closing punctuation has
// already been handled; otherwise the unit goes on only if the next line
// starts with a lower-case letter.
func lineBreakEndsUnit(text string, i int) bool {
	j := i + 1
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j >= len(text) || text[j] == '\n' {
		return true
	}
	if startsListItem(text, j) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return !unicode.IsLower(r)
}

// startsListItem reports whether a list marker starts at text[i] (after
// optional indentation): "- ", "* ", "+ ", "• ", "1. ", "1) ", "a) ".
func startsListItem(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	n := listMarkerLen(text[i:])
	return n > 0
}

// listMarkerLen returns the length of a list marker and the space after
// it at the start of s, or 0.
func listMarkerLen(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '-', '*', '+':
		if len(s) > 1 && (s[1] == ' ' || s[1] == '\t') {
			return 2
		}
		return 0
	}
	if len(s) >= 4 && s[:3] == "•" && (s[3] == ' ' || s[3] == '\t') {
		return 4
	}
	j := 0
	for j < len(s) && j < 3 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == 0 && len(s) > 1 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' {
		j = 1
	}
	if j == 0 || j+1 >= len(s) {
		return 0
	}
	if (s[j] == '.' || s[j] == ')') && (s[j+1] == ' ' || s[j+1] == '\t') {
		return j + 2
	}
	return 0
}

// trimUnit trims space and a leading list marker from text[start:end].
func trimUnit(text string, start, end int) (Span, bool) {
	start = skipSpaceForward(text, start, end)
	if n := listMarkerLen(text[start:end]); n > 0 {
		start = skipSpaceForward(text, start+n, end)
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	if start >= end {
		return Span{}, false
	}
	// a unit with no letters or digits (a rule "---", a lone bullet) is
	// not a sentence
	for _, r := range text[start:end] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return Span{start, end}, true
		}
	}
	return Span{}, false
}

// skipSpaceForward skips white space, including Unicode spaces such as
// the no-break space, from i up to end.
func skipSpaceForward(text string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func isSpaceAt(text string, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return isSpaceByte(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}
