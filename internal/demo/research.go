package demo

import (
	"context"
	"errors"

	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/round"
)

// demoOffers are the two coded segments the demo researcher offers the
// demo round: the words, as coded in codingSources, and the round's theme
// they go under ("Getting about" is new to the round).
var demoOffers = []struct{ words, theme, note string }{
	{"Nobody asked me where I wanted to go.", "Being listened to",
		"Several narratives say the same: plans were made about people, not with them."},
	{"On other routes I have been left at the stop twice this month.", "Getting about",
		"Transport that leaves people behind keeps them from the support they are offered."},
}

// seedOffers offers demoOffers, from the researcher's own coding, to the
// demo round: research feeding commissioning.
func seedOffers(asResearcher context.Context, s Store, projectID, researcherID string) error {
	rounds, _, err := s.ListRounds(asResearcher, round.Query{All: true, Limit: 10})
	if err != nil {
		return err
	}
	if len(rounds) == 0 {
		return errors.New("demo: no round to offer research to")
	}
	segs, err := s.Segments(asResearcher, projectID, researcherID)
	if err != nil {
		return err
	}
	sources, err := s.Sources(asResearcher, projectID)
	if err != nil {
		return err
	}
	text := map[string][]rune{}
	for _, src := range sources {
		text[src.ID] = []rune(src.Text)
	}
	for _, o := range demoOffers {
		var segmentID string
		for _, g := range segs {
			if string(text[g.SourceID][g.Start:g.End]) == o.words {
				segmentID = g.ID
			}
		}
		n := qda.NewOffer{SegmentID: segmentID, RoundID: rounds[0].ID, Theme: o.theme, Note: o.note}
		if err := n.Validate(); err != nil {
			return err
		}
		if _, err := s.OfferSegment(asResearcher, n); err != nil {
			return err
		}
	}
	return nil
}
