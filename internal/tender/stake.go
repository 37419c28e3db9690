package tender

import (
	"fmt"
	"math/big"
)

// LEPWeight is the lived experience panel's effective weight in the ITT:
// Σ weight(lived experience criteria) + Σ weight(joint criteria) × lep_share.
func (t ITT) LEPWeight() Rat {
	var s Rat
	for _, c := range t.Criteria {
		s = s.Add(c.LEPWeight())
	}
	return s
}

// StakeCheck is the stake invariant worked out for one ITT: the lived
// experience weight must equal the committed stake exactly. When it does
// not, Difference says by how much and Fixes offers the two presets as
// concrete, already-corrected criteria.
type StakeCheck struct {
	Committed  Rat // the stake committed in the round, in percent
	LEPWeight  Rat // what the criteria give the lived experience panel, in percent
	Difference Rat // LEPWeight − Committed, in percentage points
	OK         bool
	Fixes      []StakeFix // only when !OK; a preset that cannot apply is left out
	Unfixable  []string   // why a preset could not apply, in plain English
}

// CheckStake works out the stake invariant for t.
func CheckStake(t ITT) StakeCheck {
	c := StakeCheck{Committed: t.Stake, LEPWeight: t.LEPWeight()}
	c.Difference = c.LEPWeight.Sub(c.Committed)
	c.OK = c.Difference.Sign() == 0
	if c.OK {
		return c
	}
	for _, preset := range []func(ITT) (StakeFix, error){StakeByCriteria, StakeByBlend} {
		f, err := preset(t)
		if err != nil {
			c.Unfixable = append(c.Unfixable, err.Error())
			continue
		}
		c.Fixes = append(c.Fixes, f)
	}
	return c
}

// Message says in plain English what is wrong, by how much, for the page
// and the CLI; "" when the invariant holds.
func (c StakeCheck) Message() string {
	switch c.Difference.Sign() {
	case 1:
		return fmt.Sprintf("The lived experience panel's weight is %s%%, %s percentage points more than the committed stake of %s%%. "+
			"It must equal the stake exactly.", c.LEPWeight, c.Difference, c.Committed)
	case -1:
		return fmt.Sprintf("The lived experience panel's weight is %s%%, %s percentage points less than the committed stake of %s%%. "+
			"It must equal the stake exactly.", c.LEPWeight, c.Difference.Neg(), c.Committed)
	}
	return ""
}

// Preset names a way to give the lived experience panel its stake.
type Preset string

// The two presets of DESIGN.md.
const (
	// ByCriteria: the group answers the questions put to it. Panels stay as
	// they are; the weights are rescaled.
	ByCriteria Preset = "stake_by_criteria"
	// ByBlend: every quality question is scored by both panels, the lived
	// experience panel holding the same share of each.
	ByBlend Preset = "stake_by_blend"
)

// StakeFix is a preset applied to an ITT: criteria that meet the stake
// exactly, with the weights still adding up to 100 with price.
type StakeFix struct {
	Preset   Preset
	Summary  string      // one sentence saying what changes
	Criteria []Criterion // the corrected criteria, in the same order
}

// StakeByCriteria fixes the stake by changing weights, not panels: joint
// criteria keep their weight and share; the lived experience criteria are
// rescaled, keeping their proportions, to sum to S − (the joint criteria's
// lived experience part); the commissioner criteria are rescaled the same
// way to fill the rest of the quality weight Q = 100 − price weight. It
// therefore also fixes weights that do not add up to 100.
//
// Rescaled weights are rounded to hundredths of a percent by the largest
// remainder method, so that they read well and still add up exactly; when a
// group's target is not a whole number of hundredths (a joint share of 1/3
// can do that) the exact fractions are kept instead.
//
// It fails when the group has no lived experience criteria to rescale, or
// when the joint criteria alone already hold more than the targets allow.
func StakeByCriteria(t ITT) (StakeFix, error) {
	Q, S := t.QualityWeight(), t.Stake
	var jointLEP, joint Rat
	var lepIdx, comIdx []int
	for i, c := range t.Criteria {
		switch c.Panel {
		case Joint:
			joint = joint.Add(c.Weight)
			jointLEP = jointLEP.Add(c.LEPWeight())
		case LivedExperience:
			lepIdx = append(lepIdx, i)
		case Commissioner:
			comIdx = append(comIdx, i)
		}
	}
	lepTarget := S.Sub(jointLEP)
	comTarget := Q.Sub(joint).Sub(lepTarget)
	switch {
	case len(lepIdx) == 0:
		return StakeFix{}, fmt.Errorf("Stake by criteria needs at least one question for the lived experience panel; there is none")
	case lepTarget.Sign() <= 0:
		return StakeFix{}, fmt.Errorf("Stake by criteria cannot work: the questions scored by both panels already give the lived experience panel %s%%, "+
			"which is the whole stake of %s%% or more", jointLEP, S)
	case len(comIdx) == 0 && comTarget.Sign() != 0:
		return StakeFix{}, fmt.Errorf("Stake by criteria needs a question for the commissioner panel to take the other %s%%", comTarget)
	case len(comIdx) > 0 && comTarget.Sign() <= 0:
		return StakeFix{}, fmt.Errorf("Stake by criteria cannot work: after the stake and the questions scored by both panels, " +
			"nothing is left for the commissioner panel's questions")
	}
	out := cloneCriteria(t.Criteria)
	rescale(out, lepIdx, lepTarget)
	rescale(out, comIdx, comTarget)
	return StakeFix{
		Preset: ByCriteria,
		Summary: fmt.Sprintf("Keep who scores each question, and change the weights: the lived experience panel's questions "+
			"add up to %s%% and the commissioner panel's to %s%%.", lepTarget, comTarget),
		Criteria: out,
	}, nil
}

// StakeByBlend fixes the stake by making every quality criterion joint,
// with the lived experience panel's share b = S ÷ Q of each, keeping every
// weight (rescaled to Q first if the weights do not add up). Then the
// lived experience weight is Σ w × S/Q = Q × S/Q = S exactly. It fails when
// S is 0 or S is all of Q, where a share strictly between 0 and 1 cannot exist.
func StakeByBlend(t ITT) (StakeFix, error) {
	Q, S := t.QualityWeight(), t.Stake
	if Q.Sign() <= 0 || S.Sign() <= 0 || S.Cmp(Q) >= 0 {
		return StakeFix{}, fmt.Errorf("Stake by blend needs a stake above 0%% and below the quality weight of %s%%", Q)
	}
	out := cloneCriteria(t.Criteria)
	if !t.QualityTotal().Equal(Q) {
		all := make([]int, len(out))
		for i := range all {
			all[i] = i
		}
		rescale(out, all, Q)
	}
	b := S.Quo(Q)
	for i := range out {
		out[i].Panel = Joint
		out[i].LEPShare = b
	}
	return StakeFix{
		Preset: ByBlend,
		Summary: fmt.Sprintf("Both panels score every question, and the lived experience panel's score counts for %s of each (%s%% of %s%%).",
			b, S, Q),
		Criteria: out,
	}, nil
}

func cloneCriteria(cs []Criterion) []Criterion {
	out := make([]Criterion, len(cs))
	copy(out, cs)
	for i, c := range out {
		if c.MinScore != nil {
			m := *c.MinScore
			out[i].MinScore = &m
		}
	}
	return out
}

// rescale sets the weights of cs[idx...] to keep their proportions and sum
// to target exactly (see StakeByCriteria for the rounding).
func rescale(cs []Criterion, idx []int, target Rat) {
	if len(idx) == 0 {
		return
	}
	var old Rat
	for _, i := range idx {
		old = old.Add(cs[i].Weight)
	}
	exact := make([]Rat, len(idx))
	for k, i := range idx {
		if old.Sign() == 0 {
			exact[k] = target.Quo(Int(int64(len(idx))))
		} else {
			exact[k] = cs[i].Weight.Mul(target).Quo(old)
		}
	}
	ws := apportionHundredths(exact, target)
	for k, i := range idx {
		cs[i].Weight = ws[k]
	}
}

// apportionHundredths rounds exact shares to multiples of 0.01 that still
// add up to target, by the largest remainder method (ties to the earlier
// criterion). It returns the exact shares unchanged when target is not a
// whole number of hundredths, or when rounding would bring a weight to 0.
func apportionHundredths(exact []Rat, target Rat) []Rat {
	hundred := Int(100)
	units := target.Mul(hundred)
	if !units.IsInt() {
		return exact
	}
	total := units.Big().Num().Int64()
	floors := make([]int64, len(exact))
	rems := make([]Rat, len(exact))
	var used int64
	for i, e := range exact {
		u := e.Mul(hundred).Big()
		q := new(big.Int).Quo(u.Num(), u.Denom()) // shares are positive, so this is the floor
		if !q.IsInt64() {
			return exact
		}
		floors[i] = q.Int64()
		rems[i] = Rat{u}.Sub(Int(floors[i]))
		used += floors[i]
	}
	for left := total - used; left > 0; left-- {
		best := -1
		for i := range rems {
			if best < 0 || rems[i].Cmp(rems[best]) > 0 {
				best = i
			}
		}
		floors[best]++
		rems[best] = Int(-1) // each share gets at most one extra unit
	}
	out := make([]Rat, len(exact))
	for i, f := range floors {
		if f <= 0 {
			return exact
		}
		out[i] = Frac(f, 100)
	}
	return out
}
