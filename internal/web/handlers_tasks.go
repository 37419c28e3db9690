package web

import (
	"net/http"
	"time"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/tasks"
)

// The signed-in home, "Your tasks", and the tenders a person takes part in.
var (
	tasksPage       = page[tasksData]{"tasks"}
	yourTendersPage = page[yourTendersData]{"tenders_mine"}
)

// tasksData is what waits for the person, with the clock its due dates are
// said against, and the places they take part in.
type tasksData struct {
	Tasks []tasks.Task
	Now   time.Time
	Kinds []tasks.Kind
}

// tasksHome is the home page of someone signed in: what waits for them
// across rounds and tenders, then where to go.
func (s *Server) tasksHome(w http.ResponseWriter, r *http.Request) error {
	ts, err := s.store.Tasks(r.Context(), principal(r).User.ID)
	if err != nil {
		return err
	}
	return tasksPage.show(s, w, r, http.StatusOK, view{Title: "Your tasks"}, tasksData{Tasks: ts, Now: s.cfg.Now(), Kinds: tasks.Kinds})
}

// yourTendersData lists the tenders the person takes part in, and whether
// they may also bid (the tenders open to bidders are then linked).
type yourTendersData struct {
	Tenders []tasks.TenderPlace
	Bids    bool
}

// yourTenders lists the tenders of the rounds the person has a part in and
// those whose panels they sit on; an administrator sees every tender.
func (s *Server) yourTenders(w http.ResponseWriter, r *http.Request) error {
	p := principal(r)
	if !p.SignedIn() {
		return errSignIn
	}
	if !usesTenders(p) {
		return errForbidden
	}
	ts, err := s.store.YourTenders(r.Context(), p.User.ID, p.IsAdmin())
	if err != nil {
		return err
	}
	return yourTendersPage.show(s, w, r, http.StatusOK, view{Title: "Your tenders"},
		yourTendersData{Tenders: ts, Bids: auth.Can(p, auth.ActionBid, auth.Object{})})
}
