package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/tender"
)

// tenderPage is what every page inside a tender gets as Data.
type tenderPage struct {
	T      *tender.Tender
	Can    map[string]bool
	Bidder *tender.Bidder // the reader's own bidder record, when they bid
	Now    time.Time
	Page   any
}

// tenderObjects are the policy objects a tender is judged by: its round
// (round roles) and itself (panel roles).
func tenderObjects(t *tender.Tender) []auth.Object {
	return []auth.Object{roundObject(t.RoundID), {Type: auth.ScopeTender, ID: t.ID}}
}

// canTender reports whether the reader may do action on the tender. Bidding
// is only on a published tender.
func canTender(r *http.Request, action auth.Action, t *tender.Tender) bool {
	if action == auth.ActionBid && !t.Published() {
		return false
	}
	for _, o := range tenderObjects(t) {
		if auth.Can(principal(r), action, o) {
			return true
		}
	}
	return false
}

// loadTender loads the tender in the path and lets the reader through when
// any of actions allows them; on false the response has been written.
func (s *Server) loadTender(w http.ResponseWriter, r *http.Request, actions ...auth.Action) (*tender.Tender, bool) {
	p := principal(r)
	if !p.SignedIn() {
		http.Redirect(w, r, "/login?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return nil, false
	}
	t, err := s.store.TenderByID(r.Context(), r.PathValue("tid"))
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	for _, a := range actions {
		if canTender(r, a, t) {
			return t, true
		}
	}
	s.forbidden(w, r)
	return nil, false
}

// providerOrgs are the organisations the reader bids for.
func providerOrgs(p *auth.Principal) []string {
	var ids []string
	for _, a := range p.Assignments {
		if a.Role == auth.RoleProvider && a.ScopeType == auth.ScopeOrganisation {
			ids = append(ids, a.ScopeID)
		}
	}
	return ids
}

// newTenderPage gathers what every tender page shows about the reader.
func (s *Server) newTenderPage(r *http.Request, t *tender.Tender, page any) tenderPage {
	tp := tenderPage{T: t, Now: s.cfg.Now().UTC(), Page: page, Can: map[string]bool{
		"manage":   canTender(r, auth.ActionManageTender, t),
		"bid":      canTender(r, auth.ActionBid, t),
		"evaluate": canTender(r, auth.ActionEvaluate, t),
		"chair":    canTender(r, auth.ActionChairPanel, t),
		"result":   canTender(r, auth.ActionViewResult, t),
		"export":   canTender(r, auth.ActionExportTenders, t),
	}}
	if tp.Can["bid"] {
		if b, err := s.store.BidderForOrgs(r.Context(), t.ID, providerOrgs(principal(r))); err == nil {
			tp.Bidder = b
		}
	}
	return tp
}

// showTender renders a tender page.
func (s *Server) showTender(w http.ResponseWriter, r *http.Request, status int, page, title string, t *tender.Tender, data any, errs []apperr.FieldError) {
	s.render(w, r, status, page, view{Title: title, Errors: errs, Form: formValues(r), Data: s.newTenderPage(r, t, data)})
}

// tenderFormError re-displays a tender form with its problems, or shows the
// error page when the error is not about fields.
func (s *Server) tenderFormError(w http.ResponseWriter, r *http.Request, err error, page, title string, t *tender.Tender, data any) {
	fs := apperr.FieldsOf(err)
	if len(fs) == 0 {
		s.fail(w, r, err)
		return
	}
	s.showTender(w, r, statusFor[apperr.Code(err)], page, title, t, data, fs)
}

func (s *Server) tenderList(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionViewTenders)
	if !ok {
		return
	}
	q := r.URL.Query()
	ts, next, err := s.store.ListTenders(r.Context(), rd.ID, q.Get("after"), 25)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.showRound(w, r, http.StatusOK, "tender_list", "Tenders", rd, listData[tender.Tender]{Items: ts, Next: nextPage(r, next), First: q.Get("after") == ""}, nil)
}

func (s *Server) tenderCreate(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionManageTender)
	if !ok {
		return
	}
	_ = r.ParseForm()
	t, err := s.store.CreateTender(r.Context(), rd.ID, r.PostForm.Get("title"))
	if err != nil {
		s.roundFormError(w, r, err, "tender_list", "Tenders", rd, listData[tender.Tender]{First: true})
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/itt?done=tender-created", http.StatusSeeOther)
}

func (s *Server) tenderOpenList(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionBid, auth.Object{}) {
		return
	}
	q := r.URL.Query()
	ts, next, err := s.store.ListPublishedTenders(r.Context(), q.Get("after"), 25)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "tender_open", view{Title: "Tenders open to bidders", Form: q,
		Data: listData[tender.Tender]{Items: ts, Next: nextPage(r, next), First: q.Get("after") == ""}})
}

func (s *Server) tenderShow(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionViewTenders, auth.ActionBid, auth.ActionEvaluate)
	if !ok {
		return
	}
	v := tenderShowView{}
	var err error
	if v.Amendments, err = s.store.Amendments(r.Context(), t.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	if id := t.ITT.SpecificationID; id != "" {
		if v.Spec, err = s.store.SpecificationByID(r.Context(), t.RoundID, id); err != nil {
			s.fail(w, r, err)
			return
		}
		v.Version = v.Spec.Adopted()
	}
	s.showTender(w, r, http.StatusOK, "tender_show", t.Title, t, v, nil)
}

// tenderShowView is the published tender: its amendments, and the service
// specification (the version in force) whose measures bidders will be held to.
type tenderShowView struct {
	Amendments []tender.Amendment
	Spec       *measure.Specification
	Version    *measure.Version
}

// ittView is the ITT editor's data: the stake check, worked out on every
// change, with its presets.
type ittView struct {
	Check tender.StakeCheck
	Rows  []int                   // criterion row numbers, with one blank row to add a criterion
	Specs []measure.Specification // the round's, for the ITT to name the one bidders respond to
}

// newITTView is the editor's data for itt as it stands.
func (s *Server) newITTView(r *http.Request, t *tender.Tender, itt tender.ITT) (ittView, error) {
	specs, err := s.store.Specifications(r.Context(), t.RoundID)
	return ittView{Check: tender.CheckStake(itt), Rows: rows(len(itt.Criteria) + 1), Specs: specs}, err
}

// showITT renders the editor for itt with the form values and problems.
func (s *Server) showITT(w http.ResponseWriter, r *http.Request, status int, t *tender.Tender, itt tender.ITT, form url.Values, errs []apperr.FieldError) {
	v, err := s.newITTView(r, t, itt)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, "tender_itt", view{Title: "Invitation to tender", Errors: errs, Form: form, Data: s.newTenderPage(r, t, v)})
}

func (s *Server) tenderITTForm(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionManageTender)
	if !ok {
		return
	}
	s.showITT(w, r, http.StatusOK, t, t.ITT, ittForm(t.ITT), nil)
}

func rows(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

const formTime = "2006-01-02T15:04"

// ittForm writes an ITT as the editor's form values.
func ittForm(itt tender.ITT) url.Values {
	f := url.Values{}
	f.Set("title", itt.Title)
	f.Set("price_weight_percent", itt.PriceWeight.String())
	if !itt.Deadlines.Clarification.IsZero() {
		f.Set("deadlines.clarification", itt.Deadlines.Clarification.UTC().Format(formTime))
	}
	if !itt.Deadlines.Submission.IsZero() {
		f.Set("deadlines.submission", itt.Deadlines.Submission.UTC().Format(formTime))
	}
	f.Set("specification_id", itt.SpecificationID)
	f.Set("scale.max", strconv.Itoa(itt.Scale.Max))
	f.Set("scale.descriptors", strings.Join(itt.Scale.Descriptors, "\n"))
	for i, k := range itt.TieBreak {
		f.Set("tie_break["+strconv.Itoa(i)+"]", string(k))
	}
	for i, c := range itt.Criteria {
		p := "criteria[" + strconv.Itoa(i) + "]."
		f.Set(p+"id", c.ID)
		f.Set(p+"question", c.Question)
		f.Set(p+"guidance", c.Guidance)
		f.Set(p+"weight_percent", c.Weight.String())
		f.Set(p+"panel", string(c.Panel))
		if c.Panel == tender.Joint {
			f.Set(p+"lep_share", c.LEPShare.String())
		}
		if c.MinScore != nil {
			f.Set(p+"min_score", strconv.Itoa(*c.MinScore))
		}
	}
	return f
}

// parseITT reads the editor's form over the saved ITT, collecting every
// problem with a number or date as a field error.
func parseITT(f url.Values, base tender.ITT) (tender.ITT, []apperr.FieldError) {
	var fs []apperr.FieldError
	bad := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	itt := base
	itt.Title = strings.TrimSpace(f.Get("title"))
	if v, err := tender.ParsePercent(f.Get("price_weight_percent")); err != nil {
		bad("price_weight_percent", "Enter the price weight as a percentage, like 30")
	} else {
		itt.PriceWeight = v
	}
	for _, k := range []string{"deadlines.clarification", "deadlines.submission"} {
		v := strings.TrimSpace(f.Get(k))
		var at time.Time
		if v != "" {
			var err error
			// A browser without a date-time control sends what was typed.
			if at, err = time.Parse(formTime, strings.Replace(v, " ", "T", 1)); err != nil {
				bad(k, "Enter the date and time like 2027-03-31 12:00")
			}
		}
		if k == "deadlines.clarification" {
			itt.Deadlines.Clarification = at
		} else {
			itt.Deadlines.Submission = at
		}
	}
	if _, ok := f["scale.max"]; ok {
		if n, err := strconv.Atoi(strings.TrimSpace(f.Get("scale.max"))); err != nil {
			bad("scale.max", "Enter the top of the scale as a whole number, like 5")
		} else {
			itt.Scale = parseScale(n, f.Get("scale.descriptors"))
		}
	}
	if _, ok := f["specification_id"]; ok {
		itt.SpecificationID = strings.TrimSpace(f.Get("specification_id"))
	}
	if _, ok := f["tie_break[0]"]; ok {
		itt.TieBreak = nil
		for i := range tender.TieBreakRules() { // each rule at most once
			if k := strings.TrimSpace(f.Get("tie_break[" + strconv.Itoa(i) + "]")); k != "" {
				itt.TieBreak = append(itt.TieBreak, tender.TieBreakKey(k))
			}
		}
	}
	itt.Criteria = nil
	for i := 0; i < 50; i++ {
		p := "criteria[" + strconv.Itoa(i) + "]."
		if _, ok := f[p+"id"]; !ok {
			break
		}
		c := tender.Criterion{ID: strings.TrimSpace(f.Get(p + "id")), Question: strings.TrimSpace(f.Get(p + "question")),
			Guidance: strings.TrimSpace(f.Get(p + "guidance")), Panel: tender.Panel(f.Get(p + "panel"))}
		if c.ID == "" && c.Question == "" && strings.TrimSpace(f.Get(p+"weight_percent")) == "" {
			continue // the blank row
		}
		if w, err := tender.ParsePercent(f.Get(p + "weight_percent")); err != nil {
			bad(p+"weight_percent", "Enter the weight of criterion "+strconv.Itoa(i+1)+" as a percentage, like 20")
		} else {
			c.Weight = w
		}
		if c.Panel == tender.Joint {
			if b, err := tender.ParseDecimal(f.Get(p + "lep_share")); err != nil {
				bad(p+"lep_share", "Enter the lived experience panel's share of criterion "+strconv.Itoa(i+1)+" as a number between 0 and 1, like 0.5")
			} else {
				c.LEPShare = b
			}
		}
		if m := strings.TrimSpace(f.Get(p + "min_score")); m != "" {
			if n, err := strconv.Atoi(m); err != nil {
				bad(p+"min_score", "Enter the minimum score of criterion "+strconv.Itoa(i+1)+" as a whole number")
			} else {
				c.MinScore = &n
			}
		}
		itt.Criteria = append(itt.Criteria, c)
	}
	return itt, fs
}

// parseScale reads the scale's top and its descriptors, one line for each
// point from 0 up; blank lines are dropped, so a missing descriptor shows
// as a count that does not match. With no descriptors, the top of the
// default scale takes the default descriptors.
func parseScale(max int, text string) tender.Scale {
	sc := tender.Scale{Max: max}
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			sc.Descriptors = append(sc.Descriptors, line)
		}
	}
	if def := tender.DefaultScale(); len(sc.Descriptors) == 0 && max == def.Max {
		sc.Descriptors = def.Descriptors
	}
	return sc
}

func (s *Server) tenderITTSave(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionManageTender)
	if !ok {
		return
	}
	_ = r.ParseForm()
	itt, fs := parseITT(r.PostForm, t.ITT)
	itt.Stake = t.ITT.Stake
	if preset := tender.Preset(r.PostForm.Get("preset")); preset != "" && len(fs) == 0 {
		fix := tender.StakeByCriteria
		if preset == tender.ByBlend {
			fix = tender.StakeByBlend
		}
		f, err := fix(itt)
		if err != nil {
			fs = append(fs, apperr.FieldError{Field: "criteria", Message: apperr.Message(err)})
		} else {
			itt.Criteria = f.Criteria
		}
	}
	if id := itt.SpecificationID; id != "" {
		if _, err := s.store.SpecificationByID(r.Context(), t.RoundID, id); apperr.Code(err) == apperr.NotFound {
			fs = append(fs, apperr.FieldError{Field: "specification_id", Message: "Choose one of this round's service specifications, or none"})
		} else if err != nil {
			s.fail(w, r, err)
			return
		}
	}
	var err error
	if len(fs) > 0 {
		err = apperr.Fields(fs)
	} else {
		err = s.store.SaveITT(r.Context(), t.ID, itt, r.PostForm.Get("reason"))
	}
	if err != nil {
		if len(apperr.FieldsOf(err)) == 0 {
			s.fail(w, r, err)
			return
		}
		s.showITT(w, r, statusFor[apperr.Code(err)], t, itt, mergeForm(r.PostForm, itt, len(fs) == 0), apperr.FieldsOf(err))
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/itt?done=itt-saved", http.StatusSeeOther)
}

// mergeForm keeps what was typed, or shows the ITT a preset produced.
func mergeForm(f url.Values, itt tender.ITT, parsed bool) url.Values {
	if !parsed {
		return f
	}
	out := ittForm(itt)
	out.Set("reason", f.Get("reason"))
	return out
}

func (s *Server) tenderPublish(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionManageTender)
	if !ok {
		return
	}
	if err := s.store.PublishTender(r.Context(), t.ID); err != nil {
		if len(apperr.FieldsOf(err)) == 0 {
			s.fail(w, r, err)
			return
		}
		r.Method = http.MethodGet // show the saved ITT, with the reasons it cannot be published
		s.showITT(w, r, statusFor[apperr.Code(err)], t, t.ITT, ittForm(t.ITT), apperr.FieldsOf(err))
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"?done=tender-published", http.StatusSeeOther)
}

func (s *Server) tenderPanels(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionManageTender)
	if !ok {
		return
	}
	ms, err := s.store.PanelMembers(r.Context(), t.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.showTender(w, r, http.StatusOK, "tender_panels", "Evaluation panels", t, ms, nil)
}

func (s *Server) tenderPanelAdd(w http.ResponseWriter, r *http.Request) {
	t, ok := s.loadTender(w, r, auth.ActionManageTender)
	if !ok {
		return
	}
	_ = r.ParseForm()
	u, err := s.store.UserByEmail(r.Context(), strings.ToLower(strings.TrimSpace(r.PostForm.Get("email"))))
	if err != nil {
		if apperr.Code(err) == apperr.NotFound {
			err = apperr.Fields([]apperr.FieldError{{Field: "email", Message: "There is no account with that email address"}})
		}
	} else {
		err = s.store.AddPanelMember(r.Context(), t.ID, u.ID, tender.Panel(r.PostForm.Get("panel")), r.PostForm.Get("chair") == "yes")
	}
	if err != nil {
		ms, _ := s.store.PanelMembers(r.Context(), t.ID)
		s.tenderFormError(w, r, err, "tender_panels", "Evaluation panels", t, ms)
		return
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/panels?done=panel-added", http.StatusSeeOther)
}

// tenderFlash are this area's confirmations, shown after post/redirect/get.
var tenderFlash = map[string]string{
	"tender-created":     "Tender started. Write the invitation to tender.",
	"itt-saved":          "Invitation to tender saved.",
	"tender-published":   "Invitation to tender published. Providers can now bid.",
	"panel-added":        "Added to the panel.",
	"bid-saved":          "Draft saved. It has not been sent.",
	"bid-withdrawn":      "Bid withdrawn.",
	"question-asked":     "Question sent. Only the commissioners see who asked it.",
	"question-answered":  "Answer saved.",
	"declared":           "Declaration saved.",
	"mitigated":          "Mitigation recorded.",
	"scores-saved":       "Scores saved. They are sealed: nobody else can see them.",
	"scores-submitted":   "Scores submitted.",
	"moderation-open":    "Moderation is open.",
	"consensus-saved":    "Consensus score recorded.",
	"attachment-removed": "File removed. Your bid is a draft: it has not been sent.",
	"awarded":            "Award decision recorded.",
}
