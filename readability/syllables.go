package readability

import (
	"strings"
	"unicode"
)

// Syllable counting by spelling rules.
//
// The counter starts from the number of vowel groups in a word and then
// corrects it with rules for the places where English spelling and
// pronunciation part company: a silent final e, the -ed and -es endings,
// vowel pairs that are spoken as two syllables (the "hiatus" in
// "create", "radio", "fluid"), syllabic l and r ("table", "acre"), and so
// on. Each rule was written by hand and kept only if it raised agreement
// with the CMU Pronouncing Dictionary (see cmu_test.go). A small exception
// list (syllable_exceptions.go) holds words no general rule gets right.
//
// The counter works on lower-case ASCII letters; Syllables folds the input
// first. It allocates nothing for words up to 64 letters, because it runs
// once for every word of every document analysed.

// Syllables returns the number of syllables in word, counted by rule.
// Letters are folded to lower case, common accented vowels to their plain
// form, and everything that is not a letter is ignored. A word with no
// letters has no syllables; any other word has at least one.
func Syllables(word string) int {
	// Accents that mark a vowel as spoken apart: a diaeresis after a vowel
	// ("Zoë", "naïve") starts a new syllable, and a final é is never
	// silent ("café").
	prevVowel := false
	for i, r := range word {
		switch r {
		case 'ë', 'ï', 'ü', 'ö', 'ä', 'Ë', 'Ï', 'Ü', 'Ö', 'Ä':
			if prevVowel {
				return Syllables(word[:i]) + Syllables(word[i:])
			}
		case 'é', 'É':
			if strings.TrimRightFunc(word[i+len("é"):], func(r rune) bool { return !unicode.IsLetter(r) }) == "" && i > 0 {
				return Syllables(word[:i]) + 1
			}
		}
		prevVowel = strings.ContainsRune("aeiouyAEIOUYàáâèéêìíîòóôùúû", r)
	}
	var buf [64]byte
	w := foldWord(word, buf[:0])
	return countFolded(w)
}

// foldWord lower-cases the ASCII letters of s, maps common Latin-1 vowels
// (é, ï, ö…) to plain vowels, and drops every other character, appending
// to dst.
func foldWord(s string, dst []byte) []byte {
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			dst = append(dst, byte(r))
		case r >= 'A' && r <= 'Z':
			dst = append(dst, byte(r)+'a'-'A')
		case r >= 0xC0 && r <= 0xFF:
			if c := latin1Fold[r-0xC0]; c != 0 {
				dst = append(dst, c)
			}
		}
	}
	return dst
}

// latin1Fold maps U+00C0..U+00FF to a plain lower-case letter, or 0.
var latin1Fold = [64]byte{
	'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
	'd', 'n', 'o', 'o', 'o', 'o', 'o', 0, 'o', 'u', 'u', 'u', 'u', 'y', 0, 's',
	'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
	'd', 'n', 'o', 'o', 'o', 'o', 'o', 0, 'o', 'u', 'u', 'u', 'u', 'y', 0, 'y',
}

// countFolded counts the syllables of a folded word (lower-case a-z only).
func countFolded(w []byte) int {
	if len(w) == 0 {
		return 0
	}
	if n, ok := syllableExceptions[string(w)]; ok {
		return int(n)
	}
	return countRulesOnly(w)
}

// countRulesOnly counts by rule alone, ignoring the exception list; the
// agreement test reports it separately.
func countRulesOnly(w []byte) int {
	if len(w) == 0 {
		return 0
	}
	n := countByRule(w)
	if n < 1 {
		n = 1
	}
	return n
}

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// vowelAt reports whether w[i] acts as a vowel. Y is a consonant at the
// start of a word before a vowel ("yes") and before a, e, o or u elsewhere
// ("player", "beyond"), and a vowel otherwise ("gym", "flying").
func vowelAt(w []byte, i int) bool {
	c := w[i]
	if c != 'y' {
		return isVowelByte(c)
	}
	if i+1 < len(w) {
		switch w[i+1] {
		case 'a', 'e', 'o', 'u':
			if i > 0 {
				switch w[i-1] {
				case 'r', 'h', 'm', 'b', 'c', 'd', 'p', 'f', 'l':
					return true // "flyer", "ryan"
				}
			}
			return false
		case 'i':
			return i > 0
		}
	}
	return true
}

func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

func hasPrefix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[:len(s)]) == s
}

// countByRule is the rule-based counter proper.
func countByRule(w []byte) int {
	n := 0
	i := 0
	for i < len(w) {
		if !vowelAt(w, i) {
			i++
			continue
		}
		j := i + 1
		for j < len(w) && vowelAt(w, j) {
			j++
		}
		n += groupSyllables(w, i, j)
		i = j
	}
	n -= silentEndings(w)
	n += suffixAdjust(w)
	if l := len(w); l > 3 && (w[l-1] == 'l' && (w[l-2] == 'd' || w[l-2] == 't')) {
		n++ // "handl", "bartl": final syllabic l
	}
	if len(w) > 3 && w[0] == 'm' && w[1] == 'c' {
		n++ // "McCarthy": Mc is a syllable with no vowel letter
	}
	n -= innerSilentE(w)
	return n
}

// suffixAdjust corrects the count for common endings.
func suffixAdjust(w []byte) int {
	d := 0
	for _, s := range silentESuffixes {
		if hasSuffix(w, s) && len(w) > len(s)+1 && !vowelAt(w, len(w)-len(s)-1) && !(s[1] == 'm' && w[len(w)-len(s)-1] == 'l') {
			d--
			break
		}
	}
	if l := len(w); l > 6 && (hasSuffix(w, "ling") || hasSuffix(w, "ler")) {
		// syllabic l before -ing and -er: "ambling", "wrestler"
		k := l - 4
		if w[l-1] == 'r' {
			k = l - 3
		}
		switch w[k-1] {
		case 'b', 'c', 'g':
			d++
		case 'z':
			if w[l-1] == 'g' {
				d++
			}
		case 't', 's':
			if w[l-1] == 'g' || w[k-1] == 's' && vowelAt(w, k-2) {
				d++
			}
		}
	}
	switch {
	case hasSuffix(w, "ically"):
		d--
	case hasSuffix(w, "aic"):
		d++ // "mosaic", "archaic"
	case hasSuffix(w, "ire"), hasSuffix(w, "ires"), hasSuffix(w, "ired"):
		k := len(w) - 3
		if w[len(w)-1] != 'e' {
			k--
		}
		if k >= 1 && !vowelAt(w, k-1) && w[k-1] != 'h' {
			d++ // "fire", "empire": CMU hears two syllables in -ire; not "-shire"
		}
	case hasSuffix(w, "ism"), hasSuffix(w, "isms"), hasSuffix(w, "asm"), hasSuffix(w, "asms"), hasSuffix(w, "ysm"):
		d++
	case hasSuffix(w, "que"), hasSuffix(w, "gue"), hasSuffix(w, "ques"), hasSuffix(w, "gues"):
		if len(w) > 4 {
			d--
		}
	}
	return d
}

// silentESuffixes are endings that follow a silent e ("lately",
// "movement", "hopeful").
var silentESuffixes = []string{"ely", "ements", "ement", "eness", "eless", "efully", "eful"}

// compoundTails are second halves of compounds. When the first half ends
// in vowel-consonant-e, that e is silent ("bateman", "homeland",
// "timekeeper").
var compoundTails = []string{
	"man", "men", "way", "land", "house", "wood", "field", "berg", "line",
	"hold", "keep", "work", "back", "book", "boat", "well", "ware", "ville",
	"time", "more", "make", "guard", "board", "walk", "thing", "like", "head",
	"berry", "worth", "wall", "track", "take", "tail", "table", "pad", "hill",
	"goat", "fish", "craft", "break", "out", "stone", "ball", "town", "light",
	"side", "ship", "shop", "room", "yard", "water", "day", "play", "mark",
	"face", "writ", "sav", "length", "stead", "front", "vine", "basket",
	"horse", "crack", "cock", "what", "some", "body", "where", "bound",
}

// groupSyllables returns how many syllables the vowel group w[i:j] makes:
// usually one, two where the letters are spoken apart.
func groupSyllables(w []byte, i, j int) int {
	g := w[i:j]
	if len(g) == 1 {
		return 1
	}
	n := 1
	for k := i; k+1 < j; k++ {
		if splitsPair(w, k) {
			n++
		}
	}
	return n
}

// splitsPair reports whether the vowels w[k] and w[k+1] belong to
// different syllables ("cre-ate", "ra-di-o", "flu-id").
func splitsPair(w []byte, k int) bool {
	at := func(i int) byte {
		if i < 0 || i >= len(w) {
			return 0
		}
		return w[i]
	}
	a, b := w[k], w[k+1]
	prev, next, next2 := at(k-1), at(k+2), at(k+3)
	end := k+2 == len(w)
	if b == 'i' && next == 'n' && next2 == 'g' {
		return true // "going", "seeing", "playing"
	}
	switch a {
	case 'i':
		switch b {
		case 'a':
			if next == 't' {
				return true // "appreciate", "initiated"
			}
			if prev == 'l' && (at(k-2) == 'l' && !end || at(k-2) == 'i' && next == 'r') {
				return false // "william", "brilliant", "familiar"
			}
			switch prev {
			case 't', 'c', 'x', 'g':
				return false // "initial", "special", "georgia"
			case 's':
				if end || hasSuffix(w, "ian") || hasSuffix(w, "ians") || hasSuffix(w, "ias") {
					return false // "asia", "amnesia", "persian"
				}
			}
			return true
		case 'e':
			switch {
			case next == 'r' && (next2 == 0 || next2 == 's'):
				// "happier", "carriers", "busier"; but "pier", "tier"
				return k >= 2 && (vowelAt(w, k-2) || w[k-2] == w[k-1] || k >= 3)
			case next == 's' && next2 == 't' && k+4 == len(w):
				return true // "busiest"
			case next == 't' && k+3 == len(w):
				return true // "quiet", "diet"
			case prev == 'c' && at(k-2) == 's' && !hasPrefix(w, "consc"):
				return true // "science", but "conscience"
			case next == 'n' && (next2 == 't' || next2 == 'c' || next2 == 's' || next2 == 0):
				switch prev {
				case 'c', 't', 's', 'g', 'x', 'h', 'q', 0:
					return false // "ancient", "patience", "transient"
				}
				return true // "audience", "client", "alien"; but "friend"
			case next == 't' && next2 == 'y':
				return true // "society", "anxiety"
			case prev == 'e' && at(k-2) == 'h' && at(k-3) == 't':
				return true // "atheism", "atheist"
			case next == 'l' && (next2 == 'l' || prev == 'r'):
				return true // "ariel", "gabrielle", "castiello"
			}
			return false
		case 'o':
			if end || k+3 == len(w) && next == 's' || next == 'l' && next2 == 'o' {
				return true // "radio", "patio", "ratios", "physiology"
			}
			if prev == 'h' && at(k-2) == 's' {
				return false // "fashion", "cushion"
			}
			switch prev {
			case 'l', 'n':
				if at(k-2) == prev || k >= 2 && vowelAt(w, k-2) {
					return false // "million", "onion", "union"
				}
			case 't', 's', 'c', 'x', 'g':
				return false // "nation", "vision", "region"
			}
			return true
		case 'u':
			return prev != 'g' // "medium", "radius"; but "giuliani"
		}
	case 'e':
		switch b {
		case 'o':
			if prev == 'p' && next == 'p' {
				return false // "people"
			}
			return prev != 'g' || k == 1 && !(next == 'r' && next2 == 'g') // "video", "geography"; "surgeon", "george"
		case 'a':
			if end && k > 1 {
				return true // "idea", "korea"
			}
			if k == 1 && w[0] == 'r' || k == 2 && w[0] == 'c' && w[1] == 'r' {
				// the prefix re- before a vowel ("react", "reassure"),
				// and "create"
				switch next {
				case 'c':
					return next2 != 'h' // "react"; but "reach"
				case 's', 'f', 'p', 'r', 't':
					return next2 == next || next == 'r' && next2 == 'a' // "reassure", "reaffirm", "reappear"
				case 'd':
					return next2 == 'j' || next2 == 'd' || next2 == 'm' // "readjust"; but "reader"
				case 'w':
					return true // "reawaken"
				}
				return w[0] == 'c' // "create", "creature"
			}
		case 'e':
			if k == 1 && w[0] == 'r' || k == 2 && w[0] == 'p' && w[1] == 'r' {
				// re- and pre- before e: "reexamine", "preempt"
				switch next {
				case 'x', 'v':
					return true
				case 'm':
					return next2 == 'p' || next2 == 'i'
				case 's', 'n':
					return next2 == 't'
				case 'l':
					return next2 == 'e'
				}
			}
		case 'i':
			if k == 1 && w[0] == 'r' && (next == 'm' || next == 's' || next == 't') {
				return true // "reimburse", "reissue", "reiterate"
			}
			if k == 1 && w[0] == 'r' && next == 'n' {
				switch next2 {
				case 'v', 's', 't', 'c', 'f', 'j', 'p', 'a', 'e', 'o', 'u':
					return true // "reinvest", "reinstate"
				}
			}
		}
	case 'u':
		switch b {
		case 'e':
			if prev == 'q' || prev == 'g' {
				return false // "queen", "guess"
			}
			switch next {
			case 'r', 'l', 'n', 't':
				return true // "bauer", "cruel", "fluent", "duet"
			}
		case 'a':
			if prev == 's' && (next == 'd' || next == 'v' || next == 'g') {
				return false // "persuade", "suave", "assuage"
			}
			return prev != 'q' && prev != 'g' // "dual"; but "quality"
		case 'i':
			return prev == 't' // "tuition", "intuitive"
		case 'o':
			return prev != 'q' && prev != 'g' && !(prev == 'l' && at(k-2) == 'f') // "duo"; "quote", "fluoride"
		}
	case 'o':
		switch b {
		case 'a':
			return end || k == 1 && w[0] == 'c' && (next == 'l' || next == 'u') || next == 'n' && k+3 == len(w) // "boa", "coalesce", "protozoan"; but "boat"
		case 'i':
			if next == 'c' && k+3 == len(w) {
				return true // "heroic", "stoic"
			}
			return k == 1 && w[0] == 'c' && next == 'n' // "coincide"
		case 'e':
			return next == 'r' && (next2 == 0 || next2 == 's') || k == 1 && w[0] == 'c' || next == 't' // "shoer", "coexist", "poet"
		case 'o':
			return k == 1 && w[0] == 'c' && (next == 'p' || next == 'r' && next2 == 'd') // "cooperate", "coordinate"
		}
	case 'y':
		if b == 'e' && (end || k+3 == len(w) && (next == 'd' || next == 's')) {
			return false // "dye", "dyed", "goodbyes"
		}
		if b == 'a' && next == 'r' && next2 == 'd' {
			return false // "courtyard"
		}
		return true // "flying", "flyer", "ryan"
	}
	return false
}

// silentEndings returns how many vowel groups at the end of w are silent.
func silentEndings(w []byte) int {
	l := len(w)
	if l < 3 {
		return 0
	}
	c := w[l-1]
	switch {
	case c == 'e':
		p := w[l-2]
		if vowelAt(w, l-2) {
			return 0
		}
		if p == 'l' && !vowelAt(w, l-3) && w[l-3] != 'l' {
			return 0
		}
		if p == 'r' {
			// syllabic r: "acre", "centre", "ogre", "timbre"
			switch w[l-3] {
			case 't', 'b', 'd', 'c', 'g', 'v', 'p':
				return 0
			}
		}
		if hasSuffix(w, "nte") || hasSuffix(w, "ione") || l > 4 && (hasSuffix(w, "tke") || hasSuffix(w, "dke") || hasSuffix(w, "zke")) {
			// Romance names and loans: "andante", "simone"
			return 0
		}
		return 1
	case hasSuffix(w, "es") || hasSuffix(w, "ed"):
		p := w[l-3]
		if vowelAt(w, l-3) {
			return 0
		}
		if c == 'd' && (p == 't' || p == 'd') {
			return 0
		}
		if c == 's' {
			switch p {
			case 's', 'z', 'x', 'c', 'g':
				return 0
			case 'h':
				if l >= 4 && (w[l-4] == 'c' || w[l-4] == 's') {
					return 0
				}
			}
		}
		if p == 'l' && l >= 4 && !vowelAt(w, l-4) && w[l-4] != 'l' {
			return 0
		}
		return 1
	}
	return 0
}

// innerSilentE counts silent e's inside compounds whose first part ends in
// a magic e ("before", "homework", "forehead").
func innerSilentE(w []byte) int {
	d := 0
	for i := 0; i+4 < len(w); i++ {
		if w[i+3] != 'e' || vowelAt(w, i+4) || w[i+4] == 'r' || w[i+4] == 'd' || w[i+4] == 's' {
			continue
		}
		switch string(w[i : i+3]) {
		case "for", "hom":
			d++
			continue
		}
		if !vowelAt(w, i+1) || vowelAt(w, i+2) {
			continue // not vowel-consonant-e
		}
		rest := w[i+4:]
		if len(rest) >= 4 && string(rest[:4]) == "ment" {
			continue // counted by silentESuffixes
		}
		for _, t := range compoundTails {
			if len(rest) >= len(t) && string(rest[:len(t)]) == t {
				d++
				break
			}
		}
	}
	for _, p := range []string{"every", "several", "evening"} {
		if bytesContains(w, p) {
			d++ // the middle e is silent: "ev'ry", "sev'ral"
		}
	}
	if len(w) >= 5 && hasPrefix(w, "busin") {
		d++ // "business": the i is silent
	}
	if len(w) >= 3 && hasPrefix(w, "eye") {
		d++ // "eye" is one syllable, though y sits between two vowels
	}
	return d
}

func bytesContains(w []byte, s string) bool {
	for i := 0; i+len(s) <= len(w); i++ {
		if string(w[i:i+len(s)]) == s {
			return true
		}
	}
	return false
}
