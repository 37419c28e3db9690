package tender

import (
	"strings"
)

// OutputPlaces is the number of decimal places a published result is
// rounded to: the CLI's JSON and text, and the web's pages and downloads.
const OutputPlaces = 4

// Rounded is an exact value as it is published: rounded half away from zero
// to [OutputPlaces] decimal places, without trailing zeros ("81.2", "28",
// "18.4012"), and never "-0". It is for output only; [Rounded.Exact] gives
// the value back unrounded.
type Rounded Rat

// Exact returns the value before rounding.
func (r Rounded) Exact() Rat { return Rat(r) }

// String returns the rounded value as a decimal.
func (r Rounded) String() string {
	s := Rat(r).Round(OutputPlaces)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// MarshalJSON writes the rounded value as a JSON number.
func (r Rounded) MarshalJSON() ([]byte, error) { return []byte(r.String()), nil }

// Report is the result of one lot's evaluation in the form every face
// publishes it (the JSON of "coprod tender score", and the web's result
// page and download): ranks, totals rounded for reading, the stake
// sensitivity, and the exact values beside the rounded ones so that nobody
// has to trust the rounding. It is made by [NewReport]; its JSON names are
// those of issue 5.
type Report struct {
	// Winner is the bid ranked first alone; nil when no bid is compliant or
	// bids are level in first place after every tie-break rule (TiedFirst).
	Winner    *string  `json:"winner"`
	TiedFirst []string `json:"tied_first"`
	// WinnerAtZeroStake, LEPChangedWinner and StakeRange come from
	// [Result.Sensitivity]; they are nil when it is not defined, and
	// SensitivityNote says why.
	WinnerAtZeroStake *string     `json:"winner_at_zero_stake"`
	TiedAtZeroStake   []string    `json:"tied_at_zero_stake"`
	LEPChangedWinner  *bool       `json:"lep_changed_winner"`
	StakeRange        *StakeRange `json:"stake_range_same_winner"`
	SensitivityNote   string      `json:"sensitivity_note,omitempty"`

	StakePercent              Rounded       `json:"stake_percent"`
	PriceWeightPercent        Rounded       `json:"price_weight_percent"`
	QualityWeightPercent      Rounded       `json:"quality_weight_percent"`
	ScaleMax                  int           `json:"scale_max"`
	LowestCompliantPricePence int64         `json:"lowest_compliant_price_pence"`
	TieBreak                  []TieBreakKey `json:"tie_break"`
	// Ties lists each pair of neighbouring ranked bids whose totals are
	// exactly equal, and the tie-break rule that put one above the other.
	Ties []TieNote `json:"ties"`

	// Bids are in the result's order: ranked bids best first, then failed bids.
	Bids []BidReport `json:"bids"`
}

// StakeRange is the interval of stakes (in percent) over which the winner
// stays the same; see [Sensitivity].SameWinner. Each end says whether the
// end itself still gives the same winner.
type StakeRange struct {
	From         Rounded `json:"from"`
	To           Rounded `json:"to"`
	FromIncluded bool    `json:"from_included"`
	ToIncluded   bool    `json:"to_included"`
	FromExact    string  `json:"from_exact"`
	ToExact      string  `json:"to_exact"`
}

// TieNote records that two neighbouring ranked bids had exactly the same
// total. DecidedBy is the first published tie-break rule that separated
// them, or "" when they were level after every rule and share a rank.
type TieNote struct {
	Above     string      `json:"above"`
	Below     string      `json:"below"`
	Total     Rounded     `json:"total"`
	DecidedBy TieBreakKey `json:"decided_by"`
	Rule      string      `json:"rule"`
}

// BidReport is one bid's published result. Rank is nil for a failed bid.
// LEPScore and CommissionerScore are the weighted points each panel's
// scores earned; QualityScore is their sum.
type BidReport struct {
	ID                string            `json:"id"`
	Name              string            `json:"name"`
	PricePence        int64             `json:"price_pence"`
	Rank              *int              `json:"rank"`
	Total             Rounded           `json:"total"`
	QualityScore      Rounded           `json:"quality_score"`
	PriceScore        Rounded           `json:"price_score"`
	LEPScore          Rounded           `json:"lep_score"`
	CommissionerScore Rounded           `json:"commissioner_score"`
	Failed            bool              `json:"failed"`
	FailedCriteria    []string          `json:"failed_criteria"`
	Criteria          []CriterionReport `json:"criteria"`
	Exact             ExactTotals       `json:"exact"`
}

// ExactTotals are a bid's totals written exactly: a decimal when one exists,
// otherwise a fraction such as "1633/3".
type ExactTotals struct {
	Total             string `json:"total"`
	QualityScore      string `json:"quality_score"`
	PriceScore        string `json:"price_score"`
	LEPScore          string `json:"lep_score"`
	CommissionerScore string `json:"commissioner_score"`
}

// CriterionReport is one bid's result on one criterion. Scores holds each
// scoring panel's consensus score on the scale; Score is the criterion's
// score (blended for a joint criterion), to which MinScore applies; Weighted
// = LEPPart + CommissionerPart is what it adds to the total.
type CriterionReport struct {
	ID               string        `json:"id"`
	Panel            Panel         `json:"panel"`
	WeightPercent    Rounded       `json:"weight_percent"`
	MinScore         *int          `json:"min_score"`
	Scores           map[Panel]int `json:"scores"`
	Score            Rounded       `json:"score"`
	Weighted         Rounded       `json:"weighted"`
	LEPPart          Rounded       `json:"lep_part"`
	CommissionerPart Rounded       `json:"commissioner_part"`
	BelowMinimum     bool          `json:"below_minimum"`
}

// NewReport publishes r, the evaluation of t's bids, with its sensitivity
// to the stake. It does no scoring of its own: every number is the
// engine's, rounded only by [Rounded] when written out.
func NewReport(t ITT, r Result) Report {
	rep := Report{
		TiedFirst:                 nonNil(r.TiedFirst),
		TiedAtZeroStake:           []string{},
		StakePercent:              Rounded(r.Stake),
		PriceWeightPercent:        Rounded(Int(100).Sub(r.QualityWeight)),
		QualityWeightPercent:      Rounded(r.QualityWeight),
		ScaleMax:                  t.Scale.orDefault().Max,
		LowestCompliantPricePence: r.LowestCompliantPence,
		TieBreak:                  append(TieBreak{}, r.TieBreak.orDefault()...),
		Ties:                      tieNotes(r),
		Bids:                      make([]BidReport, 0, len(r.Bids)),
	}
	if r.Winner != "" {
		w := r.Winner
		rep.Winner = &w
	}
	sv := r.Sensitivity()
	if sv.Defined {
		if w := sv.WinnerAtZero.Winner; w != "" {
			rep.WinnerAtZeroStake = &w
		}
		rep.TiedAtZeroStake = nonNil(sv.WinnerAtZero.Tied)
		changed := sv.LEPChangedWinner
		rep.LEPChangedWinner = &changed
		g := sv.SameWinner
		rep.StakeRange = &StakeRange{
			From: Rounded(g.From), To: Rounded(g.To),
			FromIncluded: g.FromIncluded, ToIncluded: g.ToIncluded,
			FromExact: g.From.String(), ToExact: g.To.String(),
		}
	} else {
		rep.SensitivityNote = sv.Reason
	}
	for _, b := range r.Bids {
		br := BidReport{
			ID: b.Bid.ID, Name: b.Bid.Name, PricePence: b.Bid.PricePence,
			Total: Rounded(b.Total), QualityScore: Rounded(b.Quality), PriceScore: Rounded(b.Price),
			LEPScore: Rounded(b.LEP), CommissionerScore: Rounded(b.Commissioner),
			Failed: b.Failed, FailedCriteria: nonNil(b.FailedCriteria),
			Exact: ExactTotals{
				Total: b.Total.String(), QualityScore: b.Quality.String(), PriceScore: b.Price.String(),
				LEPScore: b.LEP.String(), CommissionerScore: b.Commissioner.String(),
			},
			Criteria: make([]CriterionReport, 0, len(b.Criteria)),
		}
		if !b.Failed {
			rank := b.Rank
			br.Rank = &rank
		}
		for _, cr := range b.Criteria {
			out := CriterionReport{
				ID: cr.Criterion, Panel: cr.Panel, WeightPercent: Rounded(cr.Weight),
				Scores: map[Panel]int{}, Score: Rounded(cr.Score), Weighted: Rounded(cr.Weighted),
				LEPPart: Rounded(cr.LEPPart), CommissionerPart: Rounded(cr.CommissionerPart),
				BelowMinimum: cr.BelowMinimum,
			}
			if c, ok := t.Criterion(cr.Criterion); ok && c.MinScore != nil {
				m := *c.MinScore
				out.MinScore = &m
			}
			if cr.Commissioner != nil {
				out.Scores[Commissioner] = cr.Commissioner.Score
			}
			if cr.LEP != nil {
				out.Scores[LivedExperience] = cr.LEP.Score
			}
			br.Criteria = append(br.Criteria, out)
		}
		rep.Bids = append(rep.Bids, br)
	}
	return rep
}

// tieNotes finds neighbouring ranked bids with equal totals and the rule
// that separated them, using the same comparison as the ranking.
func tieNotes(r Result) []TieNote {
	tb := r.TieBreak.orDefault()
	notes := []TieNote{}
	for i := 0; i+1 < len(r.Bids); i++ {
		a, b := r.Bids[i], r.Bids[i+1]
		if a.Failed || b.Failed || !a.Total.Equal(b.Total) {
			continue
		}
		n := TieNote{Above: a.Bid.ID, Below: b.Bid.ID, Total: Rounded(a.Total),
			Rule: "Level after every tie-break rule: they share a rank."}
		for _, k := range tb {
			if better(standingOf(a), standingOf(b), TieBreak{k}) != 0 {
				n.DecidedBy, n.Rule = k, k.Describe()
				break
			}
		}
		notes = append(notes, n)
	}
	return notes
}

func nonNil(s []string) []string {
	out := make([]string, len(s))
	copy(out, s)
	return out
}
