package transcript

import (
	"strings"
	"unicode/utf8"
)

// chatTokenizer splits a CHAT main tier into tokens and checks it. It keeps
// its scratch space between utterances so that tokenizing allocates only
// for words that carry transcription marks.
type chatTokenizer struct {
	groups  []int // byte offsets of open < groups
	gwords  []int // words before each open group
	scratch []byte
}

// chatTerminators and chatLinkers are CHAT's + codes, longest first.
var chatPlusCodes = []struct {
	code   string
	linker bool
}{
	{`+..?`, false}, {`+...`, false}, {`+!?`, false}, {`+//.`, false}, {`+//?`, false},
	{`+"/.`, false}, {`+".`, false}, {`+/.`, false}, {`+/?`, false}, {`+.`, false},
	{`+"`, true}, {`+<`, true}, {`+,`, true}, {`++`, true}, {`+^`, true}, {`+≈`, true}, {`+≋`, true},
}

// tokenize fills u from u.Text. It returns the byte offset and message of
// the first problem, or msg == "".
func (t *chatTokenizer) tokenize(u *Utterance, ca bool, longOpen map[string]int) (off int, msg string) {
	s := u.Text
	t.groups, t.gwords = t.groups[:0], t.gwords[:0]
	words := 0
	needAnn, needAnnOff := false, 0 // a closed <group> waits for its [annotation]
	groupWords := -1                // words before the group just closed
	afterTerm := false
	content := false // any talk seen (linkers must come first)
	lastMarker := ""
	i := 0
	for i < len(s) {
		c := s[i]
		if c == ' ' || c == '\t' {
			i++
			continue
		}
		if needAnn && c != '[' {
			return needAnnOff, "a <group> must be followed by a [annotation] such as [/] or [>]"
		}
		switch c {
		case 0x15:
			j := strings.IndexByte(s[i+1:], 0x15)
			if j < 0 {
				return i, "media bullet is not closed"
			}
			inner := s[i+1 : i+1+j]
			if st, en, ok := parseBullet(inner); ok {
				if !u.Timed {
					u.Timed, u.Start = true, st
				}
				u.End = en
			} else if !strings.HasPrefix(inner, "%") {
				return i, "media bullet must be START_END in milliseconds"
			}
			u.Tokens = append(u.Tokens, Token{Kind: TokBullet, Text: s[i : i+j+2]})
			i += j + 2
			continue
		case '[':
			j := strings.IndexAny(s[i+1:], "[]")
			if j < 0 || s[i+1+j] == '[' {
				return i, "[ is not closed with ]"
			}
			inner := s[i+1 : i+1+j]
			needAnn = false
			tok := Token{Kind: TokAnnotation, Text: s[i : i+j+2]}
			if side, idx, ok := overlapAnnotation(inner); ok {
				w := words - 1
				if groupWords >= 0 {
					w = groupWords
				}
				if w < 0 {
					w = 0
				}
				tok.Kind = TokOverlap
				u.Overlaps = append(u.Overlaps, Overlap{Side: side, Begin: true, Index: idx, Word: w})
			} else if m := checkScoped(inner); m != "" {
				return i, m
			}
			u.Tokens = append(u.Tokens, tok)
			i += j + 2
			continue
		case '<':
			if i+1 >= len(s) || s[i+1] == ' ' || s[i+1] == '\t' {
				return i, "< must open a group: <words> [annotation]"
			}
			t.groups = append(t.groups, i)
			t.gwords = append(t.gwords, words)
			i++
			continue
		}
		groupWords = -1
		if afterTerm {
			return i, "nothing but postcodes may follow the terminator"
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != 0x15 && s[j] != '[' {
			j++
		}
		w := s[i:j]
		// Trailing > close groups: "<some time> [>]".
		closes := 0
		for len(w) > 1 && w[len(w)-1] == '>' {
			w = w[:len(w)-1]
			closes++
		}
		if w == ">" {
			w, closes = "", 1
		}
		if w != "" {
			var m string
			var at int
			words, content, lastMarker, at, m = t.item(u, w, i, words, content, ca, longOpen)
			if m != "" {
				return at, m
			}
			if u.Terminator != "" {
				afterTerm = true
			}
		}
		for k := 0; k < closes; k++ {
			at := i + len(w) + k
			if len(t.groups) == 0 {
				return at, "> without a matching <"
			}
			groupWords = t.gwords[len(t.gwords)-1]
			t.groups, t.gwords = t.groups[:len(t.groups)-1], t.gwords[:len(t.gwords)-1]
			if k < closes-1 {
				continue
			}
			needAnn, needAnnOff = true, at
		}
		i = j
	}
	if len(t.groups) > 0 {
		return t.groups[len(t.groups)-1], "< without a matching >"
	}
	if needAnn {
		return needAnnOff, "a <group> must be followed by a [annotation] such as [/] or [>]"
	}
	if u.Terminator == "" && !ca {
		return len(s), "utterance has no terminator (. ? ! +...)"
	}
	if lastMarker == "≈" || lastMarker == "≡" || lastMarker == "≋" {
		u.LatchedAfter = true
	}
	return 0, ""
}

// item handles one whitespace-delimited item w at offset at.
func (t *chatTokenizer) item(u *Utterance, w string, at, words int, content, ca bool, longOpen map[string]int) (int, bool, string, int, string) {
	switch w {
	case ".", "?", "!":
		return t.terminator(u, w, at, words, content)
	case ",", ";", ":", "„", "‡":
		u.Tokens = append(u.Tokens, Token{Kind: TokSeparator, Text: w})
		return words, content, "", 0, ""
	case "0":
		u.Tokens = append(u.Tokens, Token{Kind: TokOmitted, Text: w})
		return words, true, "", 0, ""
	case "≡", "≈", "≋":
		if !content && len(u.Tokens) == len(u.Linkers) {
			u.LatchedBefore = true
		}
		u.Tokens = append(u.Tokens, Token{Kind: TokMarker, Text: w})
		return words, content, w, 0, ""
	}
	switch w[0] {
	case '+':
		for _, p := range chatPlusCodes {
			if w != p.code {
				continue
			}
			if p.linker {
				u.Linkers = append(u.Linkers, w)
				u.Tokens = append(u.Tokens, Token{Kind: TokLinker, Text: w})
				if w == "+^" || w == "+≈" {
					u.LatchedBefore = true
				}
				return words, content, "", 0, ""
			}
			return t.terminator(u, w, at, words, content)
		}
		if len(w) > 1 && w[1] != '+' {
			return words, content, "", at, "unknown + code " + w
		}
	case '&':
		return t.amp(u, w, at, words, longOpen)
	case '(':
		if ms, dots, ok := parsePause(w); ok {
			u.Pauses = append(u.Pauses, Pause{Ms: ms, Dots: dots, Word: words})
			u.Tokens = append(u.Tokens, Token{Kind: TokPause, Text: w})
			return words, content, "", 0, ""
		}
	case '#':
		if strings.Trim(w, "#") == "" {
			return words, content, "", at, "unexpected " + w + " (a pause is written (.) or (1.5))"
		}
	case '^':
		return words, content, "", at, "^ (syllable pause) cannot start a word"
	case '0':
		u.Tokens = append(u.Tokens, Token{Kind: TokOmitted, Text: w, Clean: w[1:]})
		return words, true, "", 0, ""
	}
	// A terminator glued to the end of a word: "ah." "wow!".
	var term string
	if n := len(w); n > 1 {
		if e := w[n-1]; (e == '.' || e == '?' || e == '!') && !strings.ContainsAny(w[n-2:n-1], ".?!+") {
			w, term = w[:n-1], w[n-1:]
		}
	}
	words, m, mat := t.word(u, w, at, words)
	if m != "" {
		return words, content, "", mat, m
	}
	last := u.Tokens[len(u.Tokens)-1]
	marker := ""
	if last.Kind == TokMarker {
		marker = last.Text
	}
	if last.Kind != TokMarker && last.Kind != TokOverlap {
		content = true
	}
	if term != "" {
		return t.terminator(u, term, at+len(w), words, content)
	}
	return words, content, marker, 0, ""
}

func (t *chatTokenizer) terminator(u *Utterance, w string, at, words int, content bool) (int, bool, string, int, string) {
	if u.Terminator != "" {
		return words, content, "", at, "second terminator " + w
	}
	u.Terminator = w
	u.Tokens = append(u.Tokens, Token{Kind: TokTerminator, Text: w})
	return words, content, "", 0, ""
}

// amp handles the & forms: &=event &-filler &+fragment &~nonword
// &*SPK:word and the long features &{l=X ... &}l=X.
func (t *chatTokenizer) amp(u *Utterance, w string, at, words int, longOpen map[string]int) (int, bool, string, int, string) {
	if len(w) < 2 {
		return words, true, "", at, "& must be followed by = - + ~ * { or }"
	}
	body := w[2:]
	switch w[1] {
	case '=':
		if body == "" {
			return words, true, "", at, "&= needs an event label"
		}
		if k := strings.IndexAny(body, ".?!"); k >= 0 {
			return words, true, "", at + 2 + k, "terminator character inside the event label " + w
		}
		u.Tokens = append(u.Tokens, Token{Kind: TokEvent, Text: w, Clean: body})
	case '*':
		term := ""
		if n := len(w); n > 2 && strings.ContainsRune(".?!", rune(w[n-1])) {
			w, term = w[:n-1], w[n-1:]
		}
		u.Tokens = append(u.Tokens, Token{Kind: TokEvent, Text: w, Clean: w[2:]})
		if term != "" {
			return t.terminator(u, term, at+len(w), words, true)
		}
	case '{', '}':
		if len(body) < 3 || body[1] != '=' || body[0] != 'l' && body[0] != 'n' {
			return words, true, "", at, "a long feature is &{l=LABEL ... &}l=LABEL, a nonvocal &{n=LABEL ... &}n=LABEL"
		}
		key := body
		if w[1] == '{' {
			if !strings.HasSuffix(key, "}") {
				longOpen[key]++
			}
		} else if longOpen[key] > 0 {
			longOpen[key]--
		} else {
			return words, true, "", at, "&}" + key + " ends a feature that was not begun with &{" + key
		}
		u.Tokens = append(u.Tokens, Token{Kind: TokMarker, Text: w})
	default:
		kind := TokFragment // &fr: the older fragment form
		clean := w[1:]
		switch w[1] {
		case '-':
			kind, clean = TokFiller, body
		case '+':
			clean = body
		case '~':
			kind, clean = TokNonword, body
		}
		term := ""
		if n := len(clean); n > 1 && strings.ContainsRune(".?!", rune(clean[n-1])) {
			clean, term = clean[:n-1], clean[n-1:]
			w = w[:len(w)-1]
		}
		if clean == "" {
			return words, true, "", at, "empty " + w
		}
		u.Tokens = append(u.Tokens, Token{Kind: kind, Text: w, Clean: t.clean(clean)})
		if term != "" {
			return t.terminator(u, term, at+len(w), words, true)
		}
	}
	return words, true, "", 0, ""
}

// word checks one word and appends it (with any overlap markers glued to
// it) to u. It returns the new word count.
func (t *chatTokenizer) word(u *Utterance, w string, at, words int) (int, string, int) {
	depth, open := 0, -1
	letters := false
	needsClean := false
	for k := 0; k < len(w); {
		c := w[k]
		if c < 0x80 {
			switch {
			case c == '(':
				if depth == 0 {
					open = k
				}
				depth++
				needsClean = true
			case c == ')':
				depth--
				if depth < 0 {
					return words, ") without a matching (", at + k
				}
				needsClean = true
			case c == '@':
				if k+1 >= len(w) || !isASCIILetter(w[k+1]) {
					return words, "form marker @ must be followed by a form type (@b, @c, @s:eng ...)", at + k
				}
				needsClean = true
			case c == ':' || c == '^' || c == 0x02 || c == 0x01 || c == '"':
				needsClean = true
			default:
				letters = true
			}
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[k:])
		if side, begin, ok := overlapRune(r); ok {
			idx := 0
			e := k + n
			for e < len(w) && w[e] >= '0' && w[e] <= '9' {
				idx = idx*10 + int(w[e]-'0')
				e++
			}
			pos := words
			if letters {
				pos = words + 1
			}
			u.Overlaps = append(u.Overlaps, Overlap{Side: side, Begin: begin, Index: idx, Word: pos})
			needsClean = true
			k = e
			continue
		}
		if isCAMark(r) {
			needsClean = true
		} else {
			letters = true
		}
		k += n
	}
	if depth > 0 {
		return words, "( is not closed with )", at + open
	}
	clean := w
	if needsClean {
		clean = t.clean(w)
	}
	tok := Token{Kind: TokWord, Text: w, Clean: clean}
	switch {
	case clean == "":
		tok.Kind = TokMarker
		if len(u.Overlaps) > 0 && strings.ContainsAny(w, "⌈⌉⌊⌋") {
			tok.Kind = TokOverlap
		}
	case isUnintelligible(clean):
		tok.Kind = TokUnintelligible
	default:
		words++
	}
	u.Tokens = append(u.Tokens, tok)
	return words, "", 0
}

// clean strips transcription marks from a word: the @form suffix, CA and
// prosody symbols, lengthening colons, syllable carets, shortening
// parentheses (keeping what they enclose) and underline controls.
func (t *chatTokenizer) clean(w string) string {
	if k := strings.IndexByte(w, '@'); k >= 0 {
		w = w[:k]
	}
	b := t.scratch[:0]
	for k := 0; k < len(w); {
		c := w[k]
		if c < 0x80 {
			switch c {
			case '(', ')', ':', '^', 0x01, 0x02, '"':
			default:
				b = append(b, c)
			}
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[k:])
		if _, _, ok := overlapRune(r); ok {
			k += n
			for k < len(w) && w[k] >= '0' && w[k] <= '9' {
				k++
			}
			continue
		}
		if !isCAMark(r) {
			b = append(b, w[k:k+n]...)
		}
		k += n
	}
	t.scratch = b
	if string(b) == w {
		return w
	}
	return string(b)
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// isUnintelligible: CHAT's xxx (unintelligible), yyy (phonetically coded)
// and www (untranscribed) stand for talk whose words are not known.
func isUnintelligible(w string) bool { return w == "xxx" || w == "yyy" || w == "www" }

// overlapRune recognises the CA overlap brackets.
func overlapRune(r rune) (side OverlapSide, begin, ok bool) {
	switch r {
	case '⌈':
		return OverlapTop, true, true
	case '⌉':
		return OverlapTop, false, true
	case '⌊':
		return OverlapBottom, true, true
	case '⌋':
		return OverlapBottom, false, true
	}
	return 0, false, false
}

// isCAMark recognises the CA and prosody symbols of CHAT (intonation
// arrows, latching, voice-quality delimiters, stress marks, quotes and
// group brackets), which are not part of a word's spoken form.
func isCAMark(r rune) bool {
	switch r {
	case '↑', '↓', '⇗', '↗', '→', '↘', '⇘', '∞', '≈', '≋', '≡', '∆', '∇', '°', '▁', '▔', '☺', '♋',
		'⁇', '∬', 'Ϋ', '∮', '⤇', '⤆', '↻', '↫', '≠', '∙', '∾', 'Ἡ', '⁑', '⁎', 'ˈ', 'ˌ', '“', '”',
		'‹', '›', '〔', '〕', '„', '‡':
		return true
	}
	return false
}

// overlapAnnotation recognises [>] [<] [>2] [<1].
func overlapAnnotation(inner string) (OverlapSide, int, bool) {
	if inner == "" || inner[0] != '>' && inner[0] != '<' {
		return 0, 0, false
	}
	side := OverlapTop
	if inner[0] == '<' {
		side = OverlapBottom
	}
	idx := 0
	for _, c := range []byte(inner[1:]) {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		idx = idx*10 + int(c-'0')
	}
	return side, idx, true
}

// checkScoped checks the body of a [ ] scoped annotation and returns a
// message if it is not one CHAT defines.
func checkScoped(inner string) string {
	if strings.TrimSpace(inner) == "" {
		return "empty [ ] annotation"
	}
	switch inner {
	case "/", "//", "///", "/-", "/?", "!", "!!", "?", "e", "*", "^c":
		return ""
	}
	needText := func(prefix string) string {
		if strings.TrimSpace(strings.TrimPrefix(inner, prefix)) == "" {
			return "[" + prefix + " needs text"
		}
		return ""
	}
	for _, p := range []string{"=! ", "=? ", "= ", ":: ", ": ", "% ", "* ", "+ ", "^ ", "- ", "x ", "# "} {
		if strings.HasPrefix(inner, p) {
			return needText(p)
		}
	}
	if inner[0] == '*' && len(inner) > 1 && inner[1] != ' ' {
		return "" // [*s:r] written without the space
	}
	return "unknown scoped annotation [" + firstRune(inner)
}

func firstRune(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

// parseBullet reads "start_end" in milliseconds.
func parseBullet(s string) (start, end int64, ok bool) {
	a, b, found := strings.Cut(s, "_")
	if !found {
		return 0, 0, false
	}
	start, ok1 := parseDigits(a)
	end, ok2 := parseDigits(b)
	if !ok1 || !ok2 || end < start {
		return 0, 0, false
	}
	return start, end, true
}

func parseDigits(s string) (int64, bool) {
	if s == "" || len(s) > 15 {
		return 0, false
	}
	var n int64
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// parsePause reads (.) (..) (...) and timed pauses (0.5) (3.) (1:02.5).
func parsePause(w string) (ms int64, dots int, ok bool) {
	if len(w) < 3 || w[0] != '(' || w[len(w)-1] != ')' {
		return 0, 0, false
	}
	in := w[1 : len(w)-1]
	switch in {
	case ".":
		return -1, 1, true
	case "..":
		return -1, 2, true
	case "...":
		return -1, 3, true
	}
	ms, ok = parseSeconds(in)
	return ms, 0, ok
}

// parseSeconds reads [minutes:]seconds[.fraction] into milliseconds.
func parseSeconds(in string) (int64, bool) {
	var min int64
	if m, rest, found := strings.Cut(in, ":"); found {
		v, ok := parseDigits(m)
		if !ok {
			return 0, false
		}
		min, in = v, rest
	}
	sec, frac, _ := strings.Cut(in, ".")
	s, ok := parseDigits(sec)
	if !ok {
		return 0, false
	}
	ms := min*60000 + s*1000
	scale := int64(100)
	for _, c := range []byte(frac) {
		if c < '0' || c > '9' {
			return 0, false
		}
		ms += int64(c-'0') * scale
		scale /= 10
	}
	return ms, true
}
