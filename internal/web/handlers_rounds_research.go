package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/qda"
)

// Research that feeds commissioning, on the round's side: the coded
// segments researchers offered the round, each under a theme of the
// evidence map, which those who record the round's voice can take into
// the ledger. What consent was withdrawn from is not here for anyone.
var roundResearchPage = page[roundPage[roundResearchData]]{"round_research"}

type roundResearchData struct {
	Offers []qda.Offer
	// CanRecord: the reader records the round's voice in the ledger.
	CanRecord bool
}

func (s *Server) roundResearch(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewGroupContent)
	if err != nil {
		return err
	}
	offers, err := s.store.RoundOffers(r.Context(), rd.ID)
	if err != nil {
		return err
	}
	return showInRound(s, w, r, roundResearchPage, http.StatusOK, view{Title: "Research offered to this round"}, rd,
		roundResearchData{Offers: offers, CanRecord: can(r, auth.ActionRecordVoice, rd.ID)})
}

// roundResearchToLedger makes an offer a voice item of the round, said in
// research on today's date.
func (s *Server) roundResearchToLedger(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionRecordVoice)
	if err != nil {
		return err
	}
	if _, err := s.store.OfferToLedger(r.Context(), rd.ID, r.PathValue("offer"), ledger.Today(s.cfg.Now())); err != nil {
		return err
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/research?done=research-in-ledger", http.StatusSeeOther)
	return nil
}
