// Package peer holds the rules of peer support as a right: the trigger
// points at which a user-led organisation (ULO) offers peer support, the
// time standards for first contact, the referral's life, matching that
// the person chooses from, and the measures the public board shows.
//
// Peer support here is a right, not a step towards discharge: support ends
// for a reason, and an end because a service discharged the person is
// counted on its own so it cannot pass for a goal met.
//
// The package is pure: no SQL, no HTTP. Times are instants; calendar
// questions (which day, working days) are answered in Europe/London.
package peer
