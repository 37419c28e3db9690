package readability

// Each distinct word of a document is looked up once: its syllables and
// what the word-level rules need to know about it are cached in a
// per-analysis map, so that for every later occurrence the analysis does
// one map lookup instead of counting syllables and probing a dozen lists.
// This is what keeps the full analysis above 20 MB/s.

type wordInfo struct {
	syl   uint8
	flags uint16
}

const (
	fWordy      uint16 = 1 << iota // starts a wordy phrase
	fJargon                        // starts a jargon term
	fNegative                      // a negative contraction
	fNumberWord                    // two to ninety in words
	fBe                            // a form of "to be"
	fParticiple                    // a past participle
	fGap                           // may stand between "be" and a participle
	fJoiner                        // joins two ideas
	fHrs                           // "hrs"
	fComplex                       // 3+ syllables not only through -es/-ed/-ing, no hyphen
)

func (a *analyzer) lookupInfo(i int) wordInfo {
	w := a.lw(i)
	if a.toks[i].number {
		return wordInfo{syl: 1}
	}
	if wi, ok := a.vocab[string(w)]; ok {
		return wi
	}
	wi := computeInfo(w)
	if len(a.vocab) < 1<<20 { // bound memory on adversarial input
		a.vocab[string(w)] = wi
	}
	return wi
}

func computeInfo(w []byte) wordInfo {
	var wi wordInfo
	n := wordSyllables(w)
	if n > 255 {
		n = 255
	}
	wi.syl = uint8(n)
	s := string(w)
	if _, ok := wordyIndex[s]; ok {
		wi.flags |= fWordy
	}
	if _, ok := jargonIndex[s]; ok {
		wi.flags |= fJargon
	}
	if _, ok := negativeContractions[s]; ok {
		wi.flags |= fNegative
	}
	if numberWordValue(w) > 0 {
		wi.flags |= fNumberWord
	}
	if beForms[s] {
		wi.flags |= fBe
	}
	if isParticiple(w) {
		wi.flags |= fParticiple
	}
	if passiveGap[s] {
		wi.flags |= fGap
	}
	if ideaJoiners[s] {
		wi.flags |= fJoiner
	}
	if s == "hrs" {
		wi.flags |= fHrs
	}
	if n >= 3 && complexByForm(w, n) {
		wi.flags |= fComplex
	}
	return wi
}

// wordSyllables counts a lower-case word: hyphenated words are the sum of
// their parts.
func wordSyllables(w []byte) int {
	n, from := 0, 0
	for j := 0; j <= len(w); j++ {
		if j == len(w) || w[j] == '-' {
			part := w[from:j]
			if isASCII(part) {
				var buf [64]byte
				n += countFolded(foldBytes(part, buf[:0]))
			} else {
				n += Syllables(string(part)) // accents matter: "café"
			}
			from = j + 1
		}
	}
	if n == 0 {
		n = 1
	}
	return n
}

// complexByForm applies two of Gunning's exclusions: hyphenated compounds,
// and words that reach three syllables only through -es, -ed or -ing.
// (The third, proper nouns, depends on the token's case.)
func complexByForm(w []byte, syl int) bool {
	for _, c := range w {
		if c == '-' {
			return false
		}
	}
	for _, suf := range [...]string{"es", "ed", "ing"} {
		if len(w) > len(suf)+2 && string(w[len(w)-len(suf):]) == suf {
			var buf [64]byte
			if countFolded(foldBytes(w[:len(w)-len(suf)], buf[:0])) < 3 {
				return false
			}
		}
	}
	return true
}
