// Package decimal reads exact decimal numbers as people type them into
// forms and files ("72.5", "-0.25", ".5", "1.5e3"), without going through
// floating point: "0.1" is exactly one tenth. Every part of Coprod that
// reads a decimal uses this one parser, so a number means the same
// everywhere; callers add what their own inputs allow around it (spaces,
// a "%" sign, fractions, thousands commas) and say what went wrong in
// their own words, from the errors below.
package decimal

import (
	"errors"
	"math/big"
)

// The rules. A number is an optional sign (+ or -), digits with an
// optional decimal point that has a digit on each side or at least after
// it (".5"; "5." is refused as more likely a slip than a number), and an
// optional exponent (e or E, an optional sign, digits). Spaces, thousands
// separators, "%", fractions, hexadecimal, infinities, NaN and digits
// other than ASCII 0–9 are refused.
//
// Limits keep a hostile or mistyped number (1e999999999) from becoming a
// rational with a billion digits: at most MaxLen bytes, at most MaxDigits
// significant digits (from the first non-zero digit to the last, so that
// 0.000001 and 1000000 count as one) and an exponent of at most
// MaxExponent either way. Any value read, written out in full without an
// exponent, reads back within these limits if it fits in MaxLen bytes.
const (
	MaxLen      = 64
	MaxDigits   = 30
	MaxExponent = 30
)

// The errors Parse returns, for callers to word in their own terms.
var (
	ErrEmpty         = errors.New("empty")
	ErrSyntax        = errors.New("not a decimal number")
	ErrTooLong       = errors.New("too long")
	ErrTooManyDigits = errors.New("too many significant digits")
	ErrExponent      = errors.New("exponent too large")
)

// Parse reads s by the rules above and returns its exact value.
func Parse(s string) (*big.Rat, error) {
	if s == "" {
		return nil, ErrEmpty
	}
	if len(s) > MaxLen {
		return nil, ErrTooLong
	}
	i := 0
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		i++
	}
	mant := make([]byte, 0, len(s))
	frac := -1 // digits after the point, -1 when there is no point
	for ; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			mant = append(mant, c)
			if frac >= 0 {
				frac++
			}
		} else if c == '.' && frac < 0 {
			frac = 0
		} else {
			break
		}
	}
	if len(mant) == 0 || frac == 0 {
		return nil, ErrSyntax // no digits, or "5."
	}
	if frac < 0 {
		frac = 0
	}
	exp := 0
	if i < len(s) {
		if s[i] != 'e' && s[i] != 'E' {
			return nil, ErrSyntax
		}
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		if i == len(s) {
			return nil, ErrSyntax
		}
		for ; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return nil, ErrSyntax
			}
			if exp <= MaxExponent { // stop growing: the answer is known
				exp = exp*10 + int(c-'0')
			}
		}
		if exp > MaxExponent {
			return nil, ErrExponent
		}
		if eneg {
			exp = -exp
		}
	}
	// significant digits: drop leading zeros, and count trailing zeros
	// into the scale instead
	for len(mant) > 1 && mant[0] == '0' {
		mant = mant[1:]
	}
	scale := exp - frac // value = mant × 10^scale
	for len(mant) > 1 && mant[len(mant)-1] == '0' {
		mant = mant[:len(mant)-1]
		scale++
	}
	if len(mant) > MaxDigits {
		return nil, ErrTooManyDigits
	}
	return value(neg, mant, scale), nil
}

// value returns ±mant × 10^scale.
func value(neg bool, mant []byte, scale int) *big.Rat {
	if len(mant)+max(scale, 0) <= 18 && scale > -19 {
		// everyday values fit in int64: no big.Int arithmetic
		var m int64
		for _, c := range mant {
			m = m*10 + int64(c-'0')
		}
		if neg {
			m = -m
		}
		if scale >= 0 {
			return new(big.Rat).SetInt64(m * pow10int64[scale])
		}
		return new(big.Rat).SetFrac64(m, pow10int64[-scale])
	}
	n, _ := new(big.Int).SetString(string(mant), 10)
	if neg {
		n.Neg(n)
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(max(scale, -scale))), nil)
	if scale >= 0 {
		return new(big.Rat).SetInt(n.Mul(n, p))
	}
	return new(big.Rat).SetFrac(n, p)
}

// pow10int64[i] is 10^i, for i up to 18.
var pow10int64 = func() (t [19]int64) {
	t[0] = 1
	for i := 1; i < len(t); i++ {
		t[i] = t[i-1] * 10
	}
	return t
}()
