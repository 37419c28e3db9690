package round

import (
	"sort"
	"time"
)

// ConsentPurpose is one thing a member may consent to.
type ConsentPurpose string

const (
	ConsentTakePart       ConsentPurpose = "take_part"
	ConsentShareAnonymous ConsentPurpose = "share_anonymised"
	ConsentSharePseudonym ConsentPurpose = "share_pseudonym"
	ConsentQuote          ConsentPurpose = "quote"
	ConsentResearch       ConsentPurpose = "research"
)

// ConsentPurposes lists the purposes in the order forms show them.
var ConsentPurposes = []ConsentPurpose{ConsentTakePart, ConsentShareAnonymous, ConsentSharePseudonym, ConsentQuote, ConsentResearch}

// Label is the purpose in the member's words.
func (p ConsentPurpose) Label() string {
	switch p {
	case ConsentTakePart:
		return "Take part in the group"
	case ConsentShareAnonymous:
		return "Share my story without my name"
	case ConsentSharePseudonym:
		return "Share my story with my group name"
	case ConsentQuote:
		return "Quote what I say"
	case ConsentResearch:
		return "Use what I share in research"
	}
	return ""
}

// ConsentRecord is one recorded decision: consent given or withdrawn.
type ConsentRecord struct {
	MemberID   string
	Purpose    ConsentPurpose
	Given      bool
	RecordedBy string // user id
	RecordedAt time.Time
}

// Consent is a member's current consent: the latest record for each
// purpose. No record means no consent.
type Consent struct {
	Given map[ConsentPurpose]bool
	// Withdrawn lists purposes once given and now withdrawn, for the
	// facilitator to see.
	Withdrawn map[ConsentPurpose]bool
}

// Current folds records (in any order) into the member's current consent.
func Current(records []ConsentRecord) Consent {
	rs := append([]ConsentRecord(nil), records...)
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].RecordedAt.Before(rs[j].RecordedAt) })
	c := Consent{Given: map[ConsentPurpose]bool{}, Withdrawn: map[ConsentPurpose]bool{}}
	for _, r := range rs {
		c.Given[r.Purpose] = r.Given
		c.Withdrawn[r.Purpose] = !r.Given
	}
	return c
}

// TakesPart says whether anything the member contributed may be shown
// beyond the facilitators: factors, feedback, statements, "me too"s, votes.
func (c Consent) TakesPart() bool { return c.Given[ConsentTakePart] }

// SharesStory says whether the member's stories may be shown beyond the
// facilitators: they take part and agreed to share, named or not.
func (c Consent) SharesStory() bool {
	return c.TakesPart() && (c.Given[ConsentShareAnonymous] || c.Given[ConsentSharePseudonym])
}

// Named says whether the member's group name may be shown with what they
// shared; otherwise it is attributed to "A group member".
func (c Consent) Named() bool { return c.Given[ConsentSharePseudonym] }

// PartWithdrawn says the member withdrew consent to take part (rather
// than never giving it), for facilitators to see why content is hidden.
func (c Consent) PartWithdrawn() bool { return c.Withdrawn[ConsentTakePart] }

// StoryWithdrawn says the member's stories are hidden because consent was
// withdrawn — to share them, or to take part — not because it was never given.
func (c Consent) StoryWithdrawn() bool {
	return !c.SharesStory() && (c.PartWithdrawn() || c.Withdrawn[ConsentShareAnonymous] || c.Withdrawn[ConsentSharePseudonym])
}

// AnyWithdrawn reports whether the member has withdrawn any consent.
func (c Consent) AnyWithdrawn() bool {
	for _, w := range c.Withdrawn {
		if w {
			return true
		}
	}
	return false
}

// Anonymous is how content is attributed when its author is not named.
const Anonymous = "A group member"

// Attribution is who a piece of content by memberID is shown as by: the
// pseudonym when the member agreed to be named, the reader is a
// facilitator, or the reader is that member.
func Attribution(memberID, pseudonym string, named bool, a Audience) string {
	if named || a.Sees(memberID) {
		return pseudonym
	}
	return Anonymous
}

// Audience is who is reading, as far as consent is concerned.
type Audience struct {
	// Facilitator: the round's facilitators see everything, with withdrawn
	// content marked.
	Facilitator bool
	// Self is the reader's own member id, if they are in the group: people
	// always see what they contributed themselves, whatever they consented
	// to share with others.
	Self string
}

var (
	// Group is everyone who is not a facilitator of the round: content of
	// members who withdrew consent is left out of every list, page, count
	// and export they get.
	Group = Audience{}
	// Facilitators see everything, with withdrawn content marked.
	Facilitators = Audience{Facilitator: true}
)

// As returns the audience for the member memberID reading.
func (a Audience) As(memberID string) Audience {
	a.Self = memberID
	return a
}

// Sees reports whether the audience sees everything of memberID regardless
// of consent: facilitators, and the member themselves.
func (a Audience) Sees(memberID string) bool {
	return a.Facilitator || (a.Self != "" && a.Self == memberID)
}
