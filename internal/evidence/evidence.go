// Package evidence holds what a lived experience group builds in a round:
// stories and pathways, risk and protective factors, existing services with
// peer feedback, vision statements with dot votes, and themes across them.
// It is pure: internal/store implements Service, filtering by consent.
package evidence

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
)

// Kind names a kind of evidence, for links, themes and the evidence map.
type Kind string

const (
	KindStory    Kind = "story"
	KindFactor   Kind = "factor"
	KindService  Kind = "service"
	KindFeedback Kind = "feedback"
	KindVision   Kind = "vision"
	// KindResearch is a coded segment a researcher offered the round
	// (internal/qda): it comes with its theme, so it is never tagged here.
	KindResearch Kind = "research"
)

// Kinds lists the kinds in the order the evidence map shows them.
var Kinds = []Kind{KindStory, KindFactor, KindService, KindFeedback, KindVision, KindResearch}

// Label is the kind in plain English, plural, for headings.
func (k Kind) Label() string {
	return map[Kind]string{KindStory: "Stories", KindFactor: "Factors", KindService: "Services",
		KindFeedback: "Feedback", KindVision: "Vision statements", KindResearch: "Research"}[k]
}

// Author is who contributed an item, as the reader may see them.
type Author struct {
	MemberID string
	Name     string // the pseudonym, or round.Anonymous
	// Hidden: the group does not see the item; only facilitators, and the
	// author themselves (Own), get it.
	Hidden bool
	// Withdrawn: it is hidden because the author withdrew consent, rather
	// than never gave it.
	Withdrawn bool
	Own       bool // the reader is the author
}

// Story is a member's life story with their pathway through services.
type Story struct {
	ID        string
	RoundID   string
	Title     string
	Body      string
	EasyRead  string
	Author    Author
	Steps     []Step
	CreatedAt time.Time
}

// Feeling is how a step of a pathway felt, on a 5-point scale with words.
type Feeling int

// Feelings lists the scale from worst to best.
var Feelings = []Feeling{1, 2, 3, 4, 5}

// Label is the feeling in words, so the scale never relies on colour or emoji.
func (f Feeling) Label() string {
	switch f {
	case 1:
		return "Very bad"
	case 2:
		return "Bad"
	case 3:
		return "Neither good nor bad"
	case 4:
		return "Good"
	case 5:
		return "Very good"
	}
	return ""
}

// Step is one step of a pathway through services.
type Step struct {
	Position     int     `json:"position"`
	Touchpoint   string  `json:"touchpoint"`
	WhatHappened string  `json:"what_happened"`
	Feeling      Feeling `json:"feeling"`
	Helped       string  `json:"helped"`
	Hurt         string  `json:"hurt"`
}

// NewStory is what a member (or a facilitator for them) enters.
type NewStory struct {
	MemberID string
	Title    string
	Body     string
	EasyRead string
}

// Validate normalises the input and returns every problem at once.
func (n *NewStory) Validate() error {
	n.Title, n.Body, n.EasyRead = strings.TrimSpace(n.Title), strings.TrimSpace(n.Body), strings.TrimSpace(n.EasyRead)
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	if n.MemberID == "" {
		add("member_id", "Select whose story this is")
	}
	if m := required("a title for the story", n.Title, 200); m != "" {
		add("title", m)
	}
	if m := required("the story", n.Body, 20000); m != "" {
		add("body", m)
	}
	if m := optional("the Easy Read summary", n.EasyRead, 5000); m != "" {
		add("easy_read", m)
	}
	return apperr.Fields(fs)
}

// Validate checks one pathway step.
func (s *Step) Validate() error {
	s.Touchpoint, s.WhatHappened = strings.TrimSpace(s.Touchpoint), strings.TrimSpace(s.WhatHappened)
	s.Helped, s.Hurt = strings.TrimSpace(s.Helped), strings.TrimSpace(s.Hurt)
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	if m := required("the service or place", s.Touchpoint, 200); m != "" {
		add("touchpoint", m)
	}
	if m := required("what happened", s.WhatHappened, 5000); m != "" {
		add("what_happened", m)
	}
	if s.Feeling.Label() == "" {
		add("feeling", "Select how it felt")
	}
	if m := optional("what helped", s.Helped, 5000); m != "" {
		add("helped", m)
	}
	if m := optional("what hurt", s.Hurt, 5000); m != "" {
		add("hurt", m)
	}
	return apperr.Fields(fs)
}

func required(what, s string, max int) string {
	if s == "" {
		return "Enter " + what
	}
	return optional(what, s, max)
}

func optional(what, s string, max int) string {
	if utf8.RuneCountInString(s) > max {
		return strings.ToUpper(what[:1]) + what[1:] + " must be " + strconv.Itoa(max) + " characters or fewer"
	}
	return ""
}

// validOption reports whether key is one of opts.
func validOption(opts []round.Option, key string) bool {
	return len(round.Labels(opts, []string{key})) == 1
}
