package web

import (
	"bytes"
	"net/http"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/computed"
	"github.com/coprod/coprod/internal/csvcell"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/round"
)

// The pages of a round's contracts, and of the contracts a reader reports on.
var (
	contractListPage = page[measuresData[[]measure.Contract]]{"contract_list"}
	contractNewPage  = page[measuresData[contractFormData]]{"contract_new"}
	contractMinePage = page[contractsMineData]{"contract_mine"}
)

func (s *Server) contractList(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.measureRoundFor(r, false)
	if err != nil {
		return err
	}
	cs, err := s.store.Contracts(r.Context(), rd.ID)
	if err != nil {
		return err
	}
	return contractListPage.show(s, w, r, http.StatusOK, view{Title: "Contracts", Form: formValues(r)}, inRound(r, rd, cs))
}

// contractFormData offers the providers and the versions a contract may
// adopt: only those the group signed off. Waiting lists the versions not
// signed off yet, so the page can say why they are not offered.
type contractFormData struct {
	Providers []auth.Organisation
	Versions  []versionChoice
	Waiting   []versionChoice
}

type versionChoice struct{ Value, Label string }

func (s *Server) contractFormData(r *http.Request, roundID string) (contractFormData, error) {
	var d contractFormData
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
			c := versionChoice{sp.ID + ":" + strconv.Itoa(v.Number), sp.Title + ", version " + strconv.Itoa(v.Number)}
			if v.SignOff != nil {
				d.Versions = append(d.Versions, c)
			} else {
				d.Waiting = append(d.Waiting, c)
			}
		}
	}
	return d, nil
}

func (s *Server) contractNewForm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.measureRoundFor(r, true)
	if err != nil {
		return err
	}
	return s.showContractNew(w, r, rd, http.StatusOK, nil)
}

func (s *Server) showContractNew(w http.ResponseWriter, r *http.Request, rd *round.Round, status int, errs []apperr.FieldError) error {
	d, err := s.contractFormData(r, rd.ID)
	if err != nil {
		return err
	}
	return contractNewPage.show(s, w, r, status, view{Title: "Make a contract", Errors: errs, Form: formValues(r)}, inRound(r, rd, d))
}

func (s *Server) contractCreate(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.measureRoundFor(r, true)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	n, fs := contractForm(r.PostForm, rd.ID)
	var c *measure.Contract
	if len(fs) > 0 {
		err = apperr.Fields(fs)
	} else {
		c, err = s.store.CreateContract(r.Context(), n)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showContractNew(w, r, rd, status, errs)
		})
	}
	http.Redirect(w, r, "/contracts/"+c.ID+"/profile?done=contract-added", http.StatusSeeOther)
	return nil
}

// contractsMine is where a provider finds the contracts they report on,
// and everyone the measures of the rounds they take part in.
type contractsMineData struct {
	Contracts []measure.Contract
	Rounds    []round.Round
}

func (s *Server) contractsMine(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionListRounds, auth.Object{}); err != nil {
		return err
	}
	p := principal(r)
	var d contractsMineData
	var err error
	if d.Contracts, err = s.store.ProviderContracts(r.Context(), p.ProviderOrgIDs()); err != nil {
		return err
	}
	if d.Rounds, _, err = s.store.ListRounds(r.Context(), round.Query{UserID: p.User.ID, All: p.IsAdmin(), Limit: 200}); err != nil {
		return err
	}
	return contractMinePage.show(s, w, r, http.StatusOK, view{Title: "Measures and contracts"}, d)
}

// loadContract loads the contract in the path for those who may see it:
// readers of its round, and its provider. A contract that does not exist
// is refused like one the reader may not see, so ids cannot be probed.
func (s *Server) loadContract(r *http.Request) (*measure.Contract, error) {
	c, err := s.store.ContractByID(r.Context(), r.PathValue("cid"))
	if err == nil && mayViewContract(r, c.RoundID, c.ProviderOrgID) {
		return c, nil
	}
	switch {
	case !principal(r).SignedIn():
		return nil, errSignIn
	case err != nil && apperr.Code(err) != apperr.NotFound:
		return nil, err
	}
	return nil, errForbidden
}

func canReport(r *http.Request, c *measure.Contract) bool {
	return auth.Can(principal(r), auth.ActionReportValues, auth.Object{Type: auth.ScopeOrganisation, ID: c.ProviderOrgID})
}

// mayManageContract: commissioners of the contract's round.
func (s *Server) mayManageContract(r *http.Request, c *measure.Contract) (bool, error) {
	rd, err := s.store.RoundByID(r.Context(), c.RoundID)
	if err != nil {
		return false, err
	}
	return canManageMeasures(r, rd), nil
}

// profileJSON downloads the contract's payment profile in the format of
// "coprod payments calc", to check the numbers offline.
func (s *Server) profileJSON(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadContract(r)
	if err != nil {
		return err
	}
	if c.Profile == nil {
		return apperr.Errorf(apperr.NotFound, "This contract has no payment profile yet.")
	}
	download(w, "application/json; charset=utf-8", "profile.json")
	w.Write(measure.ProfileJSON(c.Profile))
	return nil
}

// reportsCSVExport downloads the values the payments are worked out from,
// as reports.csv: those reported, and those computed from Coprod's records
// in their place.
func (s *Server) reportsCSVExport(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadContract(r)
	if err != nil {
		return err
	}
	stored, err := s.store.ContractReports(r.Context(), c.ID)
	if err != nil {
		return err
	}
	cc, err := s.computedValues(r.Context(), c)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	cw := csvcell.NewWriter(&b)
	cw.Write(measure.ReportsHeader)
	for _, x := range computed.Reports(typedReports(stored), cc.Values) {
		cw.Write([]string{x.Period, x.Indicator, measure.Dec(x.Value)})
	}
	cw.Flush()
	download(w, "text/csv; charset=utf-8", "reports.csv")
	w.Write(b.Bytes())
	return nil
}
