package tender

import (
	"fmt"

	"github.com/coprod/coprod/internal/apperr"
)

// Bid is one bidder's tender for one lot, as far as scoring needs it.
type Bid struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	PricePence int64  `json:"price_pence"`
}

// Consensus is the score a panel agreed in moderation for one bid and one
// criterion, with the written rationale. Panel may be left empty for a
// criterion scored by one panel; a joint criterion needs one from each panel.
type Consensus struct {
	Bid       string `json:"bid"`
	Criterion string `json:"criterion"`
	Panel     Panel  `json:"panel,omitempty"`
	Score     int    `json:"score"`
	Rationale string `json:"rationale,omitempty"`
}

// CriterionResult is one bid's result on one criterion.
type CriterionResult struct {
	Criterion string
	Weight    Rat
	Panel     Panel
	// Commissioner and LEP are the panels' consensus scores on the scale;
	// nil for a panel that does not score this criterion.
	Commissioner *Consensus
	LEP          *Consensus
	// Score is the criterion's score on the scale: the one panel's score, or
	// for a joint criterion b × LEP score + (1 − b) × commissioner score.
	// A minimum score applies to it.
	Score Rat
	// Weighted = Score ÷ max × Weight = LEPPart + CommissionerPart, where each
	// part is that panel's score ÷ max × Weight × that panel's share.
	Weighted         Rat
	LEPPart          Rat
	CommissionerPart Rat
	BelowMinimum     bool
}

// BidResult is one bid's totals. Quality = LEP + Commissioner; Total =
// Quality + Price. A failed bid scored below a minimum on at least one
// criterion: it is not compliant, has no price score and no rank.
type BidResult struct {
	Bid            Bid
	Criteria       []CriterionResult // in the ITT's order
	Quality        Rat
	LEP            Rat
	Commissioner   Rat
	Price          Rat
	Total          Rat
	Failed         bool
	FailedCriteria []string
	Rank           int // 1 is first; equal ranks for a complete tie; 0 for a failed bid
}

// Result is the evaluation of every bid for one lot.
type Result struct {
	// Bids holds the ranked bids first, best first, then the failed bids in
	// the order they were given.
	Bids []BidResult
	// Winner is the bid ranked first alone; "" when no bid is compliant or
	// when bids are level after every tie-break rule (see TiedFirst).
	Winner string
	// TiedFirst lists the bids that share first place when there is no winner.
	TiedFirst []string
	// LowestCompliantPence is the lowest price among compliant bids, the
	// numerator of every price score; 0 when no bid is compliant.
	LowestCompliantPence int64
	TieBreak             TieBreak
	// Stake, Quality weight Q: kept for the sensitivity analysis.
	Stake, QualityWeight Rat
}

// Bid returns the result for the bid with the given id.
func (r Result) Bid(id string) (BidResult, bool) {
	for _, b := range r.Bids {
		if b.Bid.ID == id {
			return b, true
		}
	}
	return BidResult{}, false
}

// Evaluate scores every bid from the panels' consensus scores, as the ITT
// publishes:
//
//	criterion score      = the panel's score, or b × LEP + (1 − b) × commissioner for a joint criterion
//	weighted score       = criterion score ÷ scale max × weight
//	price score          = lowest compliant price ÷ bid price × price weight
//	total                = Σ weighted scores + price score
//
// A bid scoring below a criterion's minimum fails: it is not compliant, it
// does not set the lowest price, and it is not ranked. The compliant bids
// are ranked by total, then by the ITT's tie-break rules.
//
// The ITT must pass [ITT.ValidateForScoring], every bid needs a positive
// price when price has weight, and there must be exactly one consensus score
// per bid, criterion and scoring panel; otherwise an apperr Invalid error
// lists the problems.
func Evaluate(t ITT, bids []Bid, scores []Consensus) (Result, error) {
	if err := t.ValidateForScoring(); err != nil {
		return Result{}, err
	}
	scale := t.Scale.orDefault()
	table, err := indexScores(t, bids, scores, scale)
	if err != nil {
		return Result{}, err
	}
	maxScore := Int(int64(scale.Max))
	res := Result{TieBreak: t.TieBreak.orDefault(), Stake: t.Stake, QualityWeight: t.QualityWeight()}
	out := make([]BidResult, len(bids))
	for i, b := range bids {
		br := BidResult{Bid: b}
		for _, c := range t.Criteria {
			cr := CriterionResult{Criterion: c.ID, Weight: c.Weight, Panel: c.Panel}
			if c.ScoredBy(Commissioner) {
				s := table[key{b.ID, c.ID, Commissioner}]
				cr.Commissioner = &s
				share := Int(1).Sub(c.lepFraction())
				cr.CommissionerPart = Int(int64(s.Score)).Quo(maxScore).Mul(c.Weight).Mul(share)
				cr.Score = cr.Score.Add(Int(int64(s.Score)).Mul(share))
			}
			if c.ScoredBy(LivedExperience) {
				s := table[key{b.ID, c.ID, LivedExperience}]
				cr.LEP = &s
				share := c.lepFraction()
				cr.LEPPart = Int(int64(s.Score)).Quo(maxScore).Mul(c.Weight).Mul(share)
				cr.Score = cr.Score.Add(Int(int64(s.Score)).Mul(share))
			}
			cr.Weighted = cr.LEPPart.Add(cr.CommissionerPart)
			if c.MinScore != nil && cr.Score.Cmp(Int(int64(*c.MinScore))) < 0 {
				cr.BelowMinimum = true
				br.Failed = true
				br.FailedCriteria = append(br.FailedCriteria, c.ID)
			}
			br.LEP = br.LEP.Add(cr.LEPPart)
			br.Commissioner = br.Commissioner.Add(cr.CommissionerPart)
			br.Criteria = append(br.Criteria, cr)
		}
		br.Quality = br.LEP.Add(br.Commissioner)
		out[i] = br
	}
	for _, br := range out {
		if !br.Failed && (res.LowestCompliantPence == 0 || br.Bid.PricePence < res.LowestCompliantPence) {
			res.LowestCompliantPence = br.Bid.PricePence
		}
	}
	for i := range out {
		if !out[i].Failed {
			out[i].Price = priceScore(res.LowestCompliantPence, out[i].Bid.PricePence, t.PriceWeight)
		}
		out[i].Total = out[i].Quality.Add(out[i].Price)
	}
	res.Bids, res.Winner, res.TiedFirst = rank(out, res.TieBreak)
	return res, nil
}

// priceScore = lowest ÷ price × weight. With no price weight every bid
// scores 0 on price, whatever the prices.
func priceScore(lowest, price int64, weight Rat) Rat {
	if weight.Sign() == 0 {
		return Rat{}
	}
	return Frac(lowest, price).Mul(weight)
}

type key struct {
	bid, criterion string
	panel          Panel
}

// indexScores checks the consensus scores and files them by bid, criterion
// and panel, reporting every missing, unknown, duplicate or out-of-range score.
func indexScores(t ITT, bids []Bid, scores []Consensus, scale Scale) (map[key]Consensus, error) {
	var p problems
	bidSeen := map[string]bool{}
	for i, b := range bids {
		f := fmt.Sprintf("bids[%d]", i)
		switch {
		case b.ID == "":
			p.add(f+".id", "Bid %d has no reference", i+1)
		case bidSeen[b.ID]:
			p.add(f+".id", "Bid %q is listed twice", b.ID)
		}
		bidSeen[b.ID] = true
		if t.PriceWeight.Sign() > 0 && b.PricePence <= 0 {
			p.add(f+".price_pence", "Bid %q needs a price above £0 because price has a weight", b.ID)
		}
	}
	table := map[key]Consensus{}
	for i, s := range scores {
		f := fmt.Sprintf("scores[%d]", i)
		c, ok := t.Criterion(s.Criterion)
		switch {
		case !bidSeen[s.Bid]:
			p.add(f+".bid", "A score is for bid %q, which is not in the list of bids", s.Bid)
			continue
		case !ok:
			p.add(f+".criterion", "A score is for criterion %q, which is not in the invitation to tender", s.Criterion)
			continue
		}
		if s.Panel == "" && c.Panel != Joint {
			s.Panel = c.Panel
		}
		if s.Panel == "" {
			p.add(f+".panel", "Criterion %s is scored by both panels: say which panel gave the score for bid %q", c.ID, s.Bid)
			continue
		}
		if !c.ScoredBy(s.Panel) {
			p.add(f+".panel", "Criterion %s is not scored by the %s", c.ID, s.Panel.Label())
			continue
		}
		if s.Score < 0 || s.Score > scale.Max {
			p.add(f+".score", "The score for bid %q on %s must be between 0 and %d", s.Bid, c.ID, scale.Max)
		}
		k := key{s.Bid, s.Criterion, s.Panel}
		if _, dup := table[k]; dup {
			p.add(f, "Bid %q has two scores from the %s on %s; moderation records one", s.Bid, s.Panel.Label(), c.ID)
		}
		table[k] = s
	}
	for _, b := range bids {
		for _, c := range t.Criteria {
			for _, panel := range c.Panels() {
				if _, ok := table[key{b.ID, c.ID, panel}]; !ok && b.ID != "" {
					p.add("scores", "Bid %q has no score from the %s on %s", b.ID, panel.Label(), c.ID)
				}
			}
		}
	}
	if len(p) > 0 {
		return nil, &apperr.Error{Code: apperr.Invalid, Message: p[0].Message, Fields: p}
	}
	return table, nil
}
