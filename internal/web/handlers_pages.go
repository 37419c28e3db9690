package web

import (
	"context"
	"net/http"
	"time"
)

// The pages of the site's shell.
var (
	homePage          = page[noData]{"home"}
	accessibilityPage = page[noData]{"accessibility"}
	errorPage         = page[string]{"error"} // the message, safe to show
	shellPages        = []pageType{homePage, accessibilityPage, errorPage, tasksPage, yourTendersPage}
)

// healthz answers 200 "ok" when the database answers within two seconds.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := s.store.Ping(ctx); err != nil {
		s.log.Error("health check: database does not answer", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("database unavailable\n"))
		return nil
	}
	w.Write([]byte("ok\n"))
	return nil
}

// home is "Your tasks" for someone signed in, and the service's front
// page for a visitor.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	if principal(r).SignedIn() {
		return s.tasksHome(w, r)
	}
	return homePage.show(s, w, r, http.StatusOK, view{Title: "Coprod"}, noData{})
}

func (s *Server) accessibility(w http.ResponseWriter, r *http.Request) error {
	return accessibilityPage.show(s, w, r, http.StatusOK, view{Title: "Accessibility statement"}, noData{})
}
