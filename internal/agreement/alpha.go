package agreement

import "fmt"

// maxQuadraticValues bounds the distinct values at the ordinal and ratio
// levels, whose expected disagreement needs every pair of values.
const maxQuadraticValues = 20000

// Alpha is Krippendorff's alpha at the given level, with any number of
// coders and missing values (Krippendorff, "Computing Krippendorff's
// alpha-reliability", 2011): alpha = 1 - Do/De, where Do is the
// disagreement observed among the pairs of values within units and De the
// disagreement expected among all pairable values. Units with fewer than
// two values are not pairable and play no part.
func Alpha(t Table, level Level) (Result, error) {
	r := Result{Metric: "alpha", Level: level, Units: t.Units(), Coders: t.Coders}
	if level < Nominal || level > Ratio {
		return r, fmt.Errorf("agreement: unknown level %d", int(level))
	}
	if err := t.validate(level); err != nil {
		return r, err
	}
	s := newScan(t)
	s.countValues(&r)
	if r.Pairable < 2 {
		return r, undefined(&r, noPairs(t))
	}
	nv := len(s.nc)
	if (level == Ordinal || level == Ratio) && nv > maxQuadraticValues {
		return r, fmt.Errorf("agreement: %d distinct values is too many for the %s level (at most %d)", nv, level, maxQuadraticValues)
	}
	d := newDistance(level, t.Values, s.nc)
	n := float64(r.Pairable)
	deSum := d.expectedSum(s.nc, n)
	doSum := s.observedSum(d)
	r.Observed = doSum / n
	r.Expected = deSum / (n * (n - 1))
	if deSum == 0 {
		return r, undefined(&r, "every pairable value is the same, so agreement cannot be told apart from chance")
	}
	r.Value = 1 - (n-1)*doSum/deSum
	return r, nil
}

// noPairs says why a table has no two values in one unit.
func noPairs(t Table) string {
	if t.Coders < 2 {
		return "one coder gives no unit two values to compare"
	}
	for _, c := range t.Cells {
		if c != Missing {
			return "no unit has values from two coders"
		}
	}
	return "every value is missing"
}

// scan holds what one pass over the cells needs: a count per value index
// and the list of indices seen in the current unit, reset after each unit.
type scan struct {
	t       Table
	nc      []float64 // values in pairable units, by index
	cnt     []int32   // per-unit counts, zero between units
	touched []int32
}

func newScan(t Table) *scan {
	v := t.numValues()
	return &scan{t: t, nc: make([]float64, v), cnt: make([]int32, v), touched: make([]int32, 0, t.Coders)}
}

// countValues fills the pairable counts (n_c) and the result's counts.
func (s *scan) countValues(r *Result) {
	k := s.t.Coders
	cells := s.t.Cells
	for u := 0; u+k <= len(cells); u += k {
		m := 0
		for _, c := range cells[u : u+k] {
			if c != Missing {
				m++
			}
		}
		if m < 2 {
			continue
		}
		for _, c := range cells[u : u+k] {
			if c != Missing {
				s.nc[c]++
			}
		}
		r.PairableUnits++
		r.Pairable += m
		r.Pairs += m * (m - 1) / 2
		if r.MinPerUnit == 0 || m < r.MinPerUnit {
			r.MinPerUnit = m
		}
		r.MaxPerUnit = max(r.MaxPerUnit, m)
	}
}

// unit gathers the distinct values of one unit into touched with their
// counts in cnt, and returns how many values it has. The caller must call
// reset before the next unit.
func (s *scan) unit(row []int32) int {
	m := 0
	for _, c := range row {
		if c == Missing {
			continue
		}
		m++
		if s.cnt[c] == 0 {
			s.touched = append(s.touched, c)
		}
		s.cnt[c]++
	}
	return m
}

func (s *scan) reset() {
	for _, c := range s.touched {
		s.cnt[c] = 0
	}
	s.touched = s.touched[:0]
}

// observedSum is the sum over pairable units of the squared distances of
// every ordered pair of values in the unit, each unit weighted 1/(m_u-1):
// n times Do.
func (s *scan) observedSum(d distance) float64 {
	k := s.t.Coders
	cells := s.t.Cells
	var sum float64
	for u := 0; u+k <= len(cells); u += k {
		m := s.unit(cells[u : u+k])
		if m >= 2 && len(s.touched) > 1 {
			var unit float64
			for i, a := range s.touched {
				for _, b := range s.touched[i+1:] {
					unit += float64(s.cnt[a]) * float64(s.cnt[b]) * d.delta(a, b)
				}
			}
			sum += 2 * unit / float64(m-1)
		}
		s.reset()
	}
	return sum
}

// distance is the squared difference function of a level (Krippendorff's
// metric delta squared) over value indices.
type distance struct {
	level  Level
	values []float64
	cum    []float64 // ordinal: cum[g] is the sum of n_h for h < g
	nc     []float64
}

func newDistance(level Level, values, nc []float64) distance {
	d := distance{level: level, values: values, nc: nc}
	if level == Ordinal {
		d.cum = make([]float64, len(nc)+1)
		for g, x := range nc {
			d.cum[g+1] = d.cum[g] + x
		}
	}
	return d
}

// delta is the squared distance between two different value indices.
func (d distance) delta(a, b int32) float64 {
	if a == b {
		return 0
	}
	switch d.level {
	case Ordinal:
		lo, hi := min(a, b), max(a, b)
		x := d.cum[hi+1] - d.cum[lo] - (d.nc[lo]+d.nc[hi])/2
		return x * x
	case Interval:
		x := d.values[a] - d.values[b]
		return x * x
	case Ratio:
		sum := d.values[a] + d.values[b]
		if sum == 0 {
			return 0
		}
		x := (d.values[a] - d.values[b]) / sum
		return x * x
	}
	return 1
}

// expectedSum is the sum over all ordered pairs of value indices of
// n_c n_k delta(c,k): n(n-1) times De. Nominal and interval
// have closed forms; ordinal and ratio visit every pair of values present.
func (d distance) expectedSum(nc []float64, n float64) float64 {
	switch d.level {
	case Nominal:
		sq := 0.0
		for _, x := range nc {
			sq += x * x
		}
		return n*n - sq
	case Interval:
		mean := 0.0
		for c, x := range nc {
			mean += x * d.values[c]
		}
		mean /= n
		ss := 0.0
		for c, x := range nc {
			dev := d.values[c] - mean
			ss += x * dev * dev
		}
		return 2 * n * ss
	}
	present := make([]int32, 0, len(nc))
	for c, x := range nc {
		if x > 0 {
			present = append(present, int32(c))
		}
	}
	sum := 0.0
	for i, a := range present {
		for _, b := range present[i+1:] {
			sum += nc[a] * nc[b] * d.delta(a, b)
		}
	}
	return 2 * sum
}
