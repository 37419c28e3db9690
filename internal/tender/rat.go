package tender

import (
	"encoding/json"
	"math/big"
	"strconv"
	"strings"
)

// Rat is an exact rational number that never changes once made.
//
// Scores are quotients such as 3/5 × 12 × 1/3, and the stake invariant is
// an equality, so floating point would turn "exactly 20%" into "20.000000001%"
// and let a tender through (or block it) by accident. big.Rat is exact but
// mutable and unsafe to copy by value; Rat wraps it so that values can sit
// in structs, be copied and be compared without aliasing surprises. The zero
// value is 0.
type Rat struct{ r *big.Rat }

// Int returns n as a Rat.
func Int(n int64) Rat { return Rat{new(big.Rat).SetInt64(n)} }

// Frac returns num/den as a Rat. It panics when den is 0, as a programming error.
func Frac(num, den int64) Rat {
	if den == 0 {
		panic("tender: Frac with zero denominator")
	}
	return Rat{new(big.Rat).SetFrac64(num, den)}
}

// MustRat parses s with [ParseDecimal] and panics on error; for tables and tests.
func MustRat(s string) Rat {
	r, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return r
}

func (a Rat) big() *big.Rat {
	if a.r == nil {
		return new(big.Rat)
	}
	return a.r
}

// Big returns a copy of a as a *big.Rat, for callers that need one.
func (a Rat) Big() *big.Rat { return new(big.Rat).Set(a.big()) }

// Add returns a + b.
func (a Rat) Add(b Rat) Rat { return Rat{new(big.Rat).Add(a.big(), b.big())} }

// Sub returns a − b.
func (a Rat) Sub(b Rat) Rat { return Rat{new(big.Rat).Sub(a.big(), b.big())} }

// Mul returns a × b.
func (a Rat) Mul(b Rat) Rat { return Rat{new(big.Rat).Mul(a.big(), b.big())} }

// Quo returns a ÷ b. It panics when b is 0, as a programming error: callers
// check divisors (a scale maximum, a price, the committed stake) first.
func (a Rat) Quo(b Rat) Rat {
	if b.Sign() == 0 {
		panic("tender: division by zero")
	}
	return Rat{new(big.Rat).Quo(a.big(), b.big())}
}

// Neg returns −a.
func (a Rat) Neg() Rat { return Rat{new(big.Rat).Neg(a.big())} }

// Abs returns |a|.
func (a Rat) Abs() Rat { return Rat{new(big.Rat).Abs(a.big())} }

// Cmp compares a and b: −1, 0 or +1.
func (a Rat) Cmp(b Rat) int { return a.big().Cmp(b.big()) }

// Equal reports whether a = b exactly.
func (a Rat) Equal(b Rat) bool { return a.Cmp(b) == 0 }

// Sign returns −1, 0 or +1.
func (a Rat) Sign() int { return a.big().Sign() }

// IsInt reports whether a is a whole number.
func (a Rat) IsInt() bool { return a.big().IsInt() }

// String returns a exactly: a decimal when one exists ("12.5", "-0.25"),
// otherwise a fraction ("1/3").
func (a Rat) String() string {
	if s, ok := a.ExactDecimal(); ok {
		return s
	}
	return a.big().RatString()
}

// ExactDecimal returns a as a finite decimal with no trailing zeros, and
// false when it has none (its reduced denominator has a prime factor other
// than 2 and 5).
func (a Rat) ExactDecimal() (string, bool) {
	x := a.big()
	den := new(big.Int).Set(x.Denom())
	digits := 0
	two, five, ten := big.NewInt(2), big.NewInt(5), big.NewInt(10)
	var m big.Int
	for _, p := range []*big.Int{two, five} {
		for {
			var q big.Int
			q.DivMod(den, p, &m)
			if m.Sign() != 0 {
				break
			}
			den = &q
		}
	}
	if den.Cmp(big.NewInt(1)) != 0 {
		return "", false
	}
	// Multiply by 10 until whole; the loop ends because only 2s and 5s remain.
	scaled := new(big.Rat).Set(x)
	for !scaled.IsInt() {
		scaled.Mul(scaled, new(big.Rat).SetInt(ten))
		digits++
	}
	n := new(big.Int).Set(scaled.Num())
	neg := n.Sign() < 0
	s := n.Abs(n).String()
	if digits > 0 {
		if len(s) <= digits {
			s = strings.Repeat("0", digits-len(s)+1) + s
		}
		s = s[:len(s)-digits] + "." + s[len(s)-digits:]
	}
	if neg {
		s = "-" + s
	}
	return s, true
}

// Round returns a rounded half away from zero to places decimal places, as
// a string for display (never fed back into arithmetic). This is the only
// place where precision is given up.
func (a Rat) Round(places int) string {
	return a.big().FloatString(places)
}

// Min returns the smaller of a and b.
func Min(a, b Rat) Rat {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

// Sum returns the sum of xs.
func Sum(xs ...Rat) Rat {
	var t big.Rat
	for _, x := range xs {
		t.Add(&t, x.big())
	}
	return Rat{&t}
}

func itoa(n int) string { return strconv.Itoa(n) }

func jsonInt(n int) json.Number { return json.Number(strconv.Itoa(n)) }
