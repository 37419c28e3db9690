package qda

import (
	"slices"
	"strings"
	"testing"
)

// Positions are characters, not bytes: "Página" has a two-byte letter.
func TestJoinPagesKeepsWhereEachPageStarts(t *testing.T) {
	text, starts := JoinPages([]string{"Page one.", "", "Página três."})
	if text != "Page one.\n\n\n\nPágina três." {
		t.Errorf("text %q", text)
	}
	if want := []int{0, 11, 13}; !slices.Equal(starts, want) {
		t.Fatalf("starts %v, want %v", starts, want)
	}
	src := Source{Text: text, PageStarts: starts}
	for pos, want := range map[int]int{0: 1, 8: 1, 10: 1, 11: 2, 12: 2, 13: 3, 24: 3} {
		if got := src.Page(pos); got != want {
			t.Errorf("Page(%d) = %d, want %d", pos, got, want)
		}
	}
	if got := (Source{Text: text}).Page(5); got != 0 {
		t.Errorf("a source without pages gave page %d", got)
	}
	// No unit runs across a page break, as sentences or as paragraphs.
	text, starts = JoinPages([]string{"It ends here", "and this is another page"})
	for _, kind := range []UnitKind{Sentences, Paragraphs} {
		for _, u := range Split(text, kind) {
			if src := (Source{PageStarts: starts}); src.Page(u.Start) != src.Page(u.End-1) {
				t.Errorf("%s unit %d runs from page %d to %d", kind, u.Index, src.Page(u.Start), src.Page(u.End-1))
			}
		}
	}
}

func TestSourcePagesMustFitTheText(t *testing.T) {
	for _, starts := range [][]int{{1}, {0, 0}, {0, 5, 3}, {0, 99}} {
		n := NewSource{ProjectID: "p", Title: "Policy", Text: "Short text.", ConsentNote: "Published", PageStarts: starts}
		if err := n.Validate(); err == nil || !strings.Contains(err.Error(), "pages") {
			t.Errorf("starts %v: %v", starts, err)
		}
	}
}

func TestNamesReplacedByRolesBeforeStoring(t *testing.T) {
	rs, err := ParseReplacements("Sam Jones = support worker\r\n\nSam = support worker\nJo = the person supported\n")
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"Sam Jones met Jo.", "Then SAM left; Jo's sister Joanna stayed."}
	text, starts := JoinPages(pages)
	n := NewSource{ProjectID: "p", Title: "Narrative", Text: text, PageStarts: starts, ConsentNote: "Signed", Replacements: rs}
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	want := "support worker met the person supported.\n\nThen support worker left; the person supported's sister Joanna stayed."
	if n.Text != want || !n.NamesReplaced {
		t.Errorf("got %q (names replaced %v), want %q", n.Text, n.NamesReplaced, want)
	}
	// The second page now starts 42 characters in: 40 of page one and the break.
	if !slices.Equal(n.PageStarts, []int{0, 42}) {
		t.Errorf("page starts %v, want [0 42]", n.PageStarts)
	}
	// Text without pages is replaced too.
	plain := NewSource{ProjectID: "p", Title: "Narrative", Text: "I rang Sam.", ConsentNote: "Signed", Replacements: rs}
	if err := plain.Validate(); err != nil || plain.Text != "I rang support worker." || plain.PageStarts != nil {
		t.Errorf("got %q, %v, %v", plain.Text, plain.PageStarts, err)
	}
}

func TestReplacementListProblemsNameTheLine(t *testing.T) {
	_, err := ParseReplacements("Sam Jones support worker\nJ = someone\nAlex =\n" + strings.Repeat("x", 101) + " = role")
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"Line 1 needs an equals sign", "Line 2 needs a name of at least 2 letters", "Line 3 needs a role", "Line 4 is too long"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q is not in %q", want, err)
		}
	}
	if rs, err := ParseReplacements("  \n"); err != nil || rs != nil {
		t.Errorf("an empty list: %v, %v", rs, err)
	}
}
