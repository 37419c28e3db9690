package tender

import (
	"math/big"
	"strings"
	"testing"
)

// FuzzParseDecimal checks that the parser never panics or hangs, that it
// refuses long input, and that whatever it accepts survives a round trip
// through its exact string form.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"12.5", "-0.25", "1/3", ".5", "1e2", "125E-3", "20%", "5.", "1e999999999", "0/0", " 7 / -14 ", "+-1", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseDecimal(s)
		if err != nil {
			return
		}
		if len(strings.TrimSpace(s)) > maxDecimalLen {
			t.Fatalf("accepted %d bytes", len(s))
		}
		// The exact form must mean the same number. A large exponent can
		// make it longer than the parser accepts, so check it with big.Rat.
		want, ok := new(big.Rat).SetString(r.String())
		if !ok || want.Cmp(r.Big()) != 0 {
			t.Fatalf("%q parsed to %s, which means %v", s, r, want)
		}
		if out := r.String(); len(out) <= maxDecimalLen {
			back, err := ParseDecimal(out)
			if err != nil || !back.Equal(r) {
				t.Fatalf("%q: round trip through %s gave %v, %v", s, out, back, err)
			}
		}
		p, err := ParsePercent(s + "%")
		if err != nil || !p.Equal(r) {
			t.Fatalf("%q: ParsePercent with %% = %v, %v", s, p, err)
		}
	})
}
