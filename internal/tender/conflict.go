package tender

import "strings"

// Declaration is an evaluator's declaration about one bidder, made before
// they may see any bid. Conflict true means they declared a conflict of
// interest (a job, a family tie, a stake in the bidder...).
type Declaration struct {
	Evaluator string
	Bidder    string
	Conflict  bool
	Detail    string
	// Mitigation, when a conflict is declared, is what the panel chair
	// recorded to manage it (for example "no longer a trustee since 2024;
	// will not score Q3"); nil when there is none.
	Mitigation *Mitigation
}

// Mitigation is the chair's written decision that a declared conflict is
// managed and the evaluator may still score the bid.
type Mitigation struct {
	RecordedBy string // the user who recorded it
	ByChair    bool   // whether RecordedBy chairs the evaluator's panel
	Reason     string
}

// Decision is the answer of a rule: allowed or not, and why in plain English.
type Decision struct {
	Allowed bool
	Reason  string
}

func allow(reason string) Decision { return Decision{Allowed: true, Reason: reason} }
func deny(reason string) Decision  { return Decision{Reason: reason} }

// BidAccess decides whether an evaluator may see and score a bidder's bid.
// d is their declaration about that bidder, nil when they have not made one.
//
//   - No declaration: no. Conflicts are declared for every bidder before
//     any bid is seen, so that what someone read cannot colour what they declare.
//   - No conflict: yes.
//   - A conflict: no, unless the chair of the panel recorded a mitigation
//     with a reason. Nobody mitigates their own conflict, the chair included:
//     a conflicted chair needs another decision-maker (recorded outside this rule).
func BidAccess(d *Declaration) Decision {
	switch {
	case d == nil:
		return deny("Declare whether you have a conflict of interest with this bidder before you see their bid.")
	case !d.Conflict:
		return allow("No conflict of interest declared.")
	case d.Mitigation == nil:
		return deny("You declared a conflict of interest with this bidder, so you cannot see or score their bid unless the panel chair records how it is managed.")
	case !d.Mitigation.ByChair:
		return deny("Only the panel chair can record how a conflict of interest is managed.")
	case d.Mitigation.RecordedBy == d.Evaluator:
		return deny("Nobody can manage their own conflict of interest, including the chair.")
	case strings.TrimSpace(d.Mitigation.Reason) == "":
		return deny("The chair must write down how the conflict of interest is managed.")
	}
	return allow("A conflict of interest was declared and the panel chair recorded how it is managed.")
}
