package tender

import "sort"

// standing is what ranking needs to know of a bid. The sensitivity
// analysis builds standings at other stakes and ranks them the same way.
type standing struct {
	id                                string
	total, quality, lep, commissioner Rat
	pricePence                        int64
}

func standingOf(b BidResult) standing {
	return standing{id: b.Bid.ID, total: b.Total, quality: b.Quality, lep: b.LEP, commissioner: b.Commissioner, pricePence: b.Bid.PricePence}
}

// better compares a and b by total, then by each tie-break rule in order:
// +1 when a ranks above b, −1 when below, 0 when level after every rule.
func better(a, b standing, tb TieBreak) int {
	if c := a.total.Cmp(b.total); c != 0 {
		return c
	}
	for _, k := range tb {
		var c int
		switch k {
		case HighestQuality:
			c = a.quality.Cmp(b.quality)
		case HighestLEP:
			c = a.lep.Cmp(b.lep)
		case HighestCommissioner:
			c = a.commissioner.Cmp(b.commissioner)
		case LowestPrice:
			switch {
			case a.pricePence < b.pricePence:
				c = 1
			case a.pricePence > b.pricePence:
				c = -1
			}
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

// order sorts standings best first (stably, so level bids keep the order
// given) and returns competition ranks: 1, 2, 2, 4 when two are level.
func order(st []standing, tb TieBreak) []int {
	sort.SliceStable(st, func(i, j int) bool { return better(st[i], st[j], tb) > 0 })
	ranks := make([]int, len(st))
	for i := range st {
		if i > 0 && better(st[i-1], st[i], tb) == 0 {
			ranks[i] = ranks[i-1]
		} else {
			ranks[i] = i + 1
		}
	}
	return ranks
}

// winnerOf returns the bid ranked first alone, or "" with the bids level in
// first place; ranked must be in order with its ranks.
func winnerOf(ranked []standing, ranks []int) (string, []string) {
	if len(ranked) == 0 {
		return "", nil
	}
	if len(ranked) == 1 || ranks[1] != 1 {
		return ranked[0].id, nil
	}
	var tied []string
	for i := range ranked {
		if ranks[i] == 1 {
			tied = append(tied, ranked[i].id)
		}
	}
	return "", tied
}

// rank orders the compliant bids, gives them ranks, and puts the failed
// bids after them in their original order.
func rank(bids []BidResult, tb TieBreak) ([]BidResult, string, []string) {
	byID := make(map[string]BidResult, len(bids))
	var st []standing
	var failed []BidResult
	for _, b := range bids {
		if b.Failed {
			failed = append(failed, b)
			continue
		}
		byID[b.Bid.ID] = b
		st = append(st, standingOf(b))
	}
	ranks := order(st, tb)
	out := make([]BidResult, 0, len(bids))
	for i, s := range st {
		b := byID[s.id]
		b.Rank = ranks[i]
		out = append(out, b)
	}
	winner, tied := winnerOf(st, ranks)
	return append(out, failed...), winner, tied
}
