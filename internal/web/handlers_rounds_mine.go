package web

import (
	"encoding/json"
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// "My information": a member sees everything the round holds about them,
// changes their own consent, and downloads it all.
var roundMinePage = page[roundPage[mineData]]{"round_mine"}

// mineFlash are the confirmations of the member's own changes, shown on
// this page (every change sends the member back here).
var mineFlash = map[string]string{
	"consent": "Your consent has been recorded. It applies from now on, everywhere in the round.",
	"edited":  "Your change has been saved.",
	"deleted": "It has been deleted for good.",
}

// mineData is the page's own data: the information, and which kinds the
// member may still change themselves (their stage is the current one).
type mineData struct {
	Mine      *evidence.Mine
	CanChange ownChange
	// Names are the facilitators who recorded consent for the member, by
	// user id; the member's own records say "you".
	Names map[string]string
}

type ownChange struct{ Story, Factor, Feedback, Vision bool }

func ownChangeIn(rd *round.Round) ownChange {
	return ownChange{Story: evidence.CanChangeOwn(rd, evidence.KindStory), Factor: evidence.CanChangeOwn(rd, evidence.KindFactor),
		Feedback: evidence.CanChangeOwn(rd, evidence.KindFeedback), Vision: evidence.CanChangeOwn(rd, evidence.KindVision)}
}

// seesOwnInformation reports whether the reader is a member of the round's
// group, for the link to their information in the round's navigation.
func seesOwnInformation(p *auth.Principal, roundID string) bool {
	return auth.Can(p, auth.ActionOwnInformation, roundObject(roundID))
}

// mineFor authorises the reader as a member of the round in the path and
// gathers their information.
func (s *Server) mineFor(r *http.Request) (*round.Round, *evidence.Mine, error) {
	rd, err := s.roundFor(r, auth.ActionOwnInformation)
	if err != nil {
		return nil, nil, err
	}
	m, err := s.store.MyInformation(r.Context(), rd.ID, principal(r).User.ID)
	if err != nil {
		return nil, nil, err
	}
	return rd, m, nil
}

func (s *Server) mineShow(w http.ResponseWriter, r *http.Request) error {
	return s.minePage(w, r, http.StatusOK, nil)
}

func (s *Server) minePage(w http.ResponseWriter, r *http.Request, status int, errs []apperr.FieldError) error {
	rd, m, err := s.mineFor(r)
	if err != nil {
		return err
	}
	p, err := newRoundPage[mineData](s, r, rd)
	if err != nil {
		return err
	}
	p.Page = mineData{Mine: m, CanChange: ownChangeIn(rd), Names: s.recorders(r, m.Consent)}
	return roundMinePage.show(s, w, r, status, view{Title: "My information", Errors: errs, Form: formValues(r),
		Flash: mineFlash[r.URL.Query().Get("done")]}, p)
}

// recorders names the facilitators who recorded a member's consent: staff
// act under their own names. The member's own records need no name.
func (s *Server) recorders(r *http.Request, recs []round.ConsentRecord) map[string]string {
	names := map[string]string{}
	self := principal(r).User.ID
	for _, c := range recs {
		if c.RecordedBy == "" || c.RecordedBy == self {
			continue
		}
		if _, seen := names[c.RecordedBy]; seen {
			continue
		}
		names[c.RecordedBy] = "a facilitator"
		if u, err := s.store.UserByID(r.Context(), c.RecordedBy); err == nil {
			names[c.RecordedBy] = u.DisplayName
		}
	}
	return names
}

// mineConsent is the member giving or withdrawing their own consent.
func (s *Server) mineConsent(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionOwnInformation)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	purpose, given, err := consentForm(r.PostForm)
	if err == nil {
		err = s.store.RecordOwnConsent(r.Context(), rd.ID, principal(r).User.ID, purpose, given)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.minePage(w, r, status, errs) })
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/mine?done=consent", http.StatusSeeOther)
	return nil
}

// mineJSON is the subject access request in one click: everything the
// round holds about the member, every field named in plain English.
func (s *Server) mineJSON(w http.ResponseWriter, r *http.Request) error {
	rd, m, err := s.mineFor(r)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	download(w, "application/json; charset=utf-8", "my-information.json")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Once the file has begun, a write error means the reader has gone.
	enc.Encode(myExport(rd, m, s.cfg.Now()))
	return nil
}
