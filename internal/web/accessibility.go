package web

import "strings"

// AccessibilityContact is who people tell about an accessibility problem,
// as the operator of the service configures it (coprod serve
// --accessibility-* flags or COPROD_ACCESSIBILITY_* variables). Any part
// may be empty; the statement then names only what there is.
type AccessibilityContact struct {
	Organisation string // who runs this service, e.g. "Avon Vale ICB"
	Email        string
	Phone        string
	Address      string // a postal address, one line or several
	Hours        string // when the phone is answered, e.g. "Monday to Friday, 9am to 5pm"
}

// Configured reports whether the operator gave any way to reach them.
func (c AccessibilityContact) Configured() bool {
	return c.Email != "" || c.Phone != "" || c.Address != ""
}

// AddressLines splits the address for display, one line each.
func (c AccessibilityContact) AddressLines() []string {
	var out []string
	for _, l := range strings.FieldsFunc(c.Address, func(r rune) bool { return r == '\n' || r == ',' }) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// demoAccessibility is the demonstration's contact: a reserved address and
// a number from the range Ofcom keeps for drama, so nobody is reached.
var demoAccessibility = AccessibilityContact{Organisation: "the Coprod demonstration team", Email: "accessibility@demo.test",
	Phone: "0117 496 0000", Hours: "Monday to Friday, 9am to 5pm (demonstration only: this number reaches nobody)"}

// accessibilityReviewed is when the statement was last reviewed against
// the service; change it at each review.
const accessibilityReviewed = "2 December 2026"

// accessibilityData is the statement's data: the contact, with the
// sensible default when the operator gave none, and the review date.
type accessibilityData struct {
	Contact  AccessibilityContact
	Reviewed string
}

func (s *Server) accessibilityData() accessibilityData {
	c := s.cfg.Accessibility
	if !c.Configured() && s.cfg.Demo {
		c = demoAccessibility
	}
	if c.Organisation == "" {
		c.Organisation = "the organisation that runs this service"
	}
	return accessibilityData{Contact: c, Reviewed: accessibilityReviewed}
}
