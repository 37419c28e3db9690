package readability

import (
	"fmt"
	"strconv"
)

// runRules runs every enabled rule over the current sentence.
func (a *analyzer) runRules() {
	p := a.p
	if a.en[bitSentenceTooLong] && p.MaxSentenceWords > 0 && len(a.toks) > p.MaxSentenceWords {
		a.issue(RuleSentenceTooLong, a.sent.Start, a.sent.End,
			fmt.Sprintf("This sentence has %d words. Aim for %d or fewer.", len(a.toks), p.MaxSentenceWords),
			"Split it into shorter sentences, with one point in each.")
	}
	if a.en[bitOneIdea] {
		a.ruleOneIdea()
	}
	if a.en[bitPassiveVoice] {
		a.rulePassive()
	}
	if a.en[bitWordyPhrase] {
		a.matchPhrases(wordyIndex, RuleWordyPhrase, fWordy)
	}
	if a.en[bitJargon] {
		a.matchPhrases(jargonIndex, RuleJargon, fJargon)
	}
	caps := a.en[bitAllCaps]
	acr := a.en[bitUnexpandedAcronym]
	if caps || acr {
		a.ruleCapitals(caps, acr)
	}
	for i := range a.toks {
		t := &a.toks[i]
		f := a.info[i].flags
		if t.number {
			if a.en[bitTimeFormat] {
				a.ruleTimeNumber(i)
			}
			if a.en[bitAmbiguousDate] {
				a.ruleDate(i)
			}
			continue
		}
		if f&fHrs != 0 && a.en[bitTimeFormat] {
			a.ruleTimeWord(i)
		}
		if f&fNumberWord != 0 && a.en[bitNumberAsWord] {
			a.ruleNumberWord(i)
		}
		if f&fNegative != 0 && a.en[bitNegativeContraction] {
			if full, ok := negativeContractions[string(a.lw(i))]; ok {
				a.issue(RuleNegativeContraction, t.start, t.end,
					fmt.Sprintf("%q is a negative contraction.", a.word(i)),
					fmt.Sprintf("Write %q.", matchCase(a.word(i), full)))
			}
		}
		if a.en[bitLongWords] && p.LongWordSyllables > 0 && int(a.info[i].syl) >= p.LongWordSyllables {
			a.ruleLongWord(i)
		}
	}
}

// matchCase gives s a capital first letter when like has one.
func matchCase(like, s string) string {
	if isCapitalised(like) && s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

func (a *analyzer) ruleLongWord(i int) {
	t := &a.toks[i]
	if t.upper > 0 && (i > 0 || t.upper == t.letters) {
		return // names and acronyms are not for shortening
	}
	n := int(a.info[i].syl)
	if a.info[i].flags&(fWordy|fJargon) != 0 {
		return // the wordy-phrase or jargon rule already offers a plainer word
	}
	a.issue(RuleLongWords, t.start, t.end,
		fmt.Sprintf("%q has %d syllables.", a.word(i), n),
		"Use a shorter, everyday word if there is one.")
}

// number words from two to ninety
var numberWords = map[string]int{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

var unitWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}

// numberWordValue returns the value of "two" to "ninety" (including
// "twenty-one"), or 0.
func numberWordValue(w []byte) int {
	if v, ok := numberWords[string(w)]; ok {
		return v
	}
	for k := 0; k < len(w); k++ {
		if w[k] == '-' {
			tens, ok1 := numberWords[string(w[:k])]
			unit, ok2 := unitWords[string(w[k+1:])]
			if ok1 && ok2 && tens >= 20 && tens%10 == 0 {
				return tens + unit
			}
			return 0
		}
	}
	return 0
}

func (a *analyzer) ruleNumberWord(i int) {
	v := numberWordValue(a.lw(i))
	if v == 0 {
		return
	}
	t := &a.toks[i]
	a.issue(RuleNumberAsWord, t.start, t.end,
		fmt.Sprintf("%q is a number written in words.", a.word(i)),
		fmt.Sprintf("Write %s.", strconv.Itoa(v)))
}

var negativeContractions = map[string]string{
	"can't": "cannot", "cannot't": "cannot", "don't": "do not", "doesn't": "does not",
	"didn't": "did not", "won't": "will not", "wouldn't": "would not", "shouldn't": "should not",
	"couldn't": "could not", "isn't": "is not", "aren't": "are not", "wasn't": "was not",
	"weren't": "were not", "haven't": "have not", "hasn't": "has not", "hadn't": "had not",
	"mustn't": "must not", "needn't": "need not", "shan't": "shall not", "mightn't": "might not",
	"ain't": "is not",
}
