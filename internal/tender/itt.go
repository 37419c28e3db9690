package tender

import "time"

// Panel names who scores a criterion.
type Panel string

// The panels. A joint criterion is scored by both panels separately; its
// weight is split between them by the criterion's LEPShare.
const (
	Commissioner    Panel = "commissioner"
	LivedExperience Panel = "lived_experience"
	Joint           Panel = "joint"
)

// Valid reports whether p is one of the three panels.
func (p Panel) Valid() bool {
	return p == Commissioner || p == LivedExperience || p == Joint
}

// Label is the plain-English name of the panel for pages and summaries.
func (p Panel) Label() string {
	switch p {
	case Commissioner:
		return "Commissioner panel"
	case LivedExperience:
		return "Lived experience panel"
	case Joint:
		return "Both panels"
	}
	return string(p)
}

// ITT is an invitation to tender. Weights are percentages of the whole
// evaluation (quality criteria plus price add up to 100); Stake is the
// lived experience group's committed stake, copied from the round, as a
// percentage of the same whole.
type ITT struct {
	Title       string      `json:"title"`
	Stake       Rat         `json:"stake_percent"`
	PriceWeight Rat         `json:"price_weight_percent"`
	Lots        []Lot       `json:"lots,omitempty"`
	Criteria    []Criterion `json:"criteria"`
	Scale       Scale       `json:"scale"`
	TieBreak    TieBreak    `json:"tie_break,omitempty"`
	Deadlines   Deadlines   `json:"deadlines"`
	// SpecificationID is the round's service specification the bidders
	// respond to, when the ITT names one: its experience and outcome
	// measures become the tender's targets and the contract's agreed
	// metrics in the open data.
	SpecificationID string `json:"specification_id,omitempty"`
}

// Lot is one part of the contract that is bid for and awarded on its own.
// Every criterion applies to every lot: bids for different lots are
// evaluated separately with the same criteria, so a tender with lots runs
// [Evaluate] once per lot.
type Lot struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
}

// Criterion is one quality question put to bidders.
type Criterion struct {
	ID       string `json:"id"`
	Question string `json:"question"`
	Guidance string `json:"guidance,omitempty"`
	// Weight is the criterion's share of the whole evaluation, in percent.
	Weight Rat   `json:"weight_percent"`
	Panel  Panel `json:"panel"`
	// LEPShare is the lived experience panel's share of a joint criterion,
	// strictly between 0 and 1; the commissioner panel has the rest. Only
	// joint criteria have one.
	LEPShare Rat `json:"lep_share,omitzero"`
	// MinScore, when set, is the lowest acceptable score on the scale: a bid
	// scoring below it on this criterion fails and is not compliant.
	MinScore *int `json:"min_score,omitempty"`
}

// Deadlines of the tender. Clarification questions close before bids do.
type Deadlines struct {
	Clarification time.Time `json:"clarification,omitzero"`
	Submission    time.Time `json:"submission,omitzero"`
}

// DefaultLots is the single lot a tender has unless it is divided.
func DefaultLots() []Lot { return []Lot{{ID: "1", Title: "Whole contract"}} }

// QualityWeight is Q = 100 − price weight: what the quality criteria share.
func (t ITT) QualityWeight() Rat { return Int(100).Sub(t.PriceWeight) }

// Criterion returns the criterion with the given id.
func (t ITT) Criterion(id string) (Criterion, bool) {
	for _, c := range t.Criteria {
		if c.ID == id {
			return c, true
		}
	}
	return Criterion{}, false
}

// lepFraction is the part of the criterion's weight held by the lived
// experience panel: 1 for its own criteria, the share for joint ones.
func (c Criterion) lepFraction() Rat {
	switch c.Panel {
	case LivedExperience:
		return Int(1)
	case Joint:
		return c.LEPShare
	}
	return Rat{}
}

// LEPWeight is the criterion's weight held by the lived experience panel.
func (c Criterion) LEPWeight() Rat { return c.Weight.Mul(c.lepFraction()) }

// CommissionerWeight is the criterion's weight held by the commissioner panel.
func (c Criterion) CommissionerWeight() Rat { return c.Weight.Sub(c.LEPWeight()) }

// Panels lists the panels that score c: one, or both for a joint criterion.
func (c Criterion) Panels() []Panel {
	if c.Panel == Joint {
		return []Panel{Commissioner, LivedExperience}
	}
	return []Panel{c.Panel}
}

// ScoredBy reports whether panel p gives c a score.
func (c Criterion) ScoredBy(p Panel) bool {
	return c.Panel == p || (c.Panel == Joint && (p == Commissioner || p == LivedExperience))
}
