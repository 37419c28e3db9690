package readability

import (
	"fmt"
	"strings"
)

// phrase is an entry of the wordy-phrase or jargon list.
type phrase struct {
	words       []string // lower case
	alternative string
	explanation string // jargon only: what the term means
}

// phraseIndex maps a first word to the phrases that start with it,
// longest first, so that the longest match wins.
type phraseIndex map[string][]phrase

func buildIndex(entries [][3]string) phraseIndex {
	idx := phraseIndex{}
	for _, e := range entries {
		ws := strings.Fields(strings.ToLower(e[0]))
		idx[ws[0]] = append(idx[ws[0]], phrase{ws, e[1], e[2]})
	}
	for k, ps := range idx {
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		idx[k] = ps
	}
	return idx
}

// matchPhrases flags every phrase of idx in the sentence.
func (a *analyzer) matchPhrases(idx phraseIndex, rule string, flag uint16) {
	for i := 0; i < len(a.toks); i++ {
		if a.info[i].flags&flag == 0 {
			continue
		}
		cands, ok := idx[string(a.lw(i))]
		if !ok {
			continue
		}
		for _, ph := range cands {
			n := len(ph.words)
			if i+n > len(a.toks) {
				continue
			}
			match := true
			for k := 1; k < n; k++ {
				if string(a.lw(i+k)) != ph.words[k] || !onlySpaceBetween(a.text[a.toks[i+k-1].end:a.toks[i+k].start]) {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			start, end := a.toks[i].start, a.toks[i+n-1].end
			found := a.text[start:end]
			if rule == RuleJargon {
				a.issue(rule, start, end, fmt.Sprintf("%q is jargon: %s.", found, ph.explanation), jargonSuggestion(ph.alternative))
			} else {
				a.issue(rule, start, end, fmt.Sprintf("%q is wordy.", found), wordySuggestion(found, ph.alternative))
			}
			i += n - 1
			break
		}
	}
}

// wordySuggestion offers the plainer words, or, for a phrase that adds
// nothing ("please note that", "hereby"), leaving it out: never an empty
// "Try """.
func wordySuggestion(found, alternative string) string {
	if strings.TrimSpace(alternative) == "" {
		return fmt.Sprintf("Leave out %q: the sentence says the same without it.", found)
	}
	return fmt.Sprintf("Try %q.", matchCase(found, alternative))
}

// jargonSuggestion offers an everyday term when the list has one, and
// otherwise asks for the term to be explained.
func jargonSuggestion(alternative string) string {
	if strings.TrimSpace(alternative) == "" {
		return "Explain the term in everyday words."
	}
	return fmt.Sprintf("Try %q, or explain the term.", alternative)
}

// onlySpaceBetween allows phrases to match across spaces and line breaks
// but not across punctuation ("in order, to" is not "in order to").
func onlySpaceBetween(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpaceByte(s[i]) {
			return false
		}
	}
	return true
}

var wordyIndex = buildIndex(wordyPhrases)
var jargonIndex = buildIndex(jargonTerms)
