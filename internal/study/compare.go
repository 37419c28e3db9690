package study

import "github.com/coprod/coprod/transcript"

// Session is one transcript measured, placed before or after the
// study's intervention.
type Session struct {
	Transcript Transcript
	Phase      Phase
	Report     *transcript.Report
	// Supporter and Supported are the report's two sides; nil when no
	// participant has that role.
	Supporter, Supported *transcript.RoleReport
}

// NewSession places a measured transcript in its phase.
func NewSession(t Transcript, interventionDate string, r *transcript.Report) Session {
	s := Session{Transcript: t, Phase: PhaseOf(t.SessionDate, interventionDate), Report: r}
	for i := range r.Roles {
		switch r.Roles[i].Role {
		case RoleSupporter:
			s.Supporter = &r.Roles[i]
		case RoleSupported:
			s.Supported = &r.Roles[i]
		}
	}
	return s
}

// Compared reports whether the session has both sides, which the
// comparison needs: shares and the initiative index mean nothing without.
func (s Session) Compared() bool { return s.Supporter != nil && s.Supported != nil }

// InitiativeIndex is the report's index (see transcript.Asymmetry), or nil.
func (s Session) InitiativeIndex() *float64 {
	if s.Report.Asymmetry == nil {
		return nil
	}
	return s.Report.Asymmetry.InitiativeIndex
}

// SideMeans are one side's measures averaged over the sessions of a
// phase: the mean share of turns and words (0 to 1), and the mean number
// of questions, choice offers and directives per session.
type SideMeans struct {
	TurnShare, WordShare                float64
	Questions, ChoiceOffers, Directives float64
}

// PhaseSummary compares the sessions of one phase.
type PhaseSummary struct {
	Phase                Phase
	Sessions             int // every session in the phase
	Compared             int // sessions with both sides, which the means are over
	Supporter, Supported SideMeans
	// InitiativeIndex is the mean of the compared sessions' indexes (nil
	// when none has one).
	InitiativeIndex *float64
}

// Compare summarises sessions by phase, in the order before, after, and
// sessions of a study without an intervention date; phases without
// sessions are left out. Sessions without both sides count in Sessions but
// not in the means.
func Compare(sessions []Session) []PhaseSummary {
	var out []PhaseSummary
	for _, ph := range []Phase{PhaseBefore, PhaseAfter, PhaseNone} {
		sum := PhaseSummary{Phase: ph}
		var idx float64
		nIdx := 0
		for _, s := range sessions {
			if s.Phase != ph {
				continue
			}
			sum.Sessions++
			if !s.Compared() {
				continue
			}
			sum.Compared++
			addSide(&sum.Supporter, s.Supporter)
			addSide(&sum.Supported, s.Supported)
			if v := s.InitiativeIndex(); v != nil {
				idx += *v
				nIdx++
			}
		}
		if sum.Sessions == 0 {
			continue
		}
		if sum.Compared > 0 {
			divSide(&sum.Supporter, sum.Compared)
			divSide(&sum.Supported, sum.Compared)
		}
		if nIdx > 0 {
			v := idx / float64(nIdx)
			sum.InitiativeIndex = &v
		}
		out = append(out, sum)
	}
	return out
}

func addSide(m *SideMeans, r *transcript.RoleReport) {
	m.TurnShare += r.TurnShare
	m.WordShare += r.WordShare
	m.Questions += float64(r.Questions)
	m.ChoiceOffers += float64(r.ChoiceOffers)
	m.Directives += float64(r.Directives)
}

func divSide(m *SideMeans, n int) {
	d := float64(n)
	m.TurnShare /= d
	m.WordShare /= d
	m.Questions /= d
	m.ChoiceOffers /= d
	m.Directives /= d
}
