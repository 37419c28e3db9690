package adjustment

import (
	"errors"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

func fieldErrors(err error) map[string]string {
	out := map[string]string{}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		for _, f := range ae.Fields {
			out[f.Field] = f.Message
		}
	}
	return out
}

func TestInputValidate(t *testing.T) {
	good := Input{Category: "information_format", Need: "  I read Easy Read best ", Details: " Letters in Easy Read ",
		Share: false, ShareOrgID: "org1", ReviewOn: "2027-06-01"}
	if err := good.Validate("2026-12-02"); err != nil {
		t.Fatalf("good input refused: %v", err)
	}
	if good.Need != "I read Easy Read best" || good.Details != "Letters in Easy Read" || good.ShareOrgID != "" {
		t.Errorf("not tidied: %+v", good)
	}

	bad := Input{Category: "telepathy", Need: "", Details: strings.Repeat("x", 2001), Share: true, ReviewOn: "2026-12-02"}
	got := fieldErrors(bad.Validate("2026-12-02"))
	want := map[string]string{
		"category":  "Select the kind of adjustment",
		"need":      "Enter what the person needs",
		"details":   "The adjustment must be 2,000 characters or fewer",
		"share_org": "Select who to share it with, or say not to share it",
		"review_on": "The review date must be in the future",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("errors %v", got)
	}
	notADate := Input{Category: "bespoke", Need: "n", Details: "d", ReviewOn: "31/02/2027"}
	if m := fieldErrors(notADate.Validate("2026-12-02"))["review_on"]; !strings.HasPrefix(m, "Enter the review date as a real date") {
		t.Errorf("review_on %q", m)
	}
}

func TestEntryWords(t *testing.T) {
	e := Entry{Category: "communication_professional", Share: true, ShareOrgID: "o", Status: Active}
	if e.CategoryLabel() != "Communication professional" || !e.Shared() {
		t.Errorf("%q %v", e.CategoryLabel(), e.Shared())
	}
	e.Status = Ended
	if e.Shared() {
		t.Error("an ended entry is shared")
	}
}
