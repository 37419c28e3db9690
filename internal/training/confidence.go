package training

import (
	"fmt"
	"slices"
)

// The confidence scale every question uses, 1 to 5.
const (
	ScaleMin = 1
	ScaleMax = 5
)

// ScaleLabels are the words of each point of the scale, from 1.
var ScaleLabels = []string{"Not at all confident", "A little confident", "Fairly confident", "Confident", "Very confident"}

// Phase says whether an answer was given before or after the session.
type Phase string

const (
	Before Phase = "before"
	After  Phase = "after"
)

// Question is one confidence question, asked the same way before and after.
type Question struct {
	ID, Text string
}

// Answer is one attendee's answer to one question at one phase.
type Answer struct {
	Attendee, Question string
	Phase              Phase
	Value              int
}

// Check says what is wrong with an answer.
func (a Answer) Check() error {
	if a.Phase != Before && a.Phase != After {
		return fmt.Errorf("an answer must be given before or after, not %q", a.Phase)
	}
	if a.Value < ScaleMin || a.Value > ScaleMax {
		return fmt.Errorf("an answer must be from %d to %d, not %d", ScaleMin, ScaleMax, a.Value)
	}
	return nil
}

// Result is one question's paired change.
type Result struct {
	Question Question
	Change   Change // N = 0 when nobody answered both times
}

// Results pairs each attendee's before and after answers to each question
// and computes the change per question, in the questions' order. Someone who
// answered only once is not counted for that question: an unpaired answer
// would mix who answered with what changed.
func Results(questions []Question, answers []Answer) ([]Result, error) {
	type key struct{ attendee, question string }
	before, after := map[key]int{}, map[key]int{}
	var order []key // the order of the before answers, so sums add up the same way every time
	for _, a := range answers {
		if err := a.Check(); err != nil {
			return nil, err
		}
		k := key{a.Attendee, a.Question}
		if a.Phase == After {
			after[k] = a.Value
			continue
		}
		if _, again := before[k]; !again {
			order = append(order, k)
		}
		before[k] = a.Value
	}
	var out []Result
	for _, q := range questions {
		var pairs []Pair
		for _, k := range order {
			b, okB := before[k]
			a, okA := after[k]
			if k.question == q.ID && okB && okA {
				pairs = append(pairs, Pair{float64(b), float64(a)})
			}
		}
		r := Result{Question: q}
		if len(pairs) > 0 {
			c, err := PairedChange(pairs)
			if err != nil {
				return nil, err
			}
			r.Change = c
		}
		out = append(out, r)
	}
	return slices.Clip(out), nil
}
