// Package ocds writes Open Contracting Data Standard 1.1 release packages:
// the tender, award and contract stages of a contracting process, with the
// bid, lots, awardCriteria, enquiry and metrics extensions.
//
// It depends on nothing but the standard library, so any Go program can
// publish OCDS with it; Coprod's tender export is one user. The types hold
// only the fields Coprod needs, each spelled as the schema spells it, and
// empty fields are left out rather than written as null.
//
// Money is integer minor units (pence) and is written as an exact decimal
// amount, never through floating point.
package ocds
