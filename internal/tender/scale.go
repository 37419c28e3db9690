package tender

// Scale is the range of scores evaluators give, 0 to Max, with a descriptor
// for each point so that every evaluator reads the same meaning into a score.
// The zero Scale means the default 0–5 scale.
type Scale struct {
	Max         int      `json:"max"`
	Descriptors []string `json:"descriptors,omitempty"`
}

// Limits on a configurable scale: at least pass/fail, at most 0–10, beyond
// which evaluators stop telling neighbouring points apart.
const (
	MinScaleMax = 1
	MaxScaleMax = 10
)

// DefaultScale is the 0–5 scale with its descriptors in plain English.
func DefaultScale() Scale {
	return Scale{Max: 5, Descriptors: []string{
		"0 – No answer, or the answer does not meet the requirement at all.",
		"1 – Poor: major gaps or concerns; little confidence it would work.",
		"2 – Weak: meets some of the requirement, with significant gaps.",
		"3 – Satisfactory: meets the requirement with minor gaps.",
		"4 – Good: meets the requirement fully, with clear evidence.",
		"5 – Excellent: meets the requirement fully and adds real value, with strong evidence.",
	}}
}

// orDefault returns s, or the default scale when s is unset.
func (s Scale) orDefault() Scale {
	if s.Max == 0 && len(s.Descriptors) == 0 {
		return DefaultScale()
	}
	return s
}

// Descriptor returns the descriptor of score, or "" when it has none.
func (s Scale) Descriptor(score int) string {
	s = s.orDefault()
	if score < 0 || score >= len(s.Descriptors) {
		return ""
	}
	return s.Descriptors[score]
}
