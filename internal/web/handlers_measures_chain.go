package web

import (
	"context"
	"net/http"

	"github.com/coprod/coprod/internal/computed"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/round"
)

// The indicator chain: vision statement → measure → indicator (in a
// specification version) → contract → payment, built once per page from
// the store and followed both ways: forwards on the chain page and a
// measure's page, backwards on a contract's page.

// chainSpec is a specification whose versions carry a measure.
type chainSpec struct {
	ID, Title string
	Versions  []int
}

// chainContract is a contract indicator that a measure became.
type chainContract struct {
	ID, Title, Provider, Code string
	Weight                    string // percent of the money at risk
	PaidPence, AvailablePence int64  // so far, from the reports in
	Reported, Periods         int
}

// chainUse is where one measure went.
type chainUse struct {
	Specs     []chainSpec
	Contracts []chainContract
}

// chainStatement is a vision statement and the measures it motivated.
type chainStatement struct {
	ID, Body string
	Measures []measure.Measure
}

type chain struct {
	Statements []chainStatement
	Other      []measure.Measure // motivated only by stories or factors, or drafts
	uses       map[string]chainUse
}

// Uses returns where a measure went, for templates.
func (c chain) Uses(measureID string) chainUse { return c.uses[measureID] }

// allMeasures reads every page of a round's measures.
func (s *Server) allMeasures(ctx context.Context, roundID string) ([]measure.Measure, error) {
	var out []measure.Measure
	after := ""
	for {
		ms, next, err := s.store.Measures(ctx, roundID, after, 200)
		if err != nil {
			return nil, err
		}
		out = append(out, ms...)
		if next == "" {
			return out, nil
		}
		after = next
	}
}

// contractResult runs the payment engine over a contract's stored reports,
// with the values of computed indicators in place of anything typed for
// them; nil when the contract has no profile yet.
func (s *Server) contractResult(ctx context.Context, c *measure.Contract) (*measure.Result, []measure.StoredReport, error) {
	if c.Profile == nil {
		return nil, nil, nil
	}
	stored, err := s.store.ContractReports(ctx, c.ID)
	if err != nil {
		return nil, nil, err
	}
	cc, err := s.computedValues(ctx, c)
	if err != nil {
		return nil, nil, err
	}
	res, err := measure.Calculate(c.Profile, computed.Reports(typedReports(stored), cc.Values))
	return res, stored, err
}

func (s *Server) buildChain(r *http.Request, roundID string) (chain, error) {
	ctx := r.Context()
	ch := chain{uses: map[string]chainUse{}}
	ms, err := s.allMeasures(ctx, roundID)
	if err != nil {
		return ch, err
	}
	specs, err := s.store.Specifications(ctx, roundID)
	if err != nil {
		return ch, err
	}
	for _, sp := range specs {
		for _, v := range sp.Versions {
			for _, row := range v.Indicators {
				u := ch.uses[row.MeasureID]
				if n := len(u.Specs); n > 0 && u.Specs[n-1].ID == sp.ID {
					u.Specs[n-1].Versions = append(u.Specs[n-1].Versions, v.Number)
				} else {
					u.Specs = append(u.Specs, chainSpec{ID: sp.ID, Title: sp.Title, Versions: []int{v.Number}})
				}
				ch.uses[row.MeasureID] = u
			}
		}
	}
	cs, err := s.store.Contracts(ctx, roundID)
	if err != nil {
		return ch, err
	}
	for _, c0 := range cs {
		c, err := s.store.ContractByID(ctx, c0.ID)
		if err != nil {
			return ch, err
		}
		res, _, err := s.contractResult(ctx, c)
		if err != nil {
			return ch, err
		}
		if c.Profile == nil {
			continue
		}
		for i, ind := range c.Profile.Indicators {
			cc := chainContract{ID: c.ID, Title: c.Title, Provider: c.ProviderName, Code: ind.ID, Weight: measure.Dec(ind.WeightPercent),
				Periods: len(c.Profile.Periods)}
			for _, pr := range res.Periods {
				ir := pr.Indicators[i]
				cc.PaidPence += ir.PaymentPence
				cc.AvailablePence += ir.AvailablePence
				if ir.Status == measure.Reported {
					cc.Reported++
				}
			}
			u := ch.uses[ind.MeasureID]
			u.Contracts = append(u.Contracts, cc)
			ch.uses[ind.MeasureID] = u
		}
	}
	st, err := s.store.Statements(ctx, roundID, round.Group, "")
	if err != nil {
		return ch, err
	}
	placed := map[string]bool{}
	for _, x := range st {
		cs := chainStatement{ID: x.ID, Body: x.Body}
		for _, m := range ms {
			for _, l := range m.Links {
				if l.Kind == measure.FromVision && l.ID == x.ID {
					cs.Measures = append(cs.Measures, m)
					placed[m.ID] = true
				}
			}
		}
		ch.Statements = append(ch.Statements, cs)
	}
	for _, m := range ms {
		if !placed[m.ID] {
			ch.Other = append(ch.Other, m)
		}
	}
	return ch, nil
}

func (s *Server) chainPage(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.measureRoundFor(r, false)
	if err != nil {
		return err
	}
	ch, err := s.buildChain(r, rd.ID)
	if err != nil {
		return err
	}
	return measureChainPage.show(s, w, r, http.StatusOK, view{Title: "From the vision to payment", Form: formValues(r)}, inRound(r, rd, ch))
}
