package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qualitycheck"
	"github.com/coprod/coprod/internal/round"
)

// Quality checks (internal/qualitycheck): the list, planning a visit, a
// check's page (the checklist's progress while it is answered; the report
// in Easy Read and plain English once finished, with the provider's
// answers; the checkers' involvement payments), and finishing the report.

var (
	qcListPage = page[qcListData]{"qc_list"}
	qcNewPage  = page[qcNewData]{"qc_new"}
	qcShowPage = page[qcShowData]{"qc_show"}
)

var qcFlash = map[string]string{
	"planned":  "The visit is planned. Answer the checklist on the day.",
	"answered": "Every question is answered. Check the answers, then finish the report.",
	"finished": "The report is finished and sent to the provider. Each point that needs to change is now on the public board.",
	"replied":  "Your answer is saved.",
	"paid":     "The payment is recorded.",
}

type qcListData struct {
	Checks []qualitycheck.Check
	Teams  []round.Option // ULOs whose checks the reader helps run
}

type qcNewData struct {
	Teams, Providers, Checkers []round.Option
}

type qcShowData struct {
	R     *qualitycheck.Report
	Lines []qualitycheck.Line
	// Team: the reader helps run the ULO's checks; Provider: the reader
	// answers for the provider visited; Pays: the reader records payments.
	Team, Provider, Pays bool
	Next                 string // the first question not answered
	Answered             int
	Payments             []qualitycheck.Payment
	Checkers             []round.Option
}

// qcTeams are the user-led organisations whose checks the reader helps run.
func (s *Server) qcTeams(r *http.Request) ([]round.Option, error) {
	var out []round.Option
	for _, id := range principal(r).OrgIDs() {
		if !auth.Can(principal(r), auth.ActionRunQualityChecks, auth.Object{Type: auth.ScopeOrganisation, ID: id}) {
			continue
		}
		o, err := s.store.OrganisationByID(r.Context(), id)
		if err != nil {
			return nil, err
		}
		if o.Kind == auth.KindUserLed && !containsOption(out, o.ID) {
			out = append(out, round.Option{Key: o.ID, Label: o.Name})
		}
	}
	return out, nil
}

func containsOption(opts []round.Option, key string) bool {
	for _, o := range opts {
		if o.Key == key {
			return true
		}
	}
	return false
}

func (s *Server) qcList(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	teams, err := s.qcTeams(r)
	if err != nil {
		return err
	}
	checks, err := s.store.QualityChecks(r.Context())
	if err != nil {
		return err
	}
	return qcListPage.show(s, w, r, http.StatusOK, view{Title: "Quality checks"}, qcListData{Checks: checks, Teams: teams})
}

func (s *Server) qcForm(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []apperr.FieldError) error {
	teams, err := s.qcTeams(r)
	if err != nil {
		return err
	}
	if len(teams) == 0 {
		return errForbidden
	}
	d := qcNewData{Teams: teams}
	orgs, _, err := s.store.ListOrganisations(r.Context(), auth.ListQuery{Limit: 500})
	if err != nil {
		return err
	}
	for _, o := range orgs {
		if o.Kind == auth.KindProvider {
			d.Providers = append(d.Providers, round.Option{Key: o.ID, Label: o.Name})
		}
	}
	for _, t := range teams {
		people, err := s.store.Checkers(r.Context(), t.Key)
		if err != nil {
			return err
		}
		for _, p := range people {
			label := p.Name
			if len(teams) > 1 {
				label += " (" + t.Label + ")"
			}
			d.Checkers = append(d.Checkers, round.Option{Key: p.ID, Label: label})
		}
	}
	if len(teams) == 1 {
		form.Set("ulo", teams[0].Key)
	}
	return qcNewPage.show(s, w, r, status, view{Title: "Plan a quality check", Form: form, Errors: errs}, d)
}

func (s *Server) qcNew(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	return s.qcForm(w, r, http.StatusOK, url.Values{}, nil)
}

func (s *Server) qcCreate(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	_ = r.ParseForm()
	f := r.PostForm
	c, err := s.store.PlanCheck(r.Context(), qualitycheck.NewCheck{ULOID: f.Get("ulo"), ProviderID: f.Get("provider"),
		Service: f.Get("service"), VisitOn: f.Get("visit_on"), CheckerIDs: f["checkers"]})
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.qcForm(w, r, status, f, errs) })
	}
	http.Redirect(w, r, "/quality-checks/"+c.ID+"?done=planned", http.StatusSeeOther)
	return nil
}

func (s *Server) qcShow(w http.ResponseWriter, r *http.Request) error {
	return s.qcShowWith(w, r, http.StatusOK, url.Values{}, nil)
}

// qcShowWith draws a check's page; the payment form's problems come back
// to it.
func (s *Server) qcShowWith(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []apperr.FieldError) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	rep, err := s.store.QualityCheck(r.Context(), r.PathValue("qid"))
	if err != nil {
		return err
	}
	p := principal(r)
	d := qcShowData{R: rep, Lines: rep.Lines(), Answered: len(rep.Points),
		Team:     auth.Can(p, auth.ActionRunQualityChecks, auth.Object{Type: auth.ScopeOrganisation, ID: rep.ULOID}),
		Provider: auth.Can(p, auth.ActionAnswerQualityCheck, auth.Object{Type: auth.ScopeOrganisation, ID: rep.ProviderID}),
		Pays:     auth.Can(p, auth.ActionPayQualityCheckers, auth.Object{Type: auth.ScopeOrganisation, ID: rep.ULOID})}
	if missing := rep.Missing(); len(missing) > 0 {
		d.Next = missing[0].Key
	}
	if d.Team {
		if d.Payments, err = s.store.CheckPayments(r.Context(), rep.ID); err != nil {
			return err
		}
	}
	for _, c := range rep.Checkers {
		d.Checkers = append(d.Checkers, round.Option{Key: c.ID, Label: c.Name})
	}
	return qcShowPage.show(s, w, r, status, view{Title: "Quality check: " + rep.Service, Flash: qcFlash[r.URL.Query().Get("done")],
		Form: form, Errors: errs}, d)
}

func (s *Server) qcFinish(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	id := r.PathValue("qid")
	if err := s.store.FinishReport(r.Context(), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/quality-checks/"+id+"?done=finished", http.StatusSeeOther)
	return nil
}

func (s *Server) qcPay(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	_ = r.ParseForm()
	f := r.PostForm
	id := r.PathValue("qid")
	err := s.store.PayChecker(r.Context(), id, round.NewPayment{MemberID: f.Get("member_id"), Amount: f.Get("amount"),
		Method: f.Get("method"), PaidOn: f.Get("paid_on")})
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.qcShowWith(w, r, status, f, errs) })
	}
	http.Redirect(w, r, "/quality-checks/"+id+"?done=paid#payments", http.StatusSeeOther)
	return nil
}
