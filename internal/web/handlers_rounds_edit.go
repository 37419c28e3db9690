package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// Changing a round's title and dates, and deleting a draft.
var (
	roundEditPage   = page[roundPage[noData]]{"round_edit"}
	roundDeletePage = page[roundPage[roundDeleteData]]{"round_delete"}
)

// roundDeleteData says why a round cannot be deleted, when it cannot; the
// page then offers no button.
type roundDeleteData struct{ Refusal string }

func (s *Server) roundEditForm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageRound)
	if err != nil {
		return err
	}
	if err := round.CheckEdit(rd); err != nil {
		return err
	}
	p, err := newRoundPage[noData](s, r, rd)
	if err != nil {
		return err
	}
	form := url.Values{"title": {rd.Title}, "starts_on": {round.FormatDate(rd.StartsOn)}, "ends_on": {round.FormatDate(rd.EndsOn)}}
	return roundEditPage.show(s, w, r, http.StatusOK, view{Title: "Change the round's title or dates", Form: form}, p)
}

func (s *Server) roundEdit(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageRound)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	e := roundEditForm(r.PostForm)
	err = e.Validate()
	if err == nil {
		err = s.store.EditRound(r.Context(), rd.ID, e)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return showInRound(s, w, r, roundEditPage, status, view{Title: "Change the round's title or dates", Errors: errs}, rd, noData{})
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"?done=round-edited", http.StatusSeeOther)
	return nil
}

// roundDeleteForm asks to confirm deleting a draft, or says why the round
// cannot be deleted.
func (s *Server) roundDeleteForm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageRound)
	if err != nil {
		return err
	}
	d := roundDeleteData{}
	if err := round.CheckDelete(rd); err != nil {
		d.Refusal = apperr.Message(err)
	}
	return showInRound(s, w, r, roundDeletePage, http.StatusOK, view{Title: "Delete this draft round"}, rd, d)
}

func (s *Server) roundDelete(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageRound)
	if err != nil {
		return err
	}
	if err := s.store.DeleteDraftRound(r.Context(), rd.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/rounds?done=round-deleted", http.StatusSeeOther)
	return nil
}
