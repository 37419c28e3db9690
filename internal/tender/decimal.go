package tender

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// Limits that keep parsing cheap whatever people (or fuzzers) type.
// big.Rat.SetString accepts "1e999999999", which would take a long time
// and a lot of memory to expand; a weight or share never needs more than a
// few digits, so this parser refuses anything long or with a large exponent.
const (
	maxDecimalLen = 64
	maxExponent   = 30
)

// ErrDecimal is wrapped by every error from [ParseDecimal] and [ParsePercent].
var ErrDecimal = errors.New("not a number")

// ParseDecimal parses an exact number written as a decimal ("12.5", "-0.25",
// ".5", "1e-2") or as a fraction of two integers ("1/3"). It never goes
// through floating point, so "0.1" is exactly one tenth.
//
// Accepted: an optional sign, digits with an optional fractional part, an
// optional exponent between −30 and 30; or integer/integer with a non-zero
// denominator. Surrounding spaces are ignored. Rejected: anything longer than
// 64 bytes, empty input, "5.", hexadecimal, underscores, "NaN", "Inf".
func ParseDecimal(s string) (Rat, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Rat{}, fmt.Errorf("%w: empty", ErrDecimal)
	}
	if len(s) > maxDecimalLen {
		return Rat{}, fmt.Errorf("%w: longer than %d characters", ErrDecimal, maxDecimalLen)
	}
	if num, den, ok := strings.Cut(s, "/"); ok {
		n, ok1 := parseInteger(strings.TrimSpace(num))
		d, ok2 := parseInteger(strings.TrimSpace(den))
		if !ok1 || !ok2 {
			return Rat{}, fmt.Errorf("%w: %q is not a fraction of two whole numbers", ErrDecimal, s)
		}
		if d.Sign() == 0 {
			return Rat{}, fmt.Errorf("%w: %q divides by zero", ErrDecimal, s)
		}
		return Rat{new(big.Rat).SetFrac(n, d)}, nil
	}
	r, ok := parseDecimalDigits(s)
	if !ok {
		return Rat{}, fmt.Errorf("%w: %q is not a decimal number", ErrDecimal, s)
	}
	return r, nil
}

// ParsePercent parses a percentage as typed into a form: a number as for
// [ParseDecimal], optionally followed by "%". The result is the number of
// percent ("12.5%" gives 12.5, not 0.125).
func ParsePercent(s string) (Rat, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	return ParseDecimal(s)
}

// parseInteger parses an optionally signed run of ASCII digits.
func parseInteger(s string) (*big.Int, bool) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" || !allDigits(s) {
		return nil, false
	}
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return nil, false
	}
	if neg {
		n.Neg(n)
	}
	return n, true
}

func parseDecimalDigits(s string) (Rat, bool) {
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		s = s[1:]
	}
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
		if exp == "" {
			return Rat{}, false
		}
	}
	whole, frac, hasPoint := strings.Cut(mant, ".")
	if hasPoint && frac == "" {
		return Rat{}, false // "5." is more likely a typing slip than a number
	}
	if whole == "" && frac == "" {
		return Rat{}, false
	}
	if (whole != "" && !allDigits(whole)) || (frac != "" && !allDigits(frac)) {
		return Rat{}, false
	}
	e := 0
	if exp != "" {
		en, ok := parseInteger(exp)
		if !ok || !en.IsInt64() || en.Int64() > maxExponent || en.Int64() < -maxExponent {
			return Rat{}, false
		}
		e = int(en.Int64())
	}
	digits := whole + frac
	n, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return Rat{}, false
	}
	e -= len(frac)
	r := new(big.Rat).SetInt(n)
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(e))), nil)
	if e < 0 {
		r.Quo(r, new(big.Rat).SetInt(p))
	} else {
		r.Mul(r, new(big.Rat).SetInt(p))
	}
	if neg {
		r.Neg(r)
	}
	return Rat{r}, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// MarshalJSON writes a as a JSON number when it is a finite decimal, and as
// a string fraction ("1/3") otherwise, so that nothing is rounded on the way out.
func (a Rat) MarshalJSON() ([]byte, error) {
	if s, ok := a.ExactDecimal(); ok {
		return []byte(s), nil
	}
	return []byte(`"` + a.big().RatString() + `"`), nil
}

// UnmarshalJSON reads a JSON number or a string with [ParseDecimal], from
// its text, never through float64: 0.1 in a file is exactly one tenth.
func (a *Rat) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "null" {
		return fmt.Errorf("%w: null", ErrDecimal)
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	r, err := ParseDecimal(s)
	if err != nil {
		return err
	}
	*a = r
	return nil
}
