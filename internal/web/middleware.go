package web

import (
	"context"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
)

// contentSecurityPolicy allows only this origin's own files: no inline
// scripts or styles, no framing, forms post only here.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		next.ServeHTTP(w, r)
	})
}

// statusRecorder remembers the status for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (s *Server) recoverAndLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("panic serving request", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				s.serverError(rec, r, nil)
			}
			if rec.status == 0 {
				rec.status = http.StatusOK
			}
			// The path only: query strings may carry search terms, and
			// invitation paths carry a secret, which is cut off.
			path := r.URL.Path
			if len(path) > 8 && path[:8] == "/invite/" {
				path = "/invite/…"
			}
			s.log.Info("request", "method", r.Method, "path", path, "status", rec.status, "duration", time.Since(start))
		}()
		next.ServeHTTP(rec, r)
	})
}

const sessionCookie = "coprod_session"

type principalKey struct{}

// loadPrincipal puts the signed-in user (or an anonymous principal) in the
// request context, and the user as the actor for audit events.
func (s *Server) loadPrincipal(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := &auth.Principal{}
		if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" && r.URL.Path != "/healthz" && !isStatic(r) {
			if got, err := s.store.PrincipalForSession(r.Context(), c.Value); err == nil {
				p = got
			} else {
				s.clearSessionCookie(w)
			}
		}
		ctx := context.WithValue(r.Context(), principalKey{}, p)
		if p.SignedIn() {
			ctx = audit.WithActor(ctx, p.User.ID)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func isStatic(r *http.Request) bool {
	return len(r.URL.Path) >= 8 && r.URL.Path[:8] == "/static/"
}

// principal returns who is asking; never nil.
func principal(r *http.Request) *auth.Principal {
	if p, ok := r.Context().Value(principalKey{}).(*auth.Principal); ok {
		return p
	}
	return &auth.Principal{}
}

func (s *Server) setSessionCookie(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, Secure: s.cfg.Secure,
		SameSite: http.SameSiteLaxMode, MaxAge: int(s.cfg.SessionTTL.Seconds())})
}

func (s *Server) clearSessionCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: s.cfg.Secure,
		SameSite: http.SameSiteLaxMode, MaxAge: -1})
}
