package web

import (
	"math/big"
	"strconv"
	"testing"

	"github.com/coprod/coprod/internal/spc"
)

// The two-of-three series of internal/spc (10 12 × 6, 10, then 17 21:
// mean 12, limits 18.65 and 5.35) where higher is better: point 14 is a
// square (improvement, two of three), point 15 too (outside), the rest
// circles. The y axis runs from the lowest of the lower limit and the
// values (5.35) to the highest (21), padded by 5% of 15.65 = 0.7825: from
// 4.5675 to 21.7825 over 270 − 60 = 210 units, so the mean 12 is at
// 270 − (12 − 4.5675)/17.215 × 210 = 179.33.
func TestSPCChartLayout(t *testing.T) {
	t.Parallel()
	var vs []*big.Rat
	for i := 0; i < 13; i++ {
		vs = append(vs, big.NewRat(int64(10+2*(i%2)), 1))
	}
	vs = append(vs, big.NewRat(17, 1), big.NewRat(21, 1))
	c, err := spc.New(vs, spc.Up)
	if err != nil {
		t.Fatal(err)
	}
	labels := make([]string, len(vs))
	for i := range labels {
		labels[i] = "P" + strconv.Itoa(i+1)
	}
	v := newSPCChart("x", "Test", c, labels)
	if v.MeanY != "179.3" || v.MeanLabel != "Mean 12" || v.UpperLabel != "Upper limit 18.65" || v.LowerLabel != "Lower limit 5.35" {
		t.Errorf("lines: mean at %s, %q %q %q", v.MeanY, v.MeanLabel, v.UpperLabel, v.LowerLabel)
	}
	for i, p := range v.Points {
		square := i == 13 || i == 14
		if p.Mark.Circle == square || (square && p.Mark.Fill != "#1d70b8") {
			t.Errorf("point %d: %+v", i+1, p)
		}
	}
	if v.Points[14].Label != "P15: 21, improvement" {
		t.Errorf("label %q", v.Points[14].Label)
	}
	// The key has only the two shapes used.
	if len(v.Key) != 2 || v.Key[0].Label != "Common cause" || v.Key[1].Label != "Improvement" {
		t.Errorf("key %+v", v.Key)
	}
	// 15 points are more than 12 ticks: every other point is labelled.
	if len(v.Ticks) != 8 || v.Ticks[1].Label != "P3" {
		t.Errorf("ticks %+v", v.Ticks)
	}
	r := v.Rows[14]
	if r.MovingRange != "4" || r.Shows != "Improvement" || r.Signals != "2 of 3 close to a process limit; outside the process limits" {
		t.Errorf("row 15 %+v", r)
	}
	if len(v.Signals) != 2 || v.Signals[1] != "P15 is above the upper process limit: improvement." {
		t.Errorf("signals %q", v.Signals)
	}
	// Negative numbers get a true minus sign.
	if got := spcNumber(big.NewRat(-527, 75)); got != "\u22127.03" {
		t.Errorf("spcNumber = %q", got)
	}
}
