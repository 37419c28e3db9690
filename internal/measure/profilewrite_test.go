package measure

import (
	"os"
	"reflect"
	"testing"
)

// A profile written by ProfileJSON reads back to the same profile, and a
// stored curve reads back to the same curve, so the contract page, its
// profile.json download and the offline command all hold one profile.
func TestProfileJSONRoundTrip(t *testing.T) {
	data, err := os.ReadFile("testdata/cquin_profile.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseProfileJSON(data, "cquin_profile.json")
	if err != nil {
		t.Fatal(err)
	}
	p.Rating = p.Rating.withDefaults()
	back, err := ParseProfileJSON(ProfileJSON(p), "written")
	if err != nil {
		t.Fatalf("%v\n%s", err, ProfileJSON(p))
	}
	if !reflect.DeepEqual(p, back) {
		t.Fatalf("round trip changed the profile:\n%+v\n%+v", p, back)
	}
	bands := Curve{Type: Banded, Bands: []Band{{mustDec("60"), mustDec("50")}, {mustDec("80.5"), mustDec("100")}}}
	for _, c := range []Curve{bands, {Type: Linear, ZeroAt: mustDec("60"), FullAt: mustDec("80")}, {Type: Threshold, Target: mustDec("0.25")}} {
		got, err := ParseCurveJSON([]byte(CurveJSON(c)), "curve")
		if err != nil || !reflect.DeepEqual(got, c) {
			t.Fatalf("curve %s read back as %+v, %v", CurveJSON(c), got, err)
		}
	}
	if CurveJSON(bands) != `{"type":"bands","bands":[{"reach":"60","pay_percent":"50"},{"reach":"80.5","pay_percent":"100"}]}` {
		t.Fatalf("bands written as %s", CurveJSON(bands))
	}
	if _, err := ParseCurveJSON([]byte(`{"type":"linear","target":5}`), "curve"); err == nil {
		t.Fatal("a linear curve with a target was accepted")
	}
}
