// Package findings turns a round's data into the three documents the group
// gets back: "What you told us", "What will change" and "Did it change?".
//
// Generation is a pure function (Generate: the round's data in, a document
// model out). A facilitator then edits each point (its words, its picture,
// whether it is in) and releases the document; members only ever read a
// released version. The words the generator writes itself follow the Easy
// Read conventions: one idea per sentence, at most 15 words, everyday words,
// digits for numbers. Words that come from the group or from staff (a
// factor, a vision statement, a measure's Easy Read text) are kept as they
// were written, one sentence a line, for the facilitator to check.
package findings

import (
	"strings"
	"time"
)

// Kind is one of the three documents. Its value is also its address.
type Kind string

const (
	KindToldUs     Kind = "what-you-told-us"
	KindWillChange Kind = "what-will-change"
	KindDidChange  Kind = "did-it-change"
)

// Kinds lists the documents in the order the group gets them.
var Kinds = []Kind{KindToldUs, KindWillChange, KindDidChange}

// ParseKind returns the kind named by s.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// Title is the document's title.
func (k Kind) Title() string {
	switch k {
	case KindToldUs:
		return "What you told us"
	case KindWillChange:
		return "What will change"
	case KindDidChange:
		return "Did it change?"
	}
	return ""
}

// Picture is the picture key of the document as a whole.
func (k Kind) Picture() string {
	switch k {
	case KindToldUs:
		return PicStory
	case KindWillChange:
		return PicChange
	case KindDidChange:
		return PicCheck
	}
	return ""
}

// Document is one findings document.
type Document struct {
	Kind     Kind      `json:"kind"`
	Title    string    `json:"title"`
	Sections []Section `json:"sections"`
}

// Section is one topic: print starts each on a new page.
type Section struct {
	Key     string  `json:"key"`
	Heading string  `json:"heading"`
	Points  []Point `json:"points"`
}

// Point is one picture and its short sentences.
type Point struct {
	// Key says which piece of the round's data the point came from
	// ("vision:ID"), so that a refresh keeps the facilitator's edits.
	Key     string `json:"key"`
	Picture string `json:"picture"`
	// Text is the point's sentences, one a line.
	Text    string `json:"text"`
	Include bool   `json:"include"`
}

// Quotes reports whether the point gives the group's own words (a factor,
// a vision statement, something a member said): pages mark them as the
// group's, checked by the facilitator rather than rewritten by the page.
func (p Point) Quotes() bool {
	for _, prefix := range []string{"factor:", "vision:", "voice:"} {
		if strings.HasPrefix(p.Key, prefix) && p.Key != "vision:order" {
			return true
		}
	}
	return false
}

// Sentences are the point's lines, trimmed, blank ones left out.
func (p Point) Sentences() []string {
	var out []string
	for _, l := range strings.Split(p.Text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Included is the document as members get it: left-out points and
// sections left empty by them are gone.
func (d Document) Included() Document {
	out := Document{Kind: d.Kind, Title: d.Title}
	for _, s := range d.Sections {
		var ps []Point
		for _, p := range s.Points {
			if p.Include && len(p.Sentences()) > 0 {
				ps = append(ps, p)
			}
		}
		if len(ps) > 0 {
			out.Sections = append(out.Sections, Section{Key: s.Key, Heading: s.Heading, Points: ps})
		}
	}
	return out
}

// Stored is a document as the store keeps it: the facilitator's draft and
// the version released to members, if any.
type Stored struct {
	RoundID    string
	Kind       Kind
	Draft      Document
	EditedBy   string // the account name of who last changed the draft
	EditedAt   time.Time
	Released   *Document // nil until first released
	ReleasedBy string
	ReleasedAt *time.Time
	// Changed is true when the draft differs from the released version.
	Changed bool
}

// Merge refreshes a document from the round's data while keeping what the
// facilitator did: a point whose key was there before keeps its words,
// picture and whether it is in; new points come in as generated; points
// whose data has gone are dropped.
func Merge(fresh, old Document) Document {
	kept := map[string]Point{}
	for _, s := range old.Sections {
		for _, p := range s.Points {
			kept[p.Key] = p
		}
	}
	out := Document{Kind: fresh.Kind, Title: fresh.Title}
	for _, s := range fresh.Sections {
		ns := Section{Key: s.Key, Heading: s.Heading}
		for _, p := range s.Points {
			if o, ok := kept[p.Key]; ok {
				p.Text, p.Picture, p.Include = o.Text, o.Picture, o.Include
			}
			ns.Points = append(ns.Points, p)
		}
		out.Sections = append(out.Sections, ns)
	}
	return out
}
