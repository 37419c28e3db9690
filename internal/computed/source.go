// Package computed gives a contract indicator a value worked out from
// Coprod's own records, period by period, instead of a value the provider
// types: a user-led organisation's peer support offer at one point in
// people's lives (the share offered support within the time standard, or
// the share who took it up), or the provider's training reach (its staff
// trained by people with lived experience, as a share of the staff it
// declares). The payment profile then pays on it like any reported value.
//
// The package is pure: records come through the Records interface.
package computed

import (
	"strings"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/peer"
)

// Kind is what an indicator's value is computed from.
type Kind string

const (
	// PeerWithin: of the referrals made in the period whose time standard
	// has come due, the percentage offered peer support within it.
	PeerWithin Kind = "peer_within"
	// PeerUptake: of the people referred in the period who have answered
	// the offer, the percentage who chose a peer supporter.
	PeerUptake Kind = "peer_uptake"
	// TrainingReach: the contract's provider's staff trained by the end of
	// the period, as a percentage of the staff it declares.
	TrainingReach Kind = "training_reach"
)

// Kinds lists every kind in the order forms show them.
var Kinds = []Kind{PeerWithin, PeerUptake, TrainingReach}

// Source says where one indicator's value comes from.
type Source struct {
	Indicator string // the payment profile's indicator id, e.g. "I1"
	Kind      Kind
	// OrgID is the user-led organisation whose offer is measured (peer
	// kinds only); OrgName is its name, filled in by storage.
	OrgID, OrgName string
	Trigger        peer.Trigger // peer kinds only
	// Role narrows training reach to one role, compared without regard to
	// case; "" counts every role the provider declares.
	Role string
}

// maxRole matches the longest role a provider can declare.
const maxRole = 100

// Validate normalises the source and says what is wrong with it.
func (s *Source) Validate() error {
	s.Role = strings.TrimSpace(s.Role)
	var fs []apperr.FieldError
	add := func(msg string) { fs = append(fs, apperr.FieldError{Field: "source_" + s.Indicator, Message: msg}) }
	switch s.Kind {
	case PeerWithin, PeerUptake:
		if s.OrgID == "" || !s.Trigger.Valid() {
			add(s.Indicator + ": choose the peer support offer the value comes from")
		}
		s.Role = ""
	case TrainingReach:
		s.OrgID, s.Trigger = "", ""
		if utf8.RuneCountInString(s.Role) > maxRole {
			add(s.Indicator + ": the role must be 100 characters or fewer")
		}
	default:
		add(s.Indicator + ": choose where the value comes from")
	}
	if s.Indicator == "" {
		add("Choose the indicator")
	}
	return apperr.Fields(fs)
}

// Words says in plain English what the value is.
func (s Source) Words() string {
	switch s.Kind {
	case PeerWithin:
		return "The share of people referred to " + s.OrgName + " for peer support after " + strings.ToLower(s.Trigger.Label()) +
			" who were offered it within the time standard."
	case PeerUptake:
		return "Of the people referred to " + s.OrgName + " for peer support after " + strings.ToLower(s.Trigger.Label()) +
			" who have answered the offer, the share who took it up."
	case TrainingReach:
		who := "staff"
		if s.Role != "" {
			who = "staff in the role " + s.Role
		}
		return "The provider's " + who + " trained by people with lived experience, as a share of the " + who + " it declares."
	}
	return ""
}
