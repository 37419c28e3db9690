package peer

import (
	"strings"

	"github.com/coprod/coprod/internal/apperr"
)

// Choice is the person choosing a peer supporter from their suggestions,
// by themselves or with a coordinator beside them. Nobody is assigned a
// supporter any other way.
type Choice struct {
	SupporterID string
	// WithCoordinator is true when a coordinator records the choice the
	// person made with them (in person, by phone).
	WithCoordinator bool
	// PersonChose must be true: the coordinator confirms the person made
	// this choice themselves. The person's own form sets it.
	PersonChose bool
}

// Check says whether the choice may be carried out against the
// suggestions the person was shown.
func (c Choice) Check(offered []Suggestion) error {
	var fs []apperr.FieldError
	found := false
	for _, s := range offered {
		if s.Supporter.ID == strings.TrimSpace(c.SupporterID) {
			found = true
		}
	}
	if !found {
		fs = append(fs, apperr.FieldError{Field: "supporter", Message: "Choose one of the peer supporters suggested, or ask for someone else"})
	}
	if !c.PersonChose {
		fs = append(fs, apperr.FieldError{Field: "person_chose", Message: "Confirm that the person chose this peer supporter themselves"})
	}
	return apperr.Fields(fs)
}
