package ocds

import (
	"errors"
	"strconv"
	"strings"
)

// Value is an amount of money in a currency.
type Value struct {
	Amount   Amount `json:"amount"`
	Currency string `json:"currency"`
}

// GBP returns pence as a Value in pounds sterling.
func GBP(pence int64) *Value { return &Value{Amount: Amount(pence), Currency: "GBP"} }

// Amount is money in minor units (pence for GBP). It is written to JSON as
// the exact decimal number of major units: 123456 pence is 1234.56, 100
// pence is 1, 150 pence is 1.5. All ISO 4217 currencies Coprod uses have
// two decimal places.
type Amount int64

// String is the exact decimal number of major units.
func (a Amount) String() string {
	n := int64(a)
	neg := n < 0
	u := uint64(n)
	if neg {
		u = uint64(-n) // two's complement: exact even for the smallest int64
	}
	whole, frac := u/100, u%100
	s := strconv.FormatUint(whole, 10)
	switch {
	case frac == 0:
	case frac%10 == 0:
		s += "." + strconv.FormatUint(frac/10, 10)
	default:
		s += "." + strconv.FormatUint(frac/10, 10) + strconv.FormatUint(frac%10, 10)
	}
	if neg {
		s = "-" + s
	}
	return s
}

// MarshalJSON writes the amount as a JSON number.
func (a Amount) MarshalJSON() ([]byte, error) { return []byte(a.String()), nil }

var errAmount = errors.New("ocds: amount must be a decimal number with at most 2 decimal places")

// UnmarshalJSON reads an amount from its text, exactly: at most two
// decimal places, no exponent, no float64 on the way.
func (a *Amount) UnmarshalJSON(b []byte) error {
	s := string(b)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, point := strings.Cut(s, ".")
	if whole == "" || (point && frac == "") || len(frac) > 2 || !digits(whole) || !digits(frac) || (len(whole) > 1 && whole[0] == '0') {
		return errAmount
	}
	for len(frac) < 2 {
		frac += "0"
	}
	text := whole + frac
	if neg {
		text = "-" + text // parsed with its sign, so the smallest int64 fits
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return errAmount
	}
	*a = Amount(n)
	return nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
