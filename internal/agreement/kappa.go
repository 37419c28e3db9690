package agreement

// Percent is pairwise percent agreement: of all pairs of values within
// units (each pair of coders who both coded a unit), the share that are the
// same value. With two coders it is the share of units both coded on which
// they agree.
func Percent(t Table) (Result, error) {
	r := Result{Metric: "percent", Units: t.Units(), Coders: t.Coders}
	if err := t.validate(Nominal); err != nil {
		return r, err
	}
	s := newScan(t)
	s.countValues(&r)
	if r.Pairs == 0 {
		return r, undefined(&r, noPairs(t))
	}
	agree := 0
	k := t.Coders
	for u := 0; u+k <= len(t.Cells); u += k {
		s.unit(t.Cells[u : u+k])
		for _, c := range s.touched {
			n := int(s.cnt[c])
			agree += n * (n - 1) / 2
		}
		s.reset()
	}
	r.Observed = float64(agree) / float64(r.Pairs)
	r.Value = r.Observed
	return r, nil
}

// Fleiss is Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement
// among many raters"): the mean over units of the share of agreeing pairs
// (P-bar), against the agreement expected from the overall share of each
// value (P-bar-e). Units with fewer than two values are left out. Fleiss
// assumes every unit has the same number of values; when they differ
// (MinPerUnit < MaxPerUnit) each unit's share uses its own count, which is
// the usual generalisation.
func Fleiss(t Table) (Result, error) {
	r := Result{Metric: "fleiss", Units: t.Units(), Coders: t.Coders}
	if err := t.validate(Nominal); err != nil {
		return r, err
	}
	s := newScan(t)
	s.countValues(&r)
	if r.PairableUnits == 0 {
		return r, undefined(&r, noPairs(t))
	}
	var pbar float64
	k := t.Coders
	for u := 0; u+k <= len(t.Cells); u += k {
		m := s.unit(t.Cells[u : u+k])
		if m >= 2 {
			agree := 0
			for _, c := range s.touched {
				n := int(s.cnt[c])
				agree += n * (n - 1)
			}
			pbar += float64(agree) / float64(m*(m-1))
		}
		s.reset()
	}
	pbar /= float64(r.PairableUnits)
	var pe float64
	for _, x := range s.nc {
		p := x / float64(r.Pairable)
		pe += p * p
	}
	r.Observed, r.Expected = pbar, pe
	if pe == 1 {
		return r, undefined(&r, "every value is the same, so agreement cannot be told apart from chance")
	}
	r.Value = (pbar - pe) / (1 - pe)
	return r, nil
}

// Cohen is Cohen's kappa for two coders (Cohen 1960, "A coefficient of
// agreement for nominal scales"): observed agreement Po against the chance
// agreement Pe from each coder's own share of each value, over the units
// both coders coded.
func Cohen(t Table) (Result, error) {
	r := Result{Metric: "cohen", Units: t.Units(), Coders: t.Coders}
	if err := t.validate(Nominal); err != nil {
		return r, err
	}
	if t.Coders != 2 {
		return r, undefined(&r, "Cohen's kappa compares exactly two coders; use Fleiss' kappa or alpha for more")
	}
	v := t.numValues()
	first, second := make([]float64, v), make([]float64, v)
	agree := 0
	for u := 0; u+1 < len(t.Cells); u += 2 {
		a, b := t.Cells[u], t.Cells[u+1]
		if a == Missing || b == Missing {
			continue
		}
		r.PairableUnits++
		first[a]++
		second[b]++
		if a == b {
			agree++
		}
	}
	r.Pairable, r.Pairs = 2*r.PairableUnits, r.PairableUnits
	if r.PairableUnits > 0 {
		r.MinPerUnit, r.MaxPerUnit = 2, 2
	}
	if r.PairableUnits == 0 {
		return r, undefined(&r, "no unit was coded by both coders")
	}
	n := float64(r.PairableUnits)
	var pe float64
	for c := range first {
		pe += first[c] / n * second[c] / n
	}
	r.Observed, r.Expected = float64(agree)/n, pe
	if pe == 1 {
		return r, undefined(&r, "both coders gave one and the same value throughout, so agreement cannot be told apart from chance")
	}
	r.Value = (r.Observed - pe) / (1 - pe)
	return r, nil
}
