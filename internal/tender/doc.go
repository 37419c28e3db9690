// Package tender is the pure heart of co-procurement: the invitation to
// tender (ITT) and its validation, the lived experience group's stake made
// exact, scoring, ranking with a published tie-break, moderation and sealed
// scoring rules, conflicts of interest, the sensitivity of the result to the
// stake, standstill dates and assessment summaries.
//
// It holds no SQL, no HTTP and no templates, so the web face, the CLI
// ("coprod tender score") and the store all run the same engine and give the
// same answer. Every weight, score and total is an exact rational ([Rat]);
// money is integer pence; rounding happens only when a face formats a number
// for people to read.
package tender
