package proportion

import (
	"fmt"
	"math"
)

// SampleSize is how many cases an audit needs so that the 95% interval of
// a proportion is at most ± margin (0.05 for five percentage points):
//
//	n₀ = z² p(1 − p) / margin²
//
// with p the proportion expected (0.5 when nothing is known, which needs
// the most cases). From a population of N cases (the people a practice
// sees, say), fewer are needed (Krejcie and Morgan 1970):
//
//	n = n₀ N / (N + n₀ − 1)
//
// population 0 means large enough not to matter. The answer is rounded up.
func SampleSize(margin, expected float64, population int) (int, error) {
	switch {
	case !(margin > 0 && margin < 1):
		return 0, fmt.Errorf("margin %v: give it as a proportion between 0 and 1, such as 0.05", margin)
	case !(expected > 0 && expected < 1):
		return 0, fmt.Errorf("expected proportion %v: give it between 0 and 1, or 0.5 when not known", expected)
	case population < 0:
		return 0, fmt.Errorf("population %d: cannot be negative", population)
	}
	n0 := Z95 * Z95 * expected * (1 - expected) / (margin * margin)
	n := n0
	if population > 0 {
		N := float64(population)
		n = n0 * N / (N + n0 - 1)
	}
	// A hair of rounding must not add a case: 96.0000000001 is 96.
	return int(math.Ceil(n - 1e-9)), nil
}
