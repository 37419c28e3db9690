package demo

import (
	"context"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qualitycheck"
	"github.com/coprod/coprod/internal/round"
)

// seedQualityChecks makes Robin (member) a quality checker of Voices
// Together. Two weeks ago Robin checked Riverside House, run by Riverside
// Community Support: six standards good or OK, two that need to change
// (information in Easy Read, knowing how to complain), which are on the
// public board; the provider answered every point and the facilitator
// paid Robin for the visit. A second visit, to Brightpath's day centre, is
// planned for today with nothing answered yet.
func seedQualityChecks(ctx context.Context, s Store, uloID, providerID, provider2ID string) error {
	users := map[string]string{}
	for _, email := range []string{"facilitator@demo.test", "member@demo.test", "provider@demo.test"} {
		u, err := s.UserByEmail(ctx, email)
		if err != nil {
			return err
		}
		users[email] = u.ID
	}
	robinID := users["member@demo.test"]
	if _, err := s.Assign(ctx, auth.Assignment{UserID: robinID, Role: auth.RoleQualityChecker, ScopeType: auth.ScopeOrganisation, ScopeID: uloID}); err != nil {
		return err
	}
	robin := audit.WithActor(ctx, robinID)
	today := time.Now().In(round.London)
	c, err := s.PlanCheck(robin, qualitycheck.NewCheck{ULOID: uloID, ProviderID: providerID, Service: "Riverside House supported living",
		VisitOn: today.AddDate(0, 0, -14).Format(round.DateLayout), CheckerIDs: []string{robinID}})
	if err != nil {
		return err
	}
	points := []struct {
		q     string
		a     qualitycheck.Answer
		saw   string
		reply string
	}{
		{"welcome", qualitycheck.Good, "", "Thank you. We will keep doing this."},
		{"way_in", qualitycheck.Good, "", "Thank you."},
		{"talk_to", qualitycheck.OK, "One member of staff talked about a tenant in front of her.", "We have talked about this at the team meeting."},
		{"information", qualitycheck.NeedsChange, "The menu and the fire notice were in small print, with no pictures.",
			"We will have Easy Read menus and fire notices by the end of January, checked by Voices Together."},
		{"choice", qualitycheck.Good, "", "Thank you."},
		{"quiet", qualitycheck.OK, "The quiet room is also the office.", "We are looking for another room."},
		{"safe", qualitycheck.Good, "", "Thank you."},
		{"complain", qualitycheck.NeedsChange, "Nobody we asked knew how to complain. The leaflet was only in the office.",
			"We will put the Easy Read complaints leaflet in every flat and talk about it at the tenants' meeting."},
	}
	for _, p := range points {
		if err := s.AnswerChecklist(robin, c.ID, qualitycheck.NewAnswer{Question: p.q, Answer: p.a, Saw: p.saw}); err != nil {
			return err
		}
	}
	if err := s.FinishReport(robin, c.ID); err != nil {
		return err
	}
	provider := audit.WithActor(ctx, users["provider@demo.test"])
	for _, p := range points {
		if err := s.ReplyToPoint(provider, c.ID, qualitycheck.NewReply{Question: p.q, Reply: p.reply}); err != nil {
			return err
		}
	}
	if err := s.PayChecker(audit.WithActor(ctx, users["facilitator@demo.test"]), c.ID, round.NewPayment{MemberID: robinID, Amount: "25.00",
		Method: "bank_transfer", PaidOn: today.AddDate(0, 0, -11).Format(round.DateLayout)}); err != nil {
		return err
	}
	_, err = s.PlanCheck(robin, qualitycheck.NewCheck{ULOID: uloID, ProviderID: provider2ID, Service: "Brightpath day centre",
		VisitOn: today.Format(round.DateLayout), CheckerIDs: []string{robinID}})
	return err
}
