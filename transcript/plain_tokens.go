package transcript

import (
	"strings"
	"unicode/utf8"
)

// plainTokenizer splits the talk of captions, ELAN annotations and
// Jefferson lines into tokens. In Jefferson mode [ and ] are overlap
// markers, ((...)) is a comment and parentheses must balance; in caption
// mode [...] is a sound or speaker description such as [laughs].
type plainTokenizer struct {
	jefferson bool
	scratch   []byte
}

// plainFillers are the hesitation sounds counted as fillers, not words, in
// formats without CHAT's &- mark.
func isPlainFiller(w string) bool {
	switch strings.ToLower(w) {
	case "um", "umm", "uh", "uhh", "uhm", "er", "erm", "err":
		return true
	}
	return false
}

// isUnclearLabel: descriptions that stand for talk that could not be heard.
func isUnclearLabel(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "inaudible", "unclear", "unintelligible", "indistinct", "crosstalk", "xxx", "":
		return true
	}
	return false
}

// tokenize fills u from u.Text and returns the offset and message of the
// first problem (Jefferson only; caption text never fails).
func (t *plainTokenizer) tokenize(u *Utterance) (off int, msg string) {
	s := u.Text
	words := 0
	lastPunct := byte(0) // last terminal punctuation after the last word
	trailOff, cut := false, false
	parenOpen := -1
	depth := 0
	i := 0
	for i < len(s) {
		c := s[i]
		if c == ' ' || c == '\t' {
			i++
			continue
		}
		if c < 0x20 || c == 0x7f {
			if t.jefferson {
				return i, "control character not allowed"
			}
			i++
			continue
		}
		// ((comment)) and [description]
		if c == '(' && strings.HasPrefix(s[i:], "((") {
			j := strings.Index(s[i+2:], "))")
			if j < 0 {
				if t.jefferson {
					return i, "(( is not closed with ))"
				}
				j = len(s) - i - 2
			}
			inner := s[i+2 : i+2+j]
			u.Tokens = append(u.Tokens, Token{Kind: TokComment, Text: s[i:min(len(s), i+j+4)], Clean: strings.TrimSpace(inner)})
			i += j + 4
			continue
		}
		if c == '[' && !t.jefferson {
			if j := strings.IndexByte(s[i:], ']'); j > 0 {
				inner := s[i+1 : i+j]
				k := TokEvent
				if isUnclearLabel(inner) {
					k = TokUnintelligible
				}
				u.Tokens = append(u.Tokens, Token{Kind: k, Text: s[i : i+j+1], Clean: strings.TrimSpace(inner)})
				i += j + 1
				continue
			}
		}
		if c == '(' {
			// (.) (0.4) pauses, ( ) and (inaudible) unclear talk.
			if j := strings.IndexByte(s[i:], ')'); j > 0 {
				inner := s[i+1 : i+j]
				if ms, dots, ok := parsePause(s[i : i+j+1]); ok && dots <= 1 {
					u.Pauses = append(u.Pauses, Pause{Ms: ms, Dots: dots, Word: words})
					u.Tokens = append(u.Tokens, Token{Kind: TokPause, Text: s[i : i+j+1]})
					i += j + 1
					continue
				}
				if isUnclearLabel(inner) {
					u.Tokens = append(u.Tokens, Token{Kind: TokUnintelligible, Text: s[i : i+j+1]})
					i += j + 1
					continue
				}
			}
		}
		// One item: up to whitespace; = latching also separates items.
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '=' && !(s[j] == '(' && j+1 < len(s) && s[j+1] == '(') {
			j++
		}
		if j == i { // '='
			if words == 0 && len(u.Tokens) == 0 {
				u.LatchedBefore = true
			}
			u.Tokens = append(u.Tokens, Token{Kind: TokMarker, Text: "="})
			i++
			if i == len(s) || strings.TrimRight(s[i:], " \t]°") == "" {
				u.LatchedAfter = true
			}
			continue
		}
		w := s[i:j]
		for k := 0; k < len(w); k++ {
			switch w[k] {
			case '(':
				if depth == 0 {
					parenOpen = i + k
				}
				depth++
			case ')':
				depth--
				if depth < 0 && t.jefferson {
					return i + k, ") without a matching ("
				}
			}
		}
		words, lastPunct, trailOff, cut = t.item(u, w, words, lastPunct, trailOff, cut)
		i = j
	}
	if depth > 0 && t.jefferson {
		return parenOpen, "( is not closed with )"
	}
	switch {
	case trailOff:
		u.Terminator = "+..."
	case cut:
		u.Terminator = "+/."
	case lastPunct == '?':
		u.Terminator = "?"
	case lastPunct == '.':
		u.Terminator = "."
	case lastPunct == '!':
		u.Terminator = "!"
	}
	if u.Terminator != "" {
		u.Tokens = append(u.Tokens, Token{Kind: TokTerminator, Text: u.Terminator})
	}
	return 0, ""
}

// item classifies one whitespace-delimited item.
func (t *plainTokenizer) item(u *Utterance, w string, words int, lastPunct byte, trailOff, cut bool) (int, byte, bool, bool) {
	// Trailing punctuation: the last one after the last word is the
	// utterance's terminator; "..." and "…" trail off, "--" and "—" cut off.
	core := w
	for len(core) > 0 {
		c := core[len(core)-1]
		if c == '?' || c == '.' || c == '!' || c == ',' || c == ';' {
			core = core[:len(core)-1]
			continue
		}
		break
	}
	punct := w[len(core):]
	trailing := ""
	if strings.HasSuffix(core, "…") {
		core, trailing = strings.TrimSuffix(core, "…"), "..."
	}
	if strings.HasSuffix(core, "--") || strings.HasSuffix(core, "—") {
		trailing = "--"
		core = strings.TrimRight(strings.TrimSuffix(core, "—"), "-")
	}
	clean, overlapsBefore, overlapsAfter, marks := t.clean(core)
	_ = marks
	kind := TokWord
	switch {
	case strings.Trim(clean, "-") == "":
		kind = TokMarker
		if strings.Contains(clean, "-") {
			trailing = "-" // a dash on its own: the talk is cut off
		}
	case isInOutBreath(clean):
		kind = TokEvent
	case isUnintelligible(strings.ToLower(clean)):
		kind = TokUnintelligible
	case isPlainFiller(clean):
		kind = TokFiller
	case strings.HasSuffix(clean, "-") && len(clean) > 1:
		kind = TokFragment
		clean = strings.TrimRight(clean, "-")
	}
	pos := words
	for k := 0; k < overlapsBefore; k++ {
		t.addOverlap(u, core, k, pos, true)
	}
	if kind == TokWord {
		words++
	}
	if kind != TokMarker {
		lastPunct, trailOff, cut = 0, false, false
		if kind == TokFragment {
			cut = true // a cut-off at the end of the line breaks it off
		}
	}
	if kind == TokMarker && len(u.Overlaps) > 0 && strings.ContainsAny(core, "[]") {
		kind = TokOverlap
	}
	u.Tokens = append(u.Tokens, Token{Kind: kind, Text: w, Clean: clean})
	for k := 0; k < overlapsAfter; k++ {
		t.addOverlap(u, core, overlapsBefore+k, words, false)
	}
	if strings.Contains(punct, "...") || trailing == "..." {
		return words, 0, true, false
	}
	if trailing == "--" || trailing == "-" {
		return words, 0, false, true
	}
	for k := len(punct) - 1; k >= 0; k-- {
		if c := punct[k]; c != ',' && c != ';' {
			return words, c, false, false
		}
	}
	if punct != "" {
		lastPunct = 0 // a comma: continuing, no terminator
	}
	return words, lastPunct, trailOff, cut
}

// addOverlap records the n-th bracket of item w ([ begins, ] ends).
func (t *plainTokenizer) addOverlap(u *Utterance, w string, n, pos int, _ bool) {
	seen := 0
	for k := 0; k < len(w); k++ {
		if w[k] == '[' || w[k] == ']' {
			if seen == n {
				u.Overlaps = append(u.Overlaps, Overlap{Side: OverlapEither, Begin: w[k] == '[', Word: pos})
				return
			}
			seen++
		}
	}
}

// clean strips Jefferson marks (° > < ↑ ↓ : _ £ # * ~ = ( ) quotes) and
// punctuation from a word, counting overlap brackets before and after its
// letters. A trailing - (cut-off) is kept for the caller to see.
func (t *plainTokenizer) clean(w string) (clean string, before, after, marks int) {
	b := t.scratch[:0]
	changed := false
	for k := 0; k < len(w); {
		c := w[k]
		if c < 0x80 {
			switch c {
			case '[', ']':
				if !t.jefferson {
					changed = true
					k++
					continue
				}
				if len(b) == 0 {
					before++
				} else {
					after++
				}
				changed = true
			case '>', '<', ':', '_', '#', '*', '~', '^', '=', '(', ')', '"', ',', ';', '?', '!', '.':
				if c == '.' && len(b) > 0 && k+1 < len(w) && isASCIILetter(w[k+1]) {
					b = append(b, c) // a dot inside a word: e.g. "a.m"
				} else {
					changed = true
				}
			default:
				b = append(b, c)
			}
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[k:])
		switch r {
		case '°', '↑', '↓', '£', '“', '”', '‘', '¿', '€', '☺', '∆', '∇', '→', '⇗', '↗', '↘', '⇘':
			changed = true
		case '’':
			b = append(b, '\'')
			changed = true
		default:
			b = append(b, w[k:k+n]...)
		}
		k += n
	}
	t.scratch = b
	if !changed {
		return w, before, after, 0
	}
	return string(b), before, after, 1
}

// isInOutBreath recognises .hhh (in-breath) and hhh (out-breath).
func isInOutBreath(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, c := range []byte(w) {
		if c != 'h' {
			return false
		}
	}
	return true
}

func validUTF8(s string) bool { return utf8.ValidString(s) }

// invalidUTF8At returns the offset of the first invalid byte of s.
func invalidUTF8At(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}
