package tender

import (
	"sort"
	"strings"
)

// Sensitivity says how much the result depends on the lived experience
// group's stake.
//
// # The rule
//
// Let S be the committed stake and Q = 100 − price weight the quality
// weight. At another stake s (0 ≤ s ≤ Q), every lived experience weight
// part (the lived experience criteria, and the lived experience share of
// joint criteria) is scaled by s ÷ S, and every commissioner weight part by
// (Q − s) ÷ (Q − S). Quality still weighs Q, the lived experience panel
// weighs exactly s, and price is untouched. So for each bid
//
//	total(s) = price + LEP × s/S + commissioner × (Q − s)/(Q − S)
//
// where LEP and commissioner are the bid's parts at the committed stake:
// each total is linear in s, and the winner can only change where two
// bids' totals (or, for the tie-break, their quality or panel scores) cross.
//
// # Did the lived experience panel's scores change the winner?
//
// Yes when the winner at stake 0 differs from the winner at S. At stake 0
// the lived experience panel's scores carry no weight at all, and the
// commissioner panel's scores are stretched, in their published
// proportions, over the whole quality weight: it is the tender as the
// commissioner panel alone would have decided it.
//
// Why this and not "the lived experience criteria rescored as the
// commissioner panel scored them": under the default preset (stake by
// criteria) the commissioner panel never scores the lived experience
// criteria, so there is nothing to substitute, and inventing scores would
// be a guess. Removing the panel and redistributing its weight needs no
// extra data, keeps the quality/price balance the ITT published, and is the
// same rule as the stake range below, at s = 0.
//
// Minimum scores are kept at every stake: they are a pass/fail gate on the
// published scale, not a weight, so a bid that failed one stays out.
//
// # The range of stakes with the same winner
//
// SameWinner is the largest interval of stakes around S over which the
// result stays the same. Its From is the smallest stake at which this
// winner still wins: lower the stake past it and the winner changes (if
// From is 0, no lower stake changes it). Its To is the same upwards. Both
// are exact rationals found by solving the linear equations, not by
// scanning, and each end says whether the end itself still gives the same
// winner (at a crossing the totals are level and the tie-break decides).
type Sensitivity struct {
	// Defined is false when the rule cannot apply: no compliant bid, a stake
	// of 0 (nothing to scale) or a stake equal to the whole quality weight
	// (no commissioner part to scale). Reason then says which.
	Defined bool
	Reason  string

	Stake, QualityWeight Rat

	Winner       Outcome // at the committed stake
	WinnerAtZero Outcome // with the lived experience weight at 0
	// LEPChangedWinner is true when WinnerAtZero differs from Winner.
	LEPChangedWinner bool
	// SameWinner is the segment holding S. SameWinner.From is the smallest
	// stake at which the winner would still be the same; below it (or at it,
	// when FromIncluded is false) the winner changes.
	SameWinner Segment
	// Segments cover every stake from 0 to Q in order, each with its result.
	Segments []Segment
}

// Outcome is the result at one stake: a winner, or bids level in first place.
type Outcome struct {
	Winner string
	Tied   []string
}

// String is the winner, or "tie: A, B".
func (o Outcome) String() string {
	if o.Winner != "" || len(o.Tied) == 0 {
		return o.Winner
	}
	return "tie: " + strings.Join(o.Tied, ", ")
}

// Segment is an interval of stakes (in percent) with one outcome.
type Segment struct {
	From, To                 Rat
	FromIncluded, ToIncluded bool
	Outcome                  Outcome
}

// Contains reports whether stake s lies in the segment.
func (g Segment) Contains(s Rat) bool {
	lo, hi := s.Cmp(g.From), s.Cmp(g.To)
	return (lo > 0 || (lo == 0 && g.FromIncluded)) && (hi < 0 || (hi == 0 && g.ToIncluded))
}

// Sensitivity works out how the result depends on the stake; see the type.
func (r Result) Sensitivity() Sensitivity {
	S, Q := r.Stake, r.QualityWeight
	sv := Sensitivity{Stake: S, QualityWeight: Q}
	var base []standing
	for _, b := range r.Bids {
		if !b.Failed {
			base = append(base, standingOf(b))
		}
	}
	switch {
	case len(base) == 0:
		sv.Reason = "No bid is compliant, so there is no winner to test."
		return sv
	case S.Sign() <= 0:
		sv.Reason = "The stake is 0%, so the lived experience panel has no weight to change."
		return sv
	case S.Cmp(Q) >= 0:
		sv.Reason = "The stake is the whole quality weight, so there is no commissioner weight to trade against it."
		return sv
	}
	sv.Defined = true
	at := func(s Rat) []standing {
		lepScale := s.Quo(S)
		comScale := Q.Sub(s).Quo(Q.Sub(S))
		out := make([]standing, len(base))
		for i, b := range base {
			lep := b.lep.Mul(lepScale)
			com := b.commissioner.Mul(comScale)
			price := b.total.Sub(b.quality)
			out[i] = standing{id: b.id, lep: lep, commissioner: com, quality: lep.Add(com),
				total: price.Add(lep).Add(com), pricePence: b.pricePence}
		}
		return out
	}
	// outcome ranks the standings (reordering st) and names the winner.
	outcome := func(st []standing) Outcome {
		ranks := order(st, r.TieBreak)
		w, tied := winnerOf(st, ranks)
		return Outcome{Winner: w, Tied: tied}
	}

	// Each difference between two bids (in total, quality, LEP or
	// commissioner score) is linear in s, so it is worked out from its
	// values at 0 and Q, and the winner can only change where one is zero.
	lo, hi := at(Int(0)), at(Q)
	metrics := []func(standing) Rat{
		func(x standing) Rat { return x.total },
		func(x standing) Rat { return x.quality },
		func(x standing) Rat { return x.lep },
		func(x standing) Rat { return x.commissioner },
	}
	// nextChange is the smallest stake above p, and below limit, at which
	// one of the lead bids draws level with another bid on any of them.
	// Only the lead bids matter: whoever wins just above p has the highest
	// total at p (totals move continuously), and the outcome stays put until
	// a bid in the lead changes places with some other bid.
	nextChange := func(p, limit Rat, lead []int) Rat {
		for _, i := range lead {
			for j := range base {
				if j == i {
					continue
				}
				for _, m := range metrics {
					d0 := m(lo[i]).Sub(m(lo[j]))
					slope := m(hi[i]).Sub(m(hi[j])).Sub(d0) // per Q
					if slope.Sign() == 0 {
						continue
					}
					root := d0.Neg().Mul(Q).Quo(slope) // d0 + slope × s/Q = 0
					if root.Cmp(p) > 0 && root.Cmp(limit) < 0 {
						limit = root
					}
				}
			}
		}
		return limit
	}
	// leaders are the bids with the highest total in st, in base's order.
	leaders := func(st []standing) []int {
		var lead []int
		for i := range st {
			switch {
			case len(lead) == 0:
				lead = []int{i}
			case st[i].total.Cmp(st[lead[0]].total) > 0:
				lead = []int{i}
			case st[i].total.Cmp(st[lead[0]].total) == 0:
				lead = append(lead, i)
			}
		}
		return lead
	}

	add := func(g Segment) {
		n := len(sv.Segments)
		if n > 0 && sameOutcome(sv.Segments[n-1].Outcome, g.Outcome) {
			sv.Segments[n-1].To, sv.Segments[n-1].ToIncluded = g.To, g.ToIncluded
			return
		}
		sv.Segments = append(sv.Segments, g)
	}
	// Walk from 0 to Q, from one possible change to the next: the outcome
	// at each such stake, then on the open interval up to the next one,
	// where nothing changes, so its midpoint stands for all of it. The
	// walk also stops at S, so that the committed stake is always a point.
	for p := Int(0); ; {
		st := at(p)
		lead := leaders(st) // before outcome reorders st
		add(Segment{From: p, To: p, FromIncluded: true, ToIncluded: true, Outcome: outcome(st)})
		if p.Cmp(Q) >= 0 {
			break
		}
		limit := Q
		if S.Cmp(p) > 0 {
			limit = S
		}
		next := nextChange(p, limit, lead)
		add(Segment{From: p, To: next, Outcome: outcome(at(p.Add(next).Quo(Int(2))))})
		p = next
	}
	for _, g := range sv.Segments {
		if g.Contains(S) {
			sv.SameWinner = g
			sv.Winner = g.Outcome
		}
		if g.Contains(Int(0)) {
			sv.WinnerAtZero = g.Outcome
		}
	}
	sv.LEPChangedWinner = !sameOutcome(sv.Winner, sv.WinnerAtZero)
	return sv
}

func sameOutcome(a, b Outcome) bool {
	if a.Winner != b.Winner || len(a.Tied) != len(b.Tied) {
		return false
	}
	x := append([]string(nil), a.Tied...)
	y := append([]string(nil), b.Tied...)
	sort.Strings(x)
	sort.Strings(y)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}
