package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

var (
	uloListPage   = page[uloListData]{"ulo_list"}
	uloNewPage    = page[uloNewData]{"ulo_new"}
	uloInvitePage = page[uloInviteData]{"ulo_invite"}
	uloLinkPage   = page[uloLinkData]{"ulo_link"}
)

type uloListData struct {
	Providers []uloProvider // the providers whose staff the reader is
	Run       []round.Option
}

// uloProvider is a provider with the ULOs it set up.
type uloProvider struct {
	Org  round.Option
	ULOs []auth.Organisation
}

type uloNewData struct{ Providers []round.Option }

type uloInviteData struct {
	ULO   *auth.Organisation
	Roles []round.Option
}

// uloLinkData is an invitation made, with its link shown once.
type uloLinkData struct {
	Invitation *auth.Invitation
	ULOName    string
	Link       string
}

// orgsWhere are the reader's organisations of a kind on which they may act.
func (s *Server) orgsWhere(r *http.Request, kind auth.OrgKind, action auth.Action) ([]round.Option, error) {
	var out []round.Option
	for _, id := range principal(r).OrgIDs() {
		if containsOption(out, id) || !auth.Can(principal(r), action, auth.Object{Type: auth.ScopeOrganisation, ID: id}) {
			continue
		}
		o, err := s.store.OrganisationByID(r.Context(), id)
		if err != nil {
			return nil, err
		}
		if o.Kind == kind {
			out = append(out, round.Option{Key: o.ID, Label: o.Name})
		}
	}
	return out, nil
}

func (s *Server) uloList(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	provs, err := s.orgsWhere(r, auth.KindProvider, auth.ActionSetUpULO)
	if err != nil {
		return err
	}
	var d uloListData
	for _, p := range provs {
		ulos, err := s.store.ULOsSetUpBy(r.Context(), p.Key)
		if err != nil {
			return err
		}
		d.Providers = append(d.Providers, uloProvider{Org: p, ULOs: ulos})
	}
	if d.Run, err = s.orgsWhere(r, auth.KindUserLed, auth.ActionInviteToULO); err != nil {
		return err
	}
	return uloListPage.show(s, w, r, http.StatusOK, view{Title: "User-led organisations"}, d)
}

func (s *Server) uloForm(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []apperr.FieldError) error {
	provs, err := s.orgsWhere(r, auth.KindProvider, auth.ActionSetUpULO)
	if err != nil {
		return err
	}
	if len(provs) == 0 {
		return errForbidden
	}
	if len(provs) == 1 {
		form.Set("provider", provs[0].Key)
	}
	return uloNewPage.show(s, w, r, status, view{Title: "Set up a user-led organisation", Form: form, Errors: errs}, uloNewData{Providers: provs})
}

func (s *Server) uloNew(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	return s.uloForm(w, r, http.StatusOK, url.Values{}, nil)
}

func (s *Server) uloCreate(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	_ = r.ParseForm()
	f := r.PostForm
	org, inv, token, err := s.store.SetUpULO(r.Context(), auth.NewULO{ProviderID: f.Get("provider"), Name: f.Get("name"),
		FacilitatorName: f.Get("display_name"), FacilitatorEmail: f.Get("email")}, s.cfg.InvitationTTL)
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.uloForm(w, r, status, f, errs) })
	}
	// Shown once, here, to pass on: the database keeps only a hash.
	return uloLinkPage.show(s, w, r, http.StatusCreated, view{Title: "User-led organisation set up"},
		uloLinkData{Invitation: inv, ULOName: org.Name, Link: s.baseURL(r) + "/invite/" + token})
}

// uloToInvite is the ULO in the path, for its facilitators.
func (s *Server) uloToInvite(r *http.Request) (*auth.Organisation, error) {
	id := r.PathValue("org")
	if err := allow(r, auth.ActionInviteToULO, auth.Object{Type: auth.ScopeOrganisation, ID: id}); err != nil {
		return nil, err
	}
	o, err := s.store.OrganisationByID(r.Context(), id)
	if err == nil && o.Kind != auth.KindUserLed {
		return nil, errForbidden
	}
	return o, err
}

func uloRoleOptions() []round.Option {
	out := make([]round.Option, len(auth.ULORoles))
	for i, role := range auth.ULORoles {
		out[i] = round.Option{Key: string(role), Label: role.Label()}
	}
	return out
}

func (s *Server) uloInviteShow(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []apperr.FieldError) error {
	o, err := s.uloToInvite(r)
	if err != nil {
		return err
	}
	return uloInvitePage.show(s, w, r, status, view{Title: "Invite someone to " + o.Name, Form: form, Errors: errs},
		uloInviteData{ULO: o, Roles: uloRoleOptions()})
}

func (s *Server) uloInviteForm(w http.ResponseWriter, r *http.Request) error {
	return s.uloInviteShow(w, r, http.StatusOK, url.Values{"role": {string(auth.RoleMember)}}, nil)
}

func (s *Server) uloInvite(w http.ResponseWriter, r *http.Request) error {
	o, err := s.uloToInvite(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	f := r.PostForm
	n := auth.NewInvitation{Email: f.Get("email"), DisplayName: f.Get("display_name"), OrgID: o.ID, Role: auth.Role(f.Get("role"))}
	err = n.Validate()
	if err == nil && !containsOption(uloRoleOptions(), string(n.Role)) {
		err = apperr.Fields([]apperr.FieldError{{Field: "role", Message: "Select a role from the list"}})
	}
	var inv *auth.Invitation
	var token string
	if err == nil {
		inv, token, err = s.store.CreateInvitation(r.Context(), n, s.cfg.InvitationTTL)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.uloInviteShow(w, r, status, f, errs) })
	}
	return uloLinkPage.show(s, w, r, http.StatusCreated, view{Title: "Invitation created"},
		uloLinkData{Invitation: inv, ULOName: o.Name, Link: s.baseURL(r) + "/invite/" + token})
}
