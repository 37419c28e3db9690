package web

import (
	"net/http"
	"net/url"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/tender"
)

// The pages of a tender, and the round's list of tenders.
var (
	tenderListPage   = page[roundPage[listData[tender.Tender]]]{"tender_list"}
	tenderOpenPage   = page[listData[tender.Tender]]{"tender_open"}
	tenderShowPage   = page[tenderData[tenderShowView]]{"tender_show"}
	tenderITTPage    = page[tenderData[ittView]]{"tender_itt"}
	tenderPanelsPage = page[tenderData[[]tender.PanelMember]]{"tender_panels"}
)

// tenderCan is what the reader may do in a tender, for the links and forms
// every tender page offers.
// Outcome is the result without the assessment summaries: the group's,
// once the contract is awarded.
type tenderCan struct{ Manage, Bid, Evaluate, Chair, Result, Outcome, Export bool }

// tenderData is what every page inside a tender gets as Data, with the
// page's own data in Page.
type tenderData[T any] struct {
	T    *tender.Tender
	Can  tenderCan
	Now  time.Time
	Page T
}

// tenderObjects are the policy objects a tender is judged by: its round
// (round roles) and itself (panel roles).
func tenderObjects(t *tender.Tender) []auth.Object {
	return []auth.Object{roundObject(t.RoundID), {Type: auth.ScopeTender, ID: t.ID}}
}

// canTender reports whether the reader may do action on the tender. Bidding
// is only on a published tender, the group's view of the result only once
// the contract is awarded.
func canTender(r *http.Request, action auth.Action, t *tender.Tender) bool {
	if (action == auth.ActionBid && !t.Published()) || (action == auth.ActionViewAwardedResult && !t.Awarded) {
		return false
	}
	for _, o := range tenderObjects(t) {
		if auth.Can(principal(r), action, o) {
			return true
		}
	}
	return false
}

// tenderFor loads the tender in the path and lets the reader through when
// any of actions allows them. A visitor is sent to sign in before the
// tender is looked up, so its existence is not given away.
func (s *Server) tenderFor(r *http.Request, actions ...auth.Action) (*tender.Tender, error) {
	if !principal(r).SignedIn() {
		return nil, errSignIn
	}
	t, err := s.store.TenderByID(r.Context(), r.PathValue("tid"))
	if err != nil {
		return nil, err
	}
	for _, a := range actions {
		if canTender(r, a, t) {
			return t, nil
		}
	}
	return nil, errForbidden
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

// showTender draws a tender page with what every tender page shows about
// the reader. The form is v.Form, or what was posted (or the query).
func showTender[T any](s *Server, w http.ResponseWriter, r *http.Request, pg page[tenderData[T]], status int, v view, t *tender.Tender, data T) error {
	if v.Form == nil {
		v.Form = formValues(r)
	}
	return pg.show(s, w, r, status, v, tenderData[T]{T: t, Now: s.cfg.Now().UTC(), Page: data, Can: tenderCan{
		Manage:   canTender(r, auth.ActionManageTender, t),
		Bid:      canTender(r, auth.ActionBid, t),
		Evaluate: canTender(r, auth.ActionEvaluate, t),
		Chair:    canTender(r, auth.ActionChairPanel, t),
		Result:   canTender(r, auth.ActionViewResult, t),
		Outcome:  canTender(r, auth.ActionViewResult, t) || canTender(r, auth.ActionViewAwardedResult, t),
		Export:   canTender(r, auth.ActionExportTenders, t),
	}})
}

func (s *Server) tenderList(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewTenders)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	ts, next, err := s.store.ListTenders(r.Context(), rd.ID, q.Get("after"), 25)
	if err != nil {
		return err
	}
	return showInRound(s, w, r, tenderListPage, http.StatusOK, view{Title: "Tenders"}, rd,
		listData[tender.Tender]{Items: ts, Next: nextPage(r, next), First: q.Get("after") == ""})
}

func (s *Server) tenderCreate(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageTender)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	t, err := s.store.CreateTender(r.Context(), rd.ID, r.PostForm.Get("title"))
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return showInRound(s, w, r, tenderListPage, status, view{Title: "Tenders", Errors: errs}, rd, listData[tender.Tender]{First: true})
		})
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/itt?done=tender-created", http.StatusSeeOther)
	return nil
}

func (s *Server) tenderOpenList(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionBid, auth.Object{}); err != nil {
		return err
	}
	q := r.URL.Query()
	ts, next, err := s.store.ListPublishedTenders(r.Context(), q.Get("after"), 25)
	if err != nil {
		return err
	}
	return tenderOpenPage.show(s, w, r, http.StatusOK, view{Title: "Tenders open to bidders", Form: q},
		listData[tender.Tender]{Items: ts, Next: nextPage(r, next), First: q.Get("after") == ""})
}

// tenderShowView is the published tender: its amendments, and the service
// specification (the version in force) whose measures bidders will be held to.
type tenderShowView struct {
	Amendments []tender.Amendment
	Spec       *measure.Specification
	Version    *measure.Version
}

func (s *Server) tenderShow(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionViewTenders, auth.ActionBid, auth.ActionEvaluate)
	if err != nil {
		return err
	}
	v := tenderShowView{}
	if v.Amendments, err = s.store.Amendments(r.Context(), t.ID); err != nil {
		return err
	}
	if id := t.ITT.SpecificationID; id != "" {
		if v.Spec, err = s.store.SpecificationByID(r.Context(), t.RoundID, id); err != nil {
			return err
		}
		v.Version = v.Spec.Adopted()
	}
	return showTender(s, w, r, tenderShowPage, http.StatusOK, view{Title: t.Title}, t, v)
}

// ittView is the ITT editor's data: the stake check, worked out on every
// change, with its presets.
type ittView struct {
	Check tender.StakeCheck
	Rows  []int                   // criterion row numbers, with one blank row to add a criterion
	Specs []measure.Specification // the round's, for the ITT to name the one bidders respond to
}

// showITT draws the editor for itt with the form's values and problems.
func (s *Server) showITT(w http.ResponseWriter, r *http.Request, status int, t *tender.Tender, itt tender.ITT, form url.Values, errs []apperr.FieldError) error {
	specs, err := s.store.Specifications(r.Context(), t.RoundID)
	if err != nil {
		return err
	}
	rows := make([]int, len(itt.Criteria)+1)
	for i := range rows {
		rows[i] = i
	}
	return showTender(s, w, r, tenderITTPage, status, view{Title: "Invitation to tender", Errors: errs, Form: form}, t,
		ittView{Check: tender.CheckStake(itt), Rows: rows, Specs: specs})
}

func (s *Server) tenderITTForm(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionManageTender)
	if err != nil {
		return err
	}
	return s.showITT(w, r, http.StatusOK, t, t.ITT, ittForm(t.ITT), nil)
}

func (s *Server) tenderITTSave(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionManageTender)
	if err != nil {
		return err
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
			return err
		}
	}
	if err = apperr.Fields(fs); err == nil {
		err = s.store.SaveITT(r.Context(), t.ID, itt, r.PostForm.Get("reason"))
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showITT(w, r, status, t, itt, mergeForm(r.PostForm, itt, len(fs) == 0), errs)
		})
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/itt?done=itt-saved", http.StatusSeeOther)
	return nil
}

func (s *Server) tenderPublish(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionManageTender)
	if err != nil {
		return err
	}
	if err := s.store.PublishTender(r.Context(), t.ID); err != nil {
		// The saved ITT, with the reasons it cannot be published.
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showITT(w, r, status, t, t.ITT, ittForm(t.ITT), errs)
		})
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"?done=tender-published", http.StatusSeeOther)
	return nil
}

func (s *Server) tenderPanels(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionManageTender)
	if err != nil {
		return err
	}
	return s.showPanels(w, r, http.StatusOK, t, nil)
}

func (s *Server) showPanels(w http.ResponseWriter, r *http.Request, status int, t *tender.Tender, errs []apperr.FieldError) error {
	ms, err := s.store.PanelMembers(r.Context(), t.ID)
	if err != nil {
		return err
	}
	return showTender(s, w, r, tenderPanelsPage, status, view{Title: "Evaluation panels", Errors: errs}, t, ms)
}

func (s *Server) tenderPanelAdd(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionManageTender)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	f := newPanelForm(r.PostForm)
	u, err := s.store.UserByEmail(r.Context(), f.Email)
	switch {
	case apperr.Code(err) == apperr.NotFound:
		err = apperr.Fields([]apperr.FieldError{{Field: "email", Message: "There is no account with that email address"}})
	case err == nil:
		err = s.store.AddPanelMember(r.Context(), t.ID, u.ID, f.Panel, f.Chair)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showPanels(w, r, status, t, errs)
		})
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/panels?done=panel-added", http.StatusSeeOther)
	return nil
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
