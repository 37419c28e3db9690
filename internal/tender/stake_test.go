package tender

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

// stakeITT: price 30, stake 20, and a lived experience question of
// lepWeight; the commissioner questions take the rest of the 70.
func stakeITT(q1, q2, q3 string) ITT {
	return ITT{
		Title: "Stake test", Stake: Int(20), PriceWeight: Int(30),
		Criteria: []Criterion{
			{ID: "Q1", Question: "a", Weight: MustRat(q1), Panel: Commissioner},
			{ID: "Q2", Question: "b", Weight: MustRat(q2), Panel: Commissioner},
			{ID: "Q3", Question: "c", Weight: MustRat(q3), Panel: LivedExperience},
		},
	}
}

func TestStakeExactlyEqual(t *testing.T) {
	c := CheckStake(stakeITT("30", "20", "20"))
	if !c.OK || c.Difference.Sign() != 0 || c.Message() != "" || len(c.Fixes) != 0 {
		t.Fatalf("%+v", c)
	}
	if err := stakeITT("30", "20", "20").ValidateForScoring(); err != nil {
		t.Fatal(err)
	}
}

// TestStakeOffByOneHundredth: Q3 is 19.99 and Q2 20.01, so the weights
// still add up to 100 but the lived experience weight is 0.01 short.
//
// Stake by criteria, by hand: Q3 → 20 (the whole stake: no joint
// criteria); Q1 and Q2 (30 and 20.01, sum 50.01) rescaled to 50:
// 30 × 50/50.01 = 29.99400…, 20.01 × 50/50.01 = 20.00599…; in hundredths
// 2999.40… and 2000.59…, floors 2999 + 2000 = 4999, one hundredth left,
// which goes to the larger remainder (Q2): Q1 29.99, Q2 20.01.
//
// Stake by blend: every question joint with share 20/70 = 2/7; LEP weight
// = 70 × 2/7 = 20.
func TestStakeOffByOneHundredth(t *testing.T) {
	itt := stakeITT("30", "20.01", "19.99")
	c := CheckStake(itt)
	if c.OK {
		t.Fatal("19.99 accepted as 20")
	}
	wantRat(t, "difference", c.Difference, "-0.01")
	if m := c.Message(); !strings.Contains(m, "19.99%") || !strings.Contains(m, "0.01 percentage points less") || !strings.Contains(m, "20%") {
		t.Errorf("message %q", m)
	}
	err := itt.ValidateForScoring()
	if apperr.Code(err) != apperr.Invalid || !strings.Contains(apperr.Message(err), "0.01 percentage points less") {
		t.Errorf("ValidateForScoring = %v", err)
	}
	if len(c.Fixes) != 2 {
		t.Fatalf("fixes %+v, unfixable %v", c.Fixes, c.Unfixable)
	}
	byCriteria, byBlend := c.Fixes[0], c.Fixes[1]
	if byCriteria.Preset != ByCriteria || byBlend.Preset != ByBlend {
		t.Fatalf("presets %s, %s", byCriteria.Preset, byBlend.Preset)
	}
	for i, w := range []string{"29.99", "20.01", "20"} {
		wantRat(t, "by criteria "+byCriteria.Criteria[i].ID, byCriteria.Criteria[i].Weight, w)
	}
	for _, c := range byBlend.Criteria {
		if c.Panel != Joint || !c.LEPShare.Equal(Frac(2, 7)) {
			t.Errorf("by blend %s: %s %s", c.ID, c.Panel, c.LEPShare)
		}
	}
	for _, f := range c.Fixes {
		fixed := itt
		fixed.Criteria = f.Criteria
		if err := fixed.ValidateForScoring(); err != nil {
			t.Errorf("%s does not fix the ITT: %v", f.Preset, err)
		}
	}
	if itt.Criteria[2].Weight.Equal(Int(20)) {
		t.Error("a preset changed the ITT it was given")
	}
}

func TestStakeOverByOneHundredth(t *testing.T) {
	c := CheckStake(stakeITT("29.99", "20", "20.01"))
	wantRat(t, "difference", c.Difference, "0.01")
	if !strings.Contains(c.Message(), "0.01 percentage points more") {
		t.Errorf("message %q", c.Message())
	}
}

// TestStakeJointBlend: a joint question's share counts towards the stake.
//
//	Q1 commissioner 40; Q2 lived experience 10; Q3 joint 20 with share 1/2;
//	price 30. LEP weight = 10 + 20 × 1/2 = 20 = stake.
//	With share 1/3: 10 + 20/3 = 50/3 = 16 2/3, short by 10/3 (not a decimal).
func TestStakeJointBlend(t *testing.T) {
	itt := ITT{Title: "Blend", Stake: Int(20), PriceWeight: Int(30), Criteria: []Criterion{
		{ID: "Q1", Question: "a", Weight: Int(40), Panel: Commissioner},
		{ID: "Q2", Question: "b", Weight: Int(10), Panel: LivedExperience},
		{ID: "Q3", Question: "c", Weight: Int(20), Panel: Joint, LEPShare: Frac(1, 2)},
	}}
	if c := CheckStake(itt); !c.OK {
		t.Fatalf("share 1/2: %s", c.Message())
	}
	itt.Criteria[2].LEPShare = Frac(1, 3)
	c := CheckStake(itt)
	wantRat(t, "LEP weight", c.LEPWeight, "50/3")
	wantRat(t, "difference", c.Difference, "-10/3")
	if !strings.Contains(c.Message(), "10/3 percentage points less") {
		t.Errorf("message %q", c.Message())
	}
	// Stake by criteria keeps Q3 and its share: Q2 must be 20 − 20/3 = 40/3,
	// not a whole number of hundredths, so it stays an exact fraction; Q1
	// takes 70 − 20 − 40/3 = 110/3.
	f := c.Fixes[0]
	wantRat(t, "Q1", f.Criteria[0].Weight, "110/3")
	wantRat(t, "Q2", f.Criteria[1].Weight, "40/3")
	wantRat(t, "Q3", f.Criteria[2].Weight, "20")
	fixed := itt
	fixed.Criteria = f.Criteria
	if c := CheckStake(fixed); !c.OK {
		t.Errorf("fixed: %s", c.Message())
	}
}

func TestStakePresetsThatCannotApply(t *testing.T) {
	// No lived experience question: stake by criteria cannot work.
	itt := ITT{Title: "x", Stake: Int(20), PriceWeight: Int(30), Criteria: []Criterion{
		{ID: "Q1", Question: "a", Weight: Int(70), Panel: Commissioner},
	}}
	c := CheckStake(itt)
	if len(c.Fixes) != 1 || c.Fixes[0].Preset != ByBlend || len(c.Unfixable) != 1 {
		t.Fatalf("fixes %+v unfixable %v", c.Fixes, c.Unfixable)
	}
	// Stake equal to all of quality: no blend share strictly below 1.
	itt.Stake = Int(70)
	itt.Criteria = append(itt.Criteria, Criterion{ID: "Q2", Question: "b", Weight: Int(10), Panel: LivedExperience})
	c = CheckStake(itt)
	for _, f := range c.Fixes {
		if f.Preset == ByBlend {
			t.Error("blend offered with the stake equal to quality")
		}
	}
}

// TestWeightsMustSumTo100 checks the message says by how much.
func TestWeightsMustSumTo100(t *testing.T) {
	err := stakeITT("30", "20", "19").ValidateForScoring()
	if !strings.Contains(apperr.Message(err), "99%: 1 percentage points short") {
		t.Errorf("got %v", err)
	}
	err = stakeITT("30.5", "20", "20").ValidateForScoring()
	if !strings.Contains(apperr.Message(err), "100.5%: 0.5 percentage points too many") {
		t.Errorf("got %v", err)
	}
}

func TestApportionHundredths(t *testing.T) {
	// Three equal thirds of 10: 3.33 + 3.33 + 3.33 = 9.99; the spare
	// hundredth goes to the first (ties to the earlier).
	got := apportionHundredths([]Rat{Frac(10, 3), Frac(10, 3), Frac(10, 3)}, Int(10))
	for i, w := range []string{"3.34", "3.33", "3.33"} {
		wantRat(t, "share", got[i], w)
	}
}
