package measure

import "math/big"

// Rating is the performance rating of one reporting period.
type Rating string

// Ratings, best first. NotRated is for a period with no reports at all:
// rating it "inadequate" would blame a provider for a period that may not
// have been due yet; late and missing flags cover that instead.
const (
	Good                Rating = "good"
	ApproachingTarget   Rating = "approaching_target"
	RequiresImprovement Rating = "requires_improvement"
	Inadequate          Rating = "inadequate"
	NotRated            Rating = "not_rated"
)

// Label is the wording shown to people; ratings are always shown as words,
// never as a colour alone.
func (r Rating) Label() string {
	switch r {
	case Good:
		return "Good"
	case ApproachingTarget:
		return "Approaching target"
	case RequiresImprovement:
		return "Requires improvement"
	case Inadequate:
		return "Inadequate"
	case NotRated:
		return "Not rated: no reports"
	}
	return string(r)
}

// RatingThresholds rate a period by its achievement: the percentage of
// the period's money at risk that the reported values earn, weighted by
// indicator and before rounding (a missing report earns 0). A period is
// Good at or above Good, Approaching target at or above Approaching,
// Requires improvement at or above RequiresImprovement, else Inadequate.
//
// The defaults are 90, 75 and 50: nearly everything earned is good; three
// quarters is close; under half is inadequate. Commissioners can set their
// own in the profile ("rating": {"good": 95, ...}); a nil field takes its
// default.
type RatingThresholds struct {
	Good                *big.Rat
	Approaching         *big.Rat
	RequiresImprovement *big.Rat
}

// DefaultRatingThresholds returns the documented defaults: 90, 75, 50.
func DefaultRatingThresholds() RatingThresholds {
	return RatingThresholds{Good: big.NewRat(90, 1), Approaching: big.NewRat(75, 1), RequiresImprovement: big.NewRat(50, 1)}
}

// withDefaults fills nil thresholds with the defaults.
func (t RatingThresholds) withDefaults() RatingThresholds {
	d := DefaultRatingThresholds()
	if t.Good == nil {
		t.Good = d.Good
	}
	if t.Approaching == nil {
		t.Approaching = d.Approaching
	}
	if t.RequiresImprovement == nil {
		t.RequiresImprovement = d.RequiresImprovement
	}
	return t
}

// Rate rates an achievement percentage (0–100).
func (t RatingThresholds) Rate(achievementPercent *big.Rat) Rating {
	t = t.withDefaults()
	switch {
	case achievementPercent.Cmp(t.Good) >= 0:
		return Good
	case achievementPercent.Cmp(t.Approaching) >= 0:
		return ApproachingTarget
	case achievementPercent.Cmp(t.RequiresImprovement) >= 0:
		return RequiresImprovement
	}
	return Inadequate
}

// validate checks each threshold is within 0–100 and that they descend.
func (t RatingThresholds) validate(ps *problems, prefix string) {
	full := t.withDefaults()
	names := []string{"good", "approaching", "requires_improvement"}
	vals := []*big.Rat{t.Good, t.Approaching, t.RequiresImprovement}
	eff := []*big.Rat{full.Good, full.Approaching, full.RequiresImprovement}
	for i, v := range vals {
		if v != nil && (v.Sign() < 0 || v.Cmp(ratHundred) > 0) {
			ps.add(prefix+"."+names[i], "%s is outside 0 to 100", Dec(v))
			return
		}
	}
	for i := 1; i < len(eff); i++ {
		if eff[i].Cmp(eff[i-1]) > 0 {
			ps.add(prefix+"."+names[i], "%s is above %s %s; each rating threshold must be at most the one before it (good ≥ approaching ≥ requires_improvement)",
				Dec(eff[i]), names[i-1], Dec(eff[i-1]))
		}
	}
}
