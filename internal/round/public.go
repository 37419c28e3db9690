package round

import "time"

// PublicRound is what the public board shows of a published round: who
// commissioned it, the group's stake and how it changed, the group's
// counted decisions and, once closed, its impact. It holds nothing that
// names a person — not the proposer, not who answered what, not the notes
// a commissioner typed when changing the stake — so no page built from it
// can name anyone.
type PublicRound struct {
	ID, Title, CareArea, OrgName string
	Stake                        Stake
	Stakes                       []PublicStakeChange // oldest first
	Decisions                    []PublicDecision    // counted ones, in the order they closed
	ClosedAt                     *time.Time
	ImpactWhat, ImpactEvidence   string
	// Pathway is the short address of the group's published "how to get
	// support" page (internal/pathway); "" when there is none.
	Pathway string
}

// Closed reports whether the round closed with an agreed impact.
func (r *PublicRound) Closed() bool { return r.ClosedAt != nil }

// PublicStakeChange is one change of the stake.
type PublicStakeChange struct {
	From, To Stake
	On       string // the UK date, YYYY-MM-DD
	// Decision is the title of the group's decision the change carried
	// out; "" for a change the commissioner made directly.
	Decision string
}

// PublicDecision is one counted decision of the group: what it was about
// and how many answered what.
type PublicDecision struct {
	Kind      ProposalKind
	Title     string
	DecidedOn string // the UK date, YYYY-MM-DD
	Passed    bool
	Counts
}
