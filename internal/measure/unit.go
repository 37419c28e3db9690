package measure

// Percent says whether the measure's baseline and target are percentages:
// an experience measure's share of positive answers, or a count out of
// something (a denominator). Otherwise they are counts of the numerator.
// Pages show the unit with every number, so "Target 80" never stands alone.
func (m Measure) Percent() bool { return m.Kind == Experience || m.Denominator != "" }
