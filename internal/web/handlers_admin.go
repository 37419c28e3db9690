package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// The administrators' pages: the start page, accounts, invitations and
// organisations (the audit log's and one account's are beside their handlers).
var (
	adminHomePage   = page[noData]{"admin"}
	adminUsersPage  = page[listData[auth.User]]{"admin_users"}
	adminInvitePage = page[inviteFormData]{"admin_invite"}
	adminLinkPage   = page[inviteLinkData]{"admin_invite_link"}
	adminOrgsPage   = page[listData[auth.Organisation]]{"admin_orgs"}
	adminOrgNewPage = page[noData]{"admin_org_new"}
	adminOrgPage    = page[orgData]{"admin_org"}
)

func (s *Server) adminHome(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewAdmin, auth.Object{}); err != nil {
		return err
	}
	return adminHomePage.show(s, w, r, http.StatusOK, view{Title: "Administration"}, noData{})
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

func (s *Server) adminUsers(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionManageUsers, auth.Object{}); err != nil {
		return err
	}
	q := r.URL.Query()
	users, next, err := s.store.ListUsers(r.Context(), auth.ListQuery{Search: q.Get("q"), After: q.Get("after"), Limit: 25})
	if err != nil {
		return err
	}
	return adminUsersPage.show(s, w, r, http.StatusOK, view{Title: "Users", Form: q},
		listData[auth.User]{Items: users, Search: q.Get("q"), Next: nextPage(r, next), First: q.Get("after") == ""})
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

// inviteFormData is the invitation form's: the organisations to choose from.
type inviteFormData struct {
	Orgs []auth.Organisation
}

// inviteLinkData is the invitation just made and the one link to it.
type inviteLinkData struct {
	Invitation *auth.Invitation
	Link       string
}

// showInviteForm draws the invitation form, with the problems of a sent one.
func (s *Server) showInviteForm(w http.ResponseWriter, r *http.Request, status int, v view) error {
	orgs, err := s.allOrgs(r)
	if err != nil {
		return err
	}
	v.Title = "Invite someone"
	return adminInvitePage.show(s, w, r, status, v, inviteFormData{Orgs: orgs})
}

func (s *Server) inviteNewForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionInvite, auth.Object{}); err != nil {
		return err
	}
	return s.showInviteForm(w, r, http.StatusOK, view{Form: r.URL.Query()})
}

func (s *Server) inviteCreate(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionInvite, auth.Object{}); err != nil {
		return err
	}
	_ = r.ParseForm()
	n := newInvitationForm(r.PostForm)
	err := n.Validate()
	var inv *auth.Invitation
	var token string
	if err == nil {
		inv, token, err = s.store.CreateInvitation(r.Context(), n, s.cfg.InvitationTTL)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showInviteForm(w, r, status, view{Errors: errs, Form: r.PostForm})
		})
	}
	// Shown once, here, for the admin to pass on: the database keeps only a hash.
	return adminLinkPage.show(s, w, r, http.StatusCreated, view{Title: "Invitation created"},
		inviteLinkData{Invitation: inv, Link: s.baseURL(r) + "/invite/" + token})
}

func (s *Server) baseURL(r *http.Request) string {
	scheme := "http"
	if s.cfg.Secure || r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (s *Server) adminOrgs(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionManageOrgs, auth.Object{}); err != nil {
		return err
	}
	q := r.URL.Query()
	orgs, next, err := s.store.ListOrganisations(r.Context(), auth.ListQuery{Search: q.Get("q"), After: q.Get("after"), Limit: 25})
	if err != nil {
		return err
	}
	return adminOrgsPage.show(s, w, r, http.StatusOK, view{Title: "Organisations", Form: q},
		listData[auth.Organisation]{Items: orgs, Search: q.Get("q"), Next: nextPage(r, next), First: q.Get("after") == ""})
}

func (s *Server) orgNewForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionManageOrgs, auth.Object{}); err != nil {
		return err
	}
	return adminOrgNewPage.show(s, w, r, http.StatusOK, view{Title: "Add an organisation"}, noData{})
}

func (s *Server) orgCreate(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionManageOrgs, auth.Object{}); err != nil {
		return err
	}
	_ = r.ParseForm()
	n := newOrganisationForm(r.PostForm)
	err := n.Validate()
	var o *auth.Organisation
	if err == nil {
		o, err = s.store.CreateOrganisation(r.Context(), n)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return adminOrgNewPage.show(s, w, r, status, view{Title: "Add an organisation", Errors: errs, Form: r.PostForm}, noData{})
		})
	}
	http.Redirect(w, r, "/admin/organisations/"+o.ID+"?done=org-created", http.StatusSeeOther)
	return nil
}

type orgData struct {
	Org     *auth.Organisation
	Members []auth.Membership
}

// showOrg draws an organisation's page, with errs from the add-a-member
// form when there are any.
func (s *Server) showOrg(w http.ResponseWriter, r *http.Request, status int, errs []apperr.FieldError) error {
	o, err := s.store.OrganisationByID(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	ms, err := s.store.Members(r.Context(), o.ID)
	if err != nil {
		return err
	}
	return adminOrgPage.show(s, w, r, status, view{Title: o.Name, Errors: errs, Form: r.PostForm}, orgData{Org: o, Members: ms})
}

func (s *Server) adminOrg(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionManageOrgs, auth.Object{}); err != nil {
		return err
	}
	return s.showOrg(w, r, http.StatusOK, nil)
}

// orgAddMember adds an existing account to the organisation, with a role
// held over the organisation when one is chosen; the store checks the form
// and makes both changes together.
func (s *Server) orgAddMember(w http.ResponseWriter, r *http.Request) error {
	orgID := r.PathValue("id")
	if err := allow(r, auth.ActionManageOrgMembers, auth.Object{Type: auth.ScopeOrganisation, ID: orgID}); err != nil {
		return err
	}
	_ = r.ParseForm()
	if _, err := s.store.AddOrgMember(r.Context(), newOrgMemberForm(orgID, r.PostForm)); err != nil {
		// Someone already a member is a problem with the form like any
		// other here, so every field error is shown at 422, not at its code's status.
		if errs := apperr.FieldsOf(err); len(errs) > 0 {
			return s.showOrg(w, r, http.StatusUnprocessableEntity, errs)
		}
		return err
	}
	http.Redirect(w, r, "/admin/organisations/"+orgID+"?done=member-added", http.StatusSeeOther)
	return nil
}
