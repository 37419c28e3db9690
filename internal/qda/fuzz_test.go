package qda

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSplit checks, for any text, that units come in order without
// overlapping, lie within the text, start and end with a visible
// character, and leave out nothing but spaces: every character that is
// not a space is in a unit.
func FuzzSplit(f *testing.F) {
	f.Add("I use my wheelchair. Is the café open?  \"Yes!\" she said.\nNo full stop here\n\n  Second 😀 ends.")
	f.Add("...!?\n\n\n")
	f.Add("a.b. c")
	f.Add("\xff\xfe bad bytes. ok")
	f.Fuzz(func(t *testing.T, text string) {
		rs := []rune(text)
		for _, kind := range []UnitKind{Sentences, Paragraphs} {
			covered := make([]bool, len(rs))
			prev := 0
			for i, u := range Split(text, kind) {
				if u.Index != i || u.Start < prev || u.End <= u.Start || u.End > len(rs) {
					t.Fatalf("%s: unit %d at %d to %d after %d, in %d characters", kind, i, u.Start, u.End, prev, len(rs))
				}
				if unicode.IsSpace(rs[u.Start]) || unicode.IsSpace(rs[u.End-1]) {
					t.Fatalf("%s: unit %d starts or ends with a space", kind, i)
				}
				for j := u.Start; j < u.End; j++ {
					covered[j] = true
				}
				prev = u.End
			}
			for j, r := range rs {
				if !covered[j] && !unicode.IsSpace(r) {
					t.Fatalf("%s: character %d (%q) is in no unit", kind, j, r)
				}
			}
		}
		if utf8.ValidString(text) && len(Split(text, Sentences)) < len(Split(text, Paragraphs)) {
			t.Fatal("fewer sentences than paragraphs")
		}
	})
}
