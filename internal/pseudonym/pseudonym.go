// Package pseudonym replaces people's names in text by labels, such as a
// role ("Support worker") or a study's speaker label ("Supporter 1"), so
// research keeps no names. It is shared by the conversation-analysis
// studies and qualitative coding, which must agree on what counts as a
// name in text.
package pseudonym

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Replacer finds terms as whole words, ignoring case, and swaps each for
// its label.
type Replacer struct {
	re       *regexp.Regexp
	label    map[string]string // lower-cased term -> label
	fallback string
}

// New makes a Replacer from terms and their labels. Longer terms win over
// the shorter ones inside them ("Alex Smith" over "Alex"). fallback is the
// label for a match that case folding finds but lower-casing does not
// name, so no name is ever left in place.
func New(labels map[string]string, fallback string) *Replacer {
	r := &Replacer{label: map[string]string{}, fallback: fallback}
	for t, l := range labels {
		if t = strings.TrimSpace(t); t != "" {
			r.label[strings.ToLower(t)] = l
		}
	}
	if len(r.label) == 0 {
		return r
	}
	terms := make([]string, 0, len(r.label))
	for t := range r.label {
		terms = append(terms, t)
	}
	sort.Slice(terms, func(i, j int) bool {
		if len(terms[i]) != len(terms[j]) {
			return len(terms[i]) > len(terms[j])
		}
		return terms[i] < terms[j]
	})
	for i, t := range terms {
		terms[i] = regexp.QuoteMeta(t)
	}
	r.re = regexp.MustCompile(`(?i)` + strings.Join(terms, "|"))
	return r
}

// Text replaces every whole-word match in s.
func (r *Replacer) Text(s string) string { return r.replace(s, false) }

// Word replaces as Text does, writing a label of several words as one
// ("Supported_person", as CHAT writes multi-word names) so word counts do
// not change.
func (r *Replacer) Word(s string) string { return r.replace(s, true) }

// replace swaps every whole-word match; Go's \b knows only ASCII letters,
// so the edges are checked here with Unicode letters and digits.
func (r *Replacer) replace(s string, oneWord bool) string {
	if r.re == nil || s == "" {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range r.re.FindAllStringIndex(s, -1) {
		before, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		after, _ := utf8.DecodeRuneInString(s[m[1]:])
		if isWordRune(before) || isWordRune(after) {
			continue
		}
		label := r.labelOf(s[m[0]:m[1]])
		if oneWord {
			label = strings.ReplaceAll(label, " ", "_")
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(label)
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// labelOf finds the label of a match; Unicode case folding can match
// text whose lower case differs from the term's, hence the second look.
func (r *Replacer) labelOf(match string) string {
	if l, ok := r.label[strings.ToLower(match)]; ok {
		return l
	}
	for t, l := range r.label {
		if strings.EqualFold(t, match) {
			return l
		}
	}
	return r.fallback
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
