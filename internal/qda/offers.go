package qda

import (
	"context"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

// Offer is a coded segment a researcher gave a commissioning round, under
// one of its themes: research feeding commissioning. It keeps the words
// and the codes as they were when offered, so later coding does not change
// what the round was given. When consent for research use of its source
// is withdrawn the offer is hidden from the round, the evidence map and
// the ledger; the project still lists it, marked, so the researcher knows.
type Offer struct {
	ID          string
	ProjectID   string
	ProjectName string
	OrgName     string // the research organisation, named to the round as the source
	SourceID    string
	SourceTitle string
	Start, End  int
	Quote       string
	Codes       []string
	RoundID     string
	RoundTitle  string
	ThemeID     string
	ThemeName   string
	Note        string
	OfferedBy   string // the researcher's name
	OfferedAt   time.Time
	// LedgerItemID is the voice item the round made of it; "" until then.
	LedgerItemID string
	// Withdrawn: consent for research use of the source was withdrawn.
	Withdrawn bool
}

// NewOffer is what a researcher fills in to offer a segment. Theme names
// one of the round's themes; a name the round does not have yet becomes a
// new theme, as a facilitator's would.
type NewOffer struct {
	SegmentID string
	RoundID   string
	Theme     string
	Note      string
}

// Validate tidies the input and returns every problem at once.
func (n *NewOffer) Validate() error {
	n.Theme = strings.Join(strings.Fields(n.Theme), " ")
	n.Note = strings.TrimSpace(n.Note)
	var fs []apperr.FieldError
	if n.SegmentID == "" {
		fs = append(fs, apperr.FieldError{Field: "segment_id", Message: "Choose a coded segment to offer"})
	}
	if n.RoundID == "" {
		fs = append(fs, apperr.FieldError{Field: "round_id", Message: "Select the round to offer it to"})
	}
	fs = append(fs, limit(n.Theme, "theme", 1, 80, "Enter the theme it belongs under, for example “Transport”", "The theme must be 80 characters or fewer")...)
	fs = append(fs, limit(n.Note, "note", 0, 2000, "", "The note must be 2,000 characters or fewer")...)
	return apperr.Fields(fs)
}

// RoundChoice is a round a researcher may offer to: one still gathering
// evidence.
type RoundChoice struct {
	ID, Title, OrgName string
}

// OfferService is research feeding commissioning; internal/store
// implements it. The acting user (audit.WithActor) offers, withdraws
// consent and turns offers into voice items.
type OfferService interface {
	// OfferSegment gives a round a segment the acting user may see, from
	// a source whose consent for research use stands.
	OfferSegment(ctx context.Context, n NewOffer) (*Offer, error)
	// ProjectOffers lists the project's offers, withdrawn ones marked.
	ProjectOffers(ctx context.Context, projectID string) ([]Offer, error)
	// RoundOffers lists what research offered the round, leaving out
	// every offer whose source's consent was withdrawn.
	RoundOffers(ctx context.Context, roundID string) ([]Offer, error)
	// OfferRounds lists the rounds that can be offered to.
	OfferRounds(ctx context.Context) ([]RoundChoice, error)
	// OfferToLedger records the offer as a voice item of its round, said
	// in research, concerning the round's commissioning organisation.
	OfferToLedger(ctx context.Context, roundID, offerID, today string) (string, error)
	// WithdrawnSources says which of the project's sources had consent
	// for research use withdrawn.
	WithdrawnSources(ctx context.Context, projectID string) (map[string]bool, error)
	// WithdrawConsent records that consent for research use of a source
	// was withdrawn, and hides its offers and their voice items at once.
	WithdrawConsent(ctx context.Context, projectID, sourceID string) error
}
