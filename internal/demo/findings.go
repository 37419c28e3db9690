package demo

import (
	"context"
	"errors"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/findings"
	"github.com/coprod/coprod/internal/round"
)

// seedFindings gives the demo round's group its three findings documents:
// made from the round's data, and released by the facilitator, who put
// one point in plainer words first (the kind of change a facilitator
// makes before the group reads it).
func seedFindings(ctx context.Context, s Store) error {
	rounds, _, err := s.ListRounds(ctx, round.Query{All: true, Limit: 10})
	if err != nil {
		return err
	}
	if len(rounds) == 0 {
		return errors.New("demo: no round for the findings")
	}
	rd := rounds[0]
	fac, err := s.UserByEmail(ctx, "facilitator@demo.test")
	if err != nil {
		return err
	}
	as := audit.WithActor(ctx, fac.ID)
	for _, k := range findings.Kinds {
		if k == findings.KindToldUs {
			st, err := s.FindingsDocument(as, rd.ID, k)
			if err != nil {
				return err
			}
			var e findings.Edit
			for _, sec := range st.Draft.Sections {
				for _, p := range sec.Points {
					pe := findings.PointEdit{Key: p.Key, Text: p.Text, Picture: p.Picture, Include: p.Include}
					if p.Key == "vision:order" {
						pe.Text = "This is what good support looks like to you.\nYou are still voting for the ones that matter most."
					}
					e.Points = append(e.Points, pe)
				}
			}
			if err := s.EditFindings(as, rd.ID, k, e); err != nil {
				return err
			}
		}
		if err := s.ReleaseFindings(as, rd.ID, k); err != nil {
			return err
		}
	}
	return nil
}
