package agreement

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Missing marks a cell a coder left blank.
const Missing int32 = -1

// Table is reliability data: Cells holds Units()×Coders value indices, row
// by row (unit by unit), each one Missing or an index into Labels and
// Values. Values, when present, are the numbers the indices stand for, in
// strictly ascending order; the ordinal, interval and ratio levels need
// them. Labels, when present, name the values for people.
type Table struct {
	Coders int
	Cells  []int32
	Values []float64
	Labels []string
}

// Units is the number of rows.
func (t Table) Units() int {
	if t.Coders <= 0 {
		return 0
	}
	return len(t.Cells) / t.Coders
}

// numValues is how many distinct values the indices may refer to.
func (t Table) numValues() int {
	if t.Values != nil {
		return len(t.Values)
	}
	return len(t.Labels)
}

// validate checks the table's shape and, for a level other than nominal,
// that it has ascending numbers to measure distances with.
func (t Table) validate(level Level) error {
	if t.Coders < 1 {
		return fmt.Errorf("agreement: the table needs at least one coder, not %d", t.Coders)
	}
	if len(t.Cells)%t.Coders != 0 {
		return fmt.Errorf("agreement: %d cells do not make whole units of %d coders", len(t.Cells), t.Coders)
	}
	if t.Values != nil && t.Labels != nil && len(t.Values) != len(t.Labels) {
		return fmt.Errorf("agreement: %d values but %d labels", len(t.Values), len(t.Labels))
	}
	v := int32(t.numValues())
	for i, c := range t.Cells {
		if c != Missing && (c < 0 || c >= v) {
			return fmt.Errorf("agreement: unit %d, coder %d: value index %d is outside the %d values", i/t.Coders+1, i%t.Coders+1, c, v)
		}
	}
	if level == Nominal {
		return nil
	}
	if t.Values == nil {
		return fmt.Errorf("agreement: the %s level needs numbers for the values", level)
	}
	for i, x := range t.Values {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("agreement: value %d is %v, not a number to measure with", i+1, x)
		}
		if i > 0 && x <= t.Values[i-1] {
			return fmt.Errorf("agreement: values must be in ascending order without repeats (%v after %v)", x, t.Values[i-1])
		}
		if level == Ratio && x < 0 {
			return fmt.Errorf("agreement: the ratio level needs values of zero or more, not %v", x)
		}
	}
	return nil
}

// Builder turns rows of text into a Table, giving each distinct text a
// value index. A blank cell (after trimming spaces) is Missing.
type Builder struct {
	coders int
	cells  []int32
	index  map[string]int32
	labels []string
}

// NewBuilder starts a table for the given number of coders.
func NewBuilder(coders int) *Builder {
	return &Builder{coders: coders, index: map[string]int32{}}
}

// Add appends one unit: one cell for each coder.
func (b *Builder) Add(unit []string) error {
	if len(unit) != b.coders {
		return fmt.Errorf("agreement: a unit needs %d cells, one for each coder, not %d", b.coders, len(unit))
	}
	for _, s := range unit {
		s = strings.TrimSpace(s)
		if s == "" {
			b.cells = append(b.cells, Missing)
			continue
		}
		i, ok := b.index[s]
		if !ok {
			i = int32(len(b.labels))
			b.index[s] = i
			b.labels = append(b.labels, s)
		}
		b.cells = append(b.cells, i)
	}
	return nil
}

// NonNumeric returns the first label that is not a number, or "" when every
// label is one (so the table has Values and can be measured at every level).
func (b *Builder) NonNumeric() string {
	for _, l := range b.labels {
		if _, err := ParseNumber(l); err != nil {
			return l
		}
	}
	return ""
}

// Table returns the table built so far. When every label is a number the
// values are those numbers in ascending order (so "2", "2.0" and "02" are
// one value); otherwise the labels are sorted as text and Values is nil.
func (b *Builder) Table() Table {
	t := Table{Coders: b.coders}
	numeric := b.NonNumeric() == ""
	if numeric {
		t.Values = []float64{} // a table of blanks still measures at every level
	}
	type entry struct {
		label string
		num   float64
		old   int32
	}
	es := make([]entry, len(b.labels))
	for i, l := range b.labels {
		es[i] = entry{label: l, old: int32(i)}
		if numeric {
			es[i].num, _ = ParseNumber(l)
		}
	}
	sort.SliceStable(es, func(i, j int) bool {
		if numeric {
			return es[i].num < es[j].num
		}
		return es[i].label < es[j].label
	})
	remap := make([]int32, len(es))
	for _, e := range es {
		if numeric && len(t.Values) > 0 && t.Values[len(t.Values)-1] == e.num {
			remap[e.old] = int32(len(t.Values) - 1)
			continue
		}
		remap[e.old] = int32(len(t.Labels))
		t.Labels = append(t.Labels, e.label)
		if numeric {
			t.Values = append(t.Values, e.num)
		}
	}
	t.Cells = slices.Clone(b.cells)
	for i, c := range t.Cells {
		if c != Missing {
			t.Cells[i] = remap[c]
		}
	}
	return t
}

// parseNumber reads a finite decimal number.
func ParseNumber(s string) (float64, error) {
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return x, nil
}
