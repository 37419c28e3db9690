package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// dotStep adds one dot to a statement or takes one away: dot voting by
// buttons, each a small form, so it needs no typing and no JavaScript
// (issue 15). It places the member's whole allocation again through
// CastVotes, so the dot vote's rules are the store's as before.
func (s *Server) dotStep(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionContribute)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	a, err := s.audience(r, rd.ID)
	if err != nil {
		return err
	}
	if a.Self == "" {
		return apperr.Errorf(apperr.Forbidden, "Only members of the group can place dots.")
	}
	st, err := s.store.Statements(r.Context(), rd.ID, a, a.Self)
	if err != nil {
		return err
	}
	id, found := r.PostForm.Get("statement"), false
	alloc := map[string]int{}
	for _, x := range st {
		alloc[x.ID] = x.MyDots
		found = found || x.ID == id
	}
	if !found {
		return errNotFound
	}
	switch r.PostForm.Get("change") {
	case "add":
		alloc[id]++
	case "take":
		if alloc[id] == 0 {
			return apperr.Errorf(apperr.Conflict, "There is no dot on it to take away.")
		}
		alloc[id]--
	default:
		return apperr.Errorf(apperr.Invalid, "Choose to add a dot or take one away.")
	}
	if err := s.store.CastVotes(r.Context(), rd.ID, a.Self, alloc); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.visionPage(w, r, status, errs) })
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/vision?done=votes-saved#st-"+id, http.StatusSeeOther)
	return nil
}
