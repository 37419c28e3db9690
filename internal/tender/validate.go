package tender

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
)

// Length limits for the ITT's text fields.
const (
	maxTitle    = 200
	maxID       = 20
	maxQuestion = 2000
	maxGuidance = 5000
)

// problems collects field errors in order so a page can list them all at once.
type problems []apperr.FieldError

func (p *problems) add(field, format string, args ...any) {
	*p = append(*p, apperr.FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (p problems) err() error { return apperr.Fields(p) }

// Validate checks what must hold for an ITT to be saved at all, as a draft:
// every field well formed. It does not insist that the weights add up or
// that the stake is met, since a draft is work in progress; see
// [ITT.ValidateForPublish]. It returns an apperr Invalid error listing
// every problem, or nil.
func (t ITT) Validate() error {
	var p problems
	t.checkStructure(&p)
	return p.err()
}

// ValidateForPublish checks everything [ITT.Validate] does and what makes
// an ITT fit to publish: weights that add up to 100, the stake invariant
// met exactly, and deadlines in order.
func (t ITT) ValidateForPublish() error {
	var p problems
	t.checkStructure(&p)
	t.checkWeights(&p)
	if len(p) == 0 {
		t.checkStake(&p)
	}
	d := t.Deadlines
	switch {
	case d.Clarification.IsZero():
		p.add("deadlines.clarification", "Enter the closing date for clarification questions")
	case d.Submission.IsZero():
	case !d.Clarification.Before(d.Submission):
		p.add("deadlines.clarification", "The closing date for clarification questions must be before the submission deadline")
	}
	if d.Submission.IsZero() {
		p.add("deadlines.submission", "Enter the submission deadline")
	}
	return p.err()
}

// ValidateForScoring checks what the scoring engine needs: a well-formed
// ITT whose weights add up and whose stake is met. Deadlines are not needed
// to score, so the offline CLI can score an ITT file without them.
func (t ITT) ValidateForScoring() error {
	var p problems
	t.checkStructure(&p)
	t.checkWeights(&p)
	if len(p) == 0 {
		t.checkStake(&p)
	}
	return p.err()
}

func (t ITT) checkStructure(p *problems) {
	if strings.TrimSpace(t.Title) == "" {
		p.add("title", "Enter a title for the invitation to tender")
	} else if utf8.RuneCountInString(t.Title) > maxTitle {
		p.add("title", "Title must be %d characters or fewer", maxTitle)
	}
	if t.Stake.Sign() < 0 || t.Stake.Cmp(Int(100)) > 0 {
		p.add("stake_percent", "The stake must be between 0%% and 100%%")
	}
	if t.PriceWeight.Sign() < 0 || t.PriceWeight.Cmp(Int(100)) > 0 {
		p.add("price_weight_percent", "The price weight must be between 0%% and 100%%")
	}
	t.checkLots(p)
	t.checkScale(p)
	scale := t.Scale.orDefault()
	if len(t.Criteria) == 0 {
		p.add("criteria", "Add at least one quality criterion")
	}
	seen := map[string]bool{}
	for i, c := range t.Criteria {
		f := fmt.Sprintf("criteria[%d]", i)
		switch id := strings.TrimSpace(c.ID); {
		case id == "":
			p.add(f+".id", "Enter a reference for criterion %d, like Q%d", i+1, i+1)
		case id != c.ID || utf8.RuneCountInString(id) > maxID || strings.ContainsAny(id, " \t\n/"):
			p.add(f+".id", "Criterion reference %q must be %d characters or fewer, without spaces or slashes", c.ID, maxID)
		case strings.ContainsAny(id[:1], "=+-@"):
			// Criterion references go into CSV files (scores.csv) as they are;
			// a spreadsheet would run one starting like this as a formula.
			p.add(f+".id", "Criterion reference %q must start with a letter or a digit, like Q%d", c.ID, i+1)
		case seen[id]:
			p.add(f+".id", "Criterion reference %q is used twice; each criterion needs its own", id)
		}
		seen[c.ID] = true
		name := c.ID
		if name == "" {
			name = fmt.Sprintf("criterion %d", i+1)
		}
		if strings.TrimSpace(c.Question) == "" {
			p.add(f+".question", "Enter the question for %s", name)
		} else if utf8.RuneCountInString(c.Question) > maxQuestion {
			p.add(f+".question", "The question for %s must be %d characters or fewer", name, maxQuestion)
		}
		if utf8.RuneCountInString(c.Guidance) > maxGuidance {
			p.add(f+".guidance", "The guidance for %s must be %d characters or fewer", name, maxGuidance)
		}
		if c.Weight.Sign() <= 0 || c.Weight.Cmp(Int(100)) > 0 {
			p.add(f+".weight_percent", "The weight of %s must be more than 0%% and at most 100%%", name)
		}
		switch {
		case !c.Panel.Valid():
			p.add(f+".panel", "Choose who scores %s: the commissioner panel, the lived experience panel, or both", name)
		case c.Panel == Joint:
			if c.LEPShare.Sign() <= 0 || c.LEPShare.Cmp(Int(1)) >= 0 {
				p.add(f+".lep_share", "The lived experience panel's share of %s must be more than 0 and less than 1; "+
					"for all or nothing, give the criterion to one panel", name)
			}
		case c.LEPShare.Sign() != 0:
			p.add(f+".lep_share", "Only criteria scored by both panels have a share; remove the share from %s", name)
		}
		if c.MinScore != nil && (*c.MinScore < 0 || *c.MinScore > scale.Max) {
			p.add(f+".min_score", "The minimum score for %s must be between 0 and %d", name, scale.Max)
		}
	}
	seenKey := map[TieBreakKey]bool{}
	for i, k := range t.TieBreak {
		f := fmt.Sprintf("tie_break[%d]", i)
		if !k.Valid() {
			p.add(f, "Choose a tie-break rule from the list")
		} else if seenKey[k] {
			p.add(f, "The tie-break rule %q is listed twice", k.Describe())
		}
		seenKey[k] = true
	}
}

func (t ITT) checkLots(p *problems) {
	seen := map[string]bool{}
	for i, l := range t.Lots {
		f := fmt.Sprintf("lots[%d]", i)
		switch {
		case strings.TrimSpace(l.ID) == "":
			p.add(f+".id", "Enter a reference for lot %d", i+1)
		case seen[l.ID]:
			p.add(f+".id", "Lot reference %q is used twice", l.ID)
		}
		seen[l.ID] = true
		if strings.TrimSpace(l.Title) == "" {
			p.add(f+".title", "Enter a title for lot %d", i+1)
		}
	}
}

func (t ITT) checkScale(p *problems) {
	if t.Scale.Max == 0 && len(t.Scale.Descriptors) == 0 {
		return // the default scale
	}
	s := t.Scale
	if s.Max < MinScaleMax || s.Max > MaxScaleMax {
		p.add("scale.max", "The top of the scale must be between %d and %d", MinScaleMax, MaxScaleMax)
		return
	}
	if len(s.Descriptors) != s.Max+1 {
		p.add("scale.descriptors", "Describe every point of the scale from 0 to %d (%d descriptors; there are %d)", s.Max, s.Max+1, len(s.Descriptors))
		return
	}
	for i, d := range s.Descriptors {
		if strings.TrimSpace(d) == "" {
			p.add(fmt.Sprintf("scale.descriptors[%d]", i), "Describe what a score of %d means", i)
		}
	}
}

// QualityTotal is the sum of the quality criteria's weights.
func (t ITT) QualityTotal() Rat {
	var s Rat
	for _, c := range t.Criteria {
		s = s.Add(c.Weight)
	}
	return s
}

// checkWeights requires quality weights plus price weight to be exactly 100.
func (t ITT) checkWeights(p *problems) {
	total := t.QualityTotal().Add(t.PriceWeight)
	diff := total.Sub(Int(100))
	switch diff.Sign() {
	case 1:
		p.add("criteria", "The weights add up to %s%%: %s percentage points too many. Quality criteria and price must add up to 100%%",
			total, diff)
	case -1:
		p.add("criteria", "The weights add up to %s%%: %s percentage points short. Quality criteria and price must add up to 100%%",
			total, diff.Neg())
	}
}

func (t ITT) checkStake(p *problems) {
	if c := CheckStake(t); !c.OK {
		p.add("criteria", "%s", c.Message())
	}
}
