package web

import (
	"bytes"
	"io"
	"net/http"

	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/measure"
)

// Providers report values for their own contracts: a form for one period
// (one field per indicator), or a reports.csv file whose every problem is
// listed by its line.

type reportFormData struct {
	C       *measure.Contract
	Current map[string]string // "period|code" → value already reported
}

func (s *Server) loadReportingContract(w http.ResponseWriter, r *http.Request) (*measure.Contract, bool) {
	c, ok := s.loadContract(w, r)
	if !ok {
		return nil, false
	}
	if !canReport(r, c) {
		s.forbidden(w, r)
		return nil, false
	}
	if c.Profile == nil {
		s.fail(w, r, apperr.Errorf(apperr.Conflict, "This contract has no payment profile yet, so there is nothing to report against."))
		return nil, false
	}
	return c, true
}

func (s *Server) reportForm(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadReportingContract(w, r)
	if !ok {
		return
	}
	s.reportPage(w, r, c, http.StatusOK, nil)
}

func (s *Server) reportPage(w http.ResponseWriter, r *http.Request, c *measure.Contract, status int, errs []apperr.FieldError) {
	stored, err := s.store.ContractReports(r.Context(), c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := reportFormData{C: c, Current: map[string]string{}}
	for _, x := range stored {
		d.Current[x.Period+"|"+x.Indicator] = measure.Dec(x.Value)
	}
	s.render(w, r, status, "contract_report", view{Title: "Report values", Errors: errs, Form: formValues(r), Data: d})
}

func (s *Server) reportSave(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadReportingContract(w, r)
	if !ok {
		return
	}
	_ = r.ParseForm()
	period := r.PostForm.Get("period")
	var fs []apperr.FieldError
	known := false
	for _, p := range c.Profile.Periods {
		known = known || p == period
	}
	if !known {
		fs = append(fs, apperr.FieldError{Field: "period", Message: "Select the period you are reporting for"})
	}
	var reports []measure.Report
	for _, ind := range c.Profile.Indicators {
		name := "value_" + ind.ID
		v := strings.TrimSpace(r.PostForm.Get(name))
		if v == "" {
			continue
		}
		x, err := measure.ParseDecimal(strings.TrimSuffix(v, "%"))
		if err != nil {
			fs = append(fs, apperr.FieldError{Field: name, Message: ind.ID + " " + ind.Name + ": enter a number, like 72 or 72.5"})
			continue
		}
		reports = append(reports, measure.Report{Period: period, Indicator: ind.ID, Value: x})
	}
	if len(fs) == 0 && len(reports) == 0 {
		fs = append(fs, apperr.FieldError{Field: "value_" + c.Profile.Indicators[0].ID, Message: "Enter at least one value"})
	}
	var err error
	if len(fs) > 0 {
		err = apperr.Fields(fs)
	} else {
		err = s.store.SubmitReports(r.Context(), c.ID, reports)
	}
	if err != nil {
		if len(apperr.FieldsOf(err)) == 0 {
			s.fail(w, r, err)
			return
		}
		s.reportPage(w, r, c, statusFor[apperr.Code(err)], apperr.FieldsOf(err))
		return
	}
	http.Redirect(w, r, "/contracts/"+c.ID+"?done=reported", http.StatusSeeOther)
}

// maxReportsCSV bounds an uploaded reports file.
const maxReportsCSV = 1 << 20

// reportCSV takes reports.csv as an upload or pasted text; every problem
// is listed by line and none of the file is saved until all are fixed.
func (s *Server) reportCSV(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadReportingContract(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxReportsCSV+64<<10)
	var data []byte
	if err := r.ParseMultipartForm(maxReportsCSV); err == nil {
		if f, _, err := r.FormFile("file"); err == nil {
			data, _ = io.ReadAll(io.LimitReader(f, maxReportsCSV))
			f.Close()
		}
	} else {
		_ = r.ParseForm()
	}
	if len(bytes.TrimSpace(data)) == 0 {
		data = []byte(r.PostFormValue("csv_text"))
	}
	var err error
	if len(bytes.TrimSpace(data)) == 0 {
		err = apperr.Fields([]apperr.FieldError{{Field: "csv", Message: "Choose a CSV file, or paste its lines"}})
	} else {
		var reports []measure.Report
		if reports, err = measure.ParseReportsCSV(bytes.NewReader(data), "reports.csv", c.Profile); err == nil {
			err = s.store.SubmitReports(r.Context(), c.ID, reports)
		}
	}
	if err != nil {
		fs := apperr.FieldsOf(err)
		if len(fs) == 0 {
			s.fail(w, r, err)
			return
		}
		for i, fe := range fs {
			if strings.HasPrefix(fe.Field, "line ") {
				fs[i].Message = "Line " + strings.TrimPrefix(fe.Field, "line ") + ": " + fe.Message
			} else if fe.Field != "csv" {
				fs[i].Message = fe.Message
			}
			fs[i].Field = "csv"
		}
		s.reportPage(w, r, c, statusFor[apperr.Code(err)], fs)
		return
	}
	http.Redirect(w, r, "/contracts/"+c.ID+"?done=reported", http.StatusSeeOther)
}
