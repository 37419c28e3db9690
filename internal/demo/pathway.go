package demo

import (
	"context"
	"errors"

	"github.com/coprod/coprod/internal/pathway"
	"github.com/coprod/coprod/internal/round"
)

// seedPathway publishes the demo round's "how to get support" page.
func seedPathway(ctx context.Context, s Store) error {
	rounds, _, err := s.ListRounds(ctx, round.Query{All: true, Limit: 10})
	if err != nil {
		return err
	}
	if len(rounds) == 0 {
		return errors.New("demo: no round for the pathway page")
	}
	_, err = s.SavePathway(ctx, rounds[0].ID, pathway.Input{
		Title: "How to get support for your mental health in North Shire",
		Plain: "You can ask for help yourself. You do not need a letter from your doctor.\n\n" +
			"Phone or visit Voices Together. Someone who has been through it will talk with you within 3 days, and help you choose where to go next.\n\n" +
			"If you have just left hospital, you have a right to peer support. Ask for it on our website or by phone.",
		EasyRead: "You can ask for help.\n\nYou do not need a letter from your doctor.\n\nSomeone who knows what it is like will talk to you.",
		Contact:  "Voices Together: phone 0113 496 0000, or ask at coprod under Peer support.",
	})
	if err != nil {
		return err
	}
	return s.PublishPathway(ctx, rounds[0].ID, true)
}
