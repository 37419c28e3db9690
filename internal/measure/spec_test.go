package measure

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

func signed(m Measure) Measure {
	if err := m.Sign("Amira", signDay); err != nil {
		panic(err)
	}
	return m
}

func TestNewVersionOnlyTakesSignedOffMeasures(t *testing.T) {
	unsigned := outcomeMeasure()
	_, err := NewVersion(1, map[SectionKey]string{SectionAims: "Help people sooner."}, []Measure{signed(experienceMeasure()), unsigned}, "commissioner", signDay)
	if apperr.Code(err) != apperr.Invalid || !strings.Contains(joinFields(err), `"Quick first contact" cannot enter the specification: Waiting for the group to sign it off`) {
		t.Fatalf("unsigned measure: %v / %s", err, joinFields(err))
	}
	_, err = NewVersion(1, map[SectionKey]string{SectionIndicators: "hand-written"}, nil, "c", signDay)
	if !strings.Contains(joinFields(err), "cannot be written by hand") {
		t.Errorf("hand-written indicators: %s", joinFields(err))
	}
}

func TestCompareVersions(t *testing.T) {
	v1, err := NewVersion(1, map[SectionKey]string{
		SectionAims:   "Help young people feel better sooner.",
		SectionAccess: "Easy Read letters on request.",
	}, []Measure{signed(outcomeMeasure())}, "commissioner", signDay)
	if err != nil {
		t.Fatal(err)
	}
	m := outcomeMeasure()
	m.Target = mustDec("10")
	v2, err := NewVersion(2, map[SectionKey]string{
		SectionAims:   "Help young people feel better sooner.",
		SectionAccess: "Easy Read letters for everyone who needs them.",
	}, []Measure{signed(m)}, "commissioner", signDay)
	if err != nil {
		t.Fatal(err)
	}
	diffs := CompareVersions(v1, v2)
	var keys []string
	for _, d := range diffs {
		keys = append(keys, string(d.Key))
	}
	if strings.Join(keys, ",") != "aims,access,indicators" {
		t.Fatalf("sections compared: %v", keys)
	}
	if diffs[0].Changed || !diffs[1].Changed || !diffs[2].Changed {
		t.Errorf("changed flags: %v %v %v", diffs[0].Changed, diffs[1].Changed, diffs[2].Changed)
	}
	if got := DiffText(diffs[1].Runs); got != "Easy Read letters [-on request-]{+for everyone who needs them+}." {
		t.Errorf("access diff %q", got)
	}
	if got := DiffText(diffs[2].Runs); !strings.Contains(got, "Target [-14-]{+10+}, lower is better") {
		t.Errorf("indicators diff %q", got)
	}
	if err := v2.Sign("Amira", signDay); err != nil {
		t.Fatal(err)
	}
	if err := v2.Sign("Bo", signDay); apperr.Code(err) != apperr.Conflict {
		t.Errorf("second sign-off: %v", err)
	}
	md := v2.Markdown("Children and young people's mental health")
	for _, w := range []string{"Version 2, signed off by Amira on 14 March 2027.", "## Access and reasonable adjustments",
		"### Quick first contact", "- Motivated by story: Waiting 3 months for a call back", "_Not written yet._"} {
		if !strings.Contains(md, w) {
			t.Errorf("markdown lacks %q:\n%s", w, md)
		}
	}
}
