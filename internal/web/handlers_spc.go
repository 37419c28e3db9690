package web

import (
	"bytes"
	"math/big"
	"net/http"

	"github.com/coprod/coprod/internal/csvcell"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/spc"
)

var indicatorSPCPage = page[indicatorSPCData]{"indicator_spc"}

// indicatorSPCData is one contract indicator's values over time as an XmR
// chart: whether the change is more than the process's own variation.
type indicatorSPCData struct {
	C         *measure.Contract
	Ind       measure.Indicator
	Direction string // in words
	Reported  int
	Missing   []string // periods not reported, left out of the chart
	Chart     *spcChart
}

// indicatorSeries is an indicator's reported values in period order; the
// periods not reported are left out (an XmR chart's moving ranges join
// the points it has).
type indicatorSeries struct {
	c              *measure.Contract
	ind            measure.Indicator
	periods        []string
	values         []*big.Rat
	missingPeriods []string
}

func (s *Server) loadIndicatorSeries(r *http.Request) (*indicatorSeries, error) {
	c, err := s.loadContract(r)
	if err != nil {
		return nil, err
	}
	if c.Profile == nil {
		return nil, errNotFound
	}
	j := -1
	for k, ind := range c.Profile.Indicators {
		if ind.ID == r.PathValue("code") {
			j = k
		}
	}
	if j < 0 {
		return nil, errNotFound
	}
	res, _, err := s.contractResult(r.Context(), c)
	if err != nil {
		return nil, err
	}
	is := &indicatorSeries{c: c, ind: c.Profile.Indicators[j]}
	for _, pr := range res.Periods {
		if v := pr.Indicators[j].Value; v != nil {
			is.periods, is.values = append(is.periods, pr.Period), append(is.values, v)
		} else {
			is.missingPeriods = append(is.missingPeriods, pr.Period)
		}
	}
	return is, nil
}

func spcDirection(d measure.Direction) spc.Direction {
	if d == measure.Lower {
		return spc.Down
	}
	return spc.Up
}

func (s *Server) indicatorSPC(w http.ResponseWriter, r *http.Request) error {
	is, err := s.loadIndicatorSeries(r)
	if err != nil {
		return err
	}
	d := indicatorSPCData{C: is.c, Ind: is.ind, Direction: sentence(is.ind.Direction.Label()), Reported: len(is.values), Missing: is.missingPeriods}
	if chart, err := spc.New(is.values, spcDirection(is.ind.Direction)); err == nil {
		v := newSPCChart("spc", is.ind.ID+" "+is.ind.Name, chart, is.periods)
		d.Chart = &v
	}
	return indicatorSPCPage.show(s, w, r, http.StatusOK, view{Title: is.ind.ID + " " + is.ind.Name + ": change over time"}, d)
}

// indicatorValuesCSV is the chart's series for "coprod spc": one column
// of the values charted, in period order.
func (s *Server) indicatorValuesCSV(w http.ResponseWriter, r *http.Request) error {
	is, err := s.loadIndicatorSeries(r)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	cw := csvcell.NewWriter(&b)
	cw.Write([]string{"value"})
	for _, v := range is.values {
		cw.Write([]string{measure.Dec(v)})
	}
	cw.Flush()
	download(w, "text/csv; charset=utf-8", safeFileName(is.ind.ID)+"-values.csv")
	w.Write(b.Bytes())
	return nil
}
