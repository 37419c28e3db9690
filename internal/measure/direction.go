package measure

// Direction says which way an indicator improves.
type Direction string

// Directions.
const (
	Higher Direction = "higher" // higher is better, e.g. the share of people who felt listened to
	Lower  Direction = "lower"  // lower is better, e.g. days waited for a first appointment
)

// Valid reports whether d is one of the known directions.
func (d Direction) Valid() bool { return d == Higher || d == Lower }

// Label is the plain-English wording for pages and reports.
func (d Direction) Label() string {
	switch d {
	case Higher:
		return "higher is better"
	case Lower:
		return "lower is better"
	}
	return "direction not set"
}
