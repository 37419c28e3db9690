package training

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Staffing is the number of staff in one role that a provider declares.
type Staffing struct {
	OrgID              string
	Organisation, Role string // the organisation's name
	Declared           int
}

// Attendee is one person who attended a session, with where they work and
// their role there. Person identifies them across sessions.
type Attendee struct {
	Person, Organisation, Role string
	OrgID                      string    // the organisation they work for
	By                         string    // the organisation whose trainers trained them
	At                         time.Time // when the session started
}

// Reach is one provider's trained staff in one role.
type Reach struct {
	Organisation, Role string
	Trained            int // different people, however many sessions they came to
	Declared           int // 0 when the provider declared no staff in this role
}

// Percent is trained staff as a whole percentage of declared staff,
// rounded half up; -1 when none are declared. It may pass 100 when the
// declared count is out of date: the page says so rather than hiding it.
func (r Reach) Percent() int {
	if r.Declared == 0 {
		return -1
	}
	return (200*r.Trained + r.Declared) / (2 * r.Declared)
}

// ReachOf counts trained staff per provider and role against the staff
// each declares, roles compared without regard to case. Every declared
// role appears, trained or not; roles with trained staff but no declared
// count appear with Declared 0.
func ReachOf(declared []Staffing, attendees []Attendee) []Reach {
	type key struct{ org, role string }
	norm := func(org, role string) key { return key{org, strings.ToLower(strings.TrimSpace(role))} }
	rows := map[key]*Reach{}
	for _, s := range declared {
		k := norm(s.Organisation, s.Role)
		if rows[k] == nil {
			rows[k] = &Reach{Organisation: s.Organisation, Role: strings.TrimSpace(s.Role)}
		}
		rows[k].Declared += s.Declared
	}
	seen := map[key]map[string]bool{}
	for _, a := range attendees {
		k := norm(a.Organisation, a.Role)
		if rows[k] == nil {
			rows[k] = &Reach{Organisation: a.Organisation, Role: strings.TrimSpace(a.Role)}
		}
		if seen[k] == nil {
			seen[k] = map[string]bool{}
		}
		if !seen[k][a.Person] {
			seen[k][a.Person] = true
			rows[k].Trained++
		}
	}
	out := make([]Reach, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b Reach) int {
		return cmp.Or(cmp.Compare(a.Organisation, b.Organisation), cmp.Compare(strings.ToLower(a.Role), strings.ToLower(b.Role)))
	})
	return out
}

// Trained is how many different people of one organisation another
// organisation's trainers trained.
type Trained struct {
	By, Organisation string
	People           int
}

// WhoTrainedWhom counts, for each training organisation and each
// organisation trained, the different people trained, in name order.
func WhoTrainedWhom(attendees []Attendee) []Trained {
	type key struct{ by, org string }
	people := map[key]map[string]bool{}
	for _, a := range attendees {
		k := key{a.By, a.Organisation}
		if people[k] == nil {
			people[k] = map[string]bool{}
		}
		people[k][a.Person] = true
	}
	out := make([]Trained, 0, len(people))
	for k, ps := range people {
		out = append(out, Trained{By: k.by, Organisation: k.org, People: len(ps)})
	}
	slices.SortFunc(out, func(a, b Trained) int {
		return cmp.Or(cmp.Compare(a.By, b.By), cmp.Compare(a.Organisation, b.Organisation))
	})
	return out
}
