package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// boardRoundsPage is the public record of the commissioning rounds: the
// group's stake, what the group decided and, once a round closed, what
// changed. Built from round.PublicRound, it cannot name anyone.
var boardRoundsPage = page[[]round.PublicRound]{"board_rounds"}

func (s *Server) boardRounds(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewBoard, auth.Object{}); err != nil {
		return err
	}
	return s.cachedBoard(w, r, boardRoundsView, func(w http.ResponseWriter, r *http.Request) error {
		rounds, err := s.store.PublicRounds(r.Context())
		if err != nil {
			return err
		}
		pathways, err := s.store.PublishedPathways(r.Context())
		if err != nil {
			return err
		}
		for i := range rounds {
			rounds[i].Pathway = pathways[rounds[i].ID]
		}
		return boardRoundsPage.show(s, w, r, http.StatusOK, view{Title: "Commissioning rounds: what the group decided"}, rounds)
	})
}
