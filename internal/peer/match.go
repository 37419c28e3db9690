package peer

import (
	"cmp"
	"fmt"
	"github.com/coprod/coprod/internal/words"
	"slices"
	"strings"
)

// Meeting is how people can meet: in person in some places, by phone, by
// video.
type Meeting struct {
	Places []string
	Phone  bool
	Video  bool
}

// empty reports whether nothing was said about meeting.
func (m Meeting) empty() bool { return len(m.Places) == 0 && !m.Phone && !m.Video }

// Supporter is a peer supporter as matching sees them.
type Supporter struct {
	ID, Name    string
	Experiences []string // the areas of lived experience they share
	Languages   []string
	AccessNeeds []string // the access needs they can meet
	Meeting     Meeting
	Capacity    int // how many people they can support at once
	Supporting  int // how many they support now
}

// Space is how many more people the supporter can take on.
func (s Supporter) Space() int { return max(0, s.Capacity-s.Supporting) }

// Need is what the person told us matters to them in a peer supporter.
// What they left empty is not held against anyone.
type Need struct {
	Experiences []string
	Languages   []string // in the person's order of preference
	AccessNeeds []string
	Meeting     Meeting  // the ways that suit them
	NotThese    []string // supporters the person asked not to be offered again
}

// Suggestion is one supporter offered to the person, with what they have in
// common and the reasons in words.
type Suggestion struct {
	Supporter Supporter
	Shared    []string // experiences in common, in the person's words
	Language  string   // a language they share; "" when none or none asked
	NeedsMet  []string
	Unmet     []string // access needs the supporter cannot meet
	MeetBy    []string // ways that suit both, in words: "in Leeds", "by phone"
	// Fits is true when support can work at all: a shared language, every
	// access need met and a way to meet. Suggestions that fit come first.
	Fits    bool
	Reasons []string
}

// Suggest ranks the supporters for the person. Supporters with no space,
// and those the person asked not to be offered again, are left out. The
// order, each step breaking the ties of the one before:
//
//  1. support can work (a shared language, every access need met, a way
//     to meet) before it cannot;
//  2. more experiences shared;
//  3. more access needs met;
//  4. more ways to meet;
//  5. more space;
//  6. name, so the order never depends on how the list was read.
//
// Nothing here assigns anyone: the person chooses (see Choice).
func Suggest(n Need, supporters []Supporter) []Suggestion {
	var out []Suggestion
	for _, s := range supporters {
		if s.Space() == 0 || containsFold(n.NotThese, s.ID) {
			continue
		}
		out = append(out, suggestion(n, s))
	}
	slices.SortStableFunc(out, func(a, b Suggestion) int {
		if a.Fits != b.Fits {
			if a.Fits {
				return -1
			}
			return 1
		}
		return cmp.Or(
			cmp.Compare(len(b.Shared), len(a.Shared)),
			cmp.Compare(len(b.NeedsMet), len(a.NeedsMet)),
			cmp.Compare(len(b.MeetBy), len(a.MeetBy)),
			cmp.Compare(b.Supporter.Space(), a.Supporter.Space()),
			cmp.Compare(strings.ToLower(a.Supporter.Name), strings.ToLower(b.Supporter.Name)),
			cmp.Compare(a.Supporter.ID, b.Supporter.ID),
		)
	})
	return out
}

func suggestion(n Need, s Supporter) Suggestion {
	g := Suggestion{Supporter: s}
	g.Shared = common(n.Experiences, s.Experiences)
	for _, l := range n.Languages {
		if containsFold(s.Languages, l) {
			g.Language = strings.TrimSpace(l)
			break
		}
	}
	for _, a := range n.AccessNeeds {
		a = strings.TrimSpace(a)
		if containsFold(s.AccessNeeds, a) {
			g.NeedsMet = append(g.NeedsMet, a)
		} else {
			g.Unmet = append(g.Unmet, a)
		}
	}
	for _, p := range common(n.Meeting.Places, s.Meeting.Places) {
		g.MeetBy = append(g.MeetBy, "in "+p)
	}
	if n.Meeting.Phone && s.Meeting.Phone {
		g.MeetBy = append(g.MeetBy, "by phone")
	}
	if n.Meeting.Video && s.Meeting.Video {
		g.MeetBy = append(g.MeetBy, "by video")
	}
	language := len(n.Languages) == 0 || g.Language != ""
	meet := n.Meeting.empty() || len(g.MeetBy) > 0
	g.Fits = language && len(g.Unmet) == 0 && meet
	g.Reasons = reasons(n, g, language, meet)
	return g
}

// reasons says why the supporter is where they are in the list, in the
// order the ranking weighs things, leaving out what the person did not ask.
func reasons(n Need, g Suggestion, language, meet bool) []string {
	var rs []string
	switch {
	case len(g.Shared) > 0:
		rs = append(rs, "Has lived experience of "+words.And(g.Shared)+", like you.")
	case len(n.Experiences) > 0:
		rs = append(rs, "Does not share the experiences you told us about.")
	}
	switch {
	case len(n.Languages) == 0:
	case language:
		rs = append(rs, "Speaks "+g.Language+".")
	default:
		rs = append(rs, "Does not speak "+words.Or(n.Languages)+".")
	}
	switch {
	case len(n.AccessNeeds) == 0:
	case len(g.Unmet) == 0:
		rs = append(rs, "Can meet your access needs: "+words.And(g.NeedsMet)+".")
	default:
		if len(g.NeedsMet) > 0 {
			rs = append(rs, "Can meet your access needs for "+words.And(g.NeedsMet)+".")
		}
		rs = append(rs, "Cannot meet your access needs for "+words.Or(g.Unmet)+".")
	}
	switch {
	case n.Meeting.empty():
	case meet:
		rs = append(rs, "Can meet you "+words.Or(g.MeetBy)+".")
	default:
		rs = append(rs, "Cannot meet you in the ways you chose.")
	}
	if sp := g.Supporter.Space(); sp == 1 {
		rs = append(rs, "Has space for 1 more person.")
	} else {
		rs = append(rs, fmt.Sprintf("Has space for %d more people.", sp))
	}
	return rs
}

// common returns the items of want that have also has, in want's order and
// words, compared without regard to case or surrounding spaces.
func common(want, has []string) []string {
	var out []string
	for _, w := range want {
		if containsFold(has, w) {
			out = append(out, strings.TrimSpace(w))
		}
	}
	return out
}

func containsFold(xs []string, x string) bool {
	x = strings.TrimSpace(x)
	return slices.ContainsFunc(xs, func(y string) bool { return strings.EqualFold(strings.TrimSpace(y), x) })
}
