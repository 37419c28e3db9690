package measure

import (
	"math/big"
	"strings"
	"testing"
)

func TestParseDecimalExact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"0.1", "1/10"},
		{"1.5", "3/2"},
		{"-2.25", "-9/4"},
		{"007", "7"},
		{".5", "1/2"},
		{"+1", "1"},
		{"1.25e2", "125"},
		{"125E-3", "1/8"},
		{"1e+3", "1000"},
		{"0.00000000000000000000000000001", "1/100000000000000000000000000000"},
	} {
		got, err := ParseDecimal(c.in)
		if err != nil {
			t.Errorf("ParseDecimal(%q): %v", c.in, err)
			continue
		}
		if got.RatString() != c.want {
			t.Errorf("ParseDecimal(%q) = %s, want %s", c.in, got.RatString(), c.want)
		}
	}
}

func TestParseDecimalRefuses(t *testing.T) {
	for _, in := range []string{"", "-", ".", "1/3", "0x10", "1,000", "72.5%", " 1", "1e", "1e+", "Inf", "NaN",
		"1e31", "1234567890123456789012345678901", "--1", "1.2.3", "5."} {
		if v, err := ParseDecimal(in); err == nil {
			t.Errorf("ParseDecimal(%q) = %s, want an error", in, v.RatString())
		}
	}
}

func TestRoundHalfEven(t *testing.T) {
	for _, c := range []struct {
		num, den int64
		want     int64
	}{
		{5, 2, 2},         // 2.5 → 2 (even)
		{7, 2, 4},         // 3.5 → 4 (even)
		{-5, 2, -2},       // -2.5 → -2
		{-7, 2, -4},       // -3.5 → -4
		{1, 2, 0},         // 0.5 → 0
		{24999, 10000, 2}, // 2.4999 → 2
		{25001, 10000, 3}, // 2.5001 → 3
		{-25001, 10000, -3},
		{10, 3, 3},  // 3.333… → 3
		{20, 3, 7},  // 6.666… → 7
		{42, 1, 42}, // whole numbers are unchanged
	} {
		if got := RoundHalfEven(big.NewRat(c.num, c.den)).Int64(); got != c.want {
			t.Errorf("RoundHalfEven(%d/%d) = %d, want %d", c.num, c.den, got, c.want)
		}
	}
}

func TestFormatDecimal(t *testing.T) {
	for _, c := range []struct {
		num, den int64
		dp       int
		want     string
		exact    bool
	}{
		{3, 2, 6, "1.5", true},
		{-1, 8, 6, "-0.125", true},
		{100, 1, 6, "100", true},
		{1, 3, 4, "0.3333", false},
		{2, 3, 2, "0.67", false},
		{1, 1000, 2, "0", false},
		{-1, 1000, 2, "0", false}, // no "-0"
		{0, 1, 2, "0", true},
	} {
		got, exact := FormatDecimal(big.NewRat(c.num, c.den), c.dp)
		if got != c.want || exact != c.exact {
			t.Errorf("FormatDecimal(%d/%d, %d) = %q, %v; want %q, %v", c.num, c.den, c.dp, got, exact, c.want, c.exact)
		}
	}
}

func TestFormatPence(t *testing.T) {
	for _, c := range []struct {
		p    int64
		want string
	}{
		{0, "£0.00"}, {5, "£0.05"}, {100, "£1.00"}, {123456789, "£1,234,567.89"}, {-5, "-£0.05"},
		{100000, "£1,000.00"}, {-9223372036854775808, "-£92,233,720,368,547,758.08"},
	} {
		if got := FormatPence(c.p); got != c.want {
			t.Errorf("FormatPence(%d) = %q, want %q", c.p, got, c.want)
		}
	}
}

// The shared parser's refusals reach people in measure's own words.
func TestParseDecimalMessages(t *testing.T) {
	for in, want := range map[string]string{
		"":                                   "enter a number",
		"72.5%":                              "write a number such as 72.5",
		"5.":                                 "write a number such as 72.5",
		"1234567890123456789012345678901":    "has too many digits (at most 30 significant digits)",
		"1e31":                               "has an exponent that is too large",
		"0." + strings.Repeat("0", 70) + "1": "is too long (at most 64 characters)",
	} {
		if _, err := ParseDecimal(in); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ParseDecimal(%q) error %v, want it to start %q", in, err, want)
		}
	}
}
