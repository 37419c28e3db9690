package web

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/readability"
)

func TestMarkTextNumbersEveryIssueOnce(t *testing.T) {
	t.Parallel()
	text := "In order to help, we will contact you ASAP."
	issues := []readability.Issue{
		{Rule: "wordy-phrase", Start: 0, End: 11},        // "In order to"
		{Rule: "unexpanded-acronym", Start: 38, End: 42}, // "ASAP"
		{Rule: "sentence-too-long", Start: 0, End: 43},   // the whole sentence overlaps the first mark
	}
	segs := markText(text, issues)
	var rebuilt strings.Builder
	var marks []string
	for _, s := range segs {
		rebuilt.WriteString(s.Text)
		if s.Marked {
			marks = append(marks, s.Text)
		}
	}
	if rebuilt.String() != text {
		t.Fatalf("segments do not rebuild the text: %q", rebuilt.String())
	}
	if len(marks) != 2 || marks[0] != "In order to" || marks[1] != "ASAP" {
		t.Fatalf("marks = %q", marks)
	}
	if n := segs[0].Numbers; len(n) != 2 || n[0] != 1 || n[1] != 3 {
		t.Fatalf("first mark numbers = %v, want [1 3]", n)
	}
}

func TestMarkTextSurvivesBadOffsets(t *testing.T) {
	t.Parallel()
	text := "Café opens at 9"
	segs := markText(text, []readability.Issue{{Start: 4, End: 99}, {Start: -3, End: 2}})
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	if b.String() != text {
		t.Fatalf("rebuilt %q", b.String())
	}
}
