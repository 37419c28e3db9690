package web

import (
	"bytes"
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/computed"
	"github.com/coprod/coprod/internal/measure"
)

// Providers report values for their own contracts: a form for one period
// (one field per indicator), or a reports.csv file whose every problem is
// listed by its line.

var contractReportPage = page[reportFormData]{"contract_report"}

type reportFormData struct {
	C       *measure.Contract
	Current map[string]string // "period|code" → value already reported
	// Computed are the indicators worked out from Coprod's records, by
	// id: nothing to type for them.
	Computed map[string]computed.Source
}

// reportingContract loads the contract in the path for its provider, once
// it has a payment profile to report against.
func (s *Server) reportingContract(r *http.Request) (*measure.Contract, error) {
	c, err := s.loadContract(r)
	switch {
	case err != nil:
		return nil, err
	case !canReport(r, c):
		return nil, errForbidden
	case c.Profile == nil:
		return nil, apperr.Errorf(apperr.Conflict, "This contract has no payment profile yet, so there is nothing to report against.")
	}
	return c, nil
}

func (s *Server) reportForm(w http.ResponseWriter, r *http.Request) error {
	c, err := s.reportingContract(r)
	if err != nil {
		return err
	}
	return s.showReportForm(w, r, c, http.StatusOK, nil)
}

func (s *Server) showReportForm(w http.ResponseWriter, r *http.Request, c *measure.Contract, status int, errs []apperr.FieldError) error {
	stored, err := s.store.ContractReports(r.Context(), c.ID)
	if err != nil {
		return err
	}
	d := reportFormData{C: c, Current: map[string]string{}, Computed: map[string]computed.Source{}}
	srcs, err := s.store.IndicatorSources(r.Context(), c.ID)
	if err != nil {
		return err
	}
	for _, src := range srcs {
		d.Computed[src.Indicator] = src
	}
	for _, x := range stored {
		d.Current[x.Period+"|"+x.Indicator] = measure.Dec(x.Value)
	}
	return contractReportPage.show(s, w, r, status, view{Title: "Report values", Errors: errs, Form: formValues(r)}, d)
}

func (s *Server) reportSave(w http.ResponseWriter, r *http.Request) error {
	c, err := s.reportingContract(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	reports, fs := reportForm(r.PostForm, c.Profile)
	if len(fs) > 0 {
		err = apperr.Fields(fs)
	} else {
		err = s.store.SubmitReports(r.Context(), c.ID, reports)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showReportForm(w, r, c, status, errs)
		})
	}
	http.Redirect(w, r, "/contracts/"+c.ID+"?done=reported", http.StatusSeeOther)
	return nil
}

// reportCSV takes reports.csv as an upload or pasted text; every problem
// is listed by line and none of the file is saved until all are fixed.
func (s *Server) reportCSV(w http.ResponseWriter, r *http.Request) error {
	c, err := s.reportingContract(r)
	if err != nil {
		return err
	}
	data := reportsCSVForm(w, r)
	if len(bytes.TrimSpace(data)) == 0 {
		err = apperr.Fields([]apperr.FieldError{{Field: "csv", Message: "Choose a CSV file, or paste its lines"}})
	} else {
		var reports []measure.Report
		if reports, err = measure.ParseReportsCSV(bytes.NewReader(data), "reports.csv", c.Profile); err == nil {
			err = s.store.SubmitReports(r.Context(), c.ID, reports)
		}
	}
	if err != nil {
		return formProblem(reportsCSVErrors(err), func(status int, errs []apperr.FieldError) error {
			return s.showReportForm(w, r, c, status, errs)
		})
	}
	http.Redirect(w, r, "/contracts/"+c.ID+"?done=reported", http.StatusSeeOther)
	return nil
}
