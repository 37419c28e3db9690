package measure

import "strings"

// DiffOp says what happened to a run of text between two versions.
type DiffOp string

// Diff operations. Templates render Insert as <ins> and Delete as <del>
// with a visually hidden "added:"/"removed:" prefix, never by colour alone.
const (
	Equal  DiffOp = "equal"
	Insert DiffOp = "insert"
	Delete DiffOp = "delete"
)

// DiffRun is a stretch of text that is unchanged, added or removed.
type DiffRun struct {
	Op   DiffOp
	Text string
}

// DiffWords compares two texts word by word. Joining the Equal and Delete
// runs gives back old; joining the Equal and Insert runs gives back new.
// White space and punctuation are kept, so the runs can be rendered as
// they were written. Where several words in a row changed, the removed
// words come as one Delete run followed by one Insert run ("the quick
// brown" → "the slow red" gives equal "the ", delete "quick brown",
// insert "slow red"), which reads better than word-by-word alternation.
func DiffWords(old, new string) []DiffRun {
	if old == new {
		if old == "" {
			return nil
		}
		return []DiffRun{{Equal, old}}
	}
	ta, tb := tokenize(old), tokenize(new)
	ids := map[string]int32{}
	intern := func(toks []string) []int32 {
		out := make([]int32, len(toks))
		for i, t := range toks {
			id, ok := ids[t]
			if !ok {
				id = int32(len(ids))
				ids[t] = id
			}
			out[i] = id
		}
		return out
	}
	delA, insB := lcsMarks(intern(ta), intern(tb))

	// Walk both token lists together. Tokens are consecutive substrings
	// of their text, so a run is a slice of old or new: no copying.
	offA, offB := tokenOffsets(ta), tokenOffsets(tb)
	var runs []DiffRun
	i, j := 0, 0
	for i < len(ta) || j < len(tb) {
		switch {
		case i < len(ta) && delA[i]:
			i0 := i
			for i < len(ta) && delA[i] {
				i++
			}
			runs = append(runs, DiffRun{Delete, old[offA[i0]:offA[i]]})
		case j < len(tb) && insB[j]:
			j0 := j
			for j < len(tb) && insB[j] {
				j++
			}
			runs = append(runs, DiffRun{Insert, new[offB[j0]:offB[j]]})
		default:
			i0 := i
			for i < len(ta) && j < len(tb) && !delA[i] && !insB[j] {
				i++
				j++
			}
			runs = append(runs, DiffRun{Equal, old[offA[i0]:offA[i]]})
		}
	}
	return tidyRuns(runs)
}

// tokenOffsets returns the byte offset of each token and, last, the end.
func tokenOffsets(toks []string) []int {
	off := make([]int, len(toks)+1)
	for i, t := range toks {
		off[i+1] = off[i] + len(t)
	}
	return off
}

// tidyRuns makes the comparison readable: white space left unchanged
// between two changes is folded into them, so a changed phrase shows as
// one removal and one addition, and within each change the removal comes
// before the addition.
func tidyRuns(runs []DiffRun) []DiffRun {
	var out []DiffRun
	var del, ins strings.Builder
	flush := func() {
		if del.Len() > 0 {
			out = append(out, DiffRun{Delete, del.String()})
			del.Reset()
		}
		if ins.Len() > 0 {
			out = append(out, DiffRun{Insert, ins.String()})
			ins.Reset()
		}
	}
	for k, r := range runs {
		switch r.Op {
		case Delete:
			del.WriteString(r.Text)
		case Insert:
			ins.WriteString(r.Text)
		case Equal:
			inChange := del.Len()+ins.Len() > 0
			nextChanges := k+1 < len(runs) && runs[k+1].Op != Equal
			if inChange && nextChanges && strings.TrimSpace(r.Text) == "" {
				del.WriteString(r.Text)
				ins.WriteString(r.Text)
				continue
			}
			flush()
			out = append(out, r)
		}
	}
	flush()
	return out
}

// DiffText renders runs as plain text with markers that do not depend on
// colour or on HTML: [-removed-] and {+added+}, the convention of wdiff.
// For Markdown exports and terminals.
func DiffText(runs []DiffRun) string {
	var b strings.Builder
	for _, r := range runs {
		switch r.Op {
		case Equal:
			b.WriteString(r.Text)
		case Delete:
			b.WriteString("[-" + r.Text + "-]")
		case Insert:
			b.WriteString("{+" + r.Text + "+}")
		}
	}
	return b.String()
}

// DiffStats counts the words removed and added, for a summary line such
// as "12 words removed, 30 added".
func DiffStats(runs []DiffRun) (removed, added int) {
	for _, r := range runs {
		n := 0
		for _, t := range tokenize(r.Text) {
			if isWordRune([]rune(t)[0]) {
				n++
			}
		}
		switch r.Op {
		case Delete:
			removed += n
		case Insert:
			added += n
		}
	}
	return removed, added
}
