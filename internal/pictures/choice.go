package pictures

import (
	"context"

	"github.com/coprod/coprod/internal/apperr"
)

// Kind is a kind of thing a facilitator may give a picture.
type Kind string

const (
	KindVision    Kind = "vision_statement"
	KindMeasure   Kind = "measure"
	KindProposal  Kind = "proposal"
	KindVoiceItem Kind = "voice_item"
)

// Kinds lists every kind.
var Kinds = []Kind{KindVision, KindMeasure, KindProposal, KindVoiceItem}

// Label is the kind in words: "Choose a picture for this <label>".
func (k Kind) Label() string {
	switch k {
	case KindVision:
		return "vision statement"
	case KindMeasure:
		return "measure"
	case KindProposal:
		return "proposal"
	case KindVoiceItem:
		return "thing the group said"
	}
	return string(k)
}

// Choice gives one thing a picture; an empty Key takes its picture away.
type Choice struct {
	Kind   Kind
	ItemID string
	Key    string
}

// Validate checks the picture is one of the set.
func (c *Choice) Validate() error {
	known := false
	for _, k := range Kinds {
		known = known || k == c.Kind
	}
	if !known || c.ItemID == "" {
		return apperr.Errorf(apperr.Invalid, "Pictures cannot be chosen for this.")
	}
	if c.Key != "" && !Valid(c.Key) {
		return apperr.Fields([]apperr.FieldError{{Field: "picture", Message: "Choose a picture from the list, or no picture"}})
	}
	return nil
}

// Service keeps the pictures chosen for things.
type Service interface {
	// ChoosePicture validates and keeps a choice, audited.
	ChoosePicture(ctx context.Context, c Choice) error
	// ChosenPictures returns the key chosen for each of ids of one kind
	// that has one.
	ChosenPictures(ctx context.Context, kind Kind, ids []string) (map[string]string, error)
}
