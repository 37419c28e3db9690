// Package measure is the domain of stages 7 and 8 of the commissioning
// cycle: experience and outcome measures, the service specification and its
// versions, payment profiles and the payment engine.
//
// It is pure: no SQL, no HTTP, no templates. The web pages, the store and
// the offline "coprod payments calc" command all call the same functions
// here, so a finance team checking the numbers offline gets exactly what the
// contract page shows.
//
// Money is integer pence. Every calculation that leads to money is done with
// math/big.Rat, exactly, and rounded once at the end, half to even, so that
// the result does not depend on the order of operations or on binary
// floating point. Floats appear only where numbers are formatted for people.
package measure
