package readability

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// Issue is one problem found, located in the original text.
type Issue struct {
	Rule string `json:"rule"`
	// Line and Column are 1-based; Column counts characters (runes). For
	// DOCX and ODT, Line is the paragraph number and Column counts within
	// the paragraph.
	Line   int `json:"line"`
	Column int `json:"column"`
	// Start and End are byte offsets of the span: into the source for
	// plain text, Markdown and HTML; into Report.Text for DOCX and ODT.
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is the exact span flagged, as it appears at Start:End.
	Text       string `json:"text"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion"`
	// Explanation says why the rule matters; it is the same for every
	// issue of a rule, so JSON carries it once per rule, in Report.Rules.
	Explanation string `json:"-"`
}

// RuleInfo is what a report says once about a rule, whatever the number
// of issues it found.
type RuleInfo struct {
	Explanation string `json:"explanation"`
}

// Report is the result of an analysis.
type Report struct {
	Format  Format  `json:"format"`
	Profile Profile `json:"profile"`
	Counts
	Scores []Score `json:"scores"`
	// ReadingAge repeats the UK reading age score, for convenience.
	ReadingAge float64 `json:"reading_age"`
	// AboveTarget is true when the reading age is above the profile's.
	AboveTarget bool `json:"above_target"`
	// ShortText is true when the text has under 100 words or under 3
	// sentences, so the scores are unreliable; Caveat says why.
	ShortText bool   `json:"short_text"`
	Caveat    string `json:"caveat"`
	// Sentences are the units found, as byte spans of Text.
	SentenceSpans []Span `json:"-"`
	// Text is the text analysed: the extracted text for HTML, Markdown,
	// DOCX and ODT. Issue offsets point into it for DOCX and ODT.
	Text string `json:"-"`
	// Rules explains each rule that found an issue, keyed by rule ID.
	Rules  map[string]RuleInfo `json:"rules"`
	Issues []Issue             `json:"issues"`
}

// Score returns the score with the given ID.
func (r *Report) Score(id string) (Score, bool) {
	for _, s := range r.Scores {
		if s.ID == id {
			return s, true
		}
	}
	return Score{}, false
}

// AnalyzeText analyses plain text.
func AnalyzeText(text string, p Profile) *Report {
	return analyzeDoc(plainDocument(text), FormatText, p)
}

// Analyze extracts the text of src in the given format and analyses it.
func Analyze(src []byte, format Format, p Profile) (*Report, error) {
	doc, err := extract(src, format)
	if err != nil {
		return nil, err
	}
	return analyzeDoc(doc, format, p), nil
}

// analyzer holds the per-document state that the rules share. Buffers
// are reused from sentence to sentence, so the analysis allocates little
// per word.
type analyzer struct {
	doc    *document
	text   string
	p      *Profile
	report *Report

	toks  []token
	low   []byte // lower-case forms of the sentence's tokens, back to back
	lowAt []int  // lowAt[i]:lowAt[i+1] is token i's lower-case form
	sent  Span

	en [len(ruleBits)]bool

	info  []wordInfo // per token of the sentence
	vocab map[string]wordInfo

	acronymsSeen    map[string]bool
	acronymsDefined map[string]bool
}

func analyzeDoc(doc *document, format Format, p Profile) *Report {
	if p.Rules == nil {
		p.Rules = map[string]bool{}
	}
	r := &Report{Format: format, Profile: p, Text: doc.text}
	a := &analyzer{doc: doc, text: doc.text, p: &p, report: r,
		acronymsSeen: map[string]bool{}, acronymsDefined: map[string]bool{},
		vocab: map[string]wordInfo{}}
	for k, id := range ruleBits {
		a.en[k] = p.Rules[id]
	}
	splitSentences(doc.text, a.sentence)
	c := r.Counts
	r.Scores = scores(c)
	if s, ok := r.Score("reading_age"); ok {
		r.ReadingAge = s.Value
	}
	r.AboveTarget = p.TargetReadingAge > 0 && r.ReadingAge > p.TargetReadingAge
	r.ShortText = c.Words < ShortTextWords || c.Sentences < ShortTextSentences
	r.Caveat = ShortTextCaveat
	sort.SliceStable(r.Issues, func(i, j int) bool { return r.Issues[i].Start < r.Issues[j].Start })
	r.Rules = map[string]RuleInfo{}
	for _, is := range r.Issues {
		r.Rules[is.Rule] = RuleInfo{Explanation: is.Explanation}
	}
	return r
}

// sentence counts one unit and runs the rules over it.
func (a *analyzer) sentence(s Span) {
	a.sent = s
	a.toks = a.toks[:0]
	a.low = a.low[:0]
	a.lowAt = append(a.lowAt[:0], 0)
	scanWords(a.text, s.Start, s.End, func(t token) {
		a.toks = append(a.toks, t)
		a.low = appendLower(a.low, a.text[t.start:t.end])
		a.lowAt = append(a.lowAt, len(a.low))
	})
	if len(a.toks) == 0 {
		return
	}
	r := a.report
	r.SentenceSpans = append(r.SentenceSpans, s)
	r.Sentences++
	a.info = a.info[:0]
	for i := range a.toks {
		t := &a.toks[i]
		wi := a.lookupInfo(i)
		a.info = append(a.info, wi)
		r.Words++
		r.Letters += t.letters
		r.Characters += t.chars
		r.Syllables += int(wi.syl)
		if wi.syl >= 3 {
			r.Polysyllables++
			// Gunning leaves out proper nouns: capitalised, not first
			if wi.flags&fComplex != 0 && !(i > 0 && t.upper > 0 && t.lowers > 0) {
				r.ComplexWords++
			}
		}
	}
	a.runRules()
}

// lw returns token i's lower-case form. The string shares no memory with
// the buffer only when converted; callers compare or look it up in maps,
// which Go does without allocating.
func (a *analyzer) lw(i int) []byte { return a.low[a.lowAt[i]:a.lowAt[i+1]] }

func (a *analyzer) word(i int) string { return a.text[a.toks[i].start:a.toks[i].end] }

// foldBytes is foldWord for an already lower-cased byte slice.
func foldBytes(w []byte, dst []byte) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' {
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(w[i:])
		if r >= 0xC0 && r <= 0xFF {
			if f := latin1Fold[r-0xC0]; f != 0 {
				dst = append(dst, f)
			}
		}
		i += n
	}
	return dst
}

// appendLower appends the lower-case form of s, with ’ folded to '.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\u2019' {
			dst = append(dst, '\'')
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += n
	}
	return dst
}

// issue records a problem found at text[start:end].
func (a *analyzer) issue(rule string, start, end int, message, suggestion string) {
	s, e := a.doc.srcStart(start), a.doc.srcEnd(end)
	if e < s {
		e = s
	}
	line, col := a.doc.position(s)
	a.report.Issues = append(a.report.Issues, Issue{
		Rule: rule, Line: line, Column: col, Start: s, End: e,
		Text: a.doc.source[s:e], Message: message, Suggestion: suggestion,
		Explanation: ruleExplanations[rule],
	})
}

// ruleExplanations say, for each rule, why it matters.
var ruleExplanations = map[string]string{
	RuleSentenceTooLong:     "Long sentences are hard to follow, especially for people reading in a second language, with a learning disability or with a screen reader. Most readers understand sentences of 15 to 20 words best.",
	RulePassiveVoice:        "Passive sentences hide who does what. Active sentences are shorter and say clearly who is responsible.",
	RuleWordyPhrase:         "Long-winded phrases make people read more to learn the same thing.",
	RuleJargon:              "Health and care terms that professionals use every day can shut out the people the letter is for.",
	RuleUnexpandedAcronym:   "Not everyone knows what the letters stand for. Write it out in full the first time, with the short form after it in brackets.",
	RuleNumberAsWord:        "Numerals are quicker to read and easier to spot than numbers written in words.",
	RuleTimeFormat:          "The 24-hour clock, \"hrs\" and \"12 noon\" are harder to read than the 12-hour clock with am and pm, \"midday\" and \"midnight\".",
	RuleAllCaps:             "Text in capital letters is harder to read, because words lose their shape, and it can feel like shouting.",
	RuleNegativeContraction: "Negative contractions like \"can't\" and \"don't\" are easy to misread as the positive. Write them in full.",
	RuleLongWords:           "Long words are harder to read and often have a shorter everyday word that means the same.",
	RuleOneIdea:             "Easy Read gives one idea per sentence, so that each sentence can be read and understood on its own.",
	RuleAmbiguousDate:       "A date in numbers can be read two ways: 03/04/2026 is 3 April in the UK and March 4 in the US.",
}

// isCapitalised reports whether s starts with an upper-case letter.
func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
