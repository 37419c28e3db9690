package tender

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/coprod/coprod/internal/decimal"
)

// maxDecimalLen bounds the whole input, fractions included, so that
// parsing stays cheap whatever people (or fuzzers) type.
const maxDecimalLen = decimal.MaxLen

// ErrDecimal is wrapped by every error from [ParseDecimal] and [ParsePercent].
var ErrDecimal = errors.New("not a number")

// ParseDecimal parses an exact number written as a decimal ("12.5", "-0.25",
// ".5", "1e-2") or as a fraction of two integers ("1/3"). It never goes
// through floating point, so "0.1" is exactly one tenth.
//
// A decimal follows the rules of package decimal, shared by all of Coprod:
// an optional sign, digits with an optional fractional part ("5." is
// refused), an optional exponent between −30 and 30, at most 30
// significant digits. A fraction is integer/integer with a non-zero
// denominator. Surrounding spaces are ignored. Rejected: anything longer
// than 64 bytes, empty input, hexadecimal, underscores, "NaN", "Inf".
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
	r, err := decimal.Parse(s)
	switch {
	case errors.Is(err, decimal.ErrExponent):
		return Rat{}, fmt.Errorf("%w: %q has an exponent beyond ±%d", ErrDecimal, s, decimal.MaxExponent)
	case errors.Is(err, decimal.ErrTooManyDigits):
		return Rat{}, fmt.Errorf("%w: %q has more than %d significant digits", ErrDecimal, s, decimal.MaxDigits)
	case err != nil:
		return Rat{}, fmt.Errorf("%w: %q is not a decimal number", ErrDecimal, s)
	}
	return Rat{r}, nil
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

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
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
