package tendercli

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/coprod/coprod/internal/tender"
	"github.com/coprod/coprod/internal/words"
)

// writeText writes the report for people to read.
func writeText(w io.Writer, in *input, rep tender.Report) error {
	bw := bufio.NewWriter(w)
	names := map[string]string{}
	for _, b := range in.bids {
		names[b.ID] = b.Name
	}
	bid := func(id string) string {
		if n := clean(names[id]); n != "" {
			return id + " (" + n + ")"
		}
		return id
	}

	if in.titled {
		fmt.Fprintf(bw, "%s\n", clean(in.itt.Title))
	}
	fmt.Fprintf(bw, "Scored from %s and %s.\n", in.ittName, in.scoresName)
	fmt.Fprintf(bw, "Lived experience stake %s%%, price %s%%, quality %s%%; scores from 0 to %d.\n\n",
		rep.StakePercent, rep.PriceWeightPercent, rep.QualityWeightPercent, rep.ScaleMax)

	switch {
	case rep.Winner != nil:
		fmt.Fprintf(bw, "Winner: %s\n\n", bid(*rep.Winner))
	case len(rep.TiedFirst) > 0:
		fmt.Fprintf(bw, "No winner: %s are level in first place after every tie-break rule. "+
			"The award decision must record how this is settled.\n\n", words.And(rep.TiedFirst))
	default:
		fmt.Fprintf(bw, "No winner: no bid is compliant.\n\n")
	}

	// The ranking.
	ranks := map[int]int{}
	for _, b := range rep.Bids {
		if b.Rank != nil {
			ranks[*b.Rank]++
		}
	}
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Rank\tBid\tTotal\tQuality\tLived experience\tCommissioner\tPrice score\tPrice")
	for _, b := range rep.Bids {
		rank := "failed"
		if b.Rank != nil {
			rank = strconv.Itoa(*b.Rank)
			if ranks[*b.Rank] > 1 {
				rank += "="
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", rank, bid(b.ID), b.Total, b.QualityScore,
			b.LEPScore, b.CommissionerScore, b.PriceScore, pounds(b.PricePence))
	}
	tw.Flush()
	fmt.Fprintln(bw, "Totals are out of 100. Lived experience and commissioner are the points each panel's scores earned; quality is their sum.")

	for _, n := range rep.Ties {
		if n.DecidedBy == "" {
			fmt.Fprintf(bw, "\n%s and %s have the same total, %s, and are level after every tie-break rule: they share a rank.\n",
				n.Above, n.Below, n.Total)
		} else {
			fmt.Fprintf(bw, "\n%s and %s have the same total, %s. The tie-break puts %s first: %s.\n",
				n.Above, n.Below, n.Total, n.Above, n.Rule)
		}
	}

	var failed []tender.BidReport
	for _, b := range rep.Bids {
		if b.Failed {
			failed = append(failed, b)
		}
	}
	if len(failed) > 0 {
		fmt.Fprintln(bw, "\nFailed on a minimum score (not compliant: no price score and no rank)")
		for _, b := range failed {
			var why []string
			for _, c := range b.Criteria {
				if c.BelowMinimum {
					why = append(why, fmt.Sprintf("%s scored %s, below the minimum of %d", c.ID, c.Score, *c.MinScore))
				}
			}
			fmt.Fprintf(bw, "  %s: %s.\n", bid(b.ID), strings.Join(why, "; "))
		}
	}

	// The criteria, and every score.
	fmt.Fprintln(bw, "\nCriteria")
	tw = tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	for _, c := range in.itt.Criteria {
		who := panelName(c.Panel)
		if c.Panel == tender.Joint {
			who += ", lived experience share " + tender.Rounded(c.LEPShare).String()
		}
		if c.MinScore != nil {
			who += fmt.Sprintf(", minimum %d", *c.MinScore)
		}
		title := ""
		if c.Question != c.ID {
			title = clean(c.Question)
		}
		fmt.Fprintf(tw, "  %s\t%s%%\t%s\t%s\n", c.ID, tender.Rounded(c.Weight), who, title)
	}
	tw.Flush()
	fmt.Fprintf(bw, "\nScores: each panel's score on the 0–%d scale → the points it adds to the total\n", rep.ScaleMax)
	tw = tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "  Bid")
	for _, c := range in.itt.Criteria {
		fmt.Fprintf(tw, "\t%s", c.ID)
	}
	fmt.Fprintln(tw)
	joint, below := false, false
	for _, b := range rep.Bids {
		fmt.Fprintf(tw, "  %s", b.ID)
		for _, c := range b.Criteria {
			var s string
			if c.Panel == tender.Joint {
				joint = true
				s = fmt.Sprintf("L%d C%d", c.Scores[tender.LivedExperience], c.Scores[tender.Commissioner])
			} else {
				s = strconv.Itoa(c.Scores[c.Panel])
			}
			s += " → " + c.Weighted.String()
			if c.BelowMinimum {
				below = true
				s += " *"
			}
			fmt.Fprintf(tw, "\t%s", s)
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	if joint {
		fmt.Fprintln(bw, "  For a criterion scored by both panels, L is the lived experience panel's score and C the commissioner panel's.")
	}
	if below {
		fmt.Fprintln(bw, "  * below the criterion's minimum score.")
	}

	// The stake sensitivity.
	fmt.Fprintln(bw, "\nSensitivity to the stake")
	if rep.StakeRange == nil {
		fmt.Fprintf(bw, "  Not worked out: %s\n", rep.SensitivityNote)
	} else {
		atZero := "no bid"
		switch {
		case rep.WinnerAtZeroStake != nil:
			atZero = bid(*rep.WinnerAtZeroStake)
		case len(rep.TiedAtZeroStake) > 0:
			atZero = words.And(rep.TiedAtZeroStake) + " level in first place"
		}
		fmt.Fprintf(bw, "  With the lived experience panel's weight at 0%% (the commissioner panel's scores alone, over the whole quality weight), "+
			"the result would be: %s.\n", atZero)
		if *rep.LEPChangedWinner {
			fmt.Fprintln(bw, "  The lived experience panel's scores changed the winner.")
		} else {
			fmt.Fprintln(bw, "  The lived experience panel's scores did not change the winner.")
		}
		now := "no bid"
		switch {
		case rep.Winner != nil:
			now = bid(*rep.Winner) + " stays the winner"
		case len(rep.TiedFirst) > 0:
			now = words.And(rep.TiedFirst) + " stay level in first place"
		}
		g := rep.StakeRange
		from, to := "from "+g.From.String()+"%", "up to and including "+g.To.String()+"%"
		if !g.FromIncluded {
			from = "above " + g.From.String() + "%"
		}
		if !g.ToIncluded {
			to = "below " + g.To.String() + "%"
		}
		var exact []string
		if g.FromExact != g.From.String() {
			exact = append(exact, g.From.String()+"% is "+g.FromExact+"% exactly")
		}
		if g.ToExact != g.To.String() {
			exact = append(exact, g.To.String()+"% is "+g.ToExact+"% exactly")
		}
		note := ""
		if len(exact) > 0 {
			note = "; " + strings.Join(exact, ", ")
		}
		fmt.Fprintf(bw, "  %s for any stake %s %s (the committed stake is %s%%%s).\n",
			now, from, to, rep.StakePercent, note)
	}
	fmt.Fprintf(bw, "\nNumbers are rounded to %d decimal places for reading; --format json gives the exact totals too.\n", tender.OutputPlaces)
	return bw.Flush()
}

// pounds writes pence as pounds with thousands separators: £1,234,567.89.
func pounds(pence int64) string {
	whole, frac := pence/100, pence%100
	s := strconv.FormatInt(whole, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("£%s.%02d", b.String(), frac)
}

// clean replaces control characters in text from a file, so that it cannot
// move the cursor or change colours in a terminal.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}
