// Package training holds the rules of training delivered by people with
// lived experience to the staff of providers: courses, sessions and who
// attended (with their organisation and role), the same confidence
// questions asked before and after, the paired change per question with
// its 95% interval, and reach per provider.
//
// There is no single satisfaction score on purpose: a course changes some
// things and not others, and one number would hide which.
//
// The package is pure: no SQL, no HTTP.
package training
