package round

import (
	"strings"

	"github.com/coprod/coprod/internal/apperr"
)

// Stage is a step of the user-driven commissioning cycle.
type Stage string

const (
	StageCommitment Stage = "commitment"
	StageGroup      Stage = "group"
	StageStories    Stage = "stories"
	StageFactors    Stage = "factors"
	StageServices   Stage = "services"
	StageVision     Stage = "vision"
	StageFocus      Stage = "focus"
	StageImpact     Stage = "impact"
)

// Stages lists the cycle in order.
var Stages = []Stage{StageCommitment, StageGroup, StageStories, StageFactors, StageServices, StageVision, StageFocus, StageImpact}

var stageLabels = map[Stage]string{
	StageCommitment: "Commitment",
	StageGroup:      "Group",
	StageStories:    "Stories",
	StageFactors:    "What helps and what harms",
	StageServices:   "Existing services",
	StageVision:     "Vision",
	StageFocus:      "Focus",
	StageImpact:     "Impact",
}

var stageAbout = map[Stage]string{
	StageCommitment: "The commissioner commits the group's stake and the purpose of the round.",
	StageGroup:      "Members join, with their consent, access needs and reasonable adjustments.",
	StageStories:    "Members share life stories and map their pathway through services.",
	StageFactors:    "What makes people feel good about themselves, and what harms that.",
	StageServices:   "The services and support there are now, with feedback from peers.",
	StageVision:     "The ideal services and support, as “I statements” the group puts in order.",
	StageFocus:      "Measures, co-procurement, or both.",
	StageImpact:     "A refreshed specification or an award made with the group's stake.",
}

// Label is the stage's plain-English name.
func (s Stage) Label() string { return stageLabels[s] }

// About says in one sentence what happens in the stage.
func (s Stage) About() string { return stageAbout[s] }

// Index is the stage's position in the cycle from 0, or -1 when unknown.
func (s Stage) Index() int {
	for i, v := range Stages {
		if v == s {
			return i
		}
	}
	return -1
}

// Move is a request to put a round at another stage.
type Move struct {
	From, To Stage
	Reason   string
}

// Skipped lists the stages a forward move jumps over.
func (m Move) Skipped() []Stage {
	f, t := m.From.Index(), m.To.Index()
	if f < 0 || t <= f+1 {
		return nil
	}
	return append([]Stage(nil), Stages[f+1:t]...)
}

// Validate applies the stage rules: the next stage needs nothing more;
// skipping stages needs a reason; going back is allowed (and audited).
func (m *Move) Validate() error {
	m.Reason = strings.TrimSpace(m.Reason)
	switch {
	case m.To.Index() < 0:
		return apperr.Fields([]apperr.FieldError{{Field: "stage", Message: "Select the stage to move to"}})
	case m.To == m.From:
		return apperr.Fields([]apperr.FieldError{{Field: "stage", Message: "The round is already at the " + m.To.Label() + " stage"}})
	}
	if sk := m.Skipped(); len(sk) > 0 && m.Reason == "" {
		names := make([]string, len(sk))
		for i, s := range sk {
			names[i] = s.Label()
		}
		return apperr.Fields([]apperr.FieldError{{Field: "reason",
			Message: "Say why the round is skipping " + strings.Join(names, ", ")}})
	}
	if len(m.Reason) > 2000 {
		return apperr.Fields([]apperr.FieldError{{Field: "reason", Message: "The reason must be 2000 characters or fewer"}})
	}
	return nil
}

// Next is the stage after s, or s itself at the last stage.
func (s Stage) Next() Stage {
	if i := s.Index(); i >= 0 && i+1 < len(Stages) {
		return Stages[i+1]
	}
	return s
}
