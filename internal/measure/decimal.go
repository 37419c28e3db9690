package measure

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/coprod/coprod/internal/decimal"
)

// errNotDecimal is wrapped with the text people see; the caller adds the field.
var errNotDecimal = errors.New("write a number such as 72.5 (digits, an optional sign and decimal point; no % sign, spaces or thousands commas)")

// ParseDecimal reads a number written as people and JSON write decimals:
// an optional sign, digits with an optional decimal point (with a digit
// after it), and an optional exponent (1.5e3), by the rules of package
// decimal, which tenders share. It returns the exact value: "0.1" is one
// tenth, not the nearest binary fraction. Fractions like "1/3",
// hexadecimal, infinities and NaN are refused.
func ParseDecimal(s string) (*big.Rat, error) {
	r, err := decimal.Parse(s)
	switch {
	case errors.Is(err, decimal.ErrEmpty):
		return nil, errors.New("enter a number")
	case errors.Is(err, decimal.ErrTooManyDigits):
		return nil, fmt.Errorf("has too many digits (at most %d significant digits)", decimal.MaxDigits)
	case errors.Is(err, decimal.ErrExponent):
		return nil, errors.New("has an exponent that is too large")
	case errors.Is(err, decimal.ErrTooLong):
		return nil, fmt.Errorf("is too long (at most %d characters)", decimal.MaxLen)
	case err != nil:
		return nil, errNotDecimal
	}
	return r, nil
}

func pow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// RoundHalfEven rounds r to the nearest integer, ties to the even
// neighbour (banker's rounding): 2.5 → 2, 3.5 → 4, -2.5 → -2. Used once per
// amount, so rounding errors cannot accumulate in one direction.
func RoundHalfEven(r *big.Rat) *big.Int {
	den := r.Denom() // always > 0
	q, m := new(big.Int).DivMod(r.Num(), den, new(big.Int))
	// DivMod is Euclidean: m ≥ 0 and q is the floor of r.
	switch new(big.Int).Lsh(m, 1).Cmp(den) {
	case 1:
		q.Add(q, big.NewInt(1))
	case 0:
		if q.Bit(0) == 1 { // two's complement, so this tests oddness for negatives too
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// FormatDecimal writes r in decimal notation for people and for JSON. A
// value with a terminating decimal expansion (every value read by
// ParseDecimal, and most results) is written exactly, without trailing
// zeros, unless it needs more than maxDP places; otherwise it is rounded
// half to even to maxDP places and exact is false.
func FormatDecimal(r *big.Rat, maxDP int) (s string, exact bool) {
	dp, terminating := decimalPlaces(r.Denom())
	exact = terminating && dp <= maxDP
	if !exact {
		dp = maxDP
	}
	scaled := new(big.Rat).Mul(r, new(big.Rat).SetInt(pow10(dp)))
	n := RoundHalfEven(scaled)
	neg := n.Sign() < 0
	digits := new(big.Int).Abs(n).String()
	if dp > 0 {
		if len(digits) <= dp {
			digits = strings.Repeat("0", dp-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-dp] + "." + digits[len(digits)-dp:]
		digits = strings.TrimRight(strings.TrimRight(digits, "0"), ".")
	}
	if neg && digits != "0" {
		digits = "-" + digits
	}
	return digits, exact
}

// decimalPlaces reports how many decimal places 1/den needs, and whether
// that is finite (den has no prime factors other than 2 and 5).
func decimalPlaces(den *big.Int) (int, bool) {
	d := new(big.Int).Set(den)
	two, five := 0, 0
	m := new(big.Int)
	for {
		q, r := new(big.Int).QuoRem(d, big.NewInt(2), m)
		if r.Sign() != 0 {
			break
		}
		d, two = q, two+1
	}
	for {
		q, r := new(big.Int).QuoRem(d, big.NewInt(5), m)
		if r.Sign() != 0 {
			break
		}
		d, five = q, five+1
	}
	return max(two, five), d.Cmp(big.NewInt(1)) == 0
}

// Dec formats r exactly when it can, with up to 6 decimal places
// otherwise. Convenient in messages and templates; never use its output in
// arithmetic.
func Dec(r *big.Rat) string {
	if r == nil {
		return ""
	}
	s, _ := FormatDecimal(r, 6)
	return s
}

// mustDec parses a decimal literal in code and tests.
func mustDec(s string) *big.Rat {
	r, err := ParseDecimal(s)
	if err != nil {
		panic("measure: bad decimal literal " + s)
	}
	return r
}
