package agreement

import (
	"math"
	"math/rand/v2"
	"testing"
)

// referenceAlpha follows Krippendorff (2011) literally and slowly: a dense
// coincidence matrix from every ordered pair of coders within each unit,
// the value totals, the delta of each level written from its definition,
// and alpha = 1 - (n-1) sum(o_ck delta_ck) / sum(n_c n_k delta_ck). It is
// the oracle for the fast code in the randomised and fuzz tests; it
// reports ok=false when alpha is undefined.
func referenceAlpha(t Table, level Level) (alpha float64, ok bool) {
	nv := t.numValues()
	o := make([][]float64, nv)
	for i := range o {
		o[i] = make([]float64, nv)
	}
	for u := 0; u < t.Units(); u++ {
		row := t.Cells[u*t.Coders : (u+1)*t.Coders]
		m := 0
		for _, c := range row {
			if c != Missing {
				m++
			}
		}
		if m < 2 {
			continue
		}
		for i, a := range row {
			for j, b := range row {
				if i != j && a != Missing && b != Missing {
					o[a][b] += 1 / float64(m-1)
				}
			}
		}
	}
	nc := make([]float64, nv)
	n := 0.0
	for c := range o {
		for k := range o {
			nc[c] += o[c][k]
		}
		n += nc[c]
	}
	delta := func(c, k int) float64 {
		switch level {
		case Nominal:
			if c == k {
				return 0
			}
			return 1
		case Ordinal:
			lo, hi := min(c, k), max(c, k)
			s := 0.0
			for g := lo; g <= hi; g++ {
				s += nc[g]
			}
			s -= (nc[c] + nc[k]) / 2
			return s * s
		case Interval:
			return (t.Values[c] - t.Values[k]) * (t.Values[c] - t.Values[k])
		}
		if t.Values[c]+t.Values[k] == 0 {
			return 0
		}
		r := (t.Values[c] - t.Values[k]) / (t.Values[c] + t.Values[k])
		return r * r
	}
	var do, de float64
	for c := range o {
		for k := range o {
			do += o[c][k] * delta(c, k)
			de += nc[c] * nc[k] * delta(c, k)
		}
	}
	if n < 2 || de == 0 {
		return math.NaN(), false
	}
	return 1 - (n-1)*do/de, true
}

// sameAlpha compares the fast figure with the reference: both undefined,
// or equal to within rounding.
func sameAlpha(t *testing.T, tab Table, level Level) {
	t.Helper()
	want, ok := referenceAlpha(tab, level)
	r, err := Alpha(tab, level)
	if !ok {
		if err == nil {
			t.Fatalf("%s: alpha %v where the reference finds it undefined: %+v", level, r.Value, tab)
		}
		return
	}
	if err != nil {
		t.Fatalf("%s: %v where the reference gives %v: %+v", level, err, want, tab)
	}
	if math.Abs(r.Value-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Fatalf("%s: alpha %v, reference %v: %+v", level, r.Value, want, tab)
	}
}

func TestAlphaAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	values := []float64{0, 1, 2.5, 3, 7, 40}
	for range 500 {
		coders := 1 + rng.IntN(6)
		units := 1 + rng.IntN(12)
		nv := 1 + rng.IntN(len(values))
		tab := Table{Coders: coders, Values: values[:nv]}
		for range coders * units {
			c := int32(rng.IntN(nv + 1))
			if int(c) == nv {
				c = Missing
			}
			tab.Cells = append(tab.Cells, c)
		}
		for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
			sameAlpha(t, tab, level)
		}
	}
}
