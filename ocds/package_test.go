package ocds

import (
	"encoding/json"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"
)

func TestAmount(t *testing.T) {
	cases := []struct {
		pence int64
		want  string
	}{
		{0, "0"}, {1, "0.01"}, {10, "0.1"}, {100, "1"}, {150, "1.5"}, {123456, "1234.56"},
		{89_999_999, "899999.99"}, {-5, "-0.05"}, {-100, "-1"},
		{math.MaxInt64, "92233720368547758.07"}, {math.MinInt64, "-92233720368547758.08"},
	}
	for _, c := range cases {
		b, err := json.Marshal(GBP(c.pence))
		if err != nil {
			t.Fatal(err)
		}
		if want := `{"amount":` + c.want + `,"currency":"GBP"}`; string(b) != want {
			t.Errorf("%d pence: %s, want %s", c.pence, b, want)
		}
		var v Value
		if err := json.Unmarshal(b, &v); err != nil || int64(v.Amount) != c.pence {
			t.Errorf("%s read back as %d, %v", b, v.Amount, err)
		}
	}
	for _, bad := range []string{`"1"`, `1.234`, `1e3`, `01`, `.5`, `-`, `1.`} {
		var a Amount
		if err := json.Unmarshal([]byte(bad), &a); err == nil {
			t.Errorf("%s accepted as %d", bad, a)
		}
	}
}

func TestDecimal(t *testing.T) {
	for in, want := range map[string]string{"26": "26", "8.5": "8.5", "1/8": "0.125", "-3/20": "-0.15"} {
		r, _ := new(big.Rat).SetString(in)
		got, err := Decimal(r)
		if err != nil || string(got) != want {
			t.Errorf("Decimal(%s) = %s, %v; want %s", in, got, err, want)
		}
	}
	if _, err := Decimal(big.NewRat(1, 3)); err == nil {
		t.Error("1/3 given a decimal form")
	}
}

func TestNewPackage(t *testing.T) {
	p := samplePackage(t)
	if p.Version != "1.1" || p.Releases[0].OCID != "ocds-coprod-t-7f3a" {
		t.Errorf("version %q ocid %q", p.Version, p.Releases[0].OCID)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"publishedDate":"2026-09-02T08:00:00Z"`, `"amount":899999.99,"currency":"GBP"`,
		`"number":8.5,"weight":"percentageExact"`, `"relatedBid":"B"`, `"initiationType":"tender"`} {
		if !strings.Contains(s, want) {
			t.Errorf("package lacks %s", want)
		}
	}
	if strings.Contains(s, "null") || strings.Contains(s, "0001-01-01") {
		t.Error("package writes null or a zero date")
	}

	meta := Meta{URI: "https://example.org/p.json", Publisher: Publisher{Name: "x"}, PublishedDate: time.Now()}
	ok := Release{OCID: "ocds-x-1", ID: "1", Date: time.Now(), Tag: []string{TagTender}, InitiationType: "tender"}
	for name, r := range map[string]Release{
		"no ocid":  {ID: "1", Date: time.Now(), Tag: []string{TagTender}, InitiationType: "tender"},
		"no tag":   {OCID: "ocds-x-1", ID: "1", Date: time.Now(), InitiationType: "tender"},
		"dangling": {OCID: "ocds-x-1", ID: "1", Date: time.Now(), Tag: []string{TagTender}, InitiationType: "tender", Buyer: &OrgRef{ID: "nobody"}},
	} {
		if _, err := NewPackage(meta, r); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := NewPackage(meta, ok, ok); err == nil {
		t.Error("duplicate release id accepted")
	}
	if _, err := NewPackage(Meta{}, ok); err == nil {
		t.Error("package without uri accepted")
	}
	if p, err := NewPackage(meta, ok); err != nil || len(p.Extensions) != 0 {
		t.Errorf("plain release: %v, extensions %v", err, p.Extensions)
	}
}
