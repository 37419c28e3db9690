package web

import (
	"math/big"
	"net/http"
	"strconv"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/computed"
	"github.com/coprod/coprod/internal/measure"
)

var contractShowPage = page[contractData]{"contract_show"}

// contractData is the contract page: the chain back to the vision, the
// profile, and payment per indicator and period from the payment engine.
type contractData struct {
	C          *measure.Contract
	Res        *measure.Result
	Periods    []periodView
	Indicators []indicatorView
	Flags      []measure.Flag
	CanReport  bool
	CanManage  bool
	// CanSeeRound: the reader may follow the chain into the round.
	CanSeeRound bool
	// Computed are the indicators whose values come from Coprod's own
	// records; ProviderReports is whether any indicator is left to type.
	Computed        contractComputed
	ProviderReports bool
}

type periodView struct {
	Index  int
	Period string
	Due    string // YYYY-MM-DD
	R      measure.PeriodResult
	Cells  []cellView
}

type cellView struct {
	Code, Name string
	measure.IndicatorResult
	Computed *computed.Value // nil when the provider reports it
}

type indicatorView struct {
	Ind       measure.Indicator
	Row       measure.IndicatorRow // the specification's line, with its links
	CurveText string
	Chart     valueChart
	Values    []*big.Rat
	Source    *computed.Source // nil when the provider reports it
	Computed  []computed.Value
}

// curveText describes a curve in words.
func curveText(c measure.Curve, d measure.Direction) string {
	cmp := "at or above"
	if d == measure.Lower {
		cmp = "at or below"
	}
	switch c.Type {
	case measure.Threshold:
		return "Pays in full when the value is " + cmp + " " + measure.Dec(c.Target) + ", otherwise nothing."
	case measure.Linear:
		return "Pays nothing at " + measure.Dec(c.ZeroAt) + " and in full at " + measure.Dec(c.FullAt) + ", in a straight line between."
	case measure.Banded:
		out := "Pays by bands:"
		for i, b := range c.Bands {
			if i > 0 {
				out += ";"
			}
			out += " " + measure.Dec(b.PayPercent) + "% when " + cmp + " " + measure.Dec(b.Reach)
		}
		return out + "."
	}
	return ""
}

func (s *Server) contractShow(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadContract(r)
	if err != nil {
		return err
	}
	d := contractData{C: c, CanReport: canReport(r, c)}
	if d.CanManage, err = s.mayManageContract(r, c); err != nil {
		return err
	}
	d.CanSeeRound = auth.Can(principal(r), auth.ActionViewMeasures, roundObject(c.RoundID))
	res, stored, err := s.contractResult(r.Context(), c)
	if err != nil {
		return err
	}
	d.Res = res
	if d.Computed, err = s.computedValues(r.Context(), c); err != nil {
		return err
	}
	if c.Profile != nil {
		d.ProviderReports = len(d.Computed.Sources) < len(c.Profile.Indicators)
		rows := map[string]measure.IndicatorRow{}
		for _, row := range c.Indicators {
			rows[row.MeasureID] = row
		}
		for i, pr := range res.Periods {
			pv := periodView{Index: i, Period: pr.Period, Due: c.Due[pr.Period], R: pr}
			for j, ir := range pr.Indicators {
				cv := cellView{Code: ir.ID, Name: c.Profile.Indicators[j].Name, IndicatorResult: ir}
				if vs := d.Computed.Values[ir.ID]; i < len(vs) {
					cv.Computed = &vs[i]
				}
				pv.Cells = append(pv.Cells, cv)
			}
			d.Periods = append(d.Periods, pv)
		}
		for j, ind := range c.Profile.Indicators {
			iv := indicatorView{Ind: ind, Row: rows[ind.MeasureID], CurveText: curveText(ind.Curve, ind.Direction), Computed: d.Computed.Values[ind.ID]}
			if src, ok := d.Computed.Sources[ind.ID]; ok {
				iv.Source = &src
			}
			for _, pr := range res.Periods {
				iv.Values = append(iv.Values, pr.Indicators[j].Value)
			}
			target, _ := measure.ParseDecimal(iv.Row.Target)
			iv.Chart = newValueChart("chart-"+strconv.Itoa(j), ind.ID+" "+ind.Name, c.Profile.Periods, iv.Values, target)
			d.Indicators = append(d.Indicators, iv)
		}
		subs := make([]measure.Submission, len(stored))
		for i, x := range stored {
			subs[i] = measure.Submission{Period: x.Period, Indicator: x.Indicator, At: x.FirstAt}
		}
		for _, f := range measure.ReportFlags(c.Profile, c.DueTimes(), subs, s.cfg.Now().UTC()) {
			if _, ok := d.Computed.Sources[f.Indicator]; !ok { // nobody types a computed value, so it is never late
				d.Flags = append(d.Flags, f)
			}
		}
	}
	return contractShowPage.show(s, w, r, http.StatusOK, view{Title: c.Title}, d)
}
