package qda

import (
	"sort"
	"unicode/utf8"
)

// pageBreak separates pages in a source's text: a paragraph break, so no
// unit runs from one page onto the next.
const pageBreak = "\n\n"

// JoinPages makes a source's text from a document's pages (as
// internal/pdftext reads them) and says where each page starts, counted in
// characters as positions are.
func JoinPages(pages []string) (string, []int) {
	var text []byte
	starts := make([]int, 0, len(pages))
	chars := 0
	for i, p := range pages {
		if i > 0 {
			text = append(text, pageBreak...)
			chars += len(pageBreak)
		}
		starts = append(starts, chars)
		text = append(text, p...)
		chars += utf8.RuneCountInString(p)
	}
	return string(text), starts
}

// Page is the page, from 1, that holds the character at pos; 0 for a
// source without pages.
func (s Source) Page(pos int) int { return pageOf(s.PageStarts, pos) }

func pageOf(starts []int, pos int) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > pos })
}

// pagesValid reports whether page starts fit a text of chars characters:
// the first at 0, each after the one before, none past the end.
func pagesValid(starts []int, chars int) bool {
	for i, s := range starts {
		if i == 0 && s != 0 || i > 0 && s <= starts[i-1] || s > chars {
			return false
		}
	}
	return true
}
