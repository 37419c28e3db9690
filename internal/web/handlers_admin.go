package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

func (s *Server) adminHome(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionViewAdmin, auth.Object{}) {
		return
	}
	s.render(w, r, http.StatusOK, "admin", view{Title: "Administration"})
}

type listData[T any] struct {
	Items  []T
	Search string
	Next   url.Values // query of the next page; nil on the last page
	First  bool       // this is the first page
}

func nextPage(r *http.Request, next string) url.Values {
	if next == "" {
		return nil
	}
	q := url.Values{}
	if s := r.URL.Query().Get("q"); s != "" {
		q.Set("q", s)
	}
	q.Set("after", next)
	return q
}

func (s *Server) adminUsers(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionManageUsers, auth.Object{}) {
		return
	}
	q := r.URL.Query()
	users, next, err := s.store.ListUsers(r.Context(), auth.ListQuery{Search: q.Get("q"), After: q.Get("after"), Limit: 25})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_users", view{Title: "Users", Form: q,
		Data: listData[auth.User]{Items: users, Search: q.Get("q"), Next: nextPage(r, next), First: q.Get("after") == ""}})
}

func (s *Server) adminUser(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionManageUsers, auth.Object{}) {
		return
	}
	s.userView(w, r, http.StatusOK, nil)
}

// allOrgs returns every organisation for a select list (organisations are
// counted in tens or hundreds, not more).
func (s *Server) allOrgs(r *http.Request) ([]auth.Organisation, error) {
	var all []auth.Organisation
	after := ""
	for {
		page, next, err := s.store.ListOrganisations(r.Context(), auth.ListQuery{After: after, Limit: 200})
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if next == "" {
			return all, nil
		}
		after = next
	}
}

type inviteData struct {
	Orgs       []auth.Organisation
	Invitation *auth.Invitation
	Link       string
}

func (s *Server) inviteNewForm(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionInvite, auth.Object{}) {
		return
	}
	orgs, err := s.allOrgs(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_invite", view{Title: "Invite someone", Form: r.URL.Query(), Data: inviteData{Orgs: orgs}})
}

func (s *Server) inviteCreate(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionInvite, auth.Object{}) {
		return
	}
	_ = r.ParseForm()
	n := auth.NewInvitation{Email: r.PostForm.Get("email"), DisplayName: r.PostForm.Get("display_name"),
		OrgID: r.PostForm.Get("org_id"), Role: auth.Role(r.PostForm.Get("role"))}
	err := n.Validate()
	var inv *auth.Invitation
	var token string
	if err == nil {
		inv, token, err = s.store.CreateInvitation(r.Context(), n, s.cfg.InvitationTTL)
	}
	if err != nil {
		s.formError(w, r, err, "admin_invite", "Invite someone", func() any {
			orgs, _ := s.allOrgs(r)
			return inviteData{Orgs: orgs}
		})
		return
	}
	// Shown once, here, for the admin to pass on: the database keeps only a hash.
	link := s.baseURL(r) + "/invite/" + token
	s.render(w, r, http.StatusCreated, "admin_invite_link", view{Title: "Invitation created", Data: inviteData{Invitation: inv, Link: link}})
}

// formError re-displays a form with the problems, or shows the error page
// when the error is not about the form's fields.
func (s *Server) formError(w http.ResponseWriter, r *http.Request, err error, page, title string, data func() any) {
	fs := apperr.FieldsOf(err)
	if len(fs) == 0 {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, statusFor[apperr.Code(err)], page, view{Title: title, Errors: fs, Form: r.PostForm, Data: data()})
}

func (s *Server) baseURL(r *http.Request) string {
	scheme := "http"
	if s.cfg.Secure || r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (s *Server) adminOrgs(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionManageOrgs, auth.Object{}) {
		return
	}
	q := r.URL.Query()
	orgs, next, err := s.store.ListOrganisations(r.Context(), auth.ListQuery{Search: q.Get("q"), After: q.Get("after"), Limit: 25})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_orgs", view{Title: "Organisations", Form: q,
		Data: listData[auth.Organisation]{Items: orgs, Search: q.Get("q"), Next: nextPage(r, next), First: q.Get("after") == ""}})
}

func (s *Server) orgNewForm(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionManageOrgs, auth.Object{}) {
		return
	}
	s.render(w, r, http.StatusOK, "admin_org_new", view{Title: "Add an organisation"})
}

func (s *Server) orgCreate(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionManageOrgs, auth.Object{}) {
		return
	}
	_ = r.ParseForm()
	n := auth.NewOrganisation{Name: r.PostForm.Get("name"), Kind: auth.OrgKind(r.PostForm.Get("kind"))}
	err := n.Validate()
	var o *auth.Organisation
	if err == nil {
		o, err = s.store.CreateOrganisation(r.Context(), n)
	}
	if err != nil {
		s.formError(w, r, err, "admin_org_new", "Add an organisation", func() any { return nil })
		return
	}
	http.Redirect(w, r, "/admin/organisations/"+o.ID+"?done=org-created", http.StatusSeeOther)
}

type orgData struct {
	Org     *auth.Organisation
	Members []auth.Membership
}

func (s *Server) orgView(w http.ResponseWriter, r *http.Request, status int, errs []apperr.FieldError) {
	o, err := s.store.OrganisationByID(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ms, err := s.store.Members(r.Context(), o.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, status, "admin_org", view{Title: o.Name, Errors: errs, Form: r.PostForm, Data: orgData{Org: o, Members: ms}})
}

func (s *Server) adminOrg(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionManageOrgs, auth.Object{}) {
		return
	}
	s.orgView(w, r, http.StatusOK, nil)
}

// orgAddMember adds an existing account to the organisation, with a role
// held over the organisation when one is chosen; the store checks the form
// and makes both changes together.
func (s *Server) orgAddMember(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionManageOrgMembers, auth.Object{Type: auth.ScopeOrganisation, ID: r.PathValue("id")}) {
		return
	}
	_ = r.ParseForm()
	orgID := r.PathValue("id")
	_, err := s.store.AddOrgMember(r.Context(), auth.NewOrgMember{OrgID: orgID, Email: r.PostForm.Get("email"), Role: auth.Role(r.PostForm.Get("role"))})
	if fs := apperr.FieldsOf(err); len(fs) > 0 {
		s.orgView(w, r, http.StatusUnprocessableEntity, fs)
		return
	} else if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/organisations/"+orgID+"?done=member-added", http.StatusSeeOther)
}
