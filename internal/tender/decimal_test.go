package tender

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestParseDecimal(t *testing.T) {
	ok := []struct{ in, want string }{
		{"12.5", "12.5"},
		{"  20 ", "20"},
		{"-0.25", "-0.25"},
		{"+3", "3"},
		{".5", "0.5"},
		{"0.1", "0.1"},
		{"1/3", "1/3"},
		{"-2/4", "-0.5"},
		{"1e2", "100"},
		{"125E-3", "0.125"},
		{"0.000", "0"},
		{"007.50", "7.5"},
	}
	for _, c := range ok {
		r, err := ParseDecimal(c.in)
		if err != nil {
			t.Errorf("ParseDecimal(%q): %v", c.in, err)
			continue
		}
		if r.String() != c.want {
			t.Errorf("ParseDecimal(%q) = %s, want %s", c.in, r, c.want)
		}
	}
	bad := []string{"", " ", "5.", ".", "-", "1e", "1e31", "1e-31", "0x10", "1_000", "NaN", "Inf",
		"1/0", "1/", "/2", "1.5/2", "1,5", "12%", "++1", "1e999999999",
		"1234567890123456789012345678901234567890123456789012345678901234567890"}
	for _, in := range bad {
		if r, err := ParseDecimal(in); err == nil || !errors.Is(err, ErrDecimal) {
			t.Errorf("ParseDecimal(%q) = %v, %v; want an ErrDecimal", in, r, err)
		}
	}
}

func TestParsePercent(t *testing.T) {
	for in, want := range map[string]string{"20%": "20", "12.5 %": "12.5", "33": "33"} {
		r, err := ParsePercent(in)
		if err != nil || r.String() != want {
			t.Errorf("ParsePercent(%q) = %v, %v; want %s", in, r, err, want)
		}
	}
	if _, err := ParsePercent("%"); err == nil {
		t.Error(`ParsePercent("%") accepted`)
	}
}

// TestRatJSON checks that a decimal in a file is read from its text (0.1 is
// exactly one tenth, which float64 cannot hold) and written back unchanged.
func TestRatJSON(t *testing.T) {
	var v struct {
		A Rat `json:"a"`
		B Rat `json:"b"`
	}
	if err := json.Unmarshal([]byte(`{"a": 0.1, "b": "1/3"}`), &v); err != nil {
		t.Fatal(err)
	}
	if !v.A.Equal(Frac(1, 10)) || !v.B.Equal(Frac(1, 3)) {
		t.Fatalf("got %s, %s", v.A, v.B)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != `{"a":0.1,"b":"1/3"}` {
		t.Errorf("Marshal = %s", out)
	}
	if err := json.Unmarshal([]byte(`{"a": null}`), &v); err == nil {
		t.Error("null accepted as a number")
	}
}

func TestRatRound(t *testing.T) {
	cases := []struct {
		r    Rat
		want string
	}{
		{Frac(2, 3), "0.6667"},
		{Frac(1, 8), "0.1250"},
		{Frac(-5, 100000), "-0.0001"}, // half away from zero
		{Int(28), "28.0000"},
	}
	for _, c := range cases {
		if got := c.r.Round(4); got != c.want {
			t.Errorf("Round(%s) = %s, want %s", c.r, got, c.want)
		}
	}
}

// The shared parser's refusals say what is wrong, in tender's words.
func TestParseDecimalMessages(t *testing.T) {
	for in, want := range map[string]string{
		"1e31":                            `not a number: "1e31" has an exponent beyond ±30`,
		"1234567890123456789012345678901": `not a number: "1234567890123456789012345678901" has more than 30 significant digits`,
		"5.":                              `not a number: "5." is not a decimal number`,
	} {
		if _, err := ParseDecimal(in); err == nil || err.Error() != want {
			t.Errorf("ParseDecimal(%q) error %v, want %s", in, err, want)
		}
	}
}
