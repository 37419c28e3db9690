package training

import (
	"fmt"
	"math"
)

// TQuantile returns the p-quantile of Student's t distribution with df
// degrees of freedom (0.5 ≤ p < 1): the t such that P(T ≤ t) = p. It
// inverts the distribution function by bisection, which is slow beside a
// closed form but needs nothing but the incomplete beta function below.
func TQuantile(p float64, df int) (float64, error) {
	if df < 1 {
		return 0, fmt.Errorf("Student's t needs at least 1 degree of freedom, not %d", df)
	}
	if p < 0.5 || p >= 1 {
		return 0, fmt.Errorf("the quantile's probability must be from 0.5 up to (not including) 1, not %v", p)
	}
	lo, hi := 0.0, 1.0
	for tCDF(hi, df) < p {
		hi *= 2
	}
	for range 200 {
		mid := (lo + hi) / 2
		if tCDF(mid, df) < p {
			lo = mid
		} else {
			hi = mid
		}
		if hi-lo < 1e-13*hi {
			break
		}
	}
	return (lo + hi) / 2, nil
}

// tCDF is P(T ≤ t) for t ≥ 0: 1 − ½·I_x(ν/2, ½) with x = ν/(ν+t²).
func tCDF(t float64, df int) float64 {
	v := float64(df)
	return 1 - 0.5*regIncBeta(v/(v+t*t), v/2, 0.5)
}

// regIncBeta is the regularised incomplete beta function I_x(a, b), from
// its continued fraction (evaluated by the modified Lentz method), using
// the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges
// slowly.
func regIncBeta(x, a, b float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	case x > (a+1)/(a+b+2):
		return 1 - regIncBeta(1-x, b, a)
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	front := math.Exp(a*math.Log(x)+b*math.Log(1-x)-(la+lb-lab)) / a
	return front * betaFraction(x, a, b)
}

// betaFraction evaluates 1/(1+ d1/(1+ d2/(1+ …))) where
// d_{2m+1} = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)) and
// d_{2m} = m(b−m)x / ((a+2m−1)(a+2m)).
func betaFraction(x, a, b float64) float64 {
	const tiny = 1e-300
	f, c, d := tiny, tiny, 0.0
	step := func(num float64) {
		d = 1 + num*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		d = 1 / d
		c = 1 + num/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		f *= c * d
	}
	step(1) // the leading 1/(1 + …)
	for m := 0.0; m < 1000; m++ {
		if m > 0 {
			step(m * (b - m) * x / ((a + 2*m - 1) * (a + 2*m)))
		}
		before := f
		step(-(a + m) * (a + b + m) * x / ((a + 2*m) * (a + 2*m + 1)))
		if math.Abs(f-before) < 1e-16*math.Abs(f) {
			break
		}
	}
	return f
}
