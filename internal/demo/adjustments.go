package demo

import (
	"context"
	"errors"
	"time"

	"github.com/coprod/coprod/internal/adjustment"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/round"
)

// seedAdjustments gives Robin and Sky registers of reasonable adjustments
// in the demo round: Robin's Easy Read letters, shared with the provider
// (so the provider's list and Robin's FHIR export have it) and changed by
// Robin after the facilitator recorded it, and support at appointments,
// not shared; Sky's quiet place to wait, and an interpreter no longer
// needed.
func seedAdjustments(ctx context.Context, s Store, providerOrgID string) error {
	rounds, _, err := s.ListRounds(ctx, round.Query{All: true, Limit: 10})
	if err != nil {
		return err
	}
	if len(rounds) == 0 {
		return errors.New("demo: no round for the adjustments")
	}
	rd := rounds[0]
	actor := map[string]context.Context{}
	member := map[string]string{}
	for _, email := range []string{"facilitator@demo.test", "member@demo.test", "member2@demo.test"} {
		u, err := s.UserByEmail(ctx, email)
		if err != nil {
			return err
		}
		actor[email] = audit.WithActor(ctx, u.ID)
		if m, err := s.MemberForUser(ctx, rd.ID, u.ID); err == nil {
			member[email] = m.ID
		}
	}
	fac := actor["facilitator@demo.test"]
	review := round.LondonDate(time.Now().AddDate(0, 6, 0))
	record := func(email string, in adjustment.Input) (*adjustment.Entry, error) {
		return s.RecordAdjustment(fac, member[email], in)
	}
	letters := adjustment.Input{Category: "information_format", Need: "I read Easy Read best.", Details: "Send letters in Easy Read.",
		Share: true, ShareOrgID: providerOrgID, ReviewOn: review}
	e, err := record("member@demo.test", letters)
	if err != nil {
		return err
	}
	letters.Details = "Send letters in Easy Read, and phone me the day before an appointment."
	if _, err := s.ChangeAdjustment(actor["member@demo.test"], e.ID, letters); err != nil {
		return err
	}
	if _, err := record("member@demo.test", adjustment.Input{Category: "additional_support", Need: "New places make me anxious.",
		Details: "Let my support worker come with me to appointments.", ReviewOn: review}); err != nil {
		return err
	}
	if _, err := record("member2@demo.test", adjustment.Input{Category: "care_environment", Need: "Busy waiting rooms are too loud for me.",
		Details: "A quiet room to wait in, and call me in by name in person.", ReviewOn: review}); err != nil {
		return err
	}
	bsl, err := record("member2@demo.test", adjustment.Input{Category: "communication_professional", Need: "I used to need a BSL interpreter.",
		Details: "Book a BSL interpreter for appointments.", ReviewOn: review})
	if err != nil {
		return err
	}
	return s.EndAdjustment(fac, bsl.ID)
}
