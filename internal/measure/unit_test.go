package measure

import "testing"

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		m    Measure
		want bool
	}{
		{Measure{Kind: Experience}, true},
		{Measure{Kind: Outcome, Numerator: "people seen within 4 weeks", Denominator: "people referred"}, true},
		{Measure{Kind: Process, Numerator: "complaints"}, false},
	} {
		if got := c.m.Percent(); got != c.want {
			t.Errorf("%+v: %v", c.m, got)
		}
	}
}
