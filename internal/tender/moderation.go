package tender

import "sort"

// SpreadFlag is the spread of individual scores, in points, at which
// moderation flags a bid's criterion for discussion.
const SpreadFlag = 2

// IndividualScore is one evaluator's own score for one bid and criterion,
// kept after moderation so that the differences stay visible.
type IndividualScore struct {
	Evaluator string `json:"evaluator"`
	Bid       string `json:"bid"`
	Criterion string `json:"criterion"`
	Panel     Panel  `json:"panel"`
	Score     int    `json:"score"`
	Comment   string `json:"comment,omitempty"`
}

// Spread is the range of individual scores one panel gave one bid on one
// criterion. Flagged is true at SpreadFlag points or more: evaluators read
// the answer differently and must talk it through before agreeing a
// consensus score.
type Spread struct {
	Bid       string
	Criterion string
	Panel     Panel
	Low, High int
	Spread    int
	Flagged   bool
	Scores    []IndividualScore // in the order given
}

// Spreads groups individual scores by bid, criterion and panel and works
// out each group's spread, sorted by bid, criterion and panel so a
// moderation page lists them the same way every time.
func Spreads(scores []IndividualScore) []Spread {
	type k struct {
		bid, criterion string
		panel          Panel
	}
	groups := map[k]*Spread{}
	var keys []k
	for _, s := range scores {
		key := k{s.Bid, s.Criterion, s.Panel}
		g, ok := groups[key]
		if !ok {
			g = &Spread{Bid: s.Bid, Criterion: s.Criterion, Panel: s.Panel, Low: s.Score, High: s.Score}
			groups[key] = g
			keys = append(keys, key)
		}
		g.Low, g.High = min(g.Low, s.Score), max(g.High, s.Score)
		g.Scores = append(g.Scores, s)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.bid != b.bid {
			return a.bid < b.bid
		}
		if a.criterion != b.criterion {
			return a.criterion < b.criterion
		}
		return a.panel < b.panel
	})
	out := make([]Spread, len(keys))
	for i, key := range keys {
		g := groups[key]
		g.Spread = g.High - g.Low
		g.Flagged = g.Spread >= SpreadFlag
		out[i] = *g
	}
	return out
}

// Difference is how far one evaluator's score was from the consensus the
// panel agreed: positive when they scored higher.
type Difference struct {
	Evaluator string
	Score     int
	Consensus int
	By        int
}

// Differences lists each individual score against the consensus, in the
// order given, so the record shows who moved and by how much.
func Differences(consensus Consensus, scores []IndividualScore) []Difference {
	var out []Difference
	for _, s := range scores {
		if s.Bid != consensus.Bid || s.Criterion != consensus.Criterion || (consensus.Panel != "" && s.Panel != consensus.Panel) {
			continue
		}
		out = append(out, Difference{Evaluator: s.Evaluator, Score: s.Score, Consensus: consensus.Score, By: s.Score - consensus.Score})
	}
	return out
}
