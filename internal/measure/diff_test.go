package measure

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// rebuild joins the runs back into the old and the new text.
func rebuild(runs []DiffRun) (old, new string) {
	var a, b strings.Builder
	for _, r := range runs {
		if r.Op != Insert {
			a.WriteString(r.Text)
		}
		if r.Op != Delete {
			b.WriteString(r.Text)
		}
	}
	return a.String(), b.String()
}

func TestDiffWords(t *testing.T) {
	for _, c := range []struct {
		old, new string
		want     []DiffRun
	}{
		{"", "", nil},
		{"same text.", "same text.", []DiffRun{{Equal, "same text."}}},
		{"", "new", []DiffRun{{Insert, "new"}}},
		{"old", "", []DiffRun{{Delete, "old"}}},
		// A changed phrase is one removal then one addition, not alternating words.
		{"the quick brown fox", "the slow red fox", []DiffRun{
			{Equal, "the "}, {Delete, "quick brown"}, {Insert, "slow red"}, {Equal, " fox"}}},
		// Punctuation is a token of its own; whole words change, not letters.
		{"Seen within 6 weeks.", "Seen within 4 weeks!", []DiffRun{
			{Equal, "Seen within "}, {Delete, "6"}, {Insert, "4"}, {Equal, " weeks"}, {Delete, "."}, {Insert, "!"}}},
		// An apostrophe inside a word keeps it whole.
		{"we don't know", "we do know", []DiffRun{{Equal, "we "}, {Delete, "don't"}, {Insert, "do"}, {Equal, " know"}}},
		// An added sentence, with its line break kept.
		{"Aims.\nBe kind.", "Aims.\nBe kind. Listen.", []DiffRun{{Equal, "Aims.\nBe kind."}, {Insert, " Listen."}}},
	} {
		got := DiffWords(c.old, c.new)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("DiffWords(%q, %q) =\n %q\nwant\n %q", c.old, c.new, got, c.want)
		}
	}
}

func TestDiffTextMarkersAndStats(t *testing.T) {
	runs := DiffWords("People wait 12 weeks for help.", "People wait 4 weeks for help from a named worker.")
	if got := DiffText(runs); got != "People wait [-12-]{+4+} weeks for help{+ from a named worker+}." {
		t.Errorf("DiffText = %q", got)
	}
	if rem, add := DiffStats(runs); rem != 1 || add != 5 {
		t.Errorf("DiffStats = %d removed, %d added; want 1, 5", rem, add)
	}
}

// lcsLength is the textbook dynamic programme, to check the diff is minimal.
func lcsLength(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestDiffIsMinimalAndReversible(t *testing.T) {
	words := []string{"a", "b", "c", "care", "plan", ".", " ", " ", "\n"}
	rng := rand.New(rand.NewPCG(1, 2))
	gen := func() string {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(words[rng.IntN(len(words))])
		}
		return b.String()
	}
	for range 2000 {
		a, b := gen(), gen()
		ta, tb := tokenize(a), tokenize(b)
		ids := map[string]int32{}
		in := func(ts []string) []int32 {
			out := make([]int32, len(ts))
			for i, t := range ts {
				if _, ok := ids[t]; !ok {
					ids[t] = int32(len(ids))
				}
				out[i] = ids[t]
			}
			return out
		}
		delA, _ := lcsMarks(in(ta), in(tb))
		kept := 0
		for _, d := range delA {
			if !d {
				kept++
			}
		}
		if want := lcsLength(ta, tb); kept != want {
			t.Fatalf("%q vs %q: kept %d tokens, LCS is %d", a, b, kept, want)
		}
		old, new := rebuild(DiffWords(a, b))
		if old != a || new != b {
			t.Fatalf("%q vs %q: rebuilt %q, %q", a, b, old, new)
		}
	}
}

func TestDiffCostLimitStaysCorrect(t *testing.T) {
	// With a tiny cost limit the comparison is not minimal, but the marks
	// must still describe a valid edit: the kept tokens match in order.
	rng := rand.New(rand.NewPCG(3, 3))
	for range 2000 {
		n, m := rng.IntN(40), rng.IntN(40)
		a, b := make([]int32, n), make([]int32, m)
		for i := range a {
			a[i] = int32(rng.IntN(4))
		}
		for i := range b {
			b[i] = int32(rng.IntN(4))
		}
		delA, insB := lcsMarksLimit(a, b, rng.IntN(3))
		var keptA, keptB []int32
		for i, d := range delA {
			if !d {
				keptA = append(keptA, a[i])
			}
		}
		for j, ins := range insB {
			if !ins {
				keptB = append(keptB, b[j])
			}
		}
		if !reflect.DeepEqual(keptA, keptB) {
			t.Fatalf("a=%v b=%v: kept %v and %v", a, b, keptA, keptB)
		}
	}
}
