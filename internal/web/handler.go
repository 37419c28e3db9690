package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// handler serves one route. It writes the whole response, or returns an
// error and writes nothing: serve turns the error into the page for its
// kind, so no handler decides statuses or logging for itself.
type handler func(w http.ResponseWriter, r *http.Request) error

// route is one line of an area's route table: a ServeMux pattern and the
// handler behind it.
type route struct {
	pattern string
	handle  handler
}

// serve adapts a handler to net/http.
func (s *Server) serve(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}

// errSignIn is returned when the page needs someone signed in: serve sends
// the visitor to sign in and back again.
var errSignIn = apperr.Errorf(apperr.Unauthorized, "Sign in to see this page.")

// errForbidden is the one refusal for a signed-in person the policy says no to.
var errForbidden = apperr.Errorf(apperr.Forbidden, "Your account does not have permission to see this page. If you think it should, ask an administrator.")

// errNotFound is the one answer for a page that does not exist, or that the
// reader may not know exists.
var errNotFound = apperr.Errorf(apperr.NotFound, "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.")

// allow asks the policy whether the reader may do action on o: nil, or the
// error serve turns into "sign in" for a visitor and 403 for anyone else.
func allow(r *http.Request, action auth.Action, o auth.Object) error {
	p := principal(r)
	switch {
	case auth.Can(p, action, o):
		return nil
	case !p.SignedIn():
		return errSignIn
	}
	return errForbidden
}

// formProblem re-displays a form when err is about its fields: show draws
// the form again with the errors, at the status err's code maps to. Any
// other error is returned as it is, for serve.
func formProblem(err error, show func(status int, errs []apperr.FieldError) error) error {
	fs := apperr.FieldsOf(err)
	if len(fs) == 0 {
		return err
	}
	return show(statusFor[apperr.Code(err)], fs)
}
