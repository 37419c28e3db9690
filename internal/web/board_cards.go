package web

import (
	"strings"
	"unicode/utf8"
)

// boardCard is one item in the board's list, led by what was said, with
// what was promised cut short: the item's own page has the rest. Short
// cards keep a page of the board to a screen or two instead of metres.
type boardCard struct {
	flaggedItem
	Lead    string // what was said, shortened; "" when hidden
	Promise string // what was promised, shortened; "" when nothing was
}

// How much of what was said, and of what was promised, a card shows.
const (
	boardLeadChars    = 160
	boardPromiseChars = 120
	boardPageSize     = 10
)

func boardCards(items []flaggedItem) []boardCard {
	out := make([]boardCard, len(items))
	for i, it := range items {
		out[i] = boardCard{flaggedItem: it}
		if !it.Withdrawn {
			out[i].Lead = shorten(it.Said, boardLeadChars)
		}
		if it.Commitment != nil {
			out[i].Promise = shorten(it.Commitment.What, boardPromiseChars)
		}
	}
	return out
}

// shorten cuts s to at most n characters at the end of a word, marking
// the cut with an ellipsis; s is returned whole when it fits.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := string([]rune(s)[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.–-") + "…"
}
