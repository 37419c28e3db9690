package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/adjustment"
	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// The register of reasonable adjustments (internal/adjustment). The store
// decides who may see and change what; these handlers only ask it, so a
// refusal is its "no such entry" (404) and never says whether a person has
// a register.

var (
	adjustmentsMinePage   = page[adjustmentsMineData]{"adjustments_mine"}
	adjustmentsMemberPage = page[adjustmentsMemberData]{"adjustments_member"}
	adjustmentsSharedPage = page[adjustmentsSharedData]{"adjustments_shared"}
	adjustmentFormPage    = page[adjustmentFormData]{"adjustment_form"}
	adjustmentShowPage    = page[adjustmentShowData]{"adjustment_show"}
)

var adjustmentFlash = map[string]string{
	"adjustment-saved": "The adjustment is saved. The version before it is kept in its history.",
	"adjustment-ended": "The adjustment is marked as no longer needed. It is kept, and it is no longer shared.",
}

// myGroup is one group the signed-in person is a member of.
type myGroup struct {
	RoundTitle, RoundID string
	MemberID            string
}

type adjustmentsMineData struct {
	Entries []adjustment.Entry
	Groups  []myGroup
}

type adjustmentsMemberData struct {
	RoundID, MemberID string
	Person            string // the member's name in the group, "" for the person themselves
	Entries           []adjustment.Entry
}

type adjustmentsSharedData struct {
	Entries []adjustment.Entry
}

type adjustmentFormData struct {
	Action   string // where the form posts
	MemberID string // for a new entry
	Editing  bool
	Orgs     []round.Option
	// ShareChoices are the answers to "does the person agree to share?".
	ShareChoices []round.Option
}

var shareChoices = []round.Option{{Key: "yes", Label: "Yes"}, {Key: "no", Label: "No"}}

type adjustmentShowData struct {
	E       *adjustment.Entry
	History []adjustment.Entry // nil for an organisation it is shared with
}

// myGroups are the groups the person is a member of, for adding to their
// own register.
func (s *Server) myGroups(r *http.Request) ([]myGroup, error) {
	p := principal(r)
	var out []myGroup
	for _, a := range p.Assignments {
		if a.Role != auth.RoleMember || a.ScopeType != auth.ScopeRound {
			continue
		}
		m, err := s.store.MemberForUser(r.Context(), a.ScopeID, p.User.ID)
		if apperr.Code(err) == apperr.NotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		rd, err := s.store.RoundByID(r.Context(), a.ScopeID)
		if err != nil {
			return nil, err
		}
		out = append(out, myGroup{RoundTitle: rd.Title, RoundID: rd.ID, MemberID: m.ID})
	}
	return out, nil
}

func (s *Server) adjustmentsMine(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	var d adjustmentsMineData
	var err error
	if d.Entries, err = s.store.MyAdjustments(r.Context()); err != nil {
		return err
	}
	if d.Groups, err = s.myGroups(r); err != nil {
		return err
	}
	return adjustmentsMinePage.show(s, w, r, http.StatusOK, view{Title: "What helps me: my reasonable adjustments",
		Flash: adjustmentFlash[r.URL.Query().Get("done")]}, d)
}

func (s *Server) adjustmentsMember(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	d := adjustmentsMemberData{RoundID: r.PathValue("id"), MemberID: r.PathValue("mid")}
	var err error
	if d.Entries, err = s.store.MemberAdjustments(r.Context(), d.MemberID); err != nil {
		return err
	}
	// A facilitator sees whose register it is; the person sees their own.
	if allow(r, auth.ActionKeepAdjustments, roundObject(d.RoundID)) == nil {
		m, err := s.store.RoundMember(r.Context(), d.RoundID, d.MemberID, round.Facilitators)
		if err != nil {
			return err
		}
		d.Person = m.Pseudonym
	}
	title := "Reasonable adjustments"
	if d.Person != "" {
		title += ": " + d.Person
	}
	return adjustmentsMemberPage.show(s, w, r, http.StatusOK, view{Title: title, Flash: adjustmentFlash[r.URL.Query().Get("done")]}, d)
}

func (s *Server) adjustmentsShared(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	entries, err := s.store.SharedAdjustments(r.Context())
	if err != nil {
		return err
	}
	return adjustmentsSharedPage.show(s, w, r, http.StatusOK, view{Title: "Reasonable adjustments shared with your organisation"},
		adjustmentsSharedData{Entries: entries})
}

// shareOptions are the organisations a person may choose to share with.
func (s *Server) shareOptions(r *http.Request) ([]round.Option, error) {
	orgs, _, err := s.store.ListOrganisations(r.Context(), auth.ListQuery{Limit: 500})
	out := make([]round.Option, len(orgs))
	for i, o := range orgs {
		out[i] = round.Option{Key: o.ID, Label: o.Name}
	}
	return out, err
}

func (s *Server) adjustmentForm(w http.ResponseWriter, r *http.Request, status int, d adjustmentFormData, form url.Values, errs []apperr.FieldError) error {
	var err error
	if d.Orgs, err = s.shareOptions(r); err != nil {
		return err
	}
	d.ShareChoices = shareChoices
	title := "Record a reasonable adjustment"
	if d.Editing {
		title = "Change a reasonable adjustment"
	}
	return adjustmentFormPage.show(s, w, r, status, view{Title: title, Form: form, Errors: errs}, d)
}

func (s *Server) adjustmentNew(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	mid := r.URL.Query().Get("member")
	// The store says whether the reader keeps this member's register.
	if _, err := s.store.MemberAdjustments(r.Context(), mid); err != nil {
		return err
	}
	return s.adjustmentForm(w, r, http.StatusOK, adjustmentFormData{Action: "/adjustments", MemberID: mid}, url.Values{}, nil)
}

func adjustmentInput(f url.Values) adjustment.Input {
	return adjustment.Input{Category: f.Get("category"), Need: f.Get("need"), Details: f.Get("details"),
		Share: f.Get("share") == "yes", ShareOrgID: f.Get("share_org"), ReviewOn: f.Get("review_on")}
}

func (s *Server) adjustmentCreate(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	_ = r.ParseForm()
	mid := r.PostForm.Get("member")
	e, err := s.store.RecordAdjustment(r.Context(), mid, adjustmentInput(r.PostForm))
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.adjustmentForm(w, r, status, adjustmentFormData{Action: "/adjustments", MemberID: mid}, r.PostForm, errs)
		})
	}
	http.Redirect(w, r, "/adjustments/"+e.ID+"?done=adjustment-saved", http.StatusSeeOther)
	return nil
}

func (s *Server) adjustmentEdit(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("aid")
	// Only those who keep the register see its history, and may change it.
	h, err := s.store.AdjustmentHistory(r.Context(), id)
	if err != nil {
		return err
	}
	e := h[0]
	form := url.Values{"category": {e.Category}, "need": {e.Need}, "details": {e.Details}, "share_org": {e.ShareOrgID},
		"review_on": {e.ReviewOn}, "share": {"no"}}
	if e.Share {
		form.Set("share", "yes")
	}
	return s.adjustmentForm(w, r, http.StatusOK, adjustmentFormData{Action: "/adjustments/" + id, Editing: true}, form, nil)
}

func (s *Server) adjustmentChange(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	id := r.PathValue("aid")
	if _, err := s.store.ChangeAdjustment(r.Context(), id, adjustmentInput(r.PostForm)); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.adjustmentForm(w, r, status, adjustmentFormData{Action: "/adjustments/" + id, Editing: true}, r.PostForm, errs)
		})
	}
	http.Redirect(w, r, "/adjustments/"+id+"?done=adjustment-saved", http.StatusSeeOther)
	return nil
}

func (s *Server) adjustmentEnd(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("aid")
	if err := s.store.EndAdjustment(r.Context(), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/adjustments/"+id+"?done=adjustment-ended", http.StatusSeeOther)
	return nil
}

func (s *Server) adjustmentShow(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	id := r.PathValue("aid")
	e, err := s.store.Adjustment(r.Context(), id)
	if err != nil {
		return err
	}
	d := adjustmentShowData{E: e}
	// The history is for those who keep the register; an organisation it
	// is shared with is refused it and sees the entry as it is now.
	if h, err := s.store.AdjustmentHistory(r.Context(), id); err == nil {
		d.History = h
	} else if apperr.Code(err) != apperr.NotFound {
		return err
	}
	return adjustmentShowPage.show(s, w, r, http.StatusOK, view{Title: e.CategoryLabel() + ": " + e.Person,
		Flash: adjustmentFlash[r.URL.Query().Get("done")]}, d)
}

// The FHIR exports: one Flag per adjustment the person consents to share
// (adjustment.FlagBundle leaves out the rest).
func (s *Server) writeFlags(w http.ResponseWriter, entries []adjustment.Entry, name string) error {
	b, err := adjustment.FlagBundle(entries, s.cfg.Now())
	if err != nil {
		return err
	}
	download(w, "application/fhir+json; charset=utf-8", name)
	w.Write(b)
	return nil
}

func (s *Server) adjustmentsMineFHIR(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	entries, err := s.store.MyAdjustments(r.Context())
	if err != nil {
		return err
	}
	return s.writeFlags(w, entries, "reasonable-adjustments.fhir.json")
}

func (s *Server) adjustmentsMemberFHIR(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	entries, err := s.store.MemberAdjustments(r.Context(), r.PathValue("mid"))
	if err != nil {
		return err
	}
	return s.writeFlags(w, entries, "reasonable-adjustments.fhir.json")
}
