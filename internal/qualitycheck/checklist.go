// Package qualitycheck is quality checks led by a user-led organisation
// (ULO): the ULO's quality checkers, people with lived experience, visit a
// provider's service and answer an Easy Read checklist, each question with
// a picture and three answers (good, OK, needs to change) that need no
// typing; "what we saw" is optional. The finished report, in Easy Read and
// plain English, goes to the provider, who answers each point; every
// "needs to change" point becomes a voice item in the ledger, so the public
// board follows what was done about it. The package is pure: no storage,
// no pages.
package qualitycheck

// Question is one question of the checklist. Picture is a key of the Easy
// Read picture set (internal/pictures); Plain says the same as a standard
// the service should meet, for the plain English report and the ledger.
type Question struct {
	Key      string
	EasyRead string
	Plain    string
	Picture  string
}

// Checklist is the checklist every visit uses, in the order it is asked.
// The questions follow what quality checkers with learning disabilities
// look at on a visit: being welcomed, getting in and around, being spoken
// to, information, choice, a quiet place, feeling safe, and complaining.
var Checklist = []Question{
	{"welcome", "Did staff say hello and tell you their name?", "Staff should greet people and say who they are.", "hello"},
	{"way_in", "Was it easy to find the way in and get around?", "The building should be easy to find, get into and move around.", "door"},
	{"talk_to", "Did staff talk to people, not about them?", "Staff should speak to the people they support, not about them.", "talk"},
	{"information", "Is information easy to read, with pictures?", "Information should be in Easy Read or another format people can use.", "read"},
	{"choice", "Do people choose what they do each day?", "People should make their own choices about their day.", "choose"},
	{"quiet", "Is there a quiet place to go?", "There should be a quiet space for anyone who needs one.", "quiet"},
	{"safe", "Do people feel safe here?", "People should feel safe and know who to tell if they do not.", "safe"},
	{"complain", "Do people know how to complain?", "People should know how to complain and feel able to.", "complaint"},
}

// QuestionAt returns the checklist's question with the key, and its place
// in the checklist (0 first).
func QuestionAt(key string) (Question, int, bool) {
	for i, q := range Checklist {
		if q.Key == key {
			return q, i, true
		}
	}
	return Question{}, -1, false
}

// Answer is what the checkers found for one question.
type Answer string

const (
	Good        Answer = "good"
	OK          Answer = "ok"
	NeedsChange Answer = "needs_change"
)

// Answers lists the answers in the order the checklist offers them.
var Answers = []Answer{Good, OK, NeedsChange}

// Valid reports whether a is one of the three answers.
func (a Answer) Valid() bool { return a == Good || a == OK || a == NeedsChange }

// Label is the answer as the checklist shows it.
func (a Answer) Label() string {
	switch a {
	case Good:
		return "Good"
	case OK:
		return "OK"
	case NeedsChange:
		return "Needs to change"
	}
	return ""
}

// EasyRead is the answer as a sentence of the Easy Read report.
func (a Answer) EasyRead() string {
	switch a {
	case Good:
		return "We think it is good."
	case OK:
		return "We think it is OK."
	case NeedsChange:
		return "We think it needs to change."
	}
	return ""
}
