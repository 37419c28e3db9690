package findings

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
)

// MaxPointText is the most a point may hold: a few short sentences.
const MaxPointText = 1000

// PointEdit is what the facilitator sets for one point.
type PointEdit struct {
	Key     string
	Text    string
	Picture string
	Include bool
}

// Edit is the facilitator's edit of a whole draft: one PointEdit for each
// point, in the draft's order.
type Edit struct {
	Points []PointEdit
	// KnownPicture says whether a picture key is in the picture set.
	KnownPicture func(string) bool `json:"-"`
}

// Apply checks the edit against the draft and returns the edited draft, or
// field errors named text_N and picture_N (N counting points from 0 through
// the whole document), each worded for the facilitator. A point missing
// from the edit, or one the draft does not have, means the draft changed
// under the form: that is a conflict, not a field problem.
func (e Edit) Apply(d Document) (Document, error) {
	n := 0
	for _, s := range d.Sections {
		n += len(s.Points)
	}
	if len(e.Points) != n {
		return d, apperr.Errorf(apperr.Conflict, "The document changed while you were editing it. Open it again and make your changes.")
	}
	var fs []apperr.FieldError
	out := Document{Kind: d.Kind, Title: d.Title}
	i := 0
	for _, s := range d.Sections {
		ns := Section{Key: s.Key, Heading: s.Heading}
		for _, p := range s.Points {
			pe := e.Points[i]
			if pe.Key != p.Key {
				return d, apperr.Errorf(apperr.Conflict, "The document changed while you were editing it. Open it again and make your changes.")
			}
			field := strconv.Itoa(i)
			text := tidy(pe.Text)
			switch {
			case pe.Include && text == "":
				fs = append(fs, apperr.FieldError{Field: "text_" + field,
					Message: "Write the words for point " + strconv.Itoa(i+1) + ", or leave it out"})
			case utf8.RuneCountInString(text) > MaxPointText:
				fs = append(fs, apperr.FieldError{Field: "text_" + field,
					Message: "Point " + strconv.Itoa(i+1) + " must be " + strconv.Itoa(MaxPointText) + " characters or fewer: split it into two points or shorten it"})
			}
			pic := strings.TrimSpace(pe.Picture)
			if pic == "" || (e.KnownPicture != nil && !e.KnownPicture(pic)) {
				fs = append(fs, apperr.FieldError{Field: "picture_" + field,
					Message: "Choose a picture for point " + strconv.Itoa(i+1) + " from the list"})
			}
			ns.Points = append(ns.Points, Point{Key: p.Key, Picture: pic, Text: text, Include: pe.Include})
			i++
		}
		out.Sections = append(out.Sections, ns)
	}
	if err := apperr.Fields(fs); err != nil {
		return d, err
	}
	return out, nil
}

// tidy trims each line and drops blank ones, so the stored text is one
// sentence a line.
func tidy(s string) string {
	return strings.Join(Point{Text: strings.ReplaceAll(s, "\r", "")}.Sentences(), "\n")
}
