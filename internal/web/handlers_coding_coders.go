package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qda"
)

// codingAddCoder makes a member of the project's research organisation a
// coder, for those who may manage the project; the store applies
// qda.CheckNewCoder (members only, no one twice) and audits it.
func (s *Server) codingAddCoder(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingProject(r, auth.ActionManageStudy)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if err := s.store.AddCoder(r.Context(), d.Project.ID, r.PostForm.Get(qda.CoderField)); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showCodingProject(w, r, status, view{Errors: errs, Form: r.PostForm}, d)
		})
	}
	http.Redirect(w, r, "/coding/"+d.Project.ID+"?done=coder-added", http.StatusSeeOther)
	return nil
}
