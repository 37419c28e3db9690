package evidence

import (
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

// Statement is an "I statement" of the group's vision.
type Statement struct {
	ID        string
	RoundID   string
	Body      string
	Author    Author
	Links     []Link // stories, factors and services behind it, as far as the reader may see
	Dots      int    // dots it got; counted only once voting has closed
	MyDots    int    // the reading member's dots on it
	CreatedAt time.Time
}

// Link points from a statement to a piece of evidence behind it.
type Link struct {
	Kind  Kind   `json:"kind"`
	ID    string `json:"id"`
	Title string `json:"title"`
}

// NewStatement is what a member enters, with what lies behind it.
type NewStatement struct {
	MemberID string
	Body     string
	Links    []Link // Kind and ID only
}

// Validate checks the statement is written in the first person.
func (n *NewStatement) Validate() error {
	n.Body = strings.TrimSpace(n.Body)
	var fs []apperr.FieldError
	if n.MemberID == "" {
		fs = append(fs, apperr.FieldError{Field: "member_id", Message: "Select whose statement this is"})
	}
	if m := required("the statement", n.Body, 500); m != "" {
		fs = append(fs, apperr.FieldError{Field: "body", Message: m})
	} else if !strings.HasPrefix(n.Body, "I ") && !strings.HasPrefix(n.Body, "I’") && !strings.HasPrefix(n.Body, "I'") {
		fs = append(fs, apperr.FieldError{Field: "body", Message: "Start the statement with “I”, like “I choose who supports me”"})
	}
	for _, l := range n.Links {
		if l.Kind != KindStory && l.Kind != KindFactor && l.Kind != KindService {
			fs = append(fs, apperr.FieldError{Field: "links", Message: "Choose stories, factors or services from the lists"})
			break
		}
	}
	return apperr.Fields(fs)
}

// CheckVotes applies the dot vote rule: a member places whole dots, none
// negative, at most dots in all, only on the round's statements.
func CheckVotes(alloc map[string]int, dots int, statementIDs map[string]bool) error {
	total := 0
	for id, n := range alloc {
		if !statementIDs[id] {
			return apperr.Errorf(apperr.Invalid, "You can only put dots on this round's statements")
		}
		if n < 0 {
			return apperr.Fields([]apperr.FieldError{{Field: "dots_" + id, Message: "Dots cannot be less than 0"}})
		}
		total += n
	}
	if total > dots {
		return apperr.Fields([]apperr.FieldError{{Field: "dots", Message: "You have placed " + strconv.Itoa(total) +
			" dots but you have " + strconv.Itoa(dots) + ". Take " + strconv.Itoa(total-dots) + " off."}})
	}
	return nil
}
