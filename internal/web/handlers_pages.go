package web

import (
	"net/http"
)

// The pages of the site's shell.
var (
	homePage          = page[noData]{"home"}
	accessibilityPage = page[accessibilityData]{"accessibility"}
	errorPage         = page[string]{"error"} // the message, safe to show
	shellPages        = []pageType{homePage, accessibilityPage, errorPage, tasksPage, yourTendersPage}
)

// home is "Your tasks" for someone signed in, and the service's front
// page for a visitor.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	if principal(r).SignedIn() {
		return s.tasksHome(w, r)
	}
	return homePage.show(s, w, r, http.StatusOK, view{Title: "Coprod"}, noData{})
}

func (s *Server) accessibility(w http.ResponseWriter, r *http.Request) error {
	return accessibilityPage.show(s, w, r, http.StatusOK, view{Title: "Accessibility statement"}, s.accessibilityData())
}
