package decimal

import (
	"errors"
	"strings"
	"testing"
)

func TestParseAccepts(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"0", "0"},
		{"-0", "0"},
		{"0.1", "1/10"},
		{"72.5", "145/2"},
		{"-2.25", "-9/4"},
		{"+3", "3"},
		{"007.50", "15/2"},
		{".5", "1/2"},
		{"-.5", "-1/2"},
		{"0.000", "0"},
		{"2500", "2500"},
		{"1.25e2", "125"},
		{"125E-3", "1/8"},
		{"1e+3", "1000"},
		{"1e30", "1000000000000000000000000000000"},
		{"1e-30", "1/1000000000000000000000000000000"},
		{"0.00000000000000000000000000001", "1/100000000000000000000000000000"},
		// 30 significant digits, and 18 and 19 either side of the int64 path
		{"123456789012345678901234567890", "123456789012345678901234567890"},
		{"999999999999999999", "999999999999999999"},
		{"9999999999999999999", "9999999999999999999"},
		{"0.999999999999999999", "999999999999999999/1000000000000000000"},
		{"99999999999999999e1", "999999999999999990"},
		{"99999999999999999e2", "9999999999999999900"},
		// zeros either side do not count towards the 30
		{"0001234567890123456789012345678900000", "1234567890123456789012345678900000"},
	} {
		got, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got.RatString() != c.want {
			t.Errorf("Parse(%q) = %s, want %s", c.in, got.RatString(), c.want)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, c := range []struct {
		in   string
		want error
	}{
		{"", ErrEmpty},
		{" 1", ErrSyntax},
		{"1 ", ErrSyntax},
		{"-", ErrSyntax},
		{"+", ErrSyntax},
		{".", ErrSyntax},
		{"5.", ErrSyntax},
		{"5.e3", ErrSyntax},
		{"--1", ErrSyntax},
		{"+-1", ErrSyntax},
		{"1.2.3", ErrSyntax},
		{"1,000", ErrSyntax},
		{"1_000", ErrSyntax},
		{"72.5%", ErrSyntax},
		{"1/3", ErrSyntax},
		{"0x10", ErrSyntax},
		{"Inf", ErrSyntax},
		{"NaN", ErrSyntax},
		{"1e", ErrSyntax},
		{"1e+", ErrSyntax},
		{"1e3.5", ErrSyntax},
		{"٣", ErrSyntax}, // an Arabic-Indic three
		{"1e31", ErrExponent},
		{"1e-31", ErrExponent},
		{"1e999999999", ErrExponent},
		{"1e99x", ErrSyntax},
		{"1234567890123456789012345678901", ErrTooManyDigits},
		{"0.1234567890123456789012345678901", ErrTooManyDigits},
		{strings.Repeat("0", 64) + "1", ErrTooLong},
	} {
		if v, err := Parse(c.in); !errors.Is(err, c.want) {
			t.Errorf("Parse(%q) = %v, %v; want %v", c.in, v, err, c.want)
		}
	}
}
