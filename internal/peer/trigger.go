package peer

import (
	"fmt"
	"slices"
)

// Trigger is a point in someone's life at which they have a right to be
// offered peer support.
type Trigger string

const (
	TriggerDiagnosis  Trigger = "diagnosis"  // a new diagnosis
	TriggerCrisis     Trigger = "crisis"     // a crisis
	TriggerDischarge  Trigger = "discharge"  // leaving hospital
	TriggerTransition Trigger = "transition" // moving to adult services
)

// Triggers lists every trigger point in the order pages show them.
var Triggers = []Trigger{TriggerDiagnosis, TriggerCrisis, TriggerDischarge, TriggerTransition}

// Valid reports whether t is one of Triggers.
func (t Trigger) Valid() bool { return slices.Contains(Triggers, t) }

// Label is the trigger point in plain words.
func (t Trigger) Label() string {
	switch t {
	case TriggerDiagnosis:
		return "A new diagnosis"
	case TriggerCrisis:
		return "A crisis"
	case TriggerDischarge:
		return "Leaving hospital"
	case TriggerTransition:
		return "Moving to adult services"
	}
	return fmt.Sprintf("Unknown trigger point (%s)", string(t))
}
