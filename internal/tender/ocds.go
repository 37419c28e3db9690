package tender

import (
	"fmt"

	"github.com/coprod/coprod/ocds"
)

// OCDSAwardCriteria publishes the ITT's criteria as the awardCriteria
// extension's breakdown for a lot: each quality criterion with its weight
// as an exact percentage and its minimum score, then price. Who scores
// each criterion goes in its description, and the stake in the weighting
// description, so the lived experience group's share is on the public
// record. A weight with no finite decimal form (such as 40/3) is left out
// of the numbers and written in words in the description instead, since
// JSON numbers cannot hold it exactly.
func OCDSAwardCriteria(t ITT) *ocds.AwardCriteria {
	ac := &ocds.AwardCriteria{
		WeightingDescription: fmt.Sprintf("The lived experience panel holds %s%% of the evaluation: "+
			"its own questions plus its share of the questions both panels score. %s", t.Stake, t.TieBreak.Describe()),
	}
	scale := t.Scale.orDefault()
	for _, c := range t.Criteria {
		desc := "Scored by the " + c.Panel.Label() + " on a scale of 0 to " + itoa(scale.Max) + "."
		if c.Panel == Joint {
			desc = fmt.Sprintf("Scored by both panels on a scale of 0 to %d; the lived experience panel's score counts for %s of it.",
				scale.Max, c.LEPShare)
		}
		ac.Criteria = append(ac.Criteria, ocds.AwardCriterion{
			Type: ocds.CriterionQuality, Name: c.ID + " " + c.Question,
			Description: desc + weightNote(c.Weight), Numbers: criterionNumbers(c),
		})
	}
	if t.PriceWeight.Sign() > 0 {
		ac.Criteria = append(ac.Criteria, ocds.AwardCriterion{
			Type: ocds.CriterionPrice, Name: "Price",
			Description: "Lowest compliant price ÷ bid price × price weight." + weightNote(t.PriceWeight),
			Numbers:     criterionNumbers(Criterion{Weight: t.PriceWeight}),
		})
	}
	return ac
}

func criterionNumbers(c Criterion) []ocds.CriterionNumber {
	var ns []ocds.CriterionNumber
	if n, err := ocds.Decimal(c.Weight.Big()); err == nil {
		ns = append(ns, ocds.CriterionNumber{Number: n, Weight: ocds.WeightPercentageExact})
	}
	if c.MinScore != nil {
		ns = append(ns, ocds.CriterionNumber{Number: jsonInt(*c.MinScore), Threshold: ocds.ThresholdMinimumScore})
	}
	return ns
}

// weightNote spells out a weight that has no exact decimal form.
func weightNote(w Rat) string {
	if _, ok := w.ExactDecimal(); ok {
		return ""
	}
	return fmt.Sprintf(" Weight: exactly %s%% (about %s%%).", w, w.Round(4))
}
