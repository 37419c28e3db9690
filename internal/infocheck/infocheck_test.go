package infocheck

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

func TestNewCheckValidation(t *testing.T) {
	n := NewCheck{Title: "  ", Format: "docx", Profile: "legalese", Source: " "}
	fs := apperr.FieldsOf(n.Validate())
	want := []string{"org_id", "title", "profile", "format", "text"}
	if len(fs) != len(want) {
		t.Fatalf("fields = %+v", fs)
	}
	for i, f := range fs {
		if f.Field != want[i] {
			t.Errorf("field %d = %s, want %s", i, f.Field, want[i])
		}
	}
	big := NewCheck{OrgID: "o", Title: "Big", Format: "text", Profile: "plain", Source: strings.Repeat("a", MaxSourceBytes+1)}
	if fs := apperr.FieldsOf(big.Validate()); len(fs) != 1 || !strings.Contains(fs[0].Message, "2 MB") {
		t.Fatalf("oversized: %+v", fs)
	}
	ok := NewCheck{OrgID: "o", Title: " Letter v2 ", Format: "markdown", Profile: "easyread", Source: "Hello."}
	if err := ok.Validate(); err != nil || ok.Title != "Letter v2" {
		t.Fatalf("valid check: %v %q", err, ok.Title)
	}
}
