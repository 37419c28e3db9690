package web

import (
	"sort"
	"unicode/utf8"

	"github.com/coprod/coprod/readability"
)

// markSegment is a run of the checked text: plain, or marked as the span of
// one or more issues. Numbers are shown beside every mark, so a mark never
// relies on colour alone.
type markSegment struct {
	Text    string
	Marked  bool
	Numbers []int // issue numbers (1-based) of the issues this mark shows
}

// markText cuts text into segments so each issue's span is marked once.
// An issue overlapping an earlier mark adds its number to that mark rather
// than nesting marks, which screen readers announce poorly.
func markText(text string, issues []readability.Issue) []markSegment {
	order := make([]int, len(issues))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return issues[order[a]].Start < issues[order[b]].Start })
	var segs []markSegment
	pos := 0
	for _, i := range order {
		is := issues[i]
		start, end := clampSpan(text, is.Start, is.End)
		if start < pos && len(segs) > 0 && segs[len(segs)-1].Marked {
			last := &segs[len(segs)-1]
			last.Numbers = append(last.Numbers, i+1)
			continue
		}
		if start < pos {
			start = pos
		}
		if start > pos {
			segs = append(segs, markSegment{Text: text[pos:start]})
		}
		segs = append(segs, markSegment{Text: text[start:end], Marked: true, Numbers: []int{i + 1}})
		pos = end
	}
	if pos < len(text) {
		segs = append(segs, markSegment{Text: text[pos:]})
	}
	return segs
}

// clampSpan keeps a span inside the text and on character boundaries, so a
// bad offset can never cut a character in half or panic.
func clampSpan(text string, start, end int) (int, int) {
	start = max(0, min(start, len(text)))
	end = max(start, min(end, len(text)))
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return start, end
}
