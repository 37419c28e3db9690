package web

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// Sign-in throttling (auth/throttle.go): wrong passwords bring growing
// delays per account and per address, never a lock-out, and a browser that
// has signed in to the account before (a known device, holding a random
// token in the coprod_device cookie) is not delayed by strangers' failures.
// During a delay the password is not checked at all, so guessing stays slow.
// All of it lives in the database, so instances behind one proxy share it.
const (
	badLoginMessage = "The email address or password is not right. Check them and try again."
	deviceCookie    = "coprod_device"
	// devicesPerBrowser is how many accounts' device tokens one browser keeps
	// (a shared computer), the latest first.
	devicesPerBrowser = 5
)

// The pages of signing in and of one's own account.
var (
	loginPage    = page[noData]{"login"}
	invitePage   = page[*auth.Invitation]{"invite_accept"}
	accountPage  = page[accountData]{"account"}
	passwordPage = page[noData]{"password"}
	authPages    = []pageType{loginPage, invitePage, accountPage, passwordPage}
)

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	if principal(r).SignedIn() {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	}
	return loginPage.show(s, w, r, http.StatusOK, view{Title: "Sign in", Form: r.URL.Query()}, noData{})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return apperr.Errorf(apperr.Invalid, "The form could not be read. Try again.")
	}
	email, password, next := auth.NormaliseEmail(r.PostForm.Get("email")), r.PostForm.Get("password"), r.PostForm.Get("next")
	again := func(status int, errs []apperr.FieldError) error {
		form := r.PostForm
		form.Del("password") // never echo a password back
		return loginPage.show(s, w, r, status, view{Title: "Sign in", Errors: errs, Form: form}, noData{})
	}
	var errs []apperr.FieldError
	if email == "" {
		errs = append(errs, apperr.FieldError{Field: "email", Message: "Enter your email address"})
	}
	if password == "" {
		errs = append(errs, apperr.FieldError{Field: "password", Message: "Enter your password"})
	}
	if len(errs) > 0 {
		return again(http.StatusUnprocessableEntity, errs)
	}
	u, err := s.store.UserByEmail(r.Context(), email)
	if err != nil && apperr.Code(err) != apperr.NotFound {
		return err
	}
	a := auth.SignInAttempt{Email: email, Address: s.clientAddress(r)}
	tokens := deviceTokens(r)
	if len(tokens) > 0 {
		userID := "" // an unknown account has no known devices; asking anyway takes the same time
		if u != nil {
			userID = u.ID
		}
		if a.DeviceID, err = s.store.KnownDevice(r.Context(), userID, tokens); err != nil {
			return err
		}
	}
	wait, err := s.store.StartSignIn(r.Context(), a)
	if err != nil {
		return err
	}
	if wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		msg := fmt.Sprintf("There have been too many wrong passwords. Wait %s, then try again. If you have forgotten your password, ask an administrator to reset it.", auth.SayWait(wait))
		return again(http.StatusTooManyRequests, []apperr.FieldError{{Field: "email", Message: msg}})
	}
	ok := false
	if u != nil && u.DisabledAt == nil {
		ok = auth.CheckPassword(u.PasswordHash, password)
	} else {
		auth.DummyCheck(password) // same time whether or not the account exists
	}
	if !ok {
		if err := s.store.SignInFailed(r.Context(), a); err != nil {
			return err
		}
		return again(http.StatusUnauthorized, []apperr.FieldError{{Field: "email", Message: badLoginMessage}})
	}
	if err := s.startSession(w, r, u.ID); err != nil {
		return err
	}
	if token, err := s.store.FinishSignIn(r.Context(), a, u.ID); err != nil {
		s.log.Warn("sign-in: could not forget failures or remember the device", "err", err)
	} else if token != "" {
		s.setDeviceCookie(w, append([]string{token}, tokens...))
	} else {
		s.setDeviceCookie(w, tokens) // a known device: another year from today, as in the database
	}
	http.Redirect(w, r, safeNext(next), http.StatusSeeOther)
	return nil
}

// deviceTokens are the known-device tokens the browser showed, the latest
// first; anything that does not look like one is ignored.
func deviceTokens(r *http.Request) []string {
	c, err := r.Cookie(deviceCookie)
	if err != nil {
		return nil
	}
	var out []string
	for t := range strings.SplitSeq(c.Value, ".") {
		if len(out) == devicesPerBrowser {
			break
		}
		if len(t) > 0 && len(t) <= 64 && strings.Trim(t, "abcdefghijklmnopqrstuvwxyz234567") == "" {
			out = append(out, t)
		}
	}
	return out
}

// setDeviceCookie keeps the browser's known-device tokens for a year; it is
// sent only to /login.
func (s *Server) setDeviceCookie(w http.ResponseWriter, tokens []string) {
	tokens = tokens[:min(len(tokens), devicesPerBrowser)]
	http.SetCookie(w, &http.Cookie{Name: deviceCookie, Value: strings.Join(tokens, "."), Path: "/login", HttpOnly: true,
		Secure: s.cfg.Secure, SameSite: http.SameSiteLaxMode, MaxAge: int(auth.KnownDeviceFor.Seconds())})
}

// startSession ends any session the browser had and starts a new one, so a
// session id planted before sign-in is worthless after it.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, userID string) error {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		_ = s.store.DeleteSession(r.Context(), c.Value)
	}
	token, err := s.store.CreateSession(r.Context(), userID, s.cfg.SessionTTL)
	if err != nil {
		return err
	}
	s.setSessionCookie(w, token)
	return nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.store.DeleteSession(r.Context(), c.Value); err != nil {
			return err
		}
	}
	s.clearSessionCookie(w)
	http.Redirect(w, r, "/login?done=signed-out", http.StatusSeeOther)
	return nil
}

func (s *Server) inviteForm(w http.ResponseWriter, r *http.Request) error {
	inv, err := s.store.InvitationByToken(r.Context(), r.PathValue("token"))
	if err != nil {
		return err
	}
	return invitePage.show(s, w, r, http.StatusOK, view{Title: "Create your account",
		Form: map[string][]string{"display_name": {inv.DisplayName}}}, inv)
}

func (s *Server) acceptInvite(w http.ResponseWriter, r *http.Request) error {
	token := r.PathValue("token")
	inv, err := s.store.InvitationByToken(r.Context(), token)
	if err != nil {
		return err
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
		return invitePage.show(s, w, r, http.StatusUnprocessableEntity, view{Title: "Create your account", Errors: errs, Form: form}, inv)
	}
	hash, err := auth.HashPassword(n.Password)
	if err != nil {
		return err
	}
	u, err := s.store.AcceptInvitation(r.Context(), token, n.DisplayName, hash)
	if err != nil {
		return err
	}
	if err := s.startSession(w, r, u.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/?done=welcome", http.StatusSeeOther)
	return nil
}

type accountData struct {
	Memberships []auth.Membership
	Roles       []accountRole
}

func (s *Server) account(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewOwnAccount, auth.Object{}); err != nil {
		return err
	}
	ms, err := s.store.MembershipsOf(r.Context(), principal(r).User.ID)
	if err != nil {
		return err
	}
	roles, err := s.accountRoles(r)
	if err != nil {
		return err
	}
	return accountPage.show(s, w, r, http.StatusOK, view{Title: "Your account"}, accountData{Memberships: ms, Roles: roles})
}

func (s *Server) passwordForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionChangeOwnPassword, auth.Object{}); err != nil {
		return err
	}
	return passwordPage.show(s, w, r, http.StatusOK, view{Title: "Change your password"}, noData{})
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionChangeOwnPassword, auth.Object{}); err != nil {
		return err
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
		return passwordPage.show(s, w, r, http.StatusUnprocessableEntity, view{Title: "Change your password", Errors: errs}, noData{})
	}
	hash, err := auth.HashPassword(next)
	if err == nil {
		err = s.store.SetPassword(r.Context(), u.ID, hash)
	}
	if err != nil {
		return err
	}
	// SetPassword ended every session, this one included: start a fresh one here.
	if err := s.startSession(w, r, u.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/account?done=password-changed", http.StatusSeeOther)
	return nil
}
