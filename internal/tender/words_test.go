package tender

import (
	"slices"
	"strings"
	"testing"
)

// TestSayResult: the result in words names bidders, never ids, and gives
// the margin; the values are worked out by hand. 10215/118 is 86.567796…,
// so 86.5678 rounded; 10215/118 − 80 = 775/118 = 6.567796…, so 6.5678.
func TestSayResult(t *testing.T) {
	one, two := 1, 2
	a, b := "gbv2v5vxasrstnceg7wu6oh2da", "k3xq7h2m"
	yes, no := true, false
	rep := Report{
		Winner: &a, WinnerAtZeroStake: &b, LEPChangedWinner: &yes, StakePercent: Rounded(Int(20)),
		StakeRange: &StakeRange{From: Rounded(MustRat("34105/3304")), To: Rounded(Int(70)), FromIncluded: false, ToIncluded: true,
			FromExact: "34105/3304", ToExact: "70"},
		Bids: []BidReport{
			{ID: a, Name: "Riverside Community Support", Rank: &one, Total: Rounded(MustRat("10215/118")), Exact: ExactTotals{Total: "10215/118"}},
			{ID: b, Name: "Brightpath Care Partnership", Rank: &two, Total: Rounded(Int(80)), Exact: ExactTotals{Total: "80"}},
		},
	}
	w := SayResult(rep)
	for _, c := range []struct{ got, want string }{
		{w.Outcome, "Riverside Community Support won with 86.5678 points out of 100, 6.5678 points ahead of Brightpath Care Partnership, which came second with 80."},
		{w.Stake, "The lived experience panel's scores changed the winner. Without them, Brightpath Care Partnership would have won."},
		{w.Range, "The winner would stay the same with the lived experience panel's share of the marks anywhere from 10.3223% to 70%. The group's share was 20%."},
	} {
		if c.got != c.want {
			t.Errorf("got  %q\nwant %q", c.got, c.want)
		}
	}
	for _, want := range []string{"Riverside Community Support: 10215/118 points", "Margin: 775/118 points",
		"The winner stays the same from exactly 34105/3304% to exactly 70% (the upper end included, the lower end not)."} {
		if !slices.Contains(w.Exact, want) {
			t.Errorf("exact values %q lack %q", w.Exact, want)
		}
	}
	for _, s := range append([]string{w.Outcome, w.Stake, w.Range}, w.Exact...) {
		if strings.Contains(s, a) || strings.Contains(s, b) {
			t.Errorf("a bid id in %q", s)
		}
	}

	rep.LEPChangedWinner, rep.WinnerAtZeroStake = &no, &a
	if got, want := SayResult(rep).Stake, "The lived experience panel's scores did not change the winner: Riverside Community Support would have won without them too."; got != want {
		t.Errorf("unchanged: %q", got)
	}
	// Level on points, put first by a tie-break rule.
	rep.Bids[1].Total = rep.Bids[0].Total
	rep.Ties = []TieNote{{Above: a, Below: b, Rule: "The higher lived experience score ranks first."}}
	if got, want := SayResult(rep).Outcome, "Riverside Community Support won with 86.5678 points out of 100, level with Brightpath Care Partnership. The tie-break rule decided it: The higher lived experience score ranks first."; got != want {
		t.Errorf("tie: %q", got)
	}
	// Level after every rule.
	rep.Winner, rep.TiedFirst, rep.StakeRange, rep.LEPChangedWinner, rep.SensitivityNote = nil, []string{a, b}, nil, nil, "There is no single winner."
	w = SayResult(rep)
	if w.Outcome != "Riverside Community Support and Brightpath Care Partnership are level in first place after every tie-break rule. A recorded decision must settle it." ||
		!strings.HasSuffix(w.Stake, "There is no single winner.") || w.Range != "" {
		t.Errorf("tied first: %+v", w)
	}
}
