package evidence

import (
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
)

// FactorKinds: what harms how people feel about themselves, or what protects it.
var FactorKinds = []round.Option{
	{Key: "protective", Label: "Protective: helps me feel good about myself"},
	{Key: "risk", Label: "Risk: harms how I feel about myself"},
}

// Domains are the parts of life a factor belongs to.
var Domains = []round.Option{
	{Key: "health", Label: "Health"},
	{Key: "relationships", Label: "Relationships"},
	{Key: "home", Label: "Home"},
	{Key: "money", Label: "Money"},
	{Key: "work_learning", Label: "Work and learning"},
	{Key: "community", Label: "Community"},
	{Key: "choice_control", Label: "Choice and control"},
	{Key: "safety", Label: "Safety"},
	{Key: "identity", Label: "Identity"},
}

// Factor is a risk or protective factor named by a member.
type Factor struct {
	ID           string
	RoundID      string
	Kind         string
	Domain       string
	Description  string
	StoryID      string // "" when not linked, or when the story is hidden from the reader
	Author       Author
	MeToo        int  // endorsements the reader may count
	EndorsedByMe bool // the reading member said "me too"
	CreatedAt    time.Time
}

// KindLabel and DomainLabel name the factor's kind and domain.
func (f Factor) KindLabel() string   { return label(FactorKinds, f.Kind) }
func (f Factor) DomainLabel() string { return label(Domains, f.Domain) }

func label(opts []round.Option, key string) string {
	if l := round.Labels(opts, []string{key}); len(l) == 1 {
		return l[0]
	}
	return key
}

// NewFactor is what a member enters.
type NewFactor struct {
	MemberID    string
	Kind        string
	Domain      string
	Description string
	StoryID     string
}

// Validate normalises the input and returns every problem at once.
func (n *NewFactor) Validate() error {
	n.Description = strings.TrimSpace(n.Description)
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	if n.MemberID == "" {
		add("member_id", "Select whose factor this is")
	}
	if !validOption(FactorKinds, n.Kind) {
		add("kind", "Select whether it helps or harms")
	}
	if !validOption(Domains, n.Domain) {
		add("domain", "Select the part of life it is about")
	}
	if m := required("what it is", n.Description, 2000); m != "" {
		add("description", m)
	}
	return apperr.Fields(fs)
}
