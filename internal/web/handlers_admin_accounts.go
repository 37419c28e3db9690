package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// The admin user page: who the person is, whether they may sign in, and the
// roles they hold, with the forms to disable or enable the account and to
// revoke a role.

var adminUserPage = page[userData]{"admin_user"}

type userData struct {
	User        *auth.User
	Memberships []auth.Membership
	Assignments []auth.Assignment
	Disablement *auth.Disablement // nil while the account is active
	Self        bool              // the page is the signed-in administrator's own
}

// accountFlash are this area's confirmations, shown after post/redirect/get.
var accountFlash = map[string]string{
	"user-disabled": "Account disabled. They have been signed out and cannot sign in.",
	"user-enabled":  "Account enabled. They can sign in again.",
	"role-revoked":  "Role revoked.",
}

func (s *Server) adminUser(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionManageUsers, auth.Object{}); err != nil {
		return err
	}
	return s.showUser(w, r, http.StatusOK, nil)
}

// showUser draws the admin user page, with errs from a form when there are any.
func (s *Server) showUser(w http.ResponseWriter, r *http.Request, status int, errs []apperr.FieldError) error {
	u, err := s.store.UserByID(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	d := userData{User: u, Self: principal(r).User.ID == u.ID}
	if d.Memberships, err = s.store.MembershipsOf(r.Context(), u.ID); err != nil {
		return err
	}
	if d.Assignments, err = s.store.AssignmentsOf(r.Context(), u.ID); err != nil {
		return err
	}
	if d.Disablement, err = s.store.Disablement(r.Context(), u.ID); err != nil {
		return err
	}
	return adminUserPage.show(s, w, r, status, view{Title: u.DisplayName, Errors: errs, Form: r.PostForm}, d)
}

// userChanged redirects back to the user page after a change, or shows
// what stopped it: problems with the form on the page itself, next to the
// part they are about (field), anything else as an error page.
func (s *Server) userChanged(w http.ResponseWriter, r *http.Request, err error, field, done string) error {
	switch {
	case err == nil:
		http.Redirect(w, r, "/admin/users/"+r.PathValue("id")+"?done="+done, http.StatusSeeOther)
		return nil
	case apperr.Code(err) == apperr.Conflict && len(apperr.FieldsOf(err)) == 0:
		return s.showUser(w, r, http.StatusConflict, []apperr.FieldError{{Field: field, Message: apperr.Message(err)}})
	}
	return formProblem(err, func(status int, errs []apperr.FieldError) error {
		return s.showUser(w, r, status, errs)
	})
}

func (s *Server) userDisable(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionManageUsers, auth.Object{}); err != nil {
		return err
	}
	_ = r.ParseForm()
	err := s.store.DisableUser(r.Context(), r.PathValue("id"), r.PostForm.Get("reason"))
	return s.userChanged(w, r, err, "access", "user-disabled")
}

func (s *Server) userEnable(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionManageUsers, auth.Object{}); err != nil {
		return err
	}
	_ = r.ParseForm()
	err := s.store.EnableUser(r.Context(), r.PathValue("id"))
	return s.userChanged(w, r, err, "access", "user-enabled")
}

func (s *Server) assignmentRevoke(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionManageUsers, auth.Object{}); err != nil {
		return err
	}
	_ = r.ParseForm()
	err := s.store.RevokeAssignment(r.Context(), r.PathValue("id"), r.PathValue("aid"))
	return s.userChanged(w, r, err, "revoke-"+r.PathValue("aid"), "role-revoked")
}
