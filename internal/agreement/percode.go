package agreement

import "fmt"

// Sets is coding data where each coder applies a set of codes to each
// unit: Cells[u*Coders+c] lists the codes (indices into Codes) that coder c
// applied to unit u. A nil cell means the coder did not code the unit (a
// missing value); an empty, non-nil cell means they coded it and applied
// no code.
type Sets struct {
	Coders int
	Codes  []string
	Cells  [][]int32
}

// CodeResult is agreement on one code, read as present or absent in each
// unit.
type CodeResult struct {
	Code    string
	Alpha   Result
	Percent Result
	// Cohen's kappa (defined for exactly two coders) and Fleiss' kappa,
	// beside alpha for those who report them.
	Cohen, Fleiss Result
	// AlphaErr, PercentErr, CohenErr and FleissErr say why a figure is
	// undefined (for example a code no one used shows no variation).
	AlphaErr, PercentErr, CohenErr, FleissErr error
}

// PerCode measures agreement on each code as present or absent per unit
// (nominal alpha, percent agreement, Cohen's and Fleiss' kappa), and
// overall: the overall figures pool every code's pairs, which is alpha over
// the sum of the codes' coincidence matrices.
func PerCode(s Sets) (codes []CodeResult, overall CodeResult, err error) {
	if err := s.validate(); err != nil {
		return nil, overall, err
	}
	for k, name := range s.Codes {
		codes = append(codes, measure(name, s.code(int32(k))))
	}
	return codes, measure("all codes", s.Pooled()), nil
}

func (s Sets) validate() error {
	if s.Coders < 1 || len(s.Cells)%s.Coders != 0 {
		return fmt.Errorf("agreement: %d cells do not make whole units of %d coders", len(s.Cells), s.Coders)
	}
	for i, cell := range s.Cells {
		for _, k := range cell {
			if k < 0 || int(k) >= len(s.Codes) {
				return fmt.Errorf("agreement: unit %d, coder %d: code index %d is outside the %d codes", i/s.Coders+1, i%s.Coders+1, k, len(s.Codes))
			}
		}
	}
	return nil
}

var presentAbsent = struct {
	values []float64
	labels []string
}{[]float64{0, 1}, []string{"absent", "present"}}

// code is one code's present/absent table.
func (s Sets) code(k int32) Table {
	t := Table{Coders: s.Coders, Values: presentAbsent.values, Labels: presentAbsent.labels, Cells: make([]int32, len(s.Cells))}
	for i, cell := range s.Cells {
		t.Cells[i] = presence(cell, k)
	}
	return t
}

// Pooled is every code's present/absent table one after another: alpha
// over it is alpha over the sum of the codes' coincidence matrices, the
// overall figure of PerCode, and AlphaCI over it gives that figure's
// interval.
func (s Sets) Pooled() Table {
	all := Table{Coders: s.Coders, Values: presentAbsent.values, Labels: presentAbsent.labels,
		Cells: make([]int32, 0, len(s.Cells)*len(s.Codes))}
	for k := range s.Codes {
		all.Cells = append(all.Cells, s.code(int32(k)).Cells...)
	}
	return all
}

func measure(name string, t Table) CodeResult {
	c := CodeResult{Code: name}
	c.Alpha, c.AlphaErr = Alpha(t, Nominal)
	c.Percent, c.PercentErr = Percent(t)
	c.Cohen, c.CohenErr = Cohen(t)
	c.Fleiss, c.FleissErr = Fleiss(t)
	return c
}

// presence is 1 when the set holds the code, 0 when the unit was coded
// without it, and Missing when it was not coded.
func presence(cell []int32, code int32) int32 {
	if cell == nil {
		return Missing
	}
	for _, k := range cell {
		if k == code {
			return 1
		}
	}
	return 0
}
