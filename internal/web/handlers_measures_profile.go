package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/measure"
)

var contractProfilePage = page[profileFormData]{"contract_profile"}

// profileFormData is the payment profile form: one fieldset per adopted
// indicator.
type profileFormData struct {
	C     *measure.Contract
	Lines []profileLine
}

// managedContract loads the contract in the path for those who may change
// its payment profile.
func (s *Server) managedContract(r *http.Request) (*measure.Contract, error) {
	c, err := s.loadContract(r)
	if err != nil {
		return nil, err
	}
	ok, err := s.mayManageContract(r, c)
	switch {
	case err != nil:
		return nil, err
	case !ok:
		return nil, errForbidden
	}
	return c, nil
}

func (s *Server) profileForm(w http.ResponseWriter, r *http.Request) error {
	c, err := s.managedContract(r)
	if err != nil {
		return err
	}
	return contractProfilePage.show(s, w, r, http.StatusOK, view{Title: "Payment profile", Form: profileValues(c)},
		profileFormData{C: c, Lines: profileLines(c)})
}

func (s *Server) profileSave(w http.ResponseWriter, r *http.Request) error {
	c, err := s.managedContract(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	p, due, fs := profileForm(c, r.PostForm)
	if len(fs) > 0 {
		err = apperr.Fields(fs)
	} else {
		err = profileFormErrors(s.store.SetPaymentProfile(r.Context(), c.ID, p, due))
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return contractProfilePage.show(s, w, r, status, view{Title: "Payment profile", Errors: errs, Form: r.PostForm},
				profileFormData{C: c, Lines: profileLines(c)})
		})
	}
	http.Redirect(w, r, "/contracts/"+c.ID+"?done=profile-saved", http.StatusSeeOther)
	return nil
}
