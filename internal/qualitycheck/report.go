package qualitycheck

import (
	"fmt"

	"github.com/coprod/coprod/internal/round"
)

// Report is a check with its points in checklist order.
type Report struct {
	Check
	Points []Point
}

// Line is one question of the report with its answer, if given.
type Line struct {
	Question
	Point *Point // nil while the question is not answered
}

// Lines pairs every question of the checklist with its point.
func (r Report) Lines() []Line {
	by := map[string]*Point{}
	for i := range r.Points {
		by[r.Points[i].Question] = &r.Points[i]
	}
	out := make([]Line, len(Checklist))
	for i, q := range Checklist {
		out[i] = Line{Question: q, Point: by[q.Key]}
	}
	return out
}

// Missing is the questions not yet answered, in checklist order.
func (r Report) Missing() []Question {
	var out []Question
	for _, l := range r.Lines() {
		if l.Point == nil {
			out = append(out, l.Question)
		}
	}
	return out
}

// Count is how many points have the answer a.
func (r Report) Count(a Answer) int {
	n := 0
	for _, p := range r.Points {
		if p.Answer == a {
			n++
		}
	}
	return n
}

// Unanswered is how many points of a finished report the provider has not
// answered yet.
func (r Report) Unanswered() int {
	n := 0
	for _, p := range r.Points {
		if p.Reply == "" {
			n++
		}
	}
	return n
}

// VoiceItem words a "needs to change" point as the ledger's voice item:
// what was said in plain English, and in Easy Read.
func VoiceItem(c Check, q Question, p Point) (said, easyRead string) {
	said = fmt.Sprintf("Quality checkers from %s visited %s on %s. This needs to change: %s", c.ULOName, c.Service,
		round.FormatDate(c.VisitOn), q.Plain)
	if p.Saw != "" {
		said += " What we saw: " + p.Saw
	}
	easyRead = fmt.Sprintf("We checked %s. We asked: %s We think it needs to change.", c.Service, q.EasyRead)
	return said, easyRead
}

// Theme is the ledger theme every quality check's voice items carry, so
// the board can show them together.
const Theme = "Quality checks"

// Things is how many points have the answer a, as an Easy Read sentence:
// "1 thing needs to change." "5 things are good."
func (r Report) Things(a Answer) string {
	n := r.Count(a)
	verb := map[Answer][2]string{Good: {"is good", "are good"}, OK: {"is OK", "are OK"}, NeedsChange: {"needs to change", "need to change"}}[a]
	if n == 1 {
		return "1 thing " + verb[0] + "."
	}
	return fmt.Sprintf("%d things %s.", n, verb[1])
}
