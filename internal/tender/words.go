package tender

import "github.com/coprod/coprod/internal/words"

// Words is a published result said in plain English, for the people it
// affects to read before any table: who came first and by how much, and
// what the lived experience group's stake did. Bids are named by their
// bidders' names, never by their ids. Exact holds the exact values the
// sentences round, for a "show exact values" section.
type Words struct {
	Outcome string // who came first, and by how much
	Stake   string // what the lived experience panel's scores did to the order
	Range   string // the stakes over which the winner stays the same; "" when not defined
	Exact   []string
}

// SayResult puts rep into words. It does no scoring of its own: every
// number is one rep already publishes, or the difference of two of them.
func SayResult(rep Report) Words {
	name := map[string]string{}
	for _, b := range rep.Bids {
		name[b.ID] = b.Name
	}
	names := func(ids []string) string {
		ns := make([]string, len(ids))
		for i, id := range ids {
			ns[i] = name[id]
		}
		return words.And(ns)
	}
	var w Words
	var ranked []BidReport
	for _, b := range rep.Bids {
		if b.Rank != nil {
			ranked = append(ranked, b)
		}
		w.Exact = append(w.Exact, b.Name+": "+b.Exact.Total+" points")
	}
	switch {
	case rep.Winner != nil && len(ranked) == 1:
		w.Outcome = ranked[0].Name + " won with " + ranked[0].Total.String() + " points out of 100. It was the only bid that met every minimum score."
	case rep.Winner != nil:
		first, second := ranked[0], ranked[1]
		margin := first.Total.Exact().Sub(second.Total.Exact())
		if margin.Sign() == 0 {
			w.Outcome = first.Name + " won with " + first.Total.String() + " points out of 100, level with " + second.Name +
				". The tie-break rule decided it: " + tieRule(rep, first.ID, second.ID)
		} else {
			w.Outcome = first.Name + " won with " + first.Total.String() + " points out of 100, " + Rounded(margin).String() +
				" points ahead of " + second.Name + ", which came second with " + second.Total.String() + "."
			w.Exact = append(w.Exact, "Margin: "+margin.String()+" points")
		}
	case len(rep.TiedFirst) > 0:
		w.Outcome = names(rep.TiedFirst) + " are level in first place after every tie-break rule. A recorded decision must settle it."
	default:
		w.Outcome = "No bid won: none met every minimum score."
	}
	group := "The lived experience panel's scores"
	switch {
	case rep.LEPChangedWinner == nil:
		w.Stake = "What the lived experience panel's scores did cannot be worked out for this result. " + rep.SensitivityNote
	case *rep.LEPChangedWinner && rep.WinnerAtZeroStake != nil:
		w.Stake = group + " changed the winner. Without them, " + name[*rep.WinnerAtZeroStake] + " would have won."
	case *rep.LEPChangedWinner && len(rep.TiedAtZeroStake) > 0:
		w.Stake = group + " changed the winner. Without them, " + names(rep.TiedAtZeroStake) + " would have been level in first place."
	case *rep.LEPChangedWinner:
		w.Stake = group + " changed the winner."
	case rep.Winner != nil:
		w.Stake = group + " did not change the winner: " + name[*rep.Winner] + " would have won without them too."
	default:
		w.Stake = group + " did not change who came first."
	}
	if g := rep.StakeRange; g != nil {
		w.Range = "The winner would stay the same with the lived experience panel's share of the marks anywhere from " +
			g.From.String() + "% to " + g.To.String() + "%. The group's share was " + rep.StakePercent.String() + "%."
		w.Exact = append(w.Exact, "The winner stays the same from exactly "+g.FromExact+"% to exactly "+g.ToExact+"%"+
			ends(g.FromIncluded, g.ToIncluded))
	}
	return w
}

// tieRule is the published rule that put above before below.
func tieRule(rep Report, above, below string) string {
	for _, n := range rep.Ties {
		if n.Above == above && n.Below == below {
			return n.Rule
		}
	}
	return "see the published tie-break rules."
}

// ends says whether each end of a range is itself included.
func ends(from, to bool) string {
	switch {
	case from && to:
		return " (both ends included)."
	case from:
		return " (the lower end included, the upper end not)."
	case to:
		return " (the upper end included, the lower end not)."
	}
	return " (neither end included)."
}
