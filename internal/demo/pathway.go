package demo

import (
	"context"
	"time"

	"github.com/coprod/coprod/internal/pathway"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
)

// seedPathway writes the demo round's "how to get support" page and
// publishes it as the group decided: a question put to the group, passed.
func seedPathway(ctx context.Context, s Store) error {
	com, err := s.UserByEmail(ctx, "commissioner@demo.test")
	if err != nil {
		return err
	}
	fac, err := s.UserByEmail(ctx, "facilitator@demo.test")
	if err != nil {
		return err
	}
	rd, err := demoRound(ctx, s, com.ID)
	if err != nil {
		return err
	}
	_, err = s.SavePathway(ctx, rd.ID, pathway.Input{
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
	var decision *round.Proposal
	err = onClock(s, func(db *store.DB, at func(time.Time), _ func() time.Time) error {
		g, err := newDemoGroup(ctx, db, at, rd.ID)
		if err != nil {
			return err
		}
		decision, err = g.decide(fac.ID, round.NewProposal{Kind: round.KindQuestion, Title: "Make our how to get support page public",
			PlainEnglish: "Our page tells people how to get support, in plain English and Easy Read. Shall we make it public, with its own short address and a poster?",
			EasyRead:     "We wrote a page about how to get help.\nShall everyone see it?"}, day("2026-11-26", 11), day("2026-12-01", 17), []vote{
			{who: "Robin", answer: round.AnswerAgree}, {who: "Sky", answer: round.AnswerAgree, reason: "Put the poster up at school."},
			{who: "Ash", answer: round.AnswerAgree, given: "2026-11-26"}, {who: "Nia", answer: round.AnswerAgree, given: "2026-11-26"}})
		return err
	})
	if err != nil {
		return err
	}
	return s.PublishPathway(ctx, rd.ID, true, decision.ID)
}
