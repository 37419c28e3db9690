package agreement

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
)

// DefaultSeed is the seed the bootstrap uses unless told otherwise, so the
// same data always gives the same interval.
const DefaultSeed uint64 = 20070101

// MinSamples is the fewest bootstrap samples AlphaCI accepts (Hayes and
// Krippendorff ask for at least a thousand).
const MinSamples = 1000

// CI is a bootstrapped 95% interval for alpha.
type CI struct {
	Low, High float64
	Samples   int    // bootstrap samples drawn
	Draws     int    // pairs of values drawn in each sample
	Seed      uint64 // the seed of the random numbers
}

// AlphaCI is Alpha with a 95% interval bootstrapped as Hayes and
// Krippendorff describe ("Answering the call for a standard reliability
// measure for coding data", 2007, and Hayes's KALPHA macro): each sample
// draws pairs of values with the probabilities their coincidences give
// (o_cc/n for a pair of the same value, 2 o_ck/n for two different ones),
// as many as the smaller of 25 times the non-zero cells of the coincidence
// matrix and (coders-1)n/2, and computes alpha = 1 - (mean distance of the
// drawn pairs)/De with De kept from the data. A sample's alpha below -1 is
// -1. A sample of perfect agreement on a single value counts as 0, and at
// most as many samples of 1 as chance would give are counted as 0 (the
// macro's correction for small data). The interval runs from the 2.5th to
// the 97.5th percentile. The same seed gives the same interval.
func AlphaCI(t Table, level Level, samples int, seed uint64) (Result, CI, error) {
	ci := CI{Samples: samples, Seed: seed, Low: math.NaN(), High: math.NaN()}
	if samples < MinSamples {
		return Result{Metric: "alpha", Level: level}, ci, fmt.Errorf("agreement: the bootstrap needs at least %d samples, not %d", MinSamples, samples)
	}
	r, err := Alpha(t, level)
	if err != nil {
		return r, ci, err
	}
	s := newScan(t)
	s.countValues(&Result{})
	d := newDistance(level, t.Values, s.nc)
	co := s.coincidences()
	n := float64(r.Pairable)

	// The pairs to draw from: unordered pairs of value indices with their
	// probabilities, accumulated for drawing by binary search.
	var cum, deltas []float64
	nonzero, diagonal := 0, 0
	total := 0.0
	chanceAllOne := 0.0 // the chance that every pair in the data is of one value
	for _, c := range co {
		p := c.o / n
		if c.a == c.b {
			diagonal++
			nonzero++
			chanceAllOne += math.Pow(p, float64(r.Pairs))
		} else {
			nonzero += 2
			p *= 2
		}
		total += p
		cum = append(cum, total)
		deltas = append(deltas, d.delta(c.a, c.b))
	}
	draws := int(math.Min(25*float64(nonzero), float64(t.Coders-1)*n/2))
	ci.Draws = max(draws, 1)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	alphas := make([]float64, samples)
	ones := 0
	for i := range alphas {
		sum := 0.0
		for range ci.Draws {
			j := sort.SearchFloat64s(cum, rng.Float64()*total)
			if j >= len(cum) {
				j = len(cum) - 1
			}
			sum += deltas[j]
		}
		a := 1 - sum/(r.Expected*float64(ci.Draws))
		switch {
		case a < -1:
			a = -1
		case a == 1 && diagonal == 1:
			a = 0
		case a == 1:
			ones++
		}
		alphas[i] = a
	}
	if diagonal > 1 {
		replace := min(int(math.Round(float64(samples)*chanceAllOne)), ones)
		for i := range alphas {
			if replace == 0 {
				break
			}
			if alphas[i] == 1 {
				alphas[i] = 0
				replace--
			}
		}
	}
	sort.Float64s(alphas)
	lo := max(int(0.025*float64(samples))-1, 0)
	hi := min(int(0.975*float64(samples)), samples-1)
	ci.Low, ci.High = alphas[lo], alphas[hi]
	return r, ci, nil
}

// coincidence is one cell of the coincidence matrix, a <= b; o is o_ab.
type coincidence struct {
	a, b int32
	o    float64
}

// coincidences is the upper triangle of Krippendorff's coincidence
// matrix, its non-zero cells in order: o_ab is the number of a-b pairs
// within units, each unit's pairs weighted 1/(m_u-1).
func (s *scan) coincidences() []coincidence {
	k := s.t.Coders
	cells := s.t.Cells
	nv := len(s.nc)
	dense := nv*nv <= 1<<20
	var grid []float64
	sparse := map[[2]int32]float64{}
	if dense {
		grid = make([]float64, nv*nv)
	}
	add := func(a, b int32, w float64) {
		if dense {
			grid[int(a)*nv+int(b)] += w
		} else {
			sparse[[2]int32{a, b}] += w
		}
	}
	for u := 0; u+k <= len(cells); u += k {
		m := s.unit(cells[u : u+k])
		if m >= 2 {
			w := 1 / float64(m-1)
			for i, a := range s.touched {
				na := float64(s.cnt[a])
				add(a, a, na*(na-1)*w)
				for _, b := range s.touched[i+1:] {
					add(min(a, b), max(a, b), na*float64(s.cnt[b])*w)
				}
			}
		}
		s.reset()
	}
	var out []coincidence
	if dense {
		for a := range nv {
			for b := a; b < nv; b++ {
				if o := grid[a*nv+b]; o > 0 {
					out = append(out, coincidence{int32(a), int32(b), o})
				}
			}
		}
		return out
	}
	for key, o := range sparse {
		if o > 0 {
			out = append(out, coincidence{key[0], key[1], o})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].a != out[j].a {
			return out[i].a < out[j].a
		}
		return out[i].b < out[j].b
	})
	return out
}
