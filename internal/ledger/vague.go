package ledger

import (
	"strings"
	"unicode"
)

// VagueWord is a word or phrase that lets a commitment sound like action
// while promising none, with the reason it is on the list.
type VagueWord struct {
	Word   string   // as shown
	Forms  []string // the forms matched, lower case, whole words
	Reason string
}

// VagueWords is the ledger's own list. A commitment is vague when it uses
// any of them and names nothing measurable (see Measurable).
var VagueWords = []VagueWord{
	{"consider", []string{"consider", "considers", "considering", "considered", "consideration"},
		"Considering something is thinking about a change, not making one."},
	{"explore", []string{"explore", "explores", "exploring", "explored", "exploration"},
		"Exploring has no end point: it can go on for ever without anything changing."},
	{"look into", []string{"look into", "looks into", "looking into", "looked into", "look at", "looking at"},
		"Looking into something names no action and no result."},
	{"raise awareness", []string{"raise awareness", "raising awareness", "raised awareness", "awareness raising", "increase awareness"},
		"People knowing more is not a change anyone can feel: it does not say who will do what differently."},
	{"review", []string{"review", "reviews", "reviewing", "reviewed"},
		"A review can end with nothing changing; it promises a report, not a result."},
	{"aim to", []string{"aim to", "aims to", "aiming to", "aspire to", "aspiration"},
		"An aim can be missed without anyone having failed."},
	{"endeavour", []string{"endeavour", "endeavours", "endeavor", "strive", "strives", "striving", "seek to", "seeks to", "try to"},
		"Promising effort is not promising an outcome."},
	{"where possible", []string{"where possible", "where appropriate", "as appropriate", "if possible", "when resources allow", "subject to funding"},
		"An escape clause: it lets the promise lapse without saying when or why."},
	{"work towards", []string{"work towards", "working towards", "work toward", "move towards", "moving towards"},
		"Working towards something never says when it will arrive."},
	{"discuss", []string{"discuss", "discusses", "discussing", "discussion", "discussions", "conversation with", "conversations with"},
		"A conversation is not a change."},
	{"engage", []string{"engage with", "engaging with", "engagement"},
		"Meeting people is how change starts, not the change itself."},
	{"monitor", []string{"monitor", "monitors", "monitoring", "keep under review", "keep an eye on"},
		"Watching a problem is not fixing it."},
	{"continue to", []string{"continue to", "continues to", "continuing to", "carry on"},
		"Promises more of what happens now, which is what the group asked to change."},
	{"going forward", []string{"going forward", "in due course", "in the future", "over time"},
		"Says nothing about when."},
	{"improve", []string{"improve", "improves", "improving", "improved", "improvement", "enhance", "enhanced", "strengthen"},
		"Names a direction but no amount: how much better, for whom, measured how?"},
}

// numberWords make wording measurable without digits ("within two weeks").
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "eleven": true, "twelve": true, "twenty": true, "thirty": true, "forty": true,
	"fifty": true, "hundred": true, "thousand": true, "half": true, "twice": true, "double": true, "percent": true,
}

// months make wording measurable by naming when ("by March").
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}

// VagueReport says whether a commitment's wording is vague, and why.
type VagueReport struct {
	Vague      bool
	Found      []VagueWord // the listed words it uses, in list order
	Measurable bool        // it names a number, an amount or a month
}

// CheckWording finds the listed words in a commitment and whether it names
// anything measurable. "May" is left out of the months: "we may" is the
// opposite of a date.
func CheckWording(text string) VagueReport {
	words := tokens(text)
	joined := " " + strings.Join(words, " ") + " "
	var r VagueReport
	for _, vw := range VagueWords {
		for _, f := range vw.Forms {
			if strings.Contains(joined, " "+f+" ") {
				r.Found = append(r.Found, vw)
				break
			}
		}
	}
	for _, w := range words {
		if numberWords[w] || months[w] || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			r.Measurable = true
			break
		}
	}
	if strings.Contains(text, "%") || strings.Contains(text, "£") {
		r.Measurable = true
	}
	r.Vague = len(r.Found) > 0 && !r.Measurable
	return r
}

// tokens splits text into lower-case words of letters and digits.
func tokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}
