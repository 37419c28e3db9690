package tender

import "slices"

// TieBreakKey is one published rule for ordering bids whose totals are
// exactly equal. Rules are data, so the tie-break published with the ITT is
// the one the engine applies, and a page can print it in words.
type TieBreakKey string

// The tie-break rules.
const (
	HighestQuality      TieBreakKey = "highest_quality"      // the higher quality score wins
	HighestLEP          TieBreakKey = "highest_lep"          // the higher lived experience score wins
	HighestCommissioner TieBreakKey = "highest_commissioner" // the higher commissioner panel score wins
	LowestPrice         TieBreakKey = "lowest_price"         // the lower price wins
)

// TieBreak is the ordered list of rules applied when totals are equal. If
// bids are still level after every rule, they share the rank; a shared first
// place has no winner until a recorded decision settles it (the engine does
// not draw lots).
type TieBreak []TieBreakKey

// DefaultTieBreak: highest quality score, then highest lived experience
// score, then lowest price.
func DefaultTieBreak() TieBreak { return TieBreak{HighestQuality, HighestLEP, LowestPrice} }

// TieBreakRules are every rule, in the order an editor offers them.
func TieBreakRules() []TieBreakKey {
	return []TieBreakKey{HighestQuality, HighestLEP, HighestCommissioner, LowestPrice}
}

// Valid reports whether k is a known rule.
func (k TieBreakKey) Valid() bool { return slices.Contains(TieBreakRules(), k) }

// Describe says the rule in plain English for the published ITT.
func (k TieBreakKey) Describe() string {
	switch k {
	case HighestQuality:
		return "the bid with the higher quality score"
	case HighestLEP:
		return "the bid with the higher score from the lived experience panel"
	case HighestCommissioner:
		return "the bid with the higher score from the commissioner panel"
	case LowestPrice:
		return "the bid with the lower price"
	}
	return string(k)
}

// orDefault returns t, or the default rules when t is empty.
func (t TieBreak) orDefault() TieBreak {
	if len(t) == 0 {
		return DefaultTieBreak()
	}
	return t
}

// Describe says the whole rule in one sentence.
func (t TieBreak) Describe() string {
	t = t.orDefault()
	s := "If two bids have the same total score, the winner is "
	for i, k := range t {
		if i > 0 {
			s += "; if still level, "
		}
		s += k.Describe()
	}
	return s + ". If bids are still level after that, the decision is recorded with its reasons."
}
