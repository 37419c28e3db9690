package readability

import (
	"fmt"
	"strings"
)

// Acronyms so widely known that GOV.UK style does not expand them.
var knownAcronyms = map[string]bool{
	"UK": true, "NHS": true, "OK": true, "TV": true, "BBC": true, "EU": true, "US": true,
	"USA": true, "ID": true, "PIN": true, "DVD": true, "PDF": true, "GP": true, "GPS": true,
	"AM": true, "PM": true, "ITV": true, "CD": true, "IT": true, "I": true, "A": true,
}

// isAllCapsWord: every letter upper case, and at least two letters.
func isAllCapsWord(t *token) bool {
	return !t.number && t.letters >= 2 && t.upper == t.letters
}

// ruleCapitals flags runs of capitals (all-caps) and acronyms that are not
// written out the first time they are used (unexpanded-acronym).
//
// An all-caps run is two or more all-capital words in a row with at least
// one of four letters or more ("PLEASE BRING THIS LETTER"), or one
// all-capital word of seven letters or more. Other all-capital words of
// two to six letters (with an optional plural "s": "GPs") are acronyms.
// An acronym counts as expanded when it appears in brackets after words
// ("Care Quality Commission (CQC)") or just before a bracket ("CQC (Care
// Quality Commission)"); either way it may then be used freely.
func (a *analyzer) ruleCapitals(caps, acr bool) {
	for i := 0; i < len(a.toks); i++ {
		t := &a.toks[i]
		word := a.word(i)
		plural := false
		if !t.number && t.letters >= 3 && t.upper == t.letters-1 && strings.HasSuffix(word, "s") {
			plural = true
		}
		if !isAllCapsWord(t) && !plural {
			continue
		}
		// a run of capitals
		j := i
		long := false
		for j < len(a.toks) && isAllCapsWord(&a.toks[j]) {
			if a.toks[j].letters >= 4 {
				long = true
			}
			j++
		}
		if !plural && (j-i >= 2 && long || j-i == 1 && t.letters >= 7) {
			if caps {
				start, end := t.start, a.toks[j-1].end
				a.issue(RuleAllCaps, start, end,
					fmt.Sprintf("%q is in capital letters.", a.text[start:end]),
					"Use normal sentence case. Use bold for emphasis if you need it.")
			}
			i = j - 1
			continue
		}
		key := word
		if plural {
			key = word[:len(word)-1]
		}
		if len(key) > 6 || knownAcronyms[key] {
			continue
		}
		before := a.text[a.sent.Start:t.start]
		after := a.text[t.end:a.sent.End]
		if strings.HasSuffix(strings.TrimRight(before, " "), "(") && i > 0 ||
			strings.HasPrefix(strings.TrimLeft(after, " "), "(") {
			a.acronymsDefined[key] = true
		}
		if !acr || a.acronymsDefined[key] || a.acronymsSeen[key] {
			continue
		}
		a.acronymsSeen[key] = true
		a.issue(RuleUnexpandedAcronym, t.start, t.end,
			fmt.Sprintf("%q is not written out in full.", word),
			fmt.Sprintf("Write it out the first time, with %q in brackets after it.", key))
	}
}
