package readability_test

import (
	"fmt"

	"github.com/coprod/coprod/readability"
)

func ExampleAnalyzeText() {
	r := readability.AnalyzeText("Dear Ms Patel,\n\nPlease come at 14:30 in order to see Dr Khan.", readability.Plain())
	fmt.Println(r.Sentences, "sentences,", r.Words, "words")
	for _, is := range r.Issues {
		fmt.Printf("%d:%d %s %q: %s\n", is.Line, is.Column, is.Rule, is.Text, is.Suggestion)
	}
	// Output:
	// 2 sentences, 13 words
	// 3:16 time-format "14:30": Write 2:30pm.
	// 3:22 wordy-phrase "in order to": Try "to".
}

func ExampleSyllables() {
	for _, w := range []string{"cat", "table", "appointment", "medication"} {
		fmt.Println(w, readability.Syllables(w))
	}
	// Output:
	// cat 1
	// table 2
	// appointment 3
	// medication 4
}

func ExampleSentences() {
	text := "Dear Dr Jones,\nYour visit is at 10.30am. Bring e.g. your tablets."
	for _, s := range readability.Sentences(text) {
		fmt.Println(text[s.Start:s.End])
	}
	// Output:
	// Dear Dr Jones,
	// Your visit is at 10.30am.
	// Bring e.g. your tablets.
}
