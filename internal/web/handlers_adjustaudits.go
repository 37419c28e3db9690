package web

import (
	"math/big"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/adjustaudit"
	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/proportion"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/spc"
)

// Audits of reasonable adjustments (internal/adjustaudit): the audit
// team's list, starting an audit or a re-audit, the results with their
// Wilson intervals and the comparison with the audit before, and adding a
// case. The store refuses anyone outside the team with "no such audit".

var (
	raAuditListPage = page[raAuditListData]{"ra_audit_list"}
	raAuditNewPage  = page[raAuditNewData]{"ra_audit_new"}
	raAuditShowPage = page[raAuditShowData]{"ra_audit_show"}
	raCaseNewPage   = page[raCaseNewData]{"ra_case_new"}
	raComparePage   = page[raCompareData]{"ra_audit_compare"}
)

var raAuditFlash = map[string]string{
	"audit-started":     "The audit is started. Add its cases one at a time.",
	"case-added":        "The case is added, and the results below count it.",
	"plan-action-added": "The action is on the public board as a promise.",
}

type raAuditListData struct {
	Audits []raAuditRow
	Teams  []round.Option // organisations whose audit team the reader is in
}

type raAuditRow struct {
	adjustaudit.Audit
	TemplateTitle string
}

// raCaseRow is a case's answers in words, one cell per criterion.
type raCaseRow struct {
	Label string
	Cells []string
}

type raAuditNewData struct {
	Teams     []round.Option
	Templates []round.Option
	Previous  *adjustaudit.Audit
}

type raAuditShowData struct {
	A          *adjustaudit.Audit
	T          adjustaudit.Template
	Result     adjustaudit.Result
	Cases      []raCaseRow
	Previous   *adjustaudit.Audit
	Comparison *adjustaudit.Comparison
	// Sample is the cases an audit needs for the margin chosen (in
	// percentage points, ±) from a caseload of Population (0: large).
	Sample, Margin, Population int
	Margins                    []round.Option
	// Chart is the overall figure of this audit and those it repeats, as
	// an XmR chart, when there are two or more.
	Chart *spcChart
	// Others are the team's other audits of the same template, to compare
	// services with.
	Others []adjustaudit.Audit
	// Actions are the voice items of the audit's action plan.
	Actions []*ledger.Item
}

// raCompareData is one audit against another of the same template: two
// services, or one service at two times.
type raCompareData struct {
	A, B       *adjustaudit.Audit
	T          adjustaudit.Template
	RA, RB     adjustaudit.Result
	Comparison adjustaudit.Comparison
}

type raCaseNewData struct {
	A       *adjustaudit.Audit
	T       adjustaudit.Template
	Answers []round.Option
}

var raAnswers = []round.Option{
	{Key: string(adjustaudit.Met), Label: "Met"},
	{Key: string(adjustaudit.NotMet), Label: "Not met"},
	{Key: string(adjustaudit.NotApplicable), Label: "Not applicable"},
	{Key: string(adjustaudit.NotKnown), Label: "Not known"},
}

// auditTeams are the organisations whose audit team the reader is in.
func (s *Server) auditTeams(r *http.Request) ([]round.Option, error) {
	var out []round.Option
	for _, id := range principal(r).OrgIDs() {
		if allow(r, auth.ActionRunAdjustmentAudits, auth.Object{Type: auth.ScopeOrganisation, ID: id}) != nil {
			continue
		}
		o, err := s.store.OrganisationByID(r.Context(), id)
		if err != nil {
			return nil, err
		}
		out = append(out, round.Option{Key: o.ID, Label: o.Name})
	}
	return out, nil
}

func (s *Server) raAuditList(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	teams, err := s.auditTeams(r)
	if err != nil {
		return err
	}
	d := raAuditListData{Teams: teams}
	ids := make([]string, len(teams))
	for i, t := range teams {
		ids[i] = t.Key
	}
	audits, err := s.store.AdjustmentAudits(r.Context(), ids)
	if err != nil {
		return err
	}
	for _, a := range audits {
		t, _ := adjustaudit.TemplateByKey(a.Template)
		d.Audits = append(d.Audits, raAuditRow{Audit: a, TemplateTitle: t.Title})
	}
	return raAuditListPage.show(s, w, r, http.StatusOK, view{Title: "Audits of reasonable adjustments"}, d)
}

func templateOptions() []round.Option {
	out := make([]round.Option, len(adjustaudit.Templates))
	for i, t := range adjustaudit.Templates {
		out[i] = round.Option{Key: t.Key, Label: t.Title}
	}
	return out
}

func (s *Server) raAuditForm(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []apperr.FieldError) error {
	teams, err := s.auditTeams(r)
	if err != nil {
		return err
	}
	if len(teams) == 0 {
		return errForbidden
	}
	d := raAuditNewData{Teams: teams, Templates: templateOptions()}
	if prev := form.Get("previous"); prev != "" {
		if d.Previous, err = s.store.AdjustmentAudit(r.Context(), prev); err != nil {
			return err
		}
	}
	title := "Start an audit"
	if d.Previous != nil {
		title = "Start a re-audit"
	}
	return raAuditNewPage.show(s, w, r, status, view{Title: title, Form: form, Errors: errs}, d)
}

func (s *Server) raAuditNew(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	form := url.Values{"previous": {r.URL.Query().Get("previous")}}
	if prev := form.Get("previous"); prev != "" {
		a, err := s.store.AdjustmentAudit(r.Context(), prev)
		if err != nil {
			return err
		}
		form.Set("org", a.OrgID)
		form.Set("template", a.Template)
		form.Set("service", a.Service)
	}
	return s.raAuditForm(w, r, http.StatusOK, form, nil)
}

func (s *Server) raAuditCreate(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	_ = r.ParseForm()
	f := r.PostForm
	a, err := s.store.CreateAudit(r.Context(), adjustaudit.NewAudit{OrgID: f.Get("org"), Template: f.Get("template"),
		Service: f.Get("service"), Period: f.Get("period"), PreviousID: f.Get("previous")})
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.raAuditForm(w, r, status, f, errs) })
	}
	http.Redirect(w, r, "/adjustment-audits/"+a.ID+"?done=audit-started", http.StatusSeeOther)
	return nil
}

// auditResult loads an audit's cases and works out its result.
func (s *Server) auditResult(r *http.Request, a *adjustaudit.Audit) (adjustaudit.Template, []adjustaudit.StoredCase, adjustaudit.Result, error) {
	t, _ := adjustaudit.TemplateByKey(a.Template)
	cases, err := s.store.Cases(r.Context(), a.ID)
	plain := make([]adjustaudit.Case, len(cases))
	for i, c := range cases {
		plain[i] = c.Case
	}
	return t, cases, adjustaudit.Results(t, plain), err
}

func (s *Server) raAuditShow(w http.ResponseWriter, r *http.Request) error {
	return s.raAuditShowWith(w, r, http.StatusOK, url.Values{}, nil)
}

// raAuditShowWith draws an audit's page; the action form's problems come
// back to it.
func (s *Server) raAuditShowWith(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []apperr.FieldError) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	a, err := s.store.AdjustmentAudit(r.Context(), r.PathValue("aid"))
	if err != nil {
		return err
	}
	d := raAuditShowData{A: a}
	var cases []adjustaudit.StoredCase
	if d.T, cases, d.Result, err = s.auditResult(r, a); err != nil {
		return err
	}
	for _, c := range cases {
		row := raCaseRow{Label: c.Label}
		for _, cr := range d.T.Criteria {
			cell := round.Labels(raAnswers, []string{string(c.Answers[cr.Key])})
			words := "Not known"
			if len(cell) == 1 {
				words = cell[0]
			}
			if e := c.Evidence[cr.Key]; e != "" {
				words += ": " + e
			}
			row.Cells = append(row.Cells, words)
		}
		d.Cases = append(d.Cases, row)
	}
	d.Margin, d.Population = sampleChoice(r.URL.Query())
	if d.Sample, err = proportion.SampleSize(float64(d.Margin)/100, 0.5, d.Population); err != nil {
		return err
	}
	d.Margins = sampleMargins
	if a.PreviousID != "" {
		if d.Previous, err = s.store.AdjustmentAudit(r.Context(), a.PreviousID); err != nil {
			return err
		}
		_, _, before, err := s.auditResult(r, d.Previous)
		if err != nil {
			return err
		}
		c := adjustaudit.Compare(d.Result, before)
		d.Comparison = &c
	}
	if d.Chart, err = s.auditChain(r, a, d.Result); err != nil {
		return err
	}
	all, err := s.store.AdjustmentAudits(r.Context(), []string{a.OrgID})
	if err != nil {
		return err
	}
	for _, o := range all {
		if o.ID != a.ID && o.Template == a.Template {
			d.Others = append(d.Others, o)
		}
	}
	ids, err := s.store.AuditActions(r.Context(), a.ID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		it, err := s.store.LedgerItem(r.Context(), id, ledger.Staff)
		if err != nil {
			return err
		}
		d.Actions = append(d.Actions, it)
	}
	return raAuditShowPage.show(s, w, r, status, view{Title: d.T.Title + ": " + a.Service,
		Flash: raAuditFlash[r.URL.Query().Get("done")], Form: form, Errors: errs}, d)
}

// raActionCreate adds an action to the audit's plan: a committed voice
// item saying what the audit found.
func (s *Server) raActionCreate(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	a, err := s.store.AdjustmentAudit(r.Context(), r.PathValue("aid"))
	if err != nil {
		return err
	}
	t, _, res, err := s.auditResult(r, a)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	f := r.PostForm
	if _, err := s.store.AddAuditAction(r.Context(), a.ID, adjustaudit.ActionSaid(*a, t, res),
		ledger.NewCommitment{What: f.Get("what"), DueOn: f.Get("due_on")}); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.raAuditShowWith(w, r, status, f, errs) })
	}
	http.Redirect(w, r, "/adjustment-audits/"+a.ID+"?done=plan-action-added#actions", http.StatusSeeOther)
	return nil
}

func (s *Server) raCaseForm(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []apperr.FieldError) error {
	a, err := s.store.AdjustmentAudit(r.Context(), r.PathValue("aid"))
	if err != nil {
		return err
	}
	t, _ := adjustaudit.TemplateByKey(a.Template)
	return raCaseNewPage.show(s, w, r, status, view{Title: "Add a case", Form: form, Errors: errs}, raCaseNewData{A: a, T: t, Answers: raAnswers})
}

func (s *Server) raCaseNew(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	return s.raCaseForm(w, r, http.StatusOK, url.Values{}, nil)
}

func (s *Server) raCaseCreate(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	_ = r.ParseForm()
	f := r.PostForm
	n := adjustaudit.NewCase{Label: f.Get("label"), Answers: map[string]adjustaudit.Answer{}, Evidence: map[string]string{}}
	for _, t := range adjustaudit.Templates {
		for _, c := range t.Criteria {
			if v := f.Get("answer_" + c.Key); v != "" {
				n.Answers[c.Key] = adjustaudit.Answer(v)
			}
			if v := f.Get("evidence_" + c.Key); v != "" {
				n.Evidence[c.Key] = v
			}
		}
	}
	// A letter criterion's pasted letter goes through the letter checker,
	// whose result is kept with the case's evidence.
	var letterErrs []apperr.FieldError
	for _, t := range adjustaudit.Templates {
		for _, c := range t.Criteria {
			text := f.Get("letter_" + c.Key)
			if !c.Letter || strings.TrimSpace(text) == "" {
				continue
			}
			checked, err := adjustaudit.CheckLetter(text)
			if err != nil {
				letterErrs = append(letterErrs, apperr.FieldError{Field: "letter_" + c.Key, Message: "The letter is too long: " + err.Error()})
				continue
			}
			n.Evidence[c.Key] = strings.TrimSpace(n.Evidence[c.Key] + " " + checked)
		}
	}
	if len(letterErrs) > 0 {
		return s.raCaseForm(w, r, http.StatusUnprocessableEntity, f, letterErrs)
	}
	id := r.PathValue("aid")
	if err := s.store.AddCase(r.Context(), id, n); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.raCaseForm(w, r, status, f, errs) })
	}
	http.Redirect(w, r, "/adjustment-audits/"+id+"?done=case-added", http.StatusSeeOther)
	return nil
}

// auditChain charts the overall percentage met of an audit and every audit
// it repeats, oldest first, as an XmR chart (higher is better), so a run of
// re-audits shows whether a change is more than the usual ups and downs.
// Audits with no cases counted are left out; fewer than two points draw no
// chart.
func (s *Server) auditChain(r *http.Request, a *adjustaudit.Audit, res adjustaudit.Result) (*spcChart, error) {
	var values []*big.Rat
	var labels []string
	for cur, curRes := a, res; ; {
		if n := curRes.Overall; n.Applicable > 0 {
			values = append([]*big.Rat{big.NewRat(int64(n.Met*100), int64(n.Applicable))}, values...)
			labels = append([]string{cur.Period}, labels...)
		}
		if cur.PreviousID == "" || len(labels) >= 50 {
			break
		}
		prev, err := s.store.AdjustmentAudit(r.Context(), cur.PreviousID)
		if err != nil {
			return nil, err
		}
		if _, _, curRes, err = s.auditResult(r, prev); err != nil {
			return nil, err
		}
		cur = prev
	}
	c, err := spc.New(values, spc.Up)
	if err != nil { // fewer than two points
		return nil, nil
	}
	v := newSPCChart("audit-chart", "Every question that applies met (%)", c, labels)
	return &v, nil
}

// raCompare compares an audit (later, or "this service") with another of
// the same template chosen on its page.
func (s *Server) raCompare(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	a, err := s.store.AdjustmentAudit(r.Context(), r.PathValue("aid"))
	if err != nil {
		return err
	}
	b, err := s.store.AdjustmentAudit(r.Context(), r.URL.Query().Get("with"))
	if err != nil {
		return err
	}
	if b.Template != a.Template || b.ID == a.ID {
		return apperr.Errorf(apperr.Invalid, "Only two different audits of the same template can be compared.")
	}
	d := raCompareData{A: a, B: b}
	if d.T, _, d.RA, err = s.auditResult(r, a); err != nil {
		return err
	}
	if _, _, d.RB, err = s.auditResult(r, b); err != nil {
		return err
	}
	d.Comparison = adjustaudit.Compare(d.RA, d.RB)
	return raComparePage.show(s, w, r, http.StatusOK, view{Title: "Compare audits"}, d)
}

// sampleMargins are the margins offered for the sample size, in
// percentage points either way.
var sampleMargins = []round.Option{{Key: "5", Label: "5 points"}, {Key: "10", Label: "10 points"}, {Key: "15", Label: "15 points"}}

// sampleChoice reads the margin (5, 10 or 15 points; 10 otherwise) and the
// caseload (a whole number up to a million; 0, "large", otherwise).
func sampleChoice(q url.Values) (margin, population int) {
	margin = 10
	if m, err := strconv.Atoi(q.Get("margin")); err == nil && (m == 5 || m == 15) {
		margin = m
	}
	if p, err := strconv.Atoi(strings.TrimSpace(q.Get("population"))); err == nil && p > 0 && p <= 1_000_000 {
		population = p
	}
	return margin, population
}
