package measure

import (
	"fmt"
	"math/big"
	"sort"
)

// CurveType names how a reported value turns into a share of the payment.
type CurveType string

// Curve types, as written in profile.json.
const (
	// Threshold pays in full when the value reaches the target (≥ when
	// higher is better, ≤ when lower is better), otherwise nothing.
	Threshold CurveType = "threshold"
	// Linear pays nothing at ZeroAt, everything at FullAt and a straight
	// line between, clamped to 0–100%. FullAt > ZeroAt means higher is
	// better; FullAt < ZeroAt means lower is better.
	Linear CurveType = "linear"
	// Banded pays the PayPercent of the best band whose Reach the value
	// attains, nothing if it attains none.
	Banded CurveType = "bands"
)

// Band is one step of a banded curve.
type Band struct {
	Reach      *big.Rat // the value to reach (≥ higher is better, ≤ lower is better)
	PayPercent *big.Rat // 0–100
}

// Curve is a payment curve. Only the fields of its Type are used; a plain
// struct rather than an interface so the store and templates can handle
// every type the same way.
type Curve struct {
	Type   CurveType
	Target *big.Rat // Threshold
	ZeroAt *big.Rat // Linear
	FullAt *big.Rat // Linear
	Bands  []Band   // Banded, in any order
}

var (
	ratZero    = new(big.Rat)
	ratOne     = big.NewRat(1, 1)
	ratHundred = big.NewRat(100, 1)
)

// reaches reports whether v attains goal in direction d.
func reaches(v, goal *big.Rat, d Direction) bool {
	if d == Lower {
		return v.Cmp(goal) <= 0
	}
	return v.Cmp(goal) >= 0
}

// PayFraction returns the share of the available payment, between 0 and 1
// inclusive, that value v earns under curve c for an indicator whose
// direction is d. The curve must have passed validation.
func (c Curve) PayFraction(v *big.Rat, d Direction) *big.Rat {
	switch c.Type {
	case Threshold:
		if reaches(v, c.Target, d) {
			return new(big.Rat).Set(ratOne)
		}
		return new(big.Rat)
	case Linear:
		// (v − zero_at) ÷ (full_at − zero_at) works for both orientations:
		// when lower is better both differences are negative.
		f := new(big.Rat).Sub(v, c.ZeroAt)
		f.Quo(f, new(big.Rat).Sub(c.FullAt, c.ZeroAt))
		if f.Sign() < 0 {
			return new(big.Rat)
		}
		if f.Cmp(ratOne) > 0 {
			return new(big.Rat).Set(ratOne)
		}
		return f
	case Banded:
		var best *Band
		for i := range c.Bands {
			b := &c.Bands[i]
			if !reaches(v, b.Reach, d) {
				continue
			}
			// The best band attained is the most demanding one.
			if best == nil || reaches(b.Reach, best.Reach, d) {
				best = b
			}
		}
		if best == nil {
			return new(big.Rat)
		}
		return new(big.Rat).Quo(best.PayPercent, ratHundred)
	}
	return new(big.Rat)
}

// validate adds the curve's problems under the field prefix (for example
// "indicators[2].curve"). id names the indicator in messages.
func (c Curve) validate(ps *problems, prefix, id string, d Direction) {
	switch c.Type {
	case Threshold:
		if c.Target == nil {
			ps.add(prefix+".target", "enter the target: the value that earns the full payment")
		}
	case Linear:
		if c.ZeroAt == nil {
			ps.add(prefix+".zero_at", "enter zero_at: the value that earns nothing")
		}
		if c.FullAt == nil {
			ps.add(prefix+".full_at", "enter full_at: the value that earns the full payment")
		}
		if c.ZeroAt == nil || c.FullAt == nil {
			return
		}
		switch cmp := c.FullAt.Cmp(c.ZeroAt); {
		case cmp == 0:
			ps.add(prefix+".full_at", "%s is the same as zero_at; make full_at higher than zero_at when higher is better, lower when lower is better", Dec(c.FullAt))
		case cmp > 0 && d == Lower:
			ps.add(prefix+".full_at", "%s is above zero_at %s, which pays more for higher values, but indicator %q is lower-is-better; swap zero_at and full_at or change the direction", Dec(c.FullAt), Dec(c.ZeroAt), id)
		case cmp < 0 && d == Higher:
			ps.add(prefix+".full_at", "%s is below zero_at %s, which pays more for lower values, but indicator %q is higher-is-better; swap zero_at and full_at or change the direction", Dec(c.FullAt), Dec(c.ZeroAt), id)
		}
	case Banded:
		c.validateBands(ps, prefix, d)
	case "":
		ps.add(prefix+".type", "choose a curve type: threshold, linear or bands")
	default:
		ps.add(prefix+".type", "unknown curve type %q; use threshold, linear or bands", string(c.Type))
	}
}

// validateBands checks each band, then that a more demanding band never
// pays less than an easier one; otherwise "the best band attained" would
// be ambiguous and providers could earn more by doing worse.
func (c Curve) validateBands(ps *problems, prefix string, d Direction) {
	if len(c.Bands) == 0 {
		ps.add(prefix+".bands", "add at least one band with reach and pay_percent")
		return
	}
	ok := true
	seen := map[string]int{}
	for i, b := range c.Bands {
		f := fmt.Sprintf("%s.bands[%d]", prefix, i)
		if b.Reach == nil {
			ps.add(f+".reach", "enter the value this band needs to reach")
			ok = false
		} else if j, dup := seen[b.Reach.RatString()]; dup {
			ps.add(f+".reach", "%s is the same reach as bands[%d]; each band needs a different reach", Dec(b.Reach), j)
			ok = false
		} else {
			seen[b.Reach.RatString()] = i
		}
		if b.PayPercent == nil {
			ps.add(f+".pay_percent", "enter the percentage of the payment this band earns")
			ok = false
		} else if b.PayPercent.Sign() < 0 || b.PayPercent.Cmp(ratHundred) > 0 {
			ps.add(f+".pay_percent", "%s is outside 0 to 100", Dec(b.PayPercent))
			ok = false
		}
	}
	if !ok || !d.Valid() {
		return
	}
	idx := make([]int, len(c.Bands))
	for i := range idx {
		idx[i] = i
	}
	// Easiest band first.
	sort.Slice(idx, func(x, y int) bool {
		return !reaches(c.Bands[idx[x]].Reach, c.Bands[idx[y]].Reach, d)
	})
	for k := 1; k < len(idx); k++ {
		easier, harder := c.Bands[idx[k-1]], c.Bands[idx[k]]
		if harder.PayPercent.Cmp(easier.PayPercent) < 0 {
			ps.add(fmt.Sprintf("%s.bands[%d].pay_percent", prefix, idx[k]),
				"%s%% is less than the %s%% paid by bands[%d], which is easier to reach (%s); a band that is harder to reach must pay at least as much",
				Dec(harder.PayPercent), Dec(easier.PayPercent), idx[k-1], Dec(easier.Reach))
		}
	}
}
