package ledger

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

// Issue 14: a commitment due on 1 January 2020 was accepted for something
// said in November 2026. Nothing can fall due, or be promised, before it
// was said; the day it was said is allowed.
func TestCommitmentCannotBeDueBeforeItWasSaid(t *testing.T) {
	base := NewCommitment{OwnerOrgID: "o", OwnerUserID: "u", What: "Call back within 1 hour", Today: "2026-12-01", SaidOn: "2026-11-10"}
	cases := []struct {
		due, committed, fields string
	}{
		{"1 January 2020", "", "due_on"},
		{"2020-01-01", "2026-11-09", "due_on,committed_on"},
		{"9 November 2026", "2026-11-10", "due_on"},
		{"10 November 2026", "10 November 2026", ""},
		{"31 March 2027", "", ""},
		{"not a date", "", "due_on"}, // one problem for the field, not two
	}
	for _, c := range cases {
		n := base
		n.DueOn, n.CommittedOn = c.due, c.committed
		err := n.Validate()
		if got := fieldNames(err); got != c.fields {
			t.Errorf("due %q committed %q: fields %q, want %q", c.due, c.committed, got, c.fields)
		}
		for _, f := range apperr.FieldsOf(err) {
			if f.Field == "due_on" && c.due != "not a date" && !strings.Contains(f.Message, "10 November 2026") {
				t.Errorf("the message should name the day it was said: %q", f.Message)
			}
		}
	}
	// The store's check, given the stored item's date, says the same.
	n := base
	n.SaidOn, n.DueOn = "", "2020-01-01"
	if err := n.Validate(); err != nil {
		t.Fatalf("without the said date Validate cannot tell: %v", err)
	}
	if got := fieldNames(n.CheckSaid("2026-11-10")); got != "due_on" {
		t.Fatalf("CheckSaid: %q", got)
	}
	if err := n.CheckSaid("2019-12-31"); err != nil {
		t.Fatalf("due after it was said: %v", err)
	}
}
