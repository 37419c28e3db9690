package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// Sign-in throttling: a sliding window, so nobody is ever locked out for
// good; the limits are loose enough for a person and tight for a script.
const (
	loginWindow     = 15 * time.Minute
	maxPerAccount   = 5
	maxPerAddress   = 30
	badLoginMessage = "The email address or password is not right. Check them and try again."
)

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	if principal(r).SignedIn() {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "login", view{Title: "Sign in", Form: r.URL.Query()})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, apperr.Errorf(apperr.Invalid, "The form could not be read. Try again."))
		return
	}
	email, password, next := auth.NormaliseEmail(r.PostForm.Get("email")), r.PostForm.Get("password"), r.PostForm.Get("next")
	again := func(status int, errs []apperr.FieldError) {
		form := r.PostForm
		form.Del("password") // never echo a password back
		s.render(w, r, status, "login", view{Title: "Sign in", Errors: errs, Form: form})
	}
	var errs []apperr.FieldError
	if email == "" {
		errs = append(errs, apperr.FieldError{Field: "email", Message: "Enter your email address"})
	}
	if password == "" {
		errs = append(errs, apperr.FieldError{Field: "password", Message: "Enter your password"})
	}
	if len(errs) > 0 {
		again(http.StatusUnprocessableEntity, errs)
		return
	}
	addr := s.clientAddress(r)
	byEmail, byAddr, err := s.store.LoginFailures(r.Context(), email, addr, s.cfg.Now().Add(-loginWindow))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if byEmail >= maxPerAccount || byAddr >= maxPerAddress {
		msg := fmt.Sprintf("There have been too many sign-in attempts. Wait %d minutes, then try again. If you have forgotten your password, ask an administrator to reset it.", int(loginWindow.Minutes()))
		again(http.StatusTooManyRequests, []apperr.FieldError{{Field: "email", Message: msg}})
		return
	}
	u, err := s.store.UserByEmail(r.Context(), email)
	if err != nil && apperr.Code(err) != apperr.NotFound {
		s.serverError(w, r, err)
		return
	}
	ok := false
	if u != nil && u.DisabledAt == nil {
		ok = auth.CheckPassword(u.PasswordHash, password)
	} else {
		auth.DummyCheck(password) // same time whether or not the account exists
	}
	if !ok {
		if err := s.store.RecordLoginFailure(r.Context(), email, addr); err != nil {
			s.serverError(w, r, err)
			return
		}
		again(http.StatusUnauthorized, []apperr.FieldError{{Field: "email", Message: badLoginMessage}})
		return
	}
	s.startSession(w, r, u.ID)
	_ = s.store.ClearLoginFailures(r.Context(), email)
	http.Redirect(w, r, safeNext(next), http.StatusSeeOther)
}

// startSession ends any session the browser had and starts a new one, so a
// session id planted before sign-in is worthless after it.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, userID string) bool {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		_ = s.store.DeleteSession(r.Context(), c.Value)
	}
	token, err := s.store.CreateSession(r.Context(), userID, s.cfg.SessionTTL)
	if err != nil {
		s.serverError(w, r, err)
		return false
	}
	s.setSessionCookie(w, token)
	return true
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.store.DeleteSession(r.Context(), c.Value); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.clearSessionCookie(w)
	http.Redirect(w, r, "/login?done=signed-out", http.StatusSeeOther)
}

func (s *Server) inviteForm(w http.ResponseWriter, r *http.Request) {
	inv, err := s.store.InvitationByToken(r.Context(), r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "invite_accept", view{Title: "Create your account", Data: inv,
		Form: map[string][]string{"display_name": {inv.DisplayName}}})
}

func (s *Server) acceptInvite(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	inv, err := s.store.InvitationByToken(r.Context(), token)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	_ = r.ParseForm()
	n := auth.NewUser{Email: inv.Email, DisplayName: r.PostForm.Get("display_name"), Password: r.PostForm.Get("password")}
	errs := apperr.FieldsOf(n.Validate())
	if n.Password != r.PostForm.Get("password_confirm") && len(errs) == 0 {
		errs = append(errs, apperr.FieldError{Field: "password_confirm", Message: "The passwords do not match. Type the same password twice."})
	}
	if len(errs) > 0 {
		form := r.PostForm
		form.Del("password")
		form.Del("password_confirm")
		s.render(w, r, http.StatusUnprocessableEntity, "invite_accept", view{Title: "Create your account", Data: inv, Errors: errs, Form: form})
		return
	}
	hash, err := auth.HashPassword(n.Password)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	u, err := s.store.AcceptInvitation(r.Context(), token, n.DisplayName, hash)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if s.startSession(w, r, u.ID) {
		http.Redirect(w, r, "/?done=welcome", http.StatusSeeOther)
	}
}

type accountData struct {
	Memberships []auth.Membership
}

func (s *Server) account(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionViewOwnAccount, auth.Object{}) {
		return
	}
	ms, err := s.store.MembershipsOf(r.Context(), principal(r).User.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "account", view{Title: "Your account", Data: accountData{Memberships: ms}})
}

func (s *Server) passwordForm(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionChangeOwnPassword, auth.Object{}) {
		return
	}
	s.render(w, r, http.StatusOK, "password", view{Title: "Change your password"})
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionChangeOwnPassword, auth.Object{}) {
		return
	}
	_ = r.ParseForm()
	u := principal(r).User
	current, next, confirm := r.PostForm.Get("current_password"), r.PostForm.Get("new_password"), r.PostForm.Get("new_password_confirm")
	var errs []apperr.FieldError
	if !auth.CheckPassword(u.PasswordHash, current) {
		errs = append(errs, apperr.FieldError{Field: "current_password", Message: "Your current password is not right"})
	}
	if m := auth.CheckPasswordRules(next); m != "" {
		errs = append(errs, apperr.FieldError{Field: "new_password", Message: m})
	} else if next != confirm {
		errs = append(errs, apperr.FieldError{Field: "new_password_confirm", Message: "The new passwords do not match. Type the same password twice."})
	}
	if len(errs) > 0 {
		s.render(w, r, http.StatusUnprocessableEntity, "password", view{Title: "Change your password", Errors: errs})
		return
	}
	hash, err := auth.HashPassword(next)
	if err == nil {
		err = s.store.SetPassword(r.Context(), u.ID, hash)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// SetPassword ended every session, this one included: start a fresh one here.
	if s.startSession(w, r, u.ID) {
		http.Redirect(w, r, "/account?done=password-changed", http.StatusSeeOther)
	}
}
