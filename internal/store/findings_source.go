package store

import (
	"context"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/findings"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/tender"
)

// FindingsSource gathers a round's data for its findings documents, as the
// group may see it: content whose author withdrew consent is left out (the
// group audience and the public ledger), and measures, contracts and the
// tender outcome are the round's own.
func (db *DB) FindingsSource(ctx context.Context, roundID string) (*findings.Source, error) {
	rd, err := db.RoundByID(ctx, roundID)
	if err != nil {
		return nil, err
	}
	src := &findings.Source{RoundTitle: rd.Title, VotesCounted: rd.Voting == round.VotingClosed}

	themes, err := db.EvidenceMap(ctx, roundID, round.Group)
	if err != nil {
		return nil, err
	}
	for _, t := range themes {
		n := 0
		for _, c := range t.Counts {
			n += c
		}
		src.Themes = append(src.Themes, findings.Theme{ID: t.Theme.ID, Name: t.Theme.Name, Items: n})
	}

	factors, err := db.Factors(ctx, roundID, round.Group, "")
	if err != nil {
		return nil, err
	}
	for _, f := range factors {
		src.Factors = append(src.Factors, findings.Factor{ID: f.ID, Helps: f.Kind == "protective", Domain: f.Domain, Text: f.Description, MeToo: f.MeToo})
	}

	statements, err := db.Statements(ctx, roundID, round.Group, "")
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, s := range statements {
		ids = append(ids, s.ID)
	}
	pics, err := db.ChosenPictures(ctx, pictures.KindVision, ids)
	if err != nil {
		return nil, err
	}
	for _, s := range statements {
		src.Vision = append(src.Vision, findings.Statement{ID: s.ID, Text: s.Body, Dots: s.Dots, Picture: pics[s.ID]})
	}

	if err := db.findingsMeasures(ctx, roundID, src); err != nil {
		return nil, err
	}
	if err := db.findingsTenders(ctx, rd, src); err != nil {
		return nil, err
	}

	for after := ""; ; {
		page, err := db.BoardItems(ctx, ledger.Query{RoundID: roundID, After: after, Limit: 200})
		if err != nil {
			return nil, err
		}
		for _, it := range page.Items {
			src.Voice = append(src.Voice, findings.Voice{ID: it.ID, Said: it.Said, EasyRead: it.EasyRead, Verdict: string(it.Verdict)})
		}
		if after = page.Next; after == "" {
			break
		}
	}
	return src, nil
}

// findingsMeasures adds the round's measures with their Easy Read words and
// chosen pictures, and the indicators its contracts pay on.
func (db *DB) findingsMeasures(ctx context.Context, roundID string, src *findings.Source) error {
	var ids []string
	for after := ""; ; {
		ms, next, err := db.Measures(ctx, roundID, after, 200)
		if err != nil {
			return err
		}
		for _, m := range ms {
			src.Measures = append(src.Measures, findings.Measure{ID: m.ID, Title: m.Title, EasyRead: m.EasyRead, SignedOff: m.SignOff != nil})
			ids = append(ids, m.ID)
		}
		if after = next; after == "" {
			break
		}
	}
	pics, err := db.ChosenPictures(ctx, pictures.KindMeasure, ids)
	if err != nil {
		return err
	}
	for i := range src.Measures {
		src.Measures[i].Picture = pics[src.Measures[i].ID]
	}
	return db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(sc scanner) error {
			var in findings.Indicator
			var contractID, code string
			if err := sc.Scan(&contractID, &in.Provider, &code, &in.Name, &in.MeasureID); err != nil {
				return err
			}
			in.Key = contractID + ":" + code
			src.Indicators = append(src.Indicators, in)
			return nil
		}, `SELECT c.id, o.name, pi.code, pi.name, pi.measure_id FROM profile_indicators pi
			JOIN contracts c ON c.id = pi.contract_id JOIN organisations o ON o.id = c.provider_org_id
			WHERE c.round_id = ? ORDER BY c.created_at, c.id, pi.position`, roundID)
	})
}

// findingsTenders adds each tender: whether it is published, who won, and
// whether the group's scores changed the winner (the engine's sensitivity).
func (db *DB) findingsTenders(ctx context.Context, rd *round.Round, src *findings.Source) error {
	for after := ""; ; {
		ts, next, err := db.ListTenders(ctx, rd.ID, after, 200)
		if err != nil {
			return err
		}
		for i := range ts {
			t := &ts[i]
			ft := findings.Tender{ID: t.ID, Title: t.Title, Published: t.PublishedAt != nil, Stake: rd.Stake.String()}
			if t.Awarded {
				if err := db.findingsAward(ctx, t, &ft); err != nil {
					return err
				}
			}
			src.Tenders = append(src.Tenders, ft)
		}
		if after = next; after == "" {
			return nil
		}
	}
}

func (db *DB) findingsAward(ctx context.Context, t *tender.Tender, ft *findings.Tender) error {
	a, err := db.AwardOf(ctx, t.ID)
	if apperr.Code(err) == apperr.NotFound {
		return nil
	} else if err != nil {
		return err
	}
	bid, err := db.BidByID(ctx, t.ID, a.WinnerBidID)
	if err != nil {
		return err
	}
	ft.Awarded, ft.Winner = true, bid.OrgName
	bids, err := db.SubmittedBids(ctx, t.ID)
	if err != nil {
		return err
	}
	cs, err := db.ConsensusForResult(ctx, t.ID)
	if err != nil {
		return err
	}
	res, err := t.Evaluate(bids, cs)
	if apperr.Code(err) == apperr.Invalid {
		return nil // no result to test: the sentence says only what the stake was
	} else if err != nil {
		return err
	}
	sv := res.Sensitivity()
	ft.Tested, ft.GroupChangedWho = sv.Defined, sv.LEPChangedWinner
	return nil
}
