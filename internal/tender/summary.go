package tender

import (
	"fmt"
	"strings"
)

// Summary is the assessment summary a bidder receives at award: how each
// criterion was weighted and scored and why, their totals, and, when they
// did not win, the winning bid's scores and reasons beside their own so
// they can see where the difference lay.
type Summary struct {
	Bid            Bid
	Successful     bool
	Rank           int // 0 for a failed bid
	Failed         bool
	FailedCriteria []string
	Lines          []SummaryLine
	Totals         Totals
	// Winner is the winning bid's name and totals, for an unsuccessful bidder
	// when there is a winner; nil otherwise.
	Winner  *WinnerTotals
	Reasons []string // plain-English sentences
}

// Totals of one bid, exact.
type Totals struct {
	Quality, LEP, Commissioner, Price, Total Rat
}

// WinnerTotals names the winning bid and gives its totals.
type WinnerTotals struct {
	Name   string
	Totals Totals
}

// SummaryLine is one criterion in a summary.
type SummaryLine struct {
	Criterion    string
	Question     string
	Panel        Panel
	Weight       Rat
	ScaleMax     int
	MinScore     *int
	Score        Rat // on the scale; blended for a joint criterion
	Weighted     Rat
	Rationale    string
	BelowMinimum bool
	// WinnerScore, WinnerWeighted and WinnerRationale are the winning bid's,
	// for an unsuccessful bidder; nil/"" otherwise.
	WinnerScore     *Rat
	WinnerWeighted  *Rat
	WinnerRationale string
}

// Summaries makes the assessment summary of every bid in r, in r's order.
func Summaries(t ITT, r Result) []Summary {
	scale := t.Scale.orDefault()
	winner, hasWinner := r.Bid(r.Winner)
	ranked := 0
	for _, b := range r.Bids {
		if !b.Failed {
			ranked++
		}
	}
	out := make([]Summary, 0, len(r.Bids))
	for _, b := range r.Bids {
		s := Summary{
			Bid: b.Bid, Successful: hasWinner && b.Bid.ID == r.Winner, Rank: b.Rank,
			Failed: b.Failed, FailedCriteria: b.FailedCriteria, Totals: totalsOf(b),
		}
		showWinner := hasWinner && !s.Successful
		if showWinner {
			s.Winner = &WinnerTotals{Name: winner.Bid.Name, Totals: totalsOf(winner)}
		}
		for i, cr := range b.Criteria {
			c, _ := t.Criterion(cr.Criterion)
			line := SummaryLine{
				Criterion: c.ID, Question: c.Question, Panel: c.Panel, Weight: c.Weight, ScaleMax: scale.Max,
				MinScore: c.MinScore, Score: cr.Score, Weighted: cr.Weighted, Rationale: rationale(cr),
				BelowMinimum: cr.BelowMinimum,
			}
			if showWinner {
				w := winner.Criteria[i]
				line.WinnerScore, line.WinnerWeighted, line.WinnerRationale = &w.Score, &w.Weighted, rationale(w)
			}
			s.Lines = append(s.Lines, line)
		}
		s.Reasons = reasons(s, r, winner, hasWinner, ranked)
		out = append(out, s)
	}
	return out
}

func totalsOf(b BidResult) Totals {
	return Totals{Quality: b.Quality, LEP: b.LEP, Commissioner: b.Commissioner, Price: b.Price, Total: b.Total}
}

// rationale joins the panels' written rationales, naming the panel when
// both scored.
func rationale(cr CriterionResult) string {
	if cr.Commissioner != nil && cr.LEP != nil {
		var parts []string
		if r := strings.TrimSpace(cr.LEP.Rationale); r != "" {
			parts = append(parts, LivedExperience.Label()+": "+r)
		}
		if r := strings.TrimSpace(cr.Commissioner.Rationale); r != "" {
			parts = append(parts, Commissioner.Label()+": "+r)
		}
		return strings.Join(parts, "\n")
	}
	if cr.LEP != nil {
		return cr.LEP.Rationale
	}
	if cr.Commissioner != nil {
		return cr.Commissioner.Rationale
	}
	return ""
}

// reasons explains the outcome in plain English. Numbers are rounded to 2
// decimal places here, for reading only.
func reasons(s Summary, r Result, winner BidResult, hasWinner bool, ranked int) []string {
	var out []string
	if s.Failed {
		for _, l := range s.Lines {
			if l.BelowMinimum {
				out = append(out, fmt.Sprintf("Your bid scored %s on %s, below the minimum score of %d, so it could not be considered further.",
					l.Score.Round(2), l.Criterion, *l.MinScore))
			}
		}
		return out
	}
	switch {
	case s.Successful:
		out = append(out, fmt.Sprintf("Your bid had the highest total score, %s out of 100, of %d compliant bids.", s.Totals.Total.Round(2), ranked))
	case !hasWinner && len(r.TiedFirst) > 0:
		out = append(out, "Bids were level in first place after every published tie-break rule; the award decision records how this was settled.")
	case hasWinner:
		out = append(out, fmt.Sprintf("Your bid ranked %d of %d compliant bids, with a total score of %s out of 100.", s.Rank, ranked, s.Totals.Total.Round(2)))
		gap := winner.Total.Sub(s.Totals.Total)
		if gap.Sign() > 0 {
			out = append(out, fmt.Sprintf("The winning bid scored %s, which is %s points more.", winner.Total.Round(2), gap.Round(2)))
		} else {
			out = append(out, fmt.Sprintf("Your total was the same as the winning bid's. %s", r.TieBreak.Describe()))
		}
	}
	return out
}
