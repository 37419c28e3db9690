package demo

import (
	"context"
	"fmt"

	"github.com/coprod/coprod/internal/adjustaudit"
	"github.com/coprod/coprod/internal/audit"
)

// seedAdjustmentAudits gives the ULO's audit team two audited services,
// each with a re-audit: Riverside GP practice's longer appointments, 8 of
// 20 cases met then 18 of 20 (better: Newcombe's interval for 0.9 − 0.4 is
// well above zero), and Northgate Hospital outpatients' environment, 5 of
// 10 then 7 of 10 (we cannot tell yet: the interval crosses zero).
func seedAdjustmentAudits(ctx context.Context, s Store, uloID string) error {
	fac, err := s.UserByEmail(ctx, "facilitator@demo.test")
	if err != nil {
		return err
	}
	as := audit.WithActor(ctx, fac.ID)
	for _, x := range []struct {
		template, service, first, second string
		criteria                         [2]string
		cases, metBefore, metAfter       int
	}{
		{"longer_appointments", "Riverside GP practice", "April to June 2026", "October to December 2026",
			[2]string{"need_recorded", "longer_booked"}, 20, 8, 18},
		{"environment", "Northgate Hospital outpatients", "April to June 2026", "October to December 2026",
			[2]string{"environment_recorded", "environment_met"}, 10, 5, 7},
	} {
		prev := ""
		for i, met := range []int{x.metBefore, x.metAfter} {
			period := x.first
			if i == 1 {
				period = x.second
			}
			a, err := s.CreateAudit(as, adjustaudit.NewAudit{OrgID: uloID, Template: x.template, Service: x.service, Period: period, PreviousID: prev})
			if err != nil {
				return err
			}
			for c := range x.cases {
				second := adjustaudit.Met
				if c >= met {
					second = adjustaudit.NotMet
				}
				if err := s.AddCase(as, a.ID, adjustaudit.NewCase{Label: fmt.Sprintf("C%d", c+1),
					Answers: map[string]adjustaudit.Answer{x.criteria[0]: adjustaudit.Met, x.criteria[1]: second}}); err != nil {
					return err
				}
			}
			prev = a.ID
		}
	}
	return nil
}
