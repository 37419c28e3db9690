package decimal

import (
	"errors"
	"math/big"
	"regexp"
	"strings"
	"testing"
)

// grammar is the rules of the package comment as a regular expression
// (RE2's \d is ASCII 0–9), written apart from the parser to check it.
var grammar = regexp.MustCompile(`^[+-]?(\d+(\.\d+)?|\.\d+)([eE]([+-]?)(\d+))?$`)

// FuzzParse checks the parser against the grammar and the limits worked
// out independently, its values against big.Rat's own reading of the same
// text, and that every value read comes back from its full decimal form.
// The seed corpus is in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Parse(s)
		m := grammar.FindStringSubmatch(s)
		if m == nil || len(s) > MaxLen {
			if err == nil {
				t.Fatalf("%q accepted as %s; it breaks the grammar or is over %d bytes", s, r.RatString(), MaxLen)
			}
			return
		}
		mantissa, expDigits := m[1], strings.TrimLeft(m[5], "0")
		sig := strings.Trim(strings.Replace(mantissa, ".", "", 1), "0")
		switch {
		case len(expDigits) > 2 || len(expDigits) == 2 && expDigits > "30":
			if !errors.Is(err, ErrExponent) {
				t.Fatalf("%q: got %v, want ErrExponent", s, err)
			}
			return
		case len(sig) > MaxDigits:
			if !errors.Is(err, ErrTooManyDigits) {
				t.Fatalf("%q: got %v, want ErrTooManyDigits", s, err)
			}
			return
		case err != nil:
			t.Fatalf("%q follows the rules but was refused: %v", s, err)
		}
		want, ok := new(big.Rat).SetString(s)
		if !ok || want.Cmp(r) != 0 {
			t.Fatalf("%q parsed to %s; big.Rat reads %v", s, r.RatString(), want)
		}
		// the value in full, with as many decimal places as it needs
		places := 0
		for d := new(big.Rat).Set(r); !d.IsInt(); d.Mul(d, big.NewRat(10, 1)) {
			places++
		}
		full := r.FloatString(places)
		if len(full) > MaxLen {
			return
		}
		back, err := Parse(full)
		if err != nil || back.Cmp(r) != 0 {
			t.Fatalf("%q: its full form %s read back as %v, %v", s, full, back, err)
		}
	})
}
