package web

import "testing"

// The geometry worked by hand: bars run from x=10 over 720-10-230 = 480
// units for the full value; each group has a label line (22) then bars of
// 18 with gaps of 4, and 12 between groups, below a key of one row (12 +
// 24 + 8 = 44).
func TestBarChartLayout(t *testing.T) {
	t.Parallel()
	c := newBarChart("c", "t", "d", []string{"Turns", "Words"},
		[]chartGroupIn{{Label: "Jess", Values: []float64{0.5, 0.75}}, {Label: "Tom", Values: []float64{0.5, 0.001}}}, 1, percent)
	if len(c.Series) != 2 || c.Series[1].Fill != "url(#c-stripes)" || c.Series[1].X != 245 {
		t.Fatalf("series = %+v", c.Series)
	}
	jess, tom := c.Groups[0], c.Groups[1]
	if jess.LabelY != 58 || jess.Bars[0].Y != 66 || jess.Bars[0].W != 240 || jess.Bars[1].Y != 88 || jess.Bars[1].W != 360 {
		t.Errorf("Jess = %+v", jess)
	}
	if jess.Bars[1].Text != "Words: 75%" || jess.Bars[1].TextX != 10+360+6 {
		t.Errorf("Jess's word bar label = %q at %d", jess.Bars[1].Text, jess.Bars[1].TextX)
	}
	// 88 + 22 = 110, + 12 between groups: Tom's label line starts at 122.
	if tom.LabelY != 136 || tom.Bars[1].W != 2 {
		t.Errorf("Tom = %+v (a tiny value still gets a visible bar)", tom)
	}
	if c.Height != 122+22+44+12+4 {
		t.Errorf("height = %d", c.Height)
	}
}

// Untimed turns are placed by utterance number: 4 utterances over 720-10-30
// = 680 units, 170 each.
func TestTimelineLayout(t *testing.T) {
	t.Parallel()
	c := newTimeline("tl", "t", "d", []string{"Ana", "Ben"},
		[]turnSpan{{Lane: 0, Start: 0, End: 1}, {Lane: 1, Start: 1, End: 2}, {Lane: 0, Start: 2, End: 4}}, 4, false)
	if c.Lanes[0].Label != "Ana: 2 turns" || c.Lanes[1].Label != "Ben: 1 turn" {
		t.Errorf("lanes = %q, %q", c.Lanes[0].Label, c.Lanes[1].Label)
	}
	ana := c.Lanes[0].Turns
	if len(ana) != 2 || ana[0].X != 10 || ana[0].W != 170 || ana[1].X != 350 || ana[1].W != 340 || c.Lanes[1].Turns[0].X != 180 {
		t.Errorf("turns = %+v / %+v", ana, c.Lanes[1].Turns)
	}
	if len(c.Ticks) != 5 || c.Ticks[2].Text != "2" || c.Ticks[4].X != 690 || c.AxisLabel != "Utterances in order" {
		t.Errorf("ticks = %+v", c.Ticks)
	}
}
