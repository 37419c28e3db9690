package computed

import (
	"context"
	"maps"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/training"
)

// Records is what the computation reads; internal/store provides it.
type Records interface {
	Referrals(ctx context.Context, orgID string) ([]peer.Referral, error)
	Staffing(ctx context.Context) ([]training.Staffing, error)
	AllAttendees(ctx context.Context) ([]training.Attendee, error)
}

// Value is one indicator's computed value for one period: Part out of
// Whole, as a percentage. Value is nil when there is nothing to count yet
// (the period has not started, or Whole is 0); Note says why in words.
type Value struct {
	Period      string
	Part, Whole int
	Value       *big.Rat
	Note        string
}

// Values works out each source's value for every period of the contract,
// as the records stand at now. A period still running is counted up to
// now, so its value can change until it ends. The error says, in words,
// why no value can be worked out at all (the contract's periods cannot be
// placed in time).
func Values(ctx context.Context, recs Records, c *measure.Contract, sources []Source, now time.Time) (map[string][]Value, error) {
	if len(sources) == 0 {
		return nil, nil
	}
	spans, err := c.PeriodSpans()
	if err != nil {
		return nil, err
	}
	facts := map[string][]peer.Facts{}
	var staff []training.Staffing
	var attendees []training.Attendee
	out := map[string][]Value{}
	for _, s := range sources {
		switch s.Kind {
		case PeerWithin, PeerUptake:
			if _, ok := facts[s.OrgID]; !ok {
				refs, err := recs.Referrals(ctx, s.OrgID)
				if err != nil {
					return nil, err
				}
				fs := make([]peer.Facts, len(refs))
				for i, r := range refs {
					fs[i] = r.Facts()
				}
				facts[s.OrgID] = fs
			}
			if out[s.Indicator], err = peerValues(s, spans, facts[s.OrgID], now); err != nil {
				return nil, err
			}
		case TrainingReach:
			if staff == nil {
				if staff, err = recs.Staffing(ctx); err != nil {
					return nil, err
				}
				if attendees, err = recs.AllAttendees(ctx); err != nil {
					return nil, err
				}
			}
			out[s.Indicator] = reachValues(s, spans, c.ProviderOrgID, staff, attendees, now)
		}
	}
	return out, nil
}

const notStarted = "The period has not started."

// peerValues counts, per period, the referrals at the source's trigger
// point made in that period (up to now), with the measures of peer.Compute.
func peerValues(s Source, spans []measure.Span, facts []peer.Facts, now time.Time) ([]Value, error) {
	out := make([]Value, len(spans))
	for i, sp := range spans {
		out[i].Period = sp.Period
		if now.Before(sp.Start) {
			out[i].Note = notStarted
			continue
		}
		var in []peer.Facts
		for _, f := range facts {
			if f.Trigger == s.Trigger && !f.Referred.Before(sp.Start) && f.Referred.Before(sp.End) && !f.Referred.After(now) {
				in = append(in, f)
			}
		}
		ms, err := peer.Compute(in, now)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if m.Trigger != s.Trigger {
				continue
			}
			if s.Kind == PeerWithin {
				out[i].Part, out[i].Whole = m.Within, m.Due
				out[i].Note = "No referral made in this period has come to its time standard yet."
			} else {
				out[i].Part, out[i].Whole = m.TookUp, m.TookUp+m.Declined
				out[i].Note = "Nobody referred in this period has answered the offer yet."
			}
		}
		out[i].setPercent()
	}
	return out, nil
}

// reachValues counts, per period, the different people of the provider
// trained at sessions that started before the period's end (or now), in
// the declared roles the source covers, against the staff declared in
// them now: the provider declares today's numbers, not past ones.
func reachValues(s Source, spans []measure.Span, providerID string, staff []training.Staffing, attendees []training.Attendee, now time.Time) []Value {
	var declared []training.Staffing
	for _, st := range staff {
		if st.OrgID == providerID && roleMatches(s.Role, st.Role) {
			declared = append(declared, st)
		}
	}
	out := make([]Value, len(spans))
	for i, sp := range spans {
		out[i].Period = sp.Period
		if now.Before(sp.Start) {
			out[i].Note = notStarted
			continue
		}
		until := sp.End
		if now.Before(until) {
			until = now
		}
		var trained []training.Attendee
		for _, a := range attendees {
			if a.OrgID == providerID && a.At.Before(until) && roleMatches(s.Role, a.Role) {
				trained = append(trained, a)
			}
		}
		for _, r := range training.ReachOf(declared, trained) {
			if r.Declared > 0 { // people in roles the provider does not declare have no share to count in
				out[i].Part += r.Trained
				out[i].Whole += r.Declared
			}
		}
		out[i].Note = "The provider has declared no staff in this role."
		out[i].setPercent()
	}
	return out
}

func roleMatches(want, role string) bool {
	return want == "" || strings.EqualFold(strings.TrimSpace(want), strings.TrimSpace(role))
}

// setPercent sets the value to Part ÷ Whole × 100, exactly, when Whole is
// more than 0; the note stays only when there is no value.
func (v *Value) setPercent() {
	if v.Whole == 0 {
		return
	}
	v.Value = big.NewRat(int64(100*v.Part), int64(v.Whole))
	v.Note = ""
}

// Reports puts computed values in place of anything reported for the same
// indicators, so the payment engine pays on what was computed; periods
// without a computed value are left unreported (they pay nothing).
func Reports(reported []measure.Report, values map[string][]Value) []measure.Report {
	out := make([]measure.Report, 0, len(reported))
	for _, r := range reported {
		if _, computed := values[r.Indicator]; !computed {
			out = append(out, r)
		}
	}
	for _, ind := range slices.Sorted(maps.Keys(values)) { // a file written from them reads the same each time
		for _, v := range values[ind] {
			if v.Value != nil {
				out = append(out, measure.Report{Period: v.Period, Indicator: ind, Value: v.Value})
			}
		}
	}
	return out
}
