package measure

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
)

// ParseProfileJSON reads and validates a payment profile in the
// profile.json format of "coprod payments calc":
//
//	{"contract_value_pence": 120000000, "at_risk_percent": "1.5",
//	 "periods": ["2027-Q1", "2027-Q2"],
//	 "indicators": [{"id": "X1", "name": "...", "weight_percent": 30,
//	   "direction": "higher", "curve": {"type": "linear", "zero_at": 50, "full_at": 75}}],
//	 "rating": {"good": 90, "approaching": 75, "requires_improvement": 50}}
//
// Numbers may be JSON numbers or decimal strings and are read exactly
// (0.1 is one tenth). Curves: {"type": "threshold", "target": N},
// {"type": "linear", "zero_at": N, "full_at": N} and {"type": "bands",
// "bands": [{"reach": N, "pay_percent": N}, ...]}. "rating" and an
// indicator's "name" and "measure_id" are optional. Unknown fields are
// refused, since a misspelt field would otherwise be silently ignored.
//
// Every problem is reported at once in an *InputError whose Source is
// source, naming the field by its path from the top, indexes from 0:
// "profile.json: indicators[2].curve.full_at: ...". Syntax errors name
// the line instead.
func ParseProfileJSON(data []byte, source string) (*Profile, error) {
	root, err := parseJSONTree(data)
	if err != nil {
		je := err.(*jsonError)
		return nil, &InputError{Source: source, Problems: []Problem{{Line: lineAt(data, je.offset), Message: je.msg}}}
	}
	r := profileReader{}
	p := r.profile(root)
	// Validation reports what is absent or out of range; drop what it
	// says about fields the reader already found unreadable.
	var vps problems
	p.validate(&vps)
	for _, vp := range vps.list {
		if !r.covers(vp.Field) {
			r.ps.addProblem(vp)
		}
	}
	r.ps.omitted += vps.omitted
	if err := r.ps.err(source); err != nil {
		return nil, err
	}
	return p, nil
}

// profileReader turns a JSON tree into a Profile, noting type problems.
type profileReader struct {
	ps  problems
	bad []string // fields with a type problem
}

func (r *profileReader) fail(field, format string, args ...any) {
	r.bad = append(r.bad, field)
	r.ps.add(field, format, args...)
}

// covers reports whether field is, or is inside, a field already reported.
func (r *profileReader) covers(field string) bool {
	for _, b := range r.bad {
		if field == b || strings.HasPrefix(field, b+".") || strings.HasPrefix(field, b+"[") {
			return true
		}
	}
	return false
}

// fields walks an object's members, refusing unknown names.
func (r *profileReader) fields(n *jnode, path string, known []string, each func(key, field string, v *jnode)) bool {
	if n.kind != 'o' {
		where := path
		if where == "" {
			where = "the file"
		}
		r.fail(path, "%s must be a JSON object {...}, not %s", where, n.kindName())
		return false
	}
	for i, key := range n.keys {
		field := key
		if path != "" {
			field = path + "." + key
		}
		if !slices.Contains(known, key) {
			r.fail(field, "unknown field; expected %s", strings.Join(known, ", "))
			continue
		}
		each(key, field, n.vals[i])
	}
	return true
}

func (r *profileReader) profile(root *jnode) *Profile {
	p := &Profile{}
	known := []string{"contract_value_pence", "at_risk_percent", "periods", "indicators", "rating"}
	if !r.fields(root, "", known, func(key, field string, v *jnode) {
		switch key {
		case "contract_value_pence":
			p.ContractValuePence = r.pence(v, field)
		case "at_risk_percent":
			p.AtRiskPercent = r.number(v, field)
		case "periods":
			r.list(v, field, func(i int, f string, item *jnode) {
				p.Periods = append(p.Periods, r.str(item, f))
			})
		case "indicators":
			r.list(v, field, func(i int, f string, item *jnode) {
				p.Indicators = append(p.Indicators, r.indicator(item, f))
			})
		case "rating":
			p.Rating = r.rating(v, field)
		}
	}) {
		r.bad = append(r.bad, "contract_value_pence", "at_risk_percent", "periods", "indicators")
	}
	return p
}

func (r *profileReader) indicator(n *jnode, path string) Indicator {
	var ind Indicator
	known := []string{"id", "name", "measure_id", "weight_percent", "direction", "curve"}
	r.fields(n, path, known, func(key, field string, v *jnode) {
		switch key {
		case "id":
			ind.ID = r.str(v, field)
		case "name":
			ind.Name = r.str(v, field)
		case "measure_id":
			ind.MeasureID = r.str(v, field)
		case "weight_percent":
			ind.WeightPercent = r.number(v, field)
		case "direction":
			ind.Direction = Direction(r.str(v, field))
		case "curve":
			ind.Curve = r.curve(v, field)
		}
	})
	return ind
}

func (r *profileReader) curve(n *jnode, path string) Curve {
	var c Curve
	known := []string{"type", "target", "zero_at", "full_at", "bands"}
	ok := r.fields(n, path, known, func(key, field string, v *jnode) {
		switch key {
		case "type":
			c.Type = CurveType(r.str(v, field))
		case "target":
			c.Target = r.number(v, field)
		case "zero_at":
			c.ZeroAt = r.number(v, field)
		case "full_at":
			c.FullAt = r.number(v, field)
		case "bands":
			r.list(v, field, func(i int, f string, item *jnode) {
				var b Band
				r.fields(item, f, []string{"reach", "pay_percent"}, func(key, field string, v *jnode) {
					if key == "reach" {
						b.Reach = r.number(v, field)
					} else {
						b.PayPercent = r.number(v, field)
					}
				})
				c.Bands = append(c.Bands, b)
			})
		}
	})
	if !ok {
		return c
	}
	// A field that belongs to another curve type is a mistake worth
	// naming: "target" on a linear curve would otherwise be ignored.
	wanted := map[CurveType][]string{Threshold: {"target"}, Linear: {"zero_at", "full_at"}, Banded: {"bands"}}
	if want, known := wanted[c.Type]; known {
		for _, key := range n.keys {
			if key != "type" && !slices.Contains(want, key) {
				r.fail(path+"."+key, "is not used by a %s curve, which takes %s", c.Type, strings.Join(want, " and "))
			}
		}
	}
	return c
}

func (r *profileReader) rating(n *jnode, path string) RatingThresholds {
	var t RatingThresholds
	r.fields(n, path, []string{"good", "approaching", "requires_improvement"}, func(key, field string, v *jnode) {
		switch key {
		case "good":
			t.Good = r.number(v, field)
		case "approaching":
			t.Approaching = r.number(v, field)
		case "requires_improvement":
			t.RequiresImprovement = r.number(v, field)
		}
	})
	return t
}

// list walks a JSON array.
func (r *profileReader) list(n *jnode, path string, each func(i int, field string, item *jnode)) {
	if n.kind != 'a' {
		r.fail(path, "must be a list [...], not %s", n.kindName())
		return
	}
	if len(n.vals) > max(MaxPeriods, MaxIndicators) {
		r.fail(path, "has %d items; at most %d are accepted", len(n.vals), max(MaxPeriods, MaxIndicators))
		return
	}
	for i, item := range n.vals {
		each(i, fmt.Sprintf("%s[%d]", path, i), item)
	}
}

func (r *profileReader) str(n *jnode, field string) string {
	if n.kind != 's' {
		r.fail(field, "must be text in quotes, not %s", n.kindName())
		return ""
	}
	return n.text
}

// number reads a JSON number or a decimal string, exactly.
func (r *profileReader) number(n *jnode, field string) *big.Rat {
	if n.kind != 'n' && n.kind != 's' {
		r.fail(field, "must be a number, such as 1.5 or \"1.5\", not %s", n.kindName())
		return nil
	}
	v, err := ParseDecimal(strings.TrimSpace(n.text))
	if err != nil {
		r.fail(field, "%q: %v", n.text, err)
		return nil
	}
	return v
}

// pence reads a whole number of pence.
func (r *profileReader) pence(n *jnode, field string) int64 {
	v := r.number(n, field)
	switch {
	case v == nil:
		return 0
	case !v.IsInt():
		r.fail(field, "%s is not a whole number of pence", Dec(v))
		return 0
	case v.Num().CmpAbs(big.NewInt(MaxContractValuePence)) > 0:
		r.fail(field, "%s is more than the largest value accepted, %d", Dec(v), int64(MaxContractValuePence))
		return 0
	}
	return v.Num().Int64()
}
