// Package agreement measures how far coders agree when they each assign a
// value to the same units: percent agreement, Cohen's kappa (two coders),
// Fleiss' kappa (any number) and Krippendorff's alpha at the nominal,
// ordinal, interval and ratio levels, with missing values, per code
// (present or absent in each unit) and overall, and a bootstrapped 95%
// interval for alpha after Hayes and Krippendorff (2007).
//
// It uses the standard library only and imports nothing else from Coprod,
// so any Go program can use it.
//
// Reliability data is a Table: one row per unit, one column per coder,
// each cell an index into the table's values or Missing. Alpha is computed
// from the pairs of values within each unit (Krippendorff's coincidences)
// in one pass over the cells, without a map per unit, so a million units
// by five coders take a fraction of a second.
//
// A figure that cannot be computed (one coder, no unit with two values,
// no variation at all) is returned as NaN together with an *UndefinedError
// that says why; the counts it would rest on are still filled in.
package agreement
