package readability

import (
	"strings"
	"testing"
)

// Issue 14: the letter checker suggested `Try ""` for a phrase whose
// plainer version is nothing at all. Every entry of both lists, used in a
// sentence, gets a suggestion that says something.
func TestNoEmptySuggestion(t *testing.T) {
	lists := []struct {
		rule    string
		entries [][3]string
	}{{RuleWordyPhrase, wordyPhrases}, {RuleJargon, jargonTerms}}
	for _, l := range lists {
		p := only(l.rule, Plain())
		for _, e := range l.entries {
			text := "We said " + e[0] + " yesterday."
			is := issuesOf(text, p)
			if len(is) == 0 {
				t.Errorf("%s: %q not flagged in %q", l.rule, e[0], text)
				continue
			}
			for _, i := range is {
				if s := strings.TrimSpace(i.Suggestion); s == "" || strings.Contains(s, `""`) {
					t.Errorf("%s: %q gets the suggestion %q", l.rule, e[0], i.Suggestion)
				}
			}
		}
	}
	// A phrase that adds nothing is to be left out, in the writer's case.
	is := issuesOf("Please note that the clinic is closed.", only(RuleWordyPhrase, Plain()))
	if len(is) != 1 || is[0].Suggestion != `Leave out "Please note that": the sentence says the same without it.` {
		t.Fatalf("please note that: %+v", is)
	}
}
