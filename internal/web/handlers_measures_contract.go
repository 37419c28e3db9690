package web

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/round"
)

func (s *Server) contractList(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadMeasureRound(w, r, false)
	if !ok {
		return
	}
	cs, err := s.store.Contracts(r.Context(), rd.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.showMeasures(w, r, http.StatusOK, "contract_list", "Contracts", rd, cs, nil)
}

// contractForm offers the providers and the versions a contract may adopt.
type contractForm struct {
	Providers []auth.Organisation
	Versions  []versionChoice
}

type versionChoice struct{ Value, Label string }

func (s *Server) contractFormData(r *http.Request, roundID string) (contractForm, error) {
	var d contractForm
	all, err := s.allOrgs(r)
	if err != nil {
		return d, err
	}
	for _, o := range all {
		if o.Kind == auth.KindProvider {
			d.Providers = append(d.Providers, o)
		}
	}
	specs, err := s.store.Specifications(r.Context(), roundID)
	if err != nil {
		return d, err
	}
	for _, sp := range specs {
		for _, v := range sp.Versions {
			label := sp.Title + ", version " + strconv.Itoa(v.Number)
			if v.SignOff != nil {
				label += " (signed off by the group)"
			} else {
				label += " (not signed off by the group)"
			}
			d.Versions = append(d.Versions, versionChoice{sp.ID + ":" + strconv.Itoa(v.Number), label})
		}
	}
	return d, nil
}

func (s *Server) contractNewForm(w http.ResponseWriter, r *http.Request) {
	s.contractNewPage(w, r, nil)
}

func (s *Server) contractNewPage(w http.ResponseWriter, r *http.Request, err error) {
	rd, ok := s.loadMeasureRound(w, r, true)
	if !ok {
		return
	}
	d, e := s.contractFormData(r, rd.ID)
	if e != nil {
		s.serverError(w, r, e)
		return
	}
	if err != nil {
		s.measureFormError(w, r, err, "contract_new", "Make a contract", rd, d)
		return
	}
	s.showMeasures(w, r, http.StatusOK, "contract_new", "Make a contract", rd, d, nil)
}

func (s *Server) contractCreate(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadMeasureRound(w, r, true)
	if !ok {
		return
	}
	_ = r.ParseForm()
	f := r.PostForm
	n := measure.NewContract{RoundID: rd.ID, Title: f.Get("title"), ProviderOrgID: f.Get("provider_org_id"), Value: f.Get("value")}
	specID, num, _ := strings.Cut(f.Get("version"), ":")
	n.SpecID, n.VersionNumber = specID, atoiOr0(num)
	var fs []apperr.FieldError
	for _, d := range []struct {
		name, label string
		to          *string
	}{{"starts_on", "Start date", &n.StartsOn}, {"ends_on", "End date", &n.EndsOn}} {
		t, m := round.ParseDate(f.Get(d.name))
		if m != "" {
			fs = append(fs, apperr.FieldError{Field: d.name, Message: d.label + ": " + m})
			continue
		}
		*d.to = t.Format(round.DateLayout)
	}
	err := n.Validate()
	for _, fe := range apperr.FieldsOf(err) {
		if (fe.Field != "starts_on" && fe.Field != "ends_on") || len(fs) == 0 {
			fs = append(fs, fe)
		}
	}
	var c *measure.Contract
	if len(fs) > 0 {
		err = apperr.Fields(fs)
	} else {
		c, err = s.store.CreateContract(r.Context(), n)
	}
	if err != nil {
		s.contractNewPage(w, r, err)
		return
	}
	http.Redirect(w, r, "/contracts/"+c.ID+"/profile?done=contract-added", http.StatusSeeOther)
}

func atoiOr0(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// contractsMine is where a provider finds the contracts they report on,
// and everyone the measures of the rounds they take part in.
type contractsMineData struct {
	Contracts []measure.Contract
	Rounds    []round.Round
}

func (s *Server) contractsMine(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionListRounds, auth.Object{}) {
		return
	}
	p := principal(r)
	var d contractsMineData
	var err error
	if d.Contracts, err = s.store.ProviderContracts(r.Context(), p.ProviderOrgIDs()); err == nil {
		d.Rounds, _, err = s.store.ListRounds(r.Context(), round.Query{UserID: p.User.ID, All: p.IsAdmin(), Limit: 200})
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "contract_mine", view{Title: "Measures and contracts", Data: d})
}

// loadContract loads the contract in the path for those who may see it:
// readers of its round, and its provider.
func (s *Server) loadContract(w http.ResponseWriter, r *http.Request) (*measure.Contract, bool) {
	p := principal(r)
	c, err := s.store.ContractByID(r.Context(), r.PathValue("cid"))
	if err == nil && (auth.Can(p, auth.ActionViewContract, roundObject(c.RoundID)) ||
		auth.Can(p, auth.ActionViewContract, auth.Object{Type: auth.ScopeOrganisation, ID: c.ProviderOrgID})) {
		return c, true
	}
	if !p.SignedIn() {
		s.authorize(w, r, auth.ActionViewContract, auth.Object{})
		return nil, false
	}
	if err != nil && apperr.Code(err) != apperr.NotFound {
		s.serverError(w, r, err)
		return nil, false
	}
	s.forbidden(w, r)
	return nil, false
}

func canReport(r *http.Request, c *measure.Contract) bool {
	return auth.Can(principal(r), auth.ActionReportValues, auth.Object{Type: auth.ScopeOrganisation, ID: c.ProviderOrgID})
}

// canManageContract: commissioners of the contract's round.
func (s *Server) canManageContract(r *http.Request, c *measure.Contract) (*round.Round, bool) {
	rd, err := s.store.RoundByID(r.Context(), c.RoundID)
	if err != nil {
		return nil, false
	}
	return rd, canManageMeasures(r, rd)
}

// profileJSON downloads the contract's payment profile in the format of
// "coprod payments calc", to check the numbers offline.
func (s *Server) profileJSON(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadContract(w, r)
	if !ok {
		return
	}
	if c.Profile == nil {
		s.fail(w, r, apperr.Errorf(apperr.NotFound, "This contract has no payment profile yet."))
		return
	}
	download(w, "application/json; charset=utf-8", "profile.json")
	w.Write(measure.ProfileJSON(c.Profile))
}

// reportsCSVExport downloads the values reported, as reports.csv.
func (s *Server) reportsCSVExport(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadContract(w, r)
	if !ok {
		return
	}
	stored, err := s.store.ContractReports(r.Context(), c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	cw.Write(measure.ReportsHeader)
	for _, x := range stored {
		cw.Write([]string{x.Period, x.Indicator, measure.Dec(x.Value)})
	}
	cw.Flush()
	download(w, "text/csv; charset=utf-8", "reports.csv")
	w.Write(b.Bytes())
}
